import type {Worker} from 'node:worker_threads'
import type {FileContents} from '../render/output-file.js'
import {isTextPieces} from '../text/text-pieces.js'
import {pathInside, writeNewFile} from '../write/new-files.js'
import {siblingModule, startWorker} from './start-worker.js'

/**
 * New files for the writer thread, in the order to write them: `paths[i]`
 * (relative to its folder) gets bytes `starts[i]` to `starts[i + 1]` of
 * buffer `buffer` of the ones it was given.
 */
export interface WriteBatch {
  readonly buffer: number
  readonly paths: readonly string[]
  readonly starts: readonly number[]
}

/** What the writer thread says of one batch: its buffer is free again; or the error that stopped it. */
export interface WriteReply {
  readonly buffer: number
  readonly error?: {readonly message: string; readonly code?: string}
}

/** What the writer thread is started with: where to write, and the buffers batches come in. */
export interface WriterThreadData {
  readonly dir: string
  readonly buffers: readonly SharedArrayBuffer[]
}

/** Bytes of one batch buffer; a larger file is written by the calling thread itself. */
const bufferBytes = 1 << 20
/** Batch buffers: at most this many batches wait for the thread, so its memory is fixed. */
const bufferCount = 8
/** Files a batch holds at most, so that the thread starts on them soon. */
const batchFiles = 64

/**
 * A worker thread that writes new files into a staging folder that started
 * empty, while the caller goes on rendering. Files are written in the order
 * they are given, so a later file at the same path wins, as when written at
 * once. An error surfaces at the next `write` or at `drain`.
 *
 * The caller encodes each file into one of a few shared buffers and sends
 * the thread only where it is, so no text is copied into the thread's heap
 * and the memory this takes is fixed (`bufferCount` × `bufferBytes`).
 *
 * Why: writing a new file is mostly kernel work (creating its folder and the
 * file, copying the bytes). In a cold build of 100,000 articles, where the
 * main thread renders and writes every page, the build spent 21-33 s in the
 * kernel, most of it in a write stage of 54-70 s.
 */
export class FileWriterThread {
  private readonly buffers: Buffer[]
  private readonly free: number[]
  private current: number | undefined
  private used = 0
  private paths: string[] = []
  private starts: number[] = [0]
  /** Callers waiting for the thread to answer. */
  private waiting: (() => void)[] = []
  /** The last `write` queued: each waits for the one before, so overlapping calls keep their order and state. */
  private tail: Promise<void> = Promise.resolve()
  private failure: Error | undefined
  private readonly made = new Set<string>()
  /** Files and bytes queued since the last `drain`. */
  private files = 0
  private bytes = 0

  private constructor(
    private readonly worker: Worker,
    private readonly dir: string,
    shared: readonly SharedArrayBuffer[],
  ) {
    this.buffers = shared.map((buffer) => Buffer.from(buffer))
    this.free = shared.map((_, index) => index)
    worker.on('message', (reply: WriteReply) => {
      this.free.push(reply.buffer)
      if (reply.error) this.failure ??= Object.assign(new Error(reply.error.message), reply.error.code === undefined ? {} : {code: reply.error.code})
      this.wakeUp()
    })
    worker.on('error', (error) => {
      this.failure ??= error
      this.wakeUp()
    })
    // Note: a thread gone for any reason answers no one; whoever waits must hear of it.
    worker.on('exit', () => {
      this.failure ??= new Error('the writer thread stopped before writing every file')
      this.wakeUp()
    })
  }

  /** Start a thread writing into `dir` (absolute), which must have started empty. */
  static start(dir: string): FileWriterThread {
    const buffers = Array.from({length: bufferCount}, () => new SharedArrayBuffer(bufferBytes))
    const data: WriterThreadData = {dir, buffers}
    return new FileWriterThread(startWorker(siblingModule('write-files-worker', import.meta.url), data), dir, buffers)
  }

