import type {Worker} from 'node:worker_threads'
import {loadMarkdown} from './adapters/markdown.js'
import type {SiteConfig} from './config/site-config.js'
import {finishArticle, prepareArticle, toArticle, type EnrichSettings, type PreparedArticle} from './enrich/enrich-article.js'
import type {TopicText} from './enrich/topics/extract-topics.js'
import type {FindTopicsSettings} from './enrich/topics/find-topics.js'
import type {SourceFile} from './load/source-file.js'
import type {Article, Topic} from './model/article.js'
import {bodyKind, parseSource} from './parse/parse-source.js'
import {ContentError, type Problem} from './problems/content-error.js'
import {packSources} from './workers/pack-sources.js'
import {planThreads, type ThreadPlan} from './workers/plan-threads.js'
import {runInChunks} from './workers/run-in-chunks.js'
import {runPipelined} from './workers/run-pipelined.js'
import {siblingModule, startWorker} from './workers/start-worker.js'

/** Articles made from seeds, and every problem found on the way. */
export interface ProcessedSources {
  readonly articles: Article[]
  readonly problems: Problem[]
  /** Sources that had an error and were left out. */
  readonly invalid: string[]
}

/** The settings of `processSource`, derived from the config once per build. */
export interface ProcessSettings extends EnrichSettings {
  readonly maxSeedBytes: number
}

/** Settings for the per-article stages from the site config. */
export function processSettings(config: SiteConfig, topicRules: EnrichSettings['topicRules']): ProcessSettings {
  return {
    maxSeedBytes: config.maxSeedBytes,
    maxTopics: config.topics.max,
    addExtractedTopics: config.topics.addExtracted,
    ...(topicRules ? {topicRules} : {}),
  }
}

/**
 * Parse and enrich one seed. A Markdown seed needs `loadMarkdown` first
 * (`processEach` does it). Pure: the same bytes and settings give the same
 * result, so results can be cached by content hash and run on worker threads.
 * A `ContentError` becomes a problem; any other error is a bug and is thrown.
 */
export function processSource(source: SourceFile, settings: ProcessSettings): SourceResult {
  return orProblem(() => {
    const {article, warnings} = toArticle(parseSource(source, settings), settings)
    return {article, problems: warnings}
  })
}

/** What `run` gives, or the problem of the `ContentError` it threw; any other error is a bug and is thrown. */
function orProblem<T>(run: () => T): T | SourceResult {
  try {
    return run()
  } catch (error) {
    if (error instanceof ContentError) return {problems: [error.problem]}
    throw error
  }
}

/** A seed made into an article but for its topics (see `PreparedArticle`), or the problems that stopped it. */
export type StartedSource = {readonly prepared: PreparedArticle} | SourceResult

/** `processSource` up to finding topics (see `PreparedArticle`); `finishSource` does the rest. */
export function startSource(source: SourceFile, settings: ProcessSettings): StartedSource {
  return orProblem(() => ({prepared: prepareArticle(parseSource(source, settings), settings)}))
}

/** The result of a seed that `startSource` prepared, with the topics `findTopics` found in its text. */
export function finishSource(prepared: PreparedArticle, found: readonly Topic[] | undefined): SourceResult {
  const {article, warnings} = finishArticle(prepared, found)
  return {article, problems: warnings}
}

/** The worker modules, beside this one's folder, compiled or TypeScript like this file. */
const processWorker = siblingModule('workers/process-worker', import.meta.url)
const topicWorkerModule = siblingModule('workers/topic-worker', import.meta.url)

/** What a process worker starts with: the settings, and whether its seeds include Markdown ones (see `loadMarkdown`). */
export interface ProcessWorkerData {
  readonly settings: ProcessSettings
  readonly markdown: boolean
}

/** What a topic worker starts with: the settings `findTopics` takes. */
export interface TopicWorkerData {
  readonly settings: FindTopicsSettings
}

/**
 * Start the thread that finds topics for `processEach` when its plan says
 * `topicThread`. Note: the thread takes about half a second to load and to
 * build its place names, so a caller with seeds still to read starts it
 * first and hands it over (`ProcessEachOptions.topicWorker`).
 */
export function startTopicWorker(settings: FindTopicsSettings): Worker {
  return startWorker(topicWorkerModule, {settings} satisfies TopicWorkerData, {maxYoungGenerationSizeMb: topicWorkerYoungGenerationMb})
}

/**
 * The topic worker's young generation, in MB. Note: finding topics makes a
 * short-lived object for every word, and the worker spent a sixth of its
 * time collecting them. On this project's 2-core bench machine, with 64 MB
 * instead of Node's default the process stage of cold builds of 10,000
 * corpus seeds was shorter in 10 of 11 alternated pairs (medians 2.85 s
 * against 3.15 s, and 3.21 s against 3.47 s), with the same peak memory.
 */
