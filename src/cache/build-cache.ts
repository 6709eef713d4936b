import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import {releaseLock, takeLock} from '../lock-file.js'
import {ArticleStore} from './article-store.js'
import {fingerprint} from './hash.js'
import {scanSeeds, statEntries, type SeedScan} from './scan-seeds.js'
import {SeedStats} from './seed-stats.js'
import {scanOnWorker} from '../workers/scan-on-worker.js'
import {ManifestMemo} from '../write/tree-manifest.js'

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
   * Scan the seeds folder `seedsDir` (absolute) against its `stat` index, and
   * the index to save this build's signatures in. For a large index (an
   * archive of thousands of seeds known to the cache), when `threads` allows,
   * the index is loaded and the folder scanned on a worker thread, started
   * before this returns, so that the caller can load the article store
   * meanwhile; changed seeds then come back unread (see `scanSeeds`). Not
   * when this cache already holds a store (the dev server's next build),
   * which there is then usually no need to load again.
   */
  scanSeeds(seedsDir: string, displayDir: string, threads: boolean): Promise<{scan: SeedScan; stats: SeedStats}> {
    const name = fingerprint(seedsDir).slice(0, 16)
    if (this.reuse && threads && this.store === undefined && SeedStats.indexBytes(this.dir, name) >= minIndexBytesForWorker) {
      // Note: the worker reads the index; this thread only saves the new signatures in its place, and
      // only when they differ from what the worker found there.
      return scanOnWorker({seedsDir, displayDir, cacheDir: this.dir, indexName: name}).then((scan) => ({
        scan,
        stats: scan.fromIndex ? SeedStats.holding(this.dir, name, statEntries(scan.seeds)) : SeedStats.empty(this.dir, name),
      }))
    }
    return (async () => {
      const stats = this.reuse ? await SeedStats.open(this.dir, name) : SeedStats.empty(this.dir, name)
      return {scan: await scanSeeds(seedsDir, displayDir, stats), stats}
    })()
  }

  /** Where the writer records the site trees of the output folder `outDir` (absolute). */
  outputStateDir(outDir: string): string {
    return path.join(this.dir, 'outputs', `${path.basename(outDir)}-${fingerprint(outDir).slice(0, 12)}`)
  }
}
