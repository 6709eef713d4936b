import type {Worker} from 'node:worker_threads'
import {fromThrownError, type ChunkReply, type ChunkRequest} from './chunk-messages.js'
import {ChunkResults, type ChunkResultsPlan} from './chunk-results.js'

/**
 * How to split one job between the main thread and one worker thread by
 * step rather than by item: the main thread starts every chunk, the worker
 * does one step of it, and the main thread finishes it.
 */
export interface PipelinePlan<Item, Started, Result> extends ChunkResultsPlan<Item, Result> {
  /** Awaited once the worker is started, before the first chunk (to load what the first step needs). */
  readonly before?: () => Promise<void>
  /**
   * The first step, on the main thread: what it keeps of each item until
   * the worker answers, and the message for the worker's `serveChunks`
   * handler, which answers with one reply per item.
   */
  readonly start: (items: readonly Item[]) => {readonly started: readonly Started[]; readonly message: unknown}
  /** Start the worker thread, which runs `serveChunks`. */
  readonly startWorker: () => Worker
  /** The last step, on the main thread: one result per item, from what `start` kept and the worker's replies. */
  readonly finish: (started: readonly Started[], replies: readonly unknown[]) => readonly Result[]
}

/**
 * Chunks started and not yet finished. Note: enough that the worker always has
 * the next one waiting while the main thread starts another, few enough that
 * what waits stays small.
 */
const chunksAhead = 4

/**
 * Run a job split by step (see `PipelinePlan`): while the worker does its
 * step of one chunk, the main thread starts the next ones. Each thread runs
 * its own code, so neither compiles and warms up the other's: on a machine
 * with two cores, two threads each doing all of the work for half of the
 * items spent their first seconds compiling the same code twice.
 * Returns one result per item, in the order of `items`.
 *
 * @throws {Error} The first bug the worker or a step hit (with its stack), or
 *   a worker that stopped unexpectedly. The worker is stopped.
 */
export async function runPipelined<Item, Started, Result>(plan: PipelinePlan<Item, Started, Result>): Promise<Result[]> {
  const results = new ChunkResults(plan)
  const waiting = new Map<number, readonly Started[]>()
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const worker = plan.startWorker()
  const stop = (error: Error): void => {
    failure ??= error
    wake?.()
  }
  worker.on('message', (reply: ChunkReply) => {
    // Note: a reply that comes after a failure, while the worker stops, is not finished for a job that has failed.
    if (reply.kind === 'ready' || failure) return
    if (reply.kind === 'failed') return stop(fromThrownError(reply.error))
    const started = waiting.get(reply.chunk)
    waiting.delete(reply.chunk)
    try {
      if (!started) throw new Error(`the worker answered chunk ${reply.chunk}, which was not waiting`)
      if (reply.results.length !== started.length) throw new Error(`the worker answered chunk ${reply.chunk} with ${reply.results.length} replies for ${started.length} items`)
      results.finish(reply.chunk, plan.finish(started, reply.results))
    } catch (error) {
      return stop(error as Error)
    }
    wake?.()
  })
  const onExit = (code: number): void => stop(new Error(`a worker thread stopped unexpectedly (exit code ${code}) with ${waiting.size} chunks unfinished`))
  worker.on('error', stop)
  worker.on('exit', onExit)
  const settle = (): Promise<void> => new Promise((resolve) => {
    wake = () => {
      wake = undefined
      resolve()
    }
  })
  try {
    await plan.before?.()
    for (let chunk = 0; chunk < results.count && !failure; chunk++) {
      const {started, message} = plan.start(results.items(chunk))
      waiting.set(chunk, started)
      worker.postMessage({chunk, message} satisfies ChunkRequest)
      // Note: a turn of the event loop between chunks lets the worker's replies in.
      if (waiting.size < chunksAhead) await new Promise((resolve) => setImmediate(resolve))
      while (waiting.size >= chunksAhead && !failure) await settle()
    }
    while (waiting.size > 0 && !failure) await settle()
    if (failure) throw failure
  } finally {
    worker.off('exit', onExit)
    await worker.terminate()
  }
  return results.all()
}
