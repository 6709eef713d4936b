import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import type {IndexMemo} from '../indexes/build-archive.js'
import type {RelatedMemo} from '../indexes/relate-again.js'
import {releaseLock, takeLock} from '../lock-file.js'
import {ArticleStore} from './article-store.js'
import type {KeptPageKeys} from './carried-keys.js'
import type {SeedKeys} from './process-cached.js'
import {fingerprint} from './hash.js'
import {ChangeJournal} from './change-journal.js'
import {rescanSeeds, scanSeeds, statEntries, type ScannedSeed, type SeedScan} from './scan-seeds.js'
import {SeedStats, type StatEntry} from './seed-stats.js'
import {scanOnWorker} from '../workers/scan-on-worker.js'
import {ManifestMemo} from '../write/tree-manifest.js'
import {SitemapMemo} from '../render/sitemap/write-sitemaps.js'

/**
 * From this size on a seeds folder's `stat` index is loaded and the folder
 * scanned on a worker thread: about 3,500 seeds (an index line is about 150
 * bytes with a path of 30 characters). Note: starting the worker costs more
 * than a smaller scan takes.
 */
export const minIndexBytesForWorker = 512 * 1024

/** The folder the build cache lives in when none is given: `.cache/news-archive` in the project. */
export const defaultCacheDir = path.join('.cache', 'news-archive')

/**
 * The build cache of one project folder: processed seeds, the seeds' `stat`
 * signatures, and per output folder the records of its site trees. A
 * long-running process (the dev server) keeps one and reuses what it holds
 * in memory; a one-off build opens it from disk.
 *
 * Everything in it is checked before use and rebuilt when in doubt: deleting
 * the folder is always safe and only costs the next build its speed.
 */
export class BuildCache {
  private store: ArticleStore | undefined
  /** The manifests of the site trees this cache's builds wrote, for the next build to read from memory. */
  readonly manifests = new ManifestMemo()
  /** What a file watch reported changed (see `trackChanges`). */
  private changes: ChangeJournal | undefined
  /** The last scan a build kept (see `scanSeeds`), for the next to look again at only what changed. */
  private known: KnownSeeds | undefined
  /**
   * What the last build's page keys were made from, for the next build to
   * take over the keys it would make the same (see `CarriedKeys`). Note: in
   * memory only; a one-off build has none.
   */
  keptPageKeys: KeptPageKeys | undefined
  /**
   * What the last build's index was made from, for the next to take over
   * what it made of the same article objects (see `IndexMemo`). Note: in
   * memory only, like `keptPageKeys`.
   */
  indexMemo: IndexMemo | undefined
  /** What the last build's related articles were found from, for the next to find again only those a change reaches (see `RelatedMemo`); in memory only. */
  relatedMemo: RelatedMemo | undefined
  /** The child sitemaps the last build made, for the next to take over those it would make the same (see `SitemapMemo`). */
  readonly sitemaps = new SitemapMemo()

  /**
   * @param dir Absolute path of the cache folder.
   * @param reuse `false` ignores what is stored (a clean build) but still saves this build's results.
   */
  constructor(
    readonly dir: string,
    readonly reuse = true,
  ) {}

  /**
   * Take the cache folder for one build; the returned function lets it go.
   * Note: two builds at once would append to the same store file at the
   * same offsets, and each would save seed signatures the other's results
   * do not match.
   *
   * @throws {BusyError} When a running build holds it.
   */
  async lock(): Promise<() => Promise<void>> {
    const file = path.join(this.dir, 'build.lock')
    await mkdir(this.dir, {recursive: true})
    await takeLock(file, `using the build cache ${this.dir}`)
    return () => releaseLock(file)
  }

  /** The processed-seed store for results made under `key` (generator, settings, topics file). */
  async articleStore(key: string): Promise<ArticleStore> {
    if (this.store?.fingerprint === key) return this.store
    this.store?.close()
    const file = path.join(this.dir, 'seed-results.ndjson')
    this.store = this.reuse ? await ArticleStore.open(file, key) : ArticleStore.empty(file, key)
    return this.store
  }

  /** Let go of the files the cache holds open (the article store's). */
  close(): void {
    this.store?.close()
  }

  /**
   * Have the next builds trust a file watch to say what changed (the dev
   * server's): each scans the seeds folder in full once, and after that
   * looks again at only the seeds the returned journal was told of (see
   * `rescanSeeds`), until the journal says reports may have been missed.
   */
  trackChanges(): ChangeJournal {
    this.changes ??= new ChangeJournal()
    return this.changes
  }

