import type {Worker} from 'node:worker_threads'
import {fromThrownError, type ChunkReply, type ChunkRequest} from './chunk-messages.js'
import {ChunkResults, type ChunkResultsPlan} from './chunk-results.js'

/** A chunk as a message for a worker, and the buffers to move (not copy) with it. */
export interface PackedChunk {
  readonly message: unknown
  readonly transfer: readonly ArrayBuffer[]
}

/** How to spread one job over the main thread and worker threads. */
export interface ChunkPlan<Item, Result> extends ChunkResultsPlan<Item, Result> {
  /** Worker threads to start. 0 runs everything on the main thread. */
  readonly workers: number
  /** Whether the main thread processes chunks too while the workers run. */
  readonly mainThread: boolean
  /** Process a chunk on the main thread: the same work the workers do, one result per item. */
  readonly runHere: (items: readonly Item[]) => readonly Result[]
  /** Turn a chunk into the message a worker's `serveChunks` handler receives. */
  readonly pack: (items: readonly Item[]) => PackedChunk
  /** Start one worker thread that runs `serveChunks`. */
  readonly startWorker: () => Worker
}

/** Chunks a worker holds at once: one to work on, one waiting, so it never idles on a round trip. */
const chunksInFlight = 2

/**
 * Process `items` in chunks on the main thread and on worker threads, taking
 * chunks from one queue in order. Returns one result per item, in the order of
 * `items`, whichever thread made it, so the output does not depend on timing.
 * A worker is fed only once it says it is ready: a worker that starts late
 * costs nothing if the main thread has already finished the job.
 *
 * @throws {Error} The first bug a worker or the main thread hit (with its stack),
 *   or a worker that stopped unexpectedly. The other threads are stopped.
 */
export async function runInChunks<Item, Result>(plan: ChunkPlan<Item, Result>): Promise<Result[]> {
  const results = new ChunkResults(plan)
  const state = {next: 0, stopped: false}
  const takeChunk = (): number | undefined => (state.stopped || state.next >= results.count ? undefined : state.next++)
  const idleChecks = new Set<() => void>()
  const finish = (chunk: number, chunkResults: readonly Result[]): void => results.finish(chunk, chunkResults)
  const workers = Array.from({length: Math.min(plan.workers, results.count)}, () => plan.startWorker())
  const threads = workers.map((worker) => feedWorker(worker, {takeChunk, finish, idleChecks, pack: (chunk) => plan.pack(results.items(chunk))}))
  if (plan.mainThread || workers.length === 0) {
    threads.push(runOnMainThread({takeChunk, finish, runHere: (chunk) => plan.runHere(results.items(chunk))}).then(() => {
      for (const check of idleChecks) check()
    }))
  }
  try {
    await Promise.all(threads)
  } catch (error) {
    state.stopped = true
    throw error
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results.all()
}

interface Queue<Result> {
  readonly takeChunk: () => number | undefined
  readonly finish: (chunk: number, results: readonly Result[]) => void
}

async function runOnMainThread<Result>(queue: Queue<Result> & {readonly runHere: (chunk: number) => readonly Result[]}): Promise<void> {
  for (let chunk = queue.takeChunk(); chunk !== undefined; chunk = queue.takeChunk()) {
    queue.finish(chunk, queue.runHere(chunk))
    // Note: let the workers' replies in between chunks, so they get their next chunk without waiting.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Keep one worker busy until the queue is empty; resolves when its last chunk is back. */
function feedWorker<Result>(worker: Worker, queue: Queue<Result> & {readonly pack: (chunk: number) => PackedChunk; readonly idleChecks: Set<() => void>}): Promise<void> {
  return new Promise((resolve, reject) => {
    let inFlight = 0
    let settled = false
    const settle = (error?: Error): void => {
      if (settled) return
      settled = true
      worker.off('message', onMessage).off('error', onError).off('exit', onExit)
      queue.idleChecks.delete(idleCheck)
      if (error) reject(error)
      else resolve()
    }
    const send = (): void => {
      while (inFlight < chunksInFlight) {
        const chunk = queue.takeChunk()
        if (chunk === undefined) break
        const {message, transfer} = queue.pack(chunk)
        worker.postMessage({chunk, message} satisfies ChunkRequest, [...transfer])
        inFlight++
      }
      if (inFlight === 0) settle()
    }
    const onMessage = (reply: ChunkReply): void => {
      if (reply.kind === 'failed') return settle(fromThrownError(reply.error))
      if (reply.kind === 'done') {
        inFlight--
        try {
          queue.finish(reply.chunk, reply.results as Result[])
        } catch (error) {
          return settle(error as Error)
        }
      }
      send()
    }
    // Note: when the main thread has taken the last chunk, a worker that is still starting is not waited for.
    const idleCheck = (): void => {
      if (inFlight === 0) settle()
    }
    queue.idleChecks.add(idleCheck)
    const onError = (error: Error): void => settle(error)
    const onExit = (code: number): void => settle(new Error(`a worker thread stopped unexpectedly (exit code ${code}) with ${inFlight} chunks unfinished`))
    worker.on('message', onMessage).on('error', onError).on('exit', onExit)
  })
}