const topicWorkerYoungGenerationMb = 64

/** What processing one seed gave: its article (unless an error stopped it) and its problems. */
export interface SourceResult {
  readonly article?: Article
  readonly problems: readonly Problem[]
}

/** How `processEach` runs. */
export interface ProcessEachOptions {
  /** Called now and then with the number of seeds done so far. */
  readonly onEach?: (done: number) => void
  readonly threads?: ThreadPlan
  /**
   * Takes each chunk's results as they arrive and returns what to hold of
   * them (see `ChunkResultsPlan.keep`): the build cache stores them, bodies and all,
   * and keeps the articles without their bodies.
   */
  readonly keep?: (sources: readonly SourceFile[], results: readonly SourceResult[]) => readonly SourceResult[]
  /** A topic thread already started (`startTopicWorker`): used if the plan says `topicThread`, and stopped when done either way. */
  readonly topicWorker?: Worker
}

/**
 * Run `processSource` over every seed, one result per seed, in the order of
 * `sources` and the same whichever threads made them. Medium inputs find
 * topics on a thread of their own, large ones are spread over worker
 * threads (see `planThreads`); `settings` must then survive a structured
 * clone (plain data, no functions).
 *
 * @throws {Error} A bug in parsing or enriching (never a content problem), with its stack.
 */
export async function processEach(sources: readonly SourceFile[], settings: ProcessSettings, options: ProcessEachOptions = {}): Promise<SourceResult[]> {
  const threads = options.threads ?? planThreads(sources.length)
  const markdown = sources.some((source) => bodyKind(source.path) === 'markdown')
  if (threads.topicThread) {
    // Note: called before anything is awaited, so that a topic thread handed over has its listeners at once.
    return runPipelined<SourceFile, StartedSource, SourceResult>({
      items: sources,
      chunkSize: threads.chunkSize,
      ...(markdown ? {before: loadMarkdown} : {}),
      start: (chunk) => {
        const started = chunk.map((source) => startSource(source, settings))
        const texts: (TopicText | null)[] = started.map((item) => ('prepared' in item ? (item.prepared.topicText ?? null) : null))
        return {started, message: texts}
      },
      startWorker: () => options.topicWorker ?? startTopicWorker(settings),
      finish: (started, replies) => started.map((item, index) => ('prepared' in item ? finishSource(item.prepared, (replies[index] as Topic[] | null) ?? undefined) : item)),
      ...(options.keep ? {keep: options.keep} : {}),
      ...(options.onEach ? {onProgress: options.onEach} : {}),
    })
  }
  await options.topicWorker?.terminate()
  if (markdown) await loadMarkdown()
  return runInChunks<SourceFile, SourceResult>({
    items: sources,
    chunkSize: threads.chunkSize,
    workers: threads.workers,
    mainThread: threads.mainThread,
    runHere: (chunk) => chunk.map((source) => processSource(source, settings)),
    pack: packSources,
    startWorker: () => startWorker(processWorker, {settings, markdown} satisfies ProcessWorkerData),
    ...(options.keep ? {keep: options.keep} : {}),
    ...(options.onEach ? {onProgress: options.onEach} : {}),
  })
}

/**
 * Run `processSource` over every seed (see `processEach`), collecting
 * problems so one bad seed doesn't hide the next: articles, problems and the
 * seeds left out, in the order of `sources`.
 *
 * @throws {Error} A bug in parsing or enriching (never a content problem), with its stack.
 */
export async function processSources(sources: readonly SourceFile[], settings: ProcessSettings, onEach?: (done: number) => void, threads: ThreadPlan = planThreads(sources.length)): Promise<ProcessedSources> {
  const results = await processEach(sources, settings, {threads, ...(onEach ? {onEach} : {})})
  return collectResults(results, (index) => (sources[index] as SourceFile).file)
}

/**
 * The articles, problems and left-out seeds of per-seed results, in order.
 * `fileOf(index)` names the seed of result `index`; a missing result (a seed
 * that could not be read, reported elsewhere) is passed over.
 */
export function collectResults(results: readonly (SourceResult | undefined)[], fileOf: (index: number) => string): ProcessedSources {
  const articles: Article[] = []
  const problems: Problem[] = []
  const invalid: string[] = []
  results.forEach((result, index) => {
    if (!result) return
    if (result.article) articles.push(result.article)
    else invalid.push(fileOf(index))
    for (const item of result.problems) problems.push(item)
  })
  return {articles, problems, invalid}
}
