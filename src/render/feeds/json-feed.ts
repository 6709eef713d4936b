import type {FeedChannel, FeedEntry} from './feed-types.js'

/** A JSON Feed 1.1 author. */
interface JsonFeedAuthor {
  readonly name: string
  readonly url?: string
}

/** One JSON Feed 1.1 item: `content_html` or `content_text` is required. */
interface JsonFeedItem {
  readonly id: string
  readonly url: string
  readonly title: string
  readonly content_html?: string
  readonly content_text?: string
  readonly summary: string
  readonly date_published: string
  readonly tags?: readonly string[]
  readonly authors?: readonly JsonFeedAuthor[]
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
interface JsonFeed {
  readonly version: 'https://jsonfeed.org/version/1.1'
  readonly title: string
  readonly home_page_url: string
  readonly feed_url: string
  readonly description: string
  readonly language: string
  readonly authors: readonly JsonFeedAuthor[]
  readonly items: readonly JsonFeedItem[]
}

/**
 * A JSON Feed 1.1 document. `JSON.stringify` does all the escaping JSON needs.
 */
export function toJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    authors: [{name: channel.publisher.name, ...(channel.publisher.url ? {url: channel.publisher.url} : {})}],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      ...(entry.contentHtml === undefined ? {content_text: entry.summary} : {content_html: entry.contentHtml}),
      summary: entry.summary,
      date_published: `${entry.date}T00:00:00Z`,
      ...(entry.topics.length > 0 ? {tags: entry.topics.map((topic) => topic.name)} : {}),
      ...(entry.author === undefined ? {} : {authors: [{name: entry.author}]}),
    })),
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}
