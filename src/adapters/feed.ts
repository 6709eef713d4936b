import {Feed, type Item} from 'feed'
import {escapeXml, xmlSafe} from './xml.js'

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

/** Plain text made safe to stand as HTML (Atom `type="html"`, RSS `description`). */
const asHtml = (text: string): string => escapeXml(text)

/**
 * An RSS 2.0 document. Titles stay plain text (RSS has no type for them);
 * the summary goes in `description` as HTML and the body in `content:encoded`.
 */
export function toRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = newFeed(channel, {rss: channel.selfUrl})
  for (const entry of entries) {
    feed.addItem({
      ...common(entry),
      title: xmlSafe(entry.title),
      description: asHtml(entry.summary),
      ...(entry.contentHtml === undefined ? {} : {content: xmlSafe(entry.contentHtml)}),
      category: entry.topics.map((topic) => ({name: xmlSafe(topic.name)})),
    })
  }
  return feed.rss2()
}

/**
 * An Atom 1.0 document. The library marks titles and summaries `type="html"`,
 * so plain text is escaped into HTML first: a headline with `<` or `&` shows as written.
 */
export function toAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = newFeed(channel, {atom: channel.selfUrl})
  for (const entry of entries) {
    feed.addItem({
      ...common(entry),
      ...(entry.author === undefined ? {} : {author: [{name: xmlSafe(entry.author)}]}),
      title: asHtml(entry.title),
      description: asHtml(entry.summary),
      ...(entry.contentHtml === undefined ? {} : {content: xmlSafe(entry.contentHtml)}),
      // Note: the library escapes only `&` in attributes, so a `<` in a label
      // would make the XML ill-formed; such a topic keeps its term (the slug) only.
      category: entry.topics.map((topic) => ({term: topic.slug, ...(/[<>]/.test(topic.name) ? {} : {name: xmlSafe(topic.name)})})),
    })
  }
  return feed.atom1()
}

/** Link, id and date. Note: RSS gets no author: its `<author>` must be an e-mail address. */
function common(entry: FeedEntry): Pick<Item, 'link' | 'date'> {
  return {link: entry.url, date: dayStart(entry.date)}
}

function newFeed(channel: FeedChannel, feedLinks: {rss?: string; atom?: string}): Feed {
  return new Feed({
    id: channel.pageUrl,
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    link: channel.pageUrl,
    language: channel.language,
    // Note: without `updated` the library stamps the build's clock; the output must not change between builds.
    updated: dayStart(channel.updated),
    generator: 'news-archive',
    feedLinks,
    author: {name: xmlSafe(channel.publisher.name), ...(channel.publisher.url && URL.canParse(channel.publisher.url) ? {link: channel.publisher.url} : {})},
  })
}
