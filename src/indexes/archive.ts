import type {Article, IsoDate, TopicKind} from '../model/article.js'
import type {RelatedLists} from './related-lists.js'

/** An article with its place on the site. */
export interface PlacedArticle extends Article {
  /** Site-relative URL path, starting and ending with `/` (e.g. `/2024/11/18/us-says/`). */
  readonly url: string
}

/** One topic across the archive. */
export interface TopicEntry {
  readonly name: string
  readonly slug: string
  readonly kind: TopicKind
  /** Indexes into `Archive.articles`, newest first. */
  readonly articles: readonly number[]
  /** Topics that appear in the same articles, most shared first (at most 10). */
  readonly related: readonly {readonly slug: string; readonly count: number}[]
}

/** The whole archive, indexed by date and topic. Every list is in the one article order. */
export interface Archive {
  /** Newest first, then by source path. */
  readonly articles: readonly PlacedArticle[]
  /** `YYYY-MM-DD` → article indexes, ascending keys. */
  readonly days: ReadonlyMap<IsoDate, readonly number[]>
  /** `YYYY-MM` → article indexes. */
  readonly months: ReadonlyMap<string, readonly number[]>
  /** `YYYY` → article indexes. */
  readonly years: ReadonlyMap<string, readonly number[]>
  /** Topic slug → entry, ascending slugs; only the topics that get a page (see `groupByTopic`). */
  readonly topics: ReadonlyMap<string, TopicEntry>
  /** Per article: up to five related articles, best first. */
  readonly related: RelatedLists
}
