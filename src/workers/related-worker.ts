/**
 * The worker thread of `RelatedSearch`: takes blocks of articles until none
 * is left, finds their related articles into shared memory, and says so.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {relateClaimed, type RelatedJob} from './related-job.js'

relateClaimed(workerData as RelatedJob)
parentPort?.postMessage('done')
