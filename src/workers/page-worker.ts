import type {Worker} from 'node:worker_threads'
import {TemplateError} from '../adapters/liquid.js'
import {fromThrownError} from './chunk-messages.js'
import type {PageWorkerData, PageWorkerMessage, WorkerPage} from './page-worker-data.js'
import {siblingModule, startWorker} from './start-worker.js'

const renderPagesWorker = siblingModule('render-pages-worker', import.meta.url)

/**
 * The main thread's handle on one page worker (`render-pages-worker`): the
 * batches it has sent and not yet taken, and whether it is done. Messages are
 * only collected here; the main thread writes them when it takes them.
 */
export class PageWorker {
  private readonly inbox: (readonly WorkerPage[])[] = []
  private finished = false
  private failure: Error | undefined
  private wake: (() => void) | undefined

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: PageWorkerMessage) => {
      if (message.kind === 'pages') this.inbox.push(message.pages)
      else if (message.kind === 'done') this.finished = true
      else if (message.kind === 'template-error') this.fail(new TemplateError(message.message, message.file, message.line, message.column))
      else this.fail(fromThrownError(message.error))
      this.wake?.()
    })
    worker.on('error', (error: Error) => this.fail(error))
    worker.on('exit', (code) => {
      if (!this.finished) this.fail(new Error(`the page worker stopped unexpectedly (exit code ${code})`))
    })
  }

  /** Start a worker that renders the pages `data` describes, taking them from `data.claims`. */
  static start(data: PageWorkerData): PageWorker {
    return new PageWorker(startWorker(renderPagesWorker, data))
  }

  /** Whether the worker has finished and every batch it sent has been taken. */
  get done(): boolean {
    return this.finished && this.inbox.length === 0
  }

  /**
   * The batches sent since the last call, oldest first.
   *
   * @throws {TemplateError} For a template mistake the worker found.
   * @throws {Error} A bug in the worker, with its stack, or a worker that stopped.
   */
  take(): (readonly WorkerPage[])[] {
    if (this.failure) throw this.failure
    return this.inbox.splice(0)
  }

  /** Resolves when a batch is waiting, the worker is done, or it failed. */
  async arrival(): Promise<void> {
    while (this.inbox.length === 0 && !this.finished && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve))
    this.wake = undefined
  }

  /** Stop the worker (at once, when the build failed elsewhere). */
  async close(): Promise<void> {
    this.finished = true
    await this.worker.terminate()
  }

  private fail(error: Error): void {
    this.failure ??= error
    this.wake?.()
  }
}
