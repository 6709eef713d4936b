import type {Worker} from 'node:worker_threads'
import type {TopicEntry, PlacedArticle} from '../indexes/archive.js'
import type {TopicMentions} from '../indexes/group-by-topic.js'
import {relatedInputs, relatedOutput} from '../indexes/find-related.js'
import {RelatedLists} from '../indexes/related-lists.js'
import {relateAgain, type RelatedMemo} from '../indexes/relate-again.js'
import {allDone, relatedJob, relateClaimed, type RelatedJob} from './related-job.js'
import {siblingModule, startWorker} from './start-worker.js'

/**
 * With a worker thread to find every list beside this one, the share of the
 * articles above which their lists are not found again one by one here (see
 * `relateAgain`). Note: with none, finding some lists again never costs more
 * than finding them all.
 */
const maxShareAgainBesideWorker = 1 / 8

/**
 * The related articles of an archive (see `findRelated`), found on a worker
 * thread while this one goes on with work that does not need them (a build
 * opens its output meanwhile); `finish` then takes the articles the worker
 * has not yet taken. At 100,000 articles finding them takes about 1.5-2 s.
 */
export class RelatedSearch {
  private worker: Worker | undefined
  private found: RelatedLists | undefined
  private readonly workerDone: Promise<void> | undefined

  private constructor(
    /** The search, or undefined when `relateAgain` found every list already. */
    private readonly job: RelatedJob | undefined,
    /** Where the lists are, or will be once `finish` is done (see `relatedOutput`). */
    private readonly output: Int32Array,
    onThread: boolean,
    private readonly from: Pick<RelatedMemo, 'articles' | 'topics'>,
  ) {
    if (job === undefined || !onThread) return
    const worker = startWorker(siblingModule('related-worker', import.meta.url), job)
    this.worker = worker
    this.workerDone = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve())
      worker.once('error', reject)
      // Note: after the message this settles nothing; before it, the worker died with blocks unfinished.
      worker.once('exit', (code) => reject(new Error(`the search for related articles stopped without a result (exit code ${code})`)))
    })
    // Note: a failure while this thread does other work is reported by `finish`, not as an unhandled rejection.
    this.workerDone.catch(() => undefined)
  }

  /**
   * Start finding the related articles of `articles`, on a worker thread when
   * `onThread` (see `relatedInputs` for `mentions`). With `previous` (the
   * `memo` of the search a build before), only the lists a change since can
   * reach are found again, here and now, when few enough changed (see
   * `relateAgain`).
   */
  static start(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>, onThread: boolean, mentions?: TopicMentions, previous?: RelatedMemo): RelatedSearch {
    const again = previous && relateAgain(previous, articles, topics, onThread ? maxShareAgainBesideWorker : 1)
    if (again) return new RelatedSearch(undefined, again.found, false, {articles, topics})
    const inputs = relatedInputs(articles, topics, mentions)
    const job = relatedJob(inputs, relatedOutput(inputs.total))
    return new RelatedSearch(job, job.found, onThread, {articles, topics})
  }

  /**
   * Find every article's list: this thread takes the articles left, then
   * waits for the worker's last block, if it holds one. With `help` false,
   * this thread takes none and waits for the worker to find them all (to
   * test the worker's own work).
   */
  async finish(help = true): Promise<RelatedLists> {
    try {
      if (this.job !== undefined && (help || this.worker === undefined)) relateClaimed(this.job)
      // Note: a worker still starting up when every list is written is not waited for.
      // Note: the worker says it is done only once every block is taken and its own are written.
      if (this.job !== undefined && !allDone(this.job)) await this.workerDone
    } finally {
      this.stop()
    }
    this.found = new RelatedLists(this.output)
    return this.found
  }

  /**
   * The lists `finish` found, for an archive made before they were (see
   * `build`), whose pages are keyed and rendered only after.
   *
   * @throws {Error} Before `finish` has found them, rather than letting a page show none.
   */
  get lists(): RelatedLists {
    if (this.found === undefined) throw new Error('the related articles were asked for before they were found')
    return this.found
  }

  /** What the next build's search may start from (see `start`), once `finish` has found every list. */
  get memo(): RelatedMemo | undefined {
    return this.found === undefined ? undefined : {...this.from, found: this.output}
  }

  /** Stop the worker thread, if any (a build that ends before it needs the lists). */
  stop(): void {
    void this.worker?.terminate()
    this.worker = undefined
  }
}
