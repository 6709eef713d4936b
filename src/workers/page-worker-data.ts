import type {SharedBodies} from '../cache/article-store.js'
import type {SiteConfig} from '../config/site-config.js'
import type {IndexSettings} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
import type {ThrownError} from './chunk-messages.js'

/**
 * What a page worker starts with: the same articles, settings and template
 * keys the main thread has, so it builds the same archive, plans the same
 * pages in the same order and gives each the same key and bytes.
 */
export interface PageWorkerData {
  /** The articles; `bodyHtml` is empty for those whose body `bodies` locates. */
  readonly articles: readonly Article[]
  /** Where to read the bodies the build cache holds, by index into `articles`. */
  readonly bodies?: SharedBodies
  readonly indexSettings: IndexSettings
  readonly config: SiteConfig
  readonly templateDirs: readonly string[]
  readonly templateKeys: ReadonlyMap<string, string>
  /** The key every page's key starts from (see `PageKeys`). */
  readonly siteKey: string
  /** Output path → key of the files an incremental build can keep (`OutputWriter.reusableKeys`): such pages are not rendered. */
  readonly reusable: readonly ReadonlyMap<string, string>[]
  /**
   * Where the worker writes the pages it renders itself (a staging folder that
   * started empty, see `OutputWriter.directWriteDir`); when undefined it sends
   * their bytes to the main thread, which writes them.
   */
  readonly writeDir?: string
  /** The `PageClaims` memory, over every page the main thread planned. */
  readonly claims: SharedArrayBuffer
  /** The number of pages the main thread planned. */
  readonly pageCount: number
}

/**
 * One page of a worker's batch: rendered and sent (`html`), rendered and
 * written by the worker (`wrote`, its size in bytes), or neither: left for the
 * main thread to keep from an earlier build.
 */
export interface WorkerPage {
  readonly index: number
  readonly path: string
  readonly key: string
  readonly html?: Uint8Array
  readonly wrote?: number
}

/** What a page worker sends: a batch of pages, the end of its work, or why it stopped. */
export type PageWorkerMessage =
  | {readonly kind: 'pages'; readonly pages: readonly WorkerPage[]}
  | {readonly kind: 'done'}
  | {readonly kind: 'template-error'; readonly message: string; readonly file: string; readonly line: number; readonly column: number}
  | {readonly kind: 'failed'; readonly error: ThrownError}
