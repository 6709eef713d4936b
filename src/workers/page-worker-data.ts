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
  readonly articles: readonly Article[]
  readonly indexSettings: IndexSettings
  readonly config: SiteConfig
  readonly templateDirs: readonly string[]
  readonly templateKeys: ReadonlyMap<string, string>
  /** The key every page's key starts from (see `PageKeys`). */
  readonly siteKey: string
  /** Output path → key of the files an incremental build can keep (`OutputWriter.reusableKeys`): such pages are not rendered. */
  readonly reusable: readonly ReadonlyMap<string, string>[]
  /** The `PageClaims` memory, and the number of pages the main thread planned. */
  readonly claims: SharedArrayBuffer
  readonly pageCount: number
}

/** One page of a worker's batch: rendered (`html`), or left for the main thread to keep from an earlier build. */
export interface WorkerPage {
  readonly index: number
  readonly path: string
  readonly key: string
  readonly html?: Uint8Array
}

/** What a page worker sends: a batch of pages, the end of its work, or why it stopped. */
export type PageWorkerMessage =
  | {readonly kind: 'pages'; readonly pages: readonly WorkerPage[]}
  | {readonly kind: 'done'}
  | {readonly kind: 'template-error'; readonly message: string; readonly file: string; readonly line: number; readonly column: number}
  | {readonly kind: 'failed'; readonly error: ThrownError}
