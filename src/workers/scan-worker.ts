/**
 * The worker thread of `scanOnWorker`: loads a seeds folder's `stat` index,
 * scans the folder without reading the seeds, and posts the scan back.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {scanSeeds} from '../cache/scan-seeds.js'
import {SeedStats} from '../cache/seed-stats.js'
import type {ScanRequest} from './scan-on-worker.js'

const request = workerData as ScanRequest
const stats = await SeedStats.open(request.cacheDir, request.indexName)
parentPort?.postMessage(await scanSeeds(request.seedsDir, request.displayDir, stats, false))
