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
  return jsonFeedDocument(channel, entries.map(jsonFeedItem))
}

/** `toJsonFeed` of the entries whose `jsonFeedItem`s are `items`. */
export function jsonFeedDocument(channel: FeedChannel, items: readonly string[]): string {
  const feed: Omit<JsonFeed, 'items'> = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.selfUrl,
    description: channel.description,
    language: channel.language,
    authors: [{name: channel.publisher.name, ...(channel.publisher.url ? {url: channel.publisher.url} : {})}],
  }
  // Note: the items go last, as `JSON.stringify(feed, null, 2)` would write them: the head ends with its closing `\n}`.
  const head = JSON.stringify(feed, null, 2).slice(0, -2)
  return `${head},\n  "items": ${items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n  ]`}\n}\n`
}

/** One item of a JSON Feed document, as `toJsonFeed` writes it (indented to its place in the document). */
export function jsonFeedItem(entry: FeedEntry): string {
  const item: JsonFeedItem = {
    id: entry.url,
    url: entry.url,
    title: entry.title,
    ...(entry.contentHtml === undefined ? {content_text: entry.summary} : {content_html: entry.contentHtml}),
    summary: entry.summary,
    date_published: `${entry.date}T00:00:00Z`,
    ...(entry.topics.length > 0 ? {tags: entry.topics.map((topic) => topic.name)} : {}),
    ...(entry.author === undefined ? {} : {authors: [{name: entry.author}]}),
  }
  // Note: JSON text holds no raw line break inside a string, so every one is a line of the item to indent.
  return `    ${JSON.stringify(item, null, 2).replaceAll('\n', '\n    ')}`
}
