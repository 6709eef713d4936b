import {parentPort} from 'node:worker_threads'
import {toThrownError, type ChunkReply, type ChunkRequest} from './chunk-messages.js'

/**
 * Inside a worker thread: answer every chunk the main thread sends with
 * `handle(message)`, in order, then say `ready` so the first chunk comes.
 * A thrown error goes back as that chunk's failure (with its stack); the
 * main thread then stops the job and rethrows it.
 */
export function serveChunks(handle: (message: unknown) => readonly unknown[]): void {
  const port = parentPort
  if (!port) throw new Error('serveChunks must run in a worker thread')
  port.on('message', ({chunk, message}: ChunkRequest) => {
    let reply: ChunkReply
    try {
      reply = {kind: 'done', chunk, results: handle(message)}
    } catch (error) {
      reply = {kind: 'failed', chunk, error: toThrownError(error)}
    }
    port.postMessage(reply)
  })
  port.postMessage({kind: 'ready'} satisfies ChunkReply)
}