  /** Queue `contents` for `relative`; waits while every buffer is taken. */
  write(relative: string, contents: FileContents): Promise<void> {
    const done = this.tail.then(() => this.writeInTurn(relative, contents))
    this.tail = done.catch(() => undefined)
    return done
  }

  /**
   * Wait until every file queued before it is written; returns the files and
   * bytes queued since the last `drain`. Note: in turn with the writes, so a
   * write asked for meanwhile waits for it.
   */
  drain(): Promise<{files: number; bytes: number}> {
    const done = this.tail.then(async () => {
      await this.waitForAll()
      const counts = {files: this.files, bytes: this.bytes}
      this.files = 0
      this.bytes = 0
      return counts
    })
    this.tail = done.then(
      () => undefined,
      () => undefined,
    )
    return done
  }

  /** Stop the thread; files still queued may or may not be written, and whoever waits for them is told so. */
  async stop(): Promise<void> {
    await this.worker.terminate()
  }

  /** Write a file on this thread, after the files queued before it, so that the order holds. */
  private async writeHere(relative: string, contents: FileContents): Promise<void> {
    this.files++
    await this.waitForAll()
    this.bytes += writeNewFile(pathInside(this.dir, relative), contents, this.made)
  }

  private async writeInTurn(relative: string, contents: FileContents): Promise<void> {
    if (this.failure) throw this.failure
    // Note: text in pieces is long (a sitemap), written here as a file too large for a buffer is.
    if (isTextPieces(contents)) return this.writeHere(relative, contents)
    // Note: text is encoded straight into the buffer, and measured only when it may not have fitted (see `encode`).
    let size = typeof contents === 'string' && this.current !== undefined ? this.encode(this.buffers[this.current] as Buffer, contents) : undefined
    if (size === undefined) {
      size = typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength
      if (size > bufferBytes) return this.writeHere(relative, contents)
      if (this.current !== undefined && this.used + size > bufferBytes) this.send()
      if (this.current === undefined) this.current = await this.takeBuffer()
      const buffer = this.buffers[this.current] as Buffer
      if (typeof contents === 'string') buffer.write(contents, this.used, 'utf8')
      else buffer.set(contents, this.used)
    }
    this.files++
    this.bytes += size
    this.used += size
    this.paths.push(relative)
    this.starts.push(this.used)
    if (this.paths.length >= batchFiles) this.send()
  }

  /**
   * Encode `text` into `buffer` after what it holds; returns its bytes, or
   * undefined when it may not have fitted. Note: UTF-8 text that does not
   * fit is cut before the character that would overflow, so it stops less
   * than four bytes short of the end; text that stops earlier is whole.
   * Measuring every page first (`Buffer.byteLength`) walked each page once
   * more: in a script, encoding 15,000 pages of 20 KB took 1.1 s with it and
   * 0.6 s without.
   */
  private encode(buffer: Buffer, text: string): number | undefined {
    const written = buffer.write(text, this.used, 'utf8')
    return written < bufferBytes - this.used - 3 || written === Buffer.byteLength(text) ? written : undefined
  }

  private async waitForAll(): Promise<void> {
    if (this.current !== undefined) this.send()
    while (this.free.length < bufferCount && !this.failure) await this.nextReply()
    if (this.failure) throw this.failure
  }

  private async takeBuffer(): Promise<number> {
    for (;;) {
      if (this.failure) throw this.failure
      const index = this.free.pop()
      if (index !== undefined) {
        this.used = 0
        return index
      }
      await this.nextReply()
    }
  }

  private send(): void {
    if (this.current === undefined) return
    this.worker.postMessage({buffer: this.current, paths: this.paths, starts: this.starts} satisfies WriteBatch)
    this.current = undefined
    this.used = 0
    this.paths = []
    this.starts = [0]
  }

  private nextReply(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve)
    })
  }

  private wakeUp(): void {
    const waiting = this.waiting
    this.waiting = []
    for (const wake of waiting) wake()
  }
}
