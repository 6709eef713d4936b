/** Pages taken at once: enough to make claiming cheap, few enough to share the last pages out evenly. */
const blockSize = 16

/** Batches of rendered pages a worker may have sent and the main thread not yet written. */
const batchesWaiting = 8

/** Cells of the shared counter. */
const nextPage = 0
const unwritten = 1
/** Workers between trying to claim a block and having sent it (or found none). */
const claiming = 2

/** A range of page indexes, `start` included, `end` excluded. */
export interface PageBlock {
  readonly start: number
  readonly end: number
}

/**
 * Hands the pages of a site out, in blocks, to every thread that renders:
 * each thread takes the next block from one counter in shared memory, so a
 * thread that renders faster takes more blocks and no thread waits for
 * another to tell it what to do. Which thread renders a page changes nothing
 * in its bytes.
 *
 * The same memory carries back-pressure: a worker counts the batches it has
 * sent, the main thread counts down the ones it has written, and a worker
 * that is too far ahead waits, so rendered pages never pile up in memory.
 */
export class PageClaims {
  private readonly cells: Int32Array

  constructor(
    /** Shared by every thread; from `PageClaims.create`. */
    readonly buffer: SharedArrayBuffer,
    /** The number of pages. */
    readonly total: number,
  ) {
    this.cells = new Int32Array(buffer)
  }

  /** Claims over `total` pages, none taken yet. */
  static create(total: number): PageClaims {
    return new PageClaims(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT), total)
  }

  /** The next block of pages for this thread, or undefined when every page is taken. */
  next(): PageBlock | undefined {
    const start = Atomics.add(this.cells, nextPage, blockSize)
    if (start >= this.total) return undefined
    return {start, end: Math.min(start + blockSize, this.total)}
  }

  /**
   * In a worker: claim the next block, and hold it until `sentBatch`. Note:
   * the worker counts itself as claiming before it claims, so the main thread
   * never sees a block taken that is neither claimed nor sent (see `settled`).
   */
  claim(): PageBlock | undefined {
    Atomics.add(this.cells, claiming, 1)
    const block = this.next()
    if (!block) Atomics.sub(this.cells, claiming, 1)
    return block
  }

  /** In a worker, after sending a claimed block's batch: with `wait`, wait (blocking the worker only) while the main thread is too far behind. */
  sentBatch(wait = true): void {
    Atomics.add(this.cells, unwritten, 1)
    Atomics.sub(this.cells, claiming, 1)
    if (!wait) return
    for (let waiting = Atomics.load(this.cells, unwritten); waiting >= batchesWaiting; waiting = Atomics.load(this.cells, unwritten)) {
      Atomics.wait(this.cells, unwritten, waiting)
    }
  }

  /**
   * On the main thread, once `next` gave nothing: whether every page is
   * written, with no worker holding a block or a batch left to write. Then
   * a worker still starting up can be stopped: it would find no work.
   */
  settled(): boolean {
    return Atomics.load(this.cells, claiming) === 0 && Atomics.load(this.cells, unwritten) === 0
  }

  /** On the main thread, after writing a worker's batch: let a waiting worker go on. */
  wroteBatch(): void {
    Atomics.sub(this.cells, unwritten, 1)
    Atomics.notify(this.cells, unwritten)
  }
}
