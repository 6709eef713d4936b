/**
 * The worker thread of `FileWriterThread`: writes the batches of new files it
 * is sent into a staging folder that started empty, in the order they come,
 * and hands each batch's buffer back, with the first error if there is one.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {pathInside, writeNewFile} from '../write/new-files.js'
import type {WriteBatch, WriteReply, WriterThreadData} from './file-writer-thread.js'

const {dir, buffers} = workerData as WriterThreadData
const views = buffers.map((buffer) => Buffer.from(buffer))
const made = new Set<string>()
let failed = false

parentPort?.on('message', (batch: WriteBatch) => {
  // Note: after an error the build is failing; later batches are dropped, their buffers still handed back.
  if (!failed) {
    const view = views[batch.buffer] as Buffer
    try {
      for (let index = 0; index < batch.paths.length; index++) {
        writeNewFile(pathInside(dir, batch.paths[index] as string), view.subarray(batch.starts[index], batch.starts[index + 1]), made)
      }
    } catch (error) {
      failed = true
      const {message, code} = error as NodeJS.ErrnoException
      parentPort?.postMessage({buffer: batch.buffer, error: {message, ...(code === undefined ? {} : {code})}} satisfies WriteReply)
      return
    }
  }
  parentPort?.postMessage({buffer: batch.buffer} satisfies WriteReply)
})
