/** What a feed says about itself. Every URL is absolute. */
export interface FeedChannel {
  readonly title: string
  readonly description: string
  /** BCP 47 language tag. */
  readonly language: string
  /** The page the feed belongs to (the home page, or a topic's page). */
  readonly pageUrl: string
  /** The feed's own URL. */
  readonly selfUrl: string
  /** Newest item date, `YYYY-MM-DD` (UTC): never the build's clock. */
  readonly updated: string
  readonly publisher: {readonly name: string; readonly url?: string}
}

/** One article in a feed. Every URL is absolute. */
export interface FeedEntry {
  /** Plain text. */
  readonly title: string
  /** The article's URL, which is also its permanent id (GUID). */
  readonly url: string
  /** `YYYY-MM-DD` (UTC). */
  readonly date: string
  /** Plain text. */
  readonly summary: string
  /** The article body as HTML, when the feed carries full content. */
  readonly contentHtml?: string
  readonly author?: string
  readonly topics: readonly {readonly name: string; readonly slug: string}[]
}

/** Midnight UTC of a `YYYY-MM-DD` day. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`)
