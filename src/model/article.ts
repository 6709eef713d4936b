import type {SourceRef} from '../problems/source-point.js'

/** A day in `YYYY-MM-DD` form, UTC. Compares correctly as a string. */
export type IsoDate = string & {readonly brand: 'IsoDate'}

/** Whether a value was written by the author or worked out from the text. */
export type Origin = 'given' | 'derived'

/** What a topic names. */
export type TopicKind = 'person' | 'place' | 'organisation' | 'subject'

/** One topic of an article: a canonical name, its URL slug and how it was found. */
export interface Topic {
  readonly name: string
  /** Lower-case ASCII letters, digits and hyphens; unique per topic across the site. */
  readonly slug: string
  readonly kind: TopicKind
  /** `given` from front matter, `derived` from the text. */
  readonly origin: Origin
}

/** A photo caption found in the text, with its credit when one was given. */
export interface Figure {
  readonly caption: string
  readonly credit?: string
}

/** A wire dateline such as `BAHIA BLANCA, Feb 26 -`. */
export interface Dateline {
  /** The dateline as written, without the trailing dash. */
  readonly text: string
  /** The place, as written (`BAHIA BLANCA`). */
  readonly place: string
}

/**
 * One news article: checked, typed, enriched. Immutable and plain data, so it
 * can be cached as JSON and passed between worker threads.
 */
export interface Article {
  /** Source path relative to the seeds folder, `/`-separated. Unique. */
  readonly source: string
  /** Where the article's problems point: the seeds folder as given, plus `source`. */
  readonly file: string
  /** SHA-256 (hex) of the seed's bytes. */
  readonly hash: string
  readonly date: IsoDate
  readonly title: string
  readonly titleOrigin: Origin
  /** One or two sentences for listings and meta descriptions. */
  readonly summary: string
  readonly summaryOrigin: Origin
  /** The last URL segment. Unique per day once the archive is indexed. */
  readonly slug: string
  readonly slugOrigin: Origin
  /** Where `slug` was written, for URL collision reports. */
  readonly slugAt: SourceRef
  readonly author?: string
  /** Who first published the article (front matter `source`). */
  readonly publisher?: string
  readonly draft: boolean
  /**
   * The body as sanitised HTML, ready to be placed in a page. Empty in an
   * article taken from the build cache, which keeps bodies on disk until a
   * page shows them: pages read it through `ViewBuilder.body`.
   */
  readonly bodyHtml: string
  readonly subheadings: readonly string[]
  readonly figures: readonly Figure[]
  readonly dateline?: Dateline
  readonly wordCount: number
  /** Whole minutes at 230 words a minute, at least 1. */
  readonly readingMinutes: number
  /** Most salient first. */
  readonly topics: readonly Topic[]
}
