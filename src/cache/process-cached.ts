import type {Worker} from 'node:worker_threads'
import type {SourceFile} from '../load/source-file.js'
import type {ProcessedSources, ProcessSettings, SourceResult} from '../process-sources.js'
import {collectResults, processEach, startTopicWorker} from '../process-sources.js'
import {planThreads} from '../workers/plan-threads.js'
import type {Problem} from '../problems/content-error.js'
import {seedKey, type ArticleStore, type LiveKeys} from './article-store.js'
import {readSeed, type ScannedSeed} from './scan-seeds.js'
import {matchInOrder} from '../indexes/match-articles.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** Seeds processed with the help of the cache. */
export interface CachedProcessing extends ProcessedSources {
  /** Files that could not be read after all (changed or vanished since the scan). */
  readonly readProblems: readonly Problem[]
  /** Seeds that had to be parsed and enriched (not in the cache). */
  readonly processedCount: number
  /** The cache keys of this build's seeds. */
  readonly live: LiveKeys
  /** The seeds, with the hash of the bytes actually read where that differed from the scan's. */
  readonly seeds: readonly ScannedSeed[]
  /** Their cache keys (see `seedKey`), in the same order. */
  readonly keys: readonly string[]
}

/** Seeds and their cache keys (see `seedKey`), in the same order. */
export interface SeedKeys {
  readonly seeds: readonly ScannedSeed[]
  readonly keys: readonly string[]
}

/**
 * Parse and enrich the seeds that have no stored result, through
 * `processEach` (on `workers` worker threads, by default as `planThreads`
 * says), and take the others' results from `store`. The result is the same
 * as `processSources` over every seed: articles, problems and invalid files
 * in seed order. New results go into `store` as each chunk is done, so the
 * articles come back without the bodies the store holds (see `ArticleStore`).
 * `earlier` holds the seeds of the scan this build's scan looked at again,
 * with their keys (`BuildScan.earlier`), in a process that runs several builds.
 * `started` is a topic thread the caller started already (`startTopicWorker`),
 * which this uses or stops.
 */
export async function processCached(seedsDir: string, scanned: readonly ScannedSeed[], store: ArticleStore, settings: ProcessSettings, onEach?: (done: number, total: number) => void, workers?: number, earlier?: SeedKeys, started?: Worker): Promise<CachedProcessing> {
  const seeds = [...scanned]
  // Note: each key made once, for looking up and for the live set: at 100,000 seeds, strings of 100 characters each.
  // Those of seeds the scan kept from the build before are that build's, whose hashes the store's map already worked
  // out: at 100,000 seeds, making and looking up new keys took about 0.13 s of a dev build.
  const found = earlier && matchInOrder(earlier.seeds, seeds, (a, b) => compareCodeUnits(a.path, b.path), () => false)
  const keys = seeds.map((seed, index) => earlier?.keys[found?.[index] ?? -1] ?? seedKey(seed))
  const results: (SourceResult | undefined)[] = keys.map((key) => store.get(key))
  // Note: started before the seeds are read, so that it is ready by the time the first of them is.
  // The count is a guess: a seed whose file was touched may turn out unchanged, and `processEach` then stops the thread.
  const topicWorker = planThreads(results.filter((result) => result === undefined).length, process.env, workers).topicThread ? (started ?? startTopicWorker(settings)) : undefined
  if (topicWorker === undefined) await started?.terminate()
  const readProblems: Problem[] = []
  const sources: SourceFile[] = []
  const sourceIndexes: number[] = []
  try {
    for (let index = 0; index < seeds.length; index++) {
      if (results[index]) continue
      const seed = seeds[index] as ScannedSeed
      const source = readSeed(seedsDir, seed)
      if (!('bytes' in source)) {
        readProblems.push(source)
        continue
      }
      if (source.hash !== seed.hash) {
        seeds[index] = {...seed, hash: source.hash}
        const key = seedKey(source)
        keys[index] = key
        const stored = store.get(key)
        if (stored) {
          results[index] = stored
          continue
        }
      }
      sources.push(source)
      sourceIndexes.push(index)
    }
  } catch (error) {
    // Note: a bug while reading; the topic thread must not outlive the build.
    await topicWorker?.terminate()
    throw error
  }
  const fresh = await processEach(sources, settings, {
    threads: planThreads(sources.length, process.env, workers),
    ...(topicWorker ? {topicWorker} : {}),
    keep: (chunk, chunkResults) => store.add(chunk.map(seedKey), chunkResults),
    ...(onEach ? {onEach: (done: number) => onEach(done, sources.length)} : {}),
  })
  fresh.forEach((result, position) => {
    results[sourceIndexes[position] as number] = result
  })

  const live = liveKeys(keys, results)
  return {...collectResults(results, (index) => (seeds[index] as ScannedSeed).file), readProblems, processedCount: sources.length, live, seeds, keys}
}

/**
 * The keys of the seeds that have a result. Note: the set is made only if
 * asked for; a build that changed a few seeds of a large archive asks only
 * how many there are (see `ArticleStore.save`), and would otherwise make a
 * set of every seed's key (100,000 strings of about 100 characters).
 */
function liveKeys(keys: readonly string[], results: readonly (SourceResult | undefined)[]): LiveKeys {
  let size = 0
  for (const result of results) if (result !== undefined) size++
  let set: Set<string> | undefined
  return {size, has: (key) => (set ??= new Set(keys.filter((_, index) => results[index] !== undefined))).has(key)}
}
