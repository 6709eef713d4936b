import type {SourceFile} from '../load/source-file.js'
import type {PackedChunk} from './run-in-chunks.js'

/** Seeds as one message: their bytes side by side in one buffer, and where each one is. */
export interface PackedSources {
  readonly bytes: ArrayBuffer
  readonly entries: readonly {readonly path: string; readonly file: string; readonly hash: string; readonly end: number}[]
}

/**
 * Copy the seeds' bytes into one new buffer that is moved to the worker, not cloned.
 * Note: a `Buffer` from `readFile` may be a view into a larger shared pool, and
 * a structured clone of a view copies its whole underlying buffer; moving the
 * caller's own buffers instead would empty them. One packed copy avoids both.
 */
export function packSources(sources: readonly SourceFile[]): PackedChunk {
  const total = sources.reduce((sum, source) => sum + source.bytes.byteLength, 0)
  const bytes = new Uint8Array(total)
  let end = 0
  const entries = sources.map(({path, file, hash, bytes: own}) => {
    bytes.set(own, end)
    end += own.byteLength
    return {path, file, hash, end}
  })
  return {message: {bytes: bytes.buffer, entries} satisfies PackedSources, transfer: [bytes.buffer]}
}

/** The seeds of a packed message again, each viewing its part of the buffer. */
export function unpackSources({bytes, entries}: PackedSources): SourceFile[] {
  let start = 0
  return entries.map(({path, file, hash, end}) => {
    const source = {path, file, hash, bytes: new Uint8Array(bytes, start, end - start)}
    start = end
    return source
  })
}
