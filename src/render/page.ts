import type {IsoDate} from '../model/article.js'
import type {ListPage} from './paginate.js'

/** One page to render: where it goes, which template, and its view model (built on demand, to bound memory). */
export interface Page {
  /** Site-relative URL path. */
  readonly url: string
  /** Template file name in `templates/`. */
  readonly template: string
  /** Source files the page shows, for collision reports. */
  readonly from: readonly string[]
  /**
   * When the page last changed, from the content alone, for the sitemaps: an
   * article page's is the article's date; a list page's, that of the newest
   * article it shows. None for a page no sitemap lists (search, 404).
   */
  readonly lastmod?: IsoDate
  /** For an article page, the index of its article in the archive (see `CarriedKeys`). */
  readonly article?: number
  /** For a page of a topic's list, the topic's slug and which page of the list it is (see `CarriedKeys`). */
  readonly topicList?: {readonly slug: string; readonly list: ListPage}
  view(): object
  /**
   * What `view()` is made from, cheaper to name than the view is to build,
   * to key the page by (see `PageKeys`). Pages without it are keyed by their
   * whole view.
   */
  inputs?(): PageInputs
}

/** Everything a page's view is made from: the articles whose listing cards it shows, and text naming the rest. */
export interface PageInputs {
  readonly text: string
  /** Indexes of the articles whose cards the page shows, in order. */
  readonly cards: readonly number[]
}
