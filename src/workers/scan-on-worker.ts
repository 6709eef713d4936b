import type {SeedScan} from '../cache/scan-seeds.js'
import {siblingModule, startWorker} from './start-worker.js'

/** What a scan on a worker thread is asked to do (see `scanSeeds` and `SeedStats.open`). */
export interface ScanRequest {
  readonly seedsDir: string
  readonly displayDir: string
  /** Where the seeds folder's `stat` index is, by cache folder and index name. */
  readonly cacheDir: string
  readonly indexName: string
}

/**
 * Scan a seeds folder on a worker thread, leaving this thread free meanwhile
 * (a build loads its article store). Changed seeds come back unread, with an
 * empty hash, for `readSeed` to read.
 * Note: at 100,000 seeds the scan (the `stat` index, a `stat` per seed) took
 * about 2 s and the store 3 s, one after the other on one thread.
 */
export function scanOnWorker(request: ScanRequest): Promise<SeedScan> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(siblingModule('scan-worker', import.meta.url), request)
    worker.once('message', (scan: SeedScan) => {
      resolve(scan)
      void worker.terminate()
    })
    worker.once('error', reject)
    // Note: after the message this settles nothing; before it, the worker died without a scan.
    worker.once('exit', (code) => reject(new Error(`the seed scan stopped without a result (exit code ${code})`)))
  })
}
