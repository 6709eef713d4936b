/**
 * How many worker threads a build starts: to process seeds (`planThreads`)
 * and to render pages (`planPageWorkers`).
 */
import {availableParallelism} from 'node:os'

/** How seeds are spread over threads for processing (`processEach`). */
export interface ThreadPlan {
  /** Worker threads to start; 0 processes every seed on the main thread. */
  readonly workers: number
  /** Whether the main thread processes seeds too while the workers run. */
  readonly mainThread: boolean
  /** Seeds per message to a worker. */
  readonly chunkSize: number
  /**
   * Whether one worker thread finds the articles' topics while the main
   * thread does the rest of each seed (`workers` is then 0): see `runPipelined`.
   */
  readonly topicThread: boolean
}

/**
 * Fewer seeds than this are processed on the main thread alone, and fewer
 * articles than this are rendered without page workers. Note: a worker costs
 * more than its start (loading the parser and topic data, 1.5-2 s of CPU):
 * V8 compiles the hot code again in each thread, and on two cores those
 * compilations and the two threads share the cores, so every thread runs
 * slower code for longer. On this project's 2-core bench machine, processing
 * 10,000 corpus seeds on the main thread and one worker took longer than on
 * the main thread alone (4.7-5.0 s against 3.9-4.0 s); at 20,000 they were
 * even (8.4-8.6 s against 8.1-9.6 s); at 50,000 the worker paid
 * (13.7-13.9 s against 19.8-19.9 s). Cold builds of 10,000 took 9.8-10.8 s
 * without process and page workers (with the writer thread) against
 * 11.6-12.3 s with them, and 15 s of CPU against 21 s.
 */
export const minSeedsForWorkers = 20_000

/**
 * From this many seeds up to `minSeedsForWorkers`, a worker thread finds
 * the topics while the main thread does the rest of each seed (see
 * `runPipelined`), so each thread compiles only its own part of the work.
 * Note: the worker takes about 0.5 s to load and answer its first chunk. On
 * this project's 2-core bench machine, cold builds (without the search index)
 * took 2.4 s without it and 2.7-2.9 s with it at 1,000 seeds, were even at
 * 3,000 (4.1 s), 0.2-0.3 s shorter at 5,000, and at 10,000 took 8.0-9.0 s
 * against 9.7-10.4 s (the process stage 3.5-4.1 s against 4.9-5.2 s).
 */
export const minSeedsForTopicThread = 5_000

/**
 * The thread plan for `count` seeds on this machine: the main thread alone for
 * small inputs or one core, a topic thread beside it for medium ones (see
 * `minSeedsForTopicThread`), otherwise the main thread plus one worker per
 * further core. `NEWS_ARCHIVE_WORKERS` (a number of worker threads, `0` for
 * none) overrides it, for benchmarks and machines shared with other work, and
 * `workers` (the build option) overrides both.
 */
export function planThreads(count: number, env: NodeJS.ProcessEnv = process.env, workers?: number): ThreadPlan {
  const chunkSize = 50
  const asked = askedWorkers(env, workers)
  if (asked !== undefined) return {workers: asked, mainThread: true, chunkSize, topicThread: false}
  const spare = availableParallelism() - 1
  if (count < minSeedsForWorkers) return {workers: 0, mainThread: true, chunkSize, topicThread: spare > 0 && count >= minSeedsForTopicThread}
  return {workers: Math.max(0, spare), mainThread: true, chunkSize, topicThread: false}
}

/** The worker threads asked for: by the build's `workers` option, else by `NEWS_ARCHIVE_WORKERS`; undefined when neither says. */
export function askedWorkers(env: NodeJS.ProcessEnv, workers?: number): number | undefined {
  if (workers !== undefined) return workers
  const forced = env['NEWS_ARCHIVE_WORKERS']
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : undefined
}

/**
 * Above this many articles, pages are rendered on the main thread alone,
 * unless worker threads are asked for (`NEWS_ARCHIVE_WORKERS`, the build's
 * `workers` option). Note: a page worker holds its own copy of the archive
 * and its views. In a build of 100,000 articles without the search index,
 * one raised the peak memory from about 1.0 GB to 1.5 GB to make the write
 * stage about a third shorter, on this project's 2-core bench machine.
 */
export const maxArticlesForPageWorkers = 50_000

/**
 * Whether a build may scan its seeds on a worker thread (beside loading its
 * cache): when a worker thread is asked for, or when none is said and the
 * machine has a core to spare.
 */
export function mayScanOnWorker(env: NodeJS.ProcessEnv = process.env, workers?: number): boolean {
  return (askedWorkers(env, workers) ?? availableParallelism() - 1) > 0
}

/**
 * Whether a build may write its new files on a worker thread (see
 * `FileWriterThread`): only when no page worker renders beside the main
 * thread, which then writes every file itself (an archive above
 * `maxArticlesForPageWorkers`, or too small for workers), the machine has a
 * core to spare, and worker threads are not turned off. Note: beside a page
 * worker it gained nothing in cold builds of 10,000 articles and cost 10-25 MiB.
 */
export function mayWriteOnWorker(pageWorkers: number, env: NodeJS.ProcessEnv = process.env, workers?: number): boolean {
  return pageWorkers === 0 && mayScanOnWorker(env, workers)
}

/** Worker threads to render the pages of an archive of `articleCount` articles (see `planThreads`, `maxArticlesForPageWorkers`). */
export function planPageWorkers(articleCount: number, env: NodeJS.ProcessEnv = process.env, workers?: number): number {
  if (askedWorkers(env, workers) === undefined && articleCount > maxArticlesForPageWorkers) return 0
  return planThreads(articleCount, env, workers).workers
}

/**
 * From this many articles on, a build finds their related articles on a
 * worker thread beside opening its output (see `RelatedSearch`). Note: on
 * this project's 2-core bench machine it made adding one seed at 100,000
 * articles about 1 s shorter; cold builds of 10,000 were within the noise
 * with it (13.1-14.4 s against 13.3-14.1 s), where finding them takes about 0.1 s.
 */
export const minArticlesForRelatedThread = 20_000

/** Whether a build of `articleCount` articles finds their related articles on a worker thread (see `minArticlesForRelatedThread`). */
export function mayRelateOnWorker(articleCount: number, env: NodeJS.ProcessEnv = process.env, workers?: number): boolean {
  return articleCount >= minArticlesForRelatedThread && mayScanOnWorker(env, workers)
}