  /**
   * Scan the seeds folder `seedsDir` (absolute) against its `stat` index, and
   * the index to save this build's signatures in. For a large index (an
   * archive of thousands of seeds known to the cache), when `threads` allows,
   * the index is loaded and the folder scanned on a worker thread, started
   * before this returns, so that the caller can load the article store
   * meanwhile; changed seeds then come back unread (see `scanSeeds`). Not
   * when this cache already holds a store (the dev server's next build),
   * which there is then usually no need to load again. With a journal of
   * changes (`trackChanges`) and a kept scan of the folder, only what the
   * journal reports is looked at again. Otherwise this thread lists the
   * folder, tells `onListed` how many seeds at least the index does not know
   * (see `scanSeeds`), and leaves changed seeds unread, for `processCached`
   * to read.
   */
  scanSeeds(seedsDir: string, displayDir: string, threads: boolean, onListed?: (unindexed: number) => void): Promise<BuildScan> {
    const name = fingerprint(seedsDir).slice(0, 16)
    const reported = this.changes?.take()
    const keep = (scan: SeedScan) => (seeds: readonly ScannedSeed[], entries: Map<string, StatEntry>, keys: readonly string[]): void => {
      if (reported === undefined) return
      // Note: without the bytes, which only this build reads (only the seeds it read have them).
      this.known = {seedsDir, displayDir, scan: {...scan, seeds: seeds.map((seed) => (seed.bytes === undefined ? seed : withoutBytes(seed)))}, entries, keys}
      this.changes?.settle(reported)
    }
    const known = this.known
    if (this.reuse && reported?.files !== undefined && known?.seedsDir === seedsDir && known.displayDir === displayDir) {
      const scan = rescanSeeds(known.scan, reported.files, seedsDir, displayDir)
      // Note: the index on disk holds what the last build saved, so saving writes only when a seed changed; and only the
      // seeds looked at again can have changed, so only theirs are looked at (see `SeedStats.saveChanges`).
      if (scan !== undefined) {
        const stats = SeedStats.holding(this.dir, name, known.entries)
        const save = (seeds: readonly ScannedSeed[]): Promise<Map<string, StatEntry>> => stats.saveChanges(entriesAt(seeds, scan.lookedAt ?? []))
        return Promise.resolve({scan, save, keep: keep(scan), earlier: {seeds: known.scan.seeds, keys: known.keys}})
      }
    }
    if (this.reuse && threads && this.store === undefined && SeedStats.indexBytes(this.dir, name) >= minIndexBytesForWorker) {
      // Note: the worker reads the index; this thread only saves the new signatures in its place, and
      // only when they differ from what the worker found there.
      return scanOnWorker({seedsDir, displayDir, cacheDir: this.dir, indexName: name}).then((scan) => ({
        scan,
        save: saveAll(scan.fromIndex ? SeedStats.holding(this.dir, name, statEntries(scan.seeds)) : SeedStats.empty(this.dir, name)),
        keep: keep(scan),
      }))
    }
    return (async () => {
      const stats = this.reuse ? await SeedStats.open(this.dir, name) : SeedStats.empty(this.dir, name)
      const scan = await scanSeeds(seedsDir, displayDir, stats, false, onListed)
      return {scan, save: saveAll(stats), keep: keep(scan)}
    })()
  }

  /** Where the writer records the site trees of the output folder `outDir` (absolute). */
  outputStateDir(outDir: string): string {
    return path.join(this.dir, 'outputs', `${path.basename(outDir)}-${fingerprint(outDir).slice(0, 12)}`)
  }
}

/** A scan of the seeds folder for one build (see `BuildCache.scanSeeds`). */
export interface BuildScan {
  readonly scan: SeedScan
  /**
   * Save the signatures and hashes of `seeds` (the scan's, read) in the seeds
   * folder's `stat` index; returns the index's entries, for `keep`.
   */
  readonly save: (seeds: readonly ScannedSeed[]) => Promise<Map<string, StatEntry>>
  /**
   * Hand the scan back for the next build, once its seeds are read (with
   * their hashes, and `keys` their cache keys) and their index `entries` saved.
   */
  readonly keep: (seeds: readonly ScannedSeed[], entries: Map<string, StatEntry>, keys: readonly string[]) => void
  /** The seeds of the scan this one looked at again, and their keys (see `processCached`). */
  readonly earlier?: SeedKeys
}

/** A scan a build kept for the next (see `BuildCache.scanSeeds`): with every seed's hash, and the index entries saved from it. */
interface KnownSeeds {
  readonly seedsDir: string
  readonly displayDir: string
  readonly scan: SeedScan
  /** The `stat` index's entries, which the next build's `SeedStats.saveChanges` changes in place. */
  readonly entries: Map<string, StatEntry>
  /** The cache keys of `scan`'s seeds, in the same order. */
  readonly keys: readonly string[]
}

/** Save every seed's entry in `stats` (see `SeedStats.save`). */
function saveAll(stats: SeedStats): BuildScan['save'] {
  return async (seeds) => {
    const entries = statEntries(seeds)
    await stats.save(entries)
    return entries
  }
}

/** The entries now of the seeds at `lookedAt` (see `SeedStats.saveChanges`): undefined for a path that is no seed with a hash. */
function entriesAt(seeds: readonly ScannedSeed[], lookedAt: readonly string[]): Map<string, StatEntry | undefined> {
  const entries = new Map<string, StatEntry | undefined>(lookedAt.map((relative) => [relative, undefined]))
  if (entries.size === 0) return entries
  for (const seed of seeds) if (seed.signature && seed.hash && entries.has(seed.path)) entries.set(seed.path, {signature: seed.signature, hash: seed.hash})
  return entries
}

/** The seed without the bytes its build read. */
function withoutBytes({bytes, ...seed}: ScannedSeed): ScannedSeed {
  return seed
}
