import type {Worker} from 'node:worker_threads'
import {TemplateError, type TemplateSet} from '../adapters/liquid.js'
import {fromThrownError, type ChunkReply, type ChunkRequest} from './chunk-messages.js'
import {siblingModule, startWorker} from './start-worker.js'

/** Where a worker finds the templates: the same folders and page names the main thread loaded. */
export interface TemplateSource {
  readonly dirs: readonly string[]
  readonly pageNames: readonly string[]
}

/** One page for a worker: its template and its view model (plain data). */
export interface RenderJob {
  readonly template: string
  readonly view: object
}

/** A rendered page, or the template mistake that stopped it. */
export type RenderedPage = {readonly html: string} | {readonly templateError: {readonly message: string; readonly file: string; readonly line: number; readonly column: number}}

interface Pending extends RenderJob {
  readonly done: (html: string) => unknown
}

interface Helper {
  readonly worker: Worker
  ready: boolean
  /** Batches sent and not yet answered, oldest first. */
  readonly batches: Pending[][]
}

/** Pages per message to a worker. */
const batchSize = 16
/**
 * Batches a worker holds at once. Note: with 2, a 10,000-article profile showed
 * the worker idle a third of the time while the main thread rendered, keyed or
 * wrote; more batches queued keep it busy (a batch is a few hundred KB).
 */
const batchesInFlight = 4
/** Rendered pages waiting for their `done` before `submit` waits. */
const pagesWaiting = 64

const renderWorker = siblingModule('render-worker', import.meta.url)

/**
 * Renders pages on the main thread and on worker threads at once. Pages go
 * to a worker in batches while one has room, and are rendered on the main
 * thread otherwise, so both cores stay busy and no queue grows without bound.
 * Each page's HTML is the same whichever thread rendered it: views are plain
 * data and every thread parses the same templates. `done` callbacks run one
 * at a time (each awaited), in the order pages finish rendering, which is
 * not always the order they were submitted; `finish` waits for all of them.
 */
export class PageRenderer {
  private batch: Pending[] = []
  /** Rendered pages whose `done` has not run yet, in the order they were rendered. */
  private readonly outbox: (() => unknown)[] = []
  private draining: Promise<void> | undefined
  private failure: Error | undefined
  private wake: (() => void) | undefined
  private slotFreed: (() => void) | undefined

  private constructor(
    private readonly templates: TemplateSet,
    private readonly helpers: readonly Helper[],
    private readonly mainThread: boolean,
  ) {}

  /**
   * Start `workers` worker threads that load the templates of `source`;
   * `templates` renders on the main thread, unless `mainThread` is false
   * (then every page waits for a worker; for tests).
   */
  static start(templates: TemplateSet, source: TemplateSource, workers: number, mainThread = true): PageRenderer {
    const helpers = Array.from({length: workers}, (): Helper => ({worker: startWorker(renderWorker, source), ready: false, batches: []}))
    const renderer = new PageRenderer(templates, helpers, mainThread || workers === 0)
    for (const helper of helpers) renderer.listen(helper)
    return renderer
  }

  /**
   * Render `view` through `template` and pass the HTML to `done`.
   *
   * @throws {TemplateError} For a template mistake, found here or in a worker.
   */
  async submit(template: string, view: object, done: (html: string) => unknown): Promise<void> {
    this.check()
    this.batch.push({template, view, done})
    if (this.batch.length >= batchSize) await this.dispatch()
    // Note: bounds the rendered pages waiting for `done` (e.g. for the disk), and so memory.
    while (this.outbox.length > pagesWaiting && !this.failure) await new Promise<void>((resolve) => (this.slotFreed = resolve))
  }

  /** Render what is left, wait for every page and callback, and stop the workers. */
  async finish(): Promise<void> {
    try {
      if (this.batch.length > 0) await this.dispatch()
      while (this.helpers.some((helper) => helper.batches.length > 0) && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve))
      while (this.draining) await this.draining
      this.check()
    } finally {
      await this.close()
    }
  }

  /** Stop the workers without waiting for their pages (after a failure elsewhere). */
  async close(): Promise<void> {
    await Promise.all(this.helpers.map((helper) => helper.worker.terminate()))
  }

  private async dispatch(): Promise<void> {
    const batch = this.batch
    this.batch = []
    let helper = this.helpers.find((candidate) => candidate.ready && candidate.batches.length < batchesInFlight)
    while (!helper && !this.mainThread && !this.failure) {
      await new Promise<void>((resolve) => (this.wake = resolve))
      helper = this.helpers.find((candidate) => candidate.ready && candidate.batches.length < batchesInFlight)
    }
    this.check()
    if (helper) {
      helper.batches.push(batch)
      helper.worker.postMessage({chunk: 0, message: batch.map(({template, view}) => ({template, view}))} satisfies ChunkRequest)
      return
    }
    for (const page of batch) this.deliver(page.done, this.templates.render(page.template, page.view))
    // Note: let the workers' replies in, so they get their next batch without waiting.
    await new Promise((resolve) => setImmediate(resolve))
  }

  private listen(helper: Helper): void {
    helper.worker.on('message', (reply: ChunkReply) => {
      this.wake?.()
      if (reply.kind === 'ready') helper.ready = true
      else if (reply.kind === 'failed') this.failure ??= fromThrownError(reply.error)
      else {
        const batch = helper.batches.shift() ?? []
        ;(reply.results as RenderedPage[]).forEach((page, index) => {
          if ('templateError' in page) {
            const {message, file, line, column} = page.templateError
            this.failure ??= new TemplateError(message, file, line, column)
          } else this.deliver((batch[index] as Pending).done, page.html)
        })
      }
    })
    helper.worker.on('error', (error: Error) => {
      this.failure ??= error
      this.wake?.()
    })
    helper.worker.on('exit', (code) => {
      this.wake?.()
      if (helper.batches.length > 0) this.failure ??= new Error(`a page-rendering worker thread stopped unexpectedly (exit code ${code})`)
      helper.batches.length = 0
    })
  }

  /**
   * Hand a page to its `done`, one page at a time, awaiting each.
   * Note: never many `done`s at once: a writer that makes each caller wait for
   * a free slot would wake every waiting caller whenever one write ends.
   */
  private deliver(done: (html: string) => unknown, html: string): void {
    this.outbox.push(() => done(html))
    this.startDrain()
  }

  private startDrain(): void {
    if (this.draining) return
    this.draining = this.drain().finally(() => {
      this.draining = undefined
      // Note: a page delivered between the last `shift` and this callback would otherwise wait forever.
      if (this.outbox.length > 0) this.startDrain()
    })
  }

  private async drain(): Promise<void> {
    for (let next = this.outbox.shift(); next; next = this.outbox.shift()) {
      try {
        await next()
      } catch (error) {
        this.failure ??= error as Error
      }
      this.slotFreed?.()
    }
  }

  private check(): void {
    if (this.failure) throw this.failure
  }
}
