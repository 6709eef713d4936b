import {RelatedFinder, type RelatedInputs} from '../indexes/find-related.js'

/** Articles taken at once: enough to make claiming cheap, few enough that the threads end together. */
const blockSize = 512

/** Cells of `RelatedJob.counters`. */
const nextArticle = 0
const articlesDone = 1

/**
 * What every thread that finds related articles shares: the inputs, where to
 * put the lists, and two counters: the next article to take, and the articles
 * whose lists are written.
 */
export interface RelatedJob {
  readonly inputs: RelatedInputs
  readonly found: Int32Array
  readonly counters: Int32Array
}

/** A job over `inputs` with nothing taken yet. */
export function relatedJob(inputs: RelatedInputs, found: Int32Array): RelatedJob {
  return {inputs, found, counters: new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT))}
}

/**
 * Take blocks of articles and find their lists until none is left. Note: each
 * block is counted done after its lists are written, with an atomic add, so
 * a thread that reads the count (`allDone`) sees the lists too.
 */
export function relateClaimed(job: RelatedJob): void {
  const finder = new RelatedFinder(job.inputs, job.found)
  const total = job.inputs.total
  for (let start = Atomics.add(job.counters, nextArticle, blockSize); start < total; start = Atomics.add(job.counters, nextArticle, blockSize)) {
    const end = Math.min(total, start + blockSize)
    finder.relate(start, end)
    Atomics.add(job.counters, articlesDone, end - start)
  }
}

/** Whether every article's list is written. */
export function allDone(job: RelatedJob): boolean {
  return Atomics.load(job.counters, articlesDone) === job.inputs.total
}
