/**
 * The worker thread of `RelatedSearch`: takes blocks of articles until none
 * is left, finds their related articles into shared memory, and says so.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {RelatedFinder} from '../indexes/find-related.js'
import {relateClaimed, type RelatedJob} from './related-search.js'

const job = workerData as RelatedJob
relateClaimed(new RelatedFinder(job.inputs, job.found), job.claims, job.inputs.total)
parentPort?.postMessage('done')
