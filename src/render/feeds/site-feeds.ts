import type {FeedChannel, FeedEntry} from './feed-types.js'
import {atomDocument, atomEntry, rssDocument, rssItem} from './xml-feeds.js'
import {feedFormatNames, type FeedFormatName} from '../../config/site-config.js'
import type {Archive, TopicEntry} from '../../indexes/archive.js'
import type {DeferredFile, OutputFile} from '../output-file.js'
import {homeUrl, outputPathFor, siteFeedUrl, topicFeedUrl, topicUrl} from '../urls.js'
import type {ViewBuilder} from '../views.js'
import {absoluteLinks} from './absolute-links.js'
import {jsonFeedDocument, jsonFeedItem} from './json-feed.js'

/** A feed format: how to write each entry and the document of them, the media type it is served as, and its name for readers. */
interface FeedFormat {
  readonly item: (entry: FeedEntry) => string
  /** The document of the entries whose `item`s are `items`; `withContent` when any of them has `contentHtml`. */
  readonly document: (channel: FeedChannel, items: readonly string[], withContent: boolean) => string
  readonly type: string
  readonly label: string
}

/** Every format the site writes, by name. */
export const feedFormats = {
  rss: {item: rssItem, document: rssDocument, type: 'application/rss+xml', label: 'RSS'},
  atom: {item: atomEntry, document: atomDocument, type: 'application/atom+xml', label: 'Atom'},
  json: {item: jsonFeedItem, document: jsonFeedDocument, type: 'application/feed+json', label: 'JSON Feed'},
} as const satisfies Record<FeedFormatName, FeedFormat>

/**
 * Note: before the first article exists a feed still needs an `updated`
 * date, and the build's clock is not allowed; the Unix epoch is the
 * stable "never".
 */
const noDate = '1970-01-01'

/** How `feedFiles` works. */
export interface FeedFilesOptions {
  /**
   * Keep each article's entry, as text in each format, for the next feed
   * that has it (an article is in the feeds of most of its topics), until
   * the last. Note: costs up to as much memory as the bodies of every article
   * in a feed, so only for archives small enough (see `build`).
   */
  readonly keepEntries: boolean
}

/**
 * The site's feeds: RSS, Atom and JSON Feed of the newest `config.feedSize`
 * articles, then the feeds of each topic page (`config.topics.feeds`).
 * Yields one file at a time, so only one feed's entries are held at once
 * (unless `options.keepEntries`). Topic feeds are deferred: most
 * stay the same when an article is added, and there is one per topic.
 * `entryKey(index)` is a key of everything article `index`'s entry is made
 * from besides the site-wide settings (`PageKeys.cardKey`).
 */
export function* feedFiles(archive: Archive, views: ViewBuilder, entryKey: (index: number) => string, options: FeedFilesOptions): Generator<OutputFile | DeferredFile> {
  const {config, urls} = views
  const latest = archive.articles.slice(0, config.feedSize).map((_, index) => index)
  const topicItems = (topic: TopicEntry): readonly number[] => topic.articles.slice(0, config.feedSize)
  const entries = new EntryTexts(archive, views, options.keepEntries ? feedUses(archive, latest, topicItems, config.topics.feeds) : undefined)
  for (const format of feedFormatNames) {
    const url = siteFeedUrl(format)
    const channel = channelFor(archive, views, latest, {title: config.title, description: config.description, pageUrl: urls.absolute(homeUrl), selfUrl: urls.absolute(url)})
    yield {path: outputPathFor(url), contents: entries.write(format, channel, latest), from: []}
  }
  for (const topic of archive.topics.values()) {
    const items = topicItems(topic)
    const entryKeys = items.map(entryKey).join(' ')
    for (const format of config.topics.feeds) {
      const url = topicFeedUrl(topic.slug, format)
      const channel = channelFor(archive, views, items, {
        title: `${topic.name} · ${config.title}`,
        description: `The latest articles about ${topic.name}.`,
        pageUrl: urls.absolute(topicUrl(topic.slug)),
        selfUrl: urls.absolute(url),
      })
      yield {
        path: outputPathFor(url),
        inputs: `${JSON.stringify(channel)}\u0000${entryKeys}`,
        from: [],
        make: () => entries.write(format, channel, items),
      }
    }
  }
}

/** For each format, how many of the feeds `feedFiles` makes in it hold each article (by index). */
function feedUses(archive: Archive, latest: readonly number[], topicItems: (topic: TopicEntry) => readonly number[], topicFormats: readonly FeedFormatName[]): Map<FeedFormatName, Uint32Array> {
  const uses = new Map(feedFormatNames.map((format) => [format, new Uint32Array(archive.articles.length)]))
  const count = (format: FeedFormatName, items: readonly number[]): void => {
    const counts = uses.get(format) as Uint32Array
    for (const index of items) counts[index] = (counts[index] ?? 0) + 1
  }
  for (const format of feedFormatNames) count(format, latest)
  for (const topic of archive.topics.values()) {
    const items = topicItems(topic)
    for (const format of topicFormats) count(format, items)
  }
  return uses
}

/**
 * Feed documents of articles, made from each article's entry in the format.
 * With `uses` (see `feedUses`), each entry is written once per format and
 * kept until the last feed that holds it is made; without it, only the
 * entries of the last document are kept, for the same articles' next
 * document (a topic's formats are made one after another).
 */
class EntryTexts {
  private readonly texts = new Map<FeedFormatName, Map<number, string>>()
  private entries = new Map<number, FeedEntry>()

  constructor(
    private readonly archive: Archive,
    private readonly views: ViewBuilder,
    private readonly uses: Map<FeedFormatName, Uint32Array> | undefined,
  ) {}

  /** The document in `format` of articles `items` (indexes, newest first). */
  write(format: FeedFormatName, channel: FeedChannel, items: readonly number[]): string {
    const {item, document} = feedFormats[format]
    const uses = this.uses?.get(format)
    if (uses === undefined) {
      const entries = items.map((index) => this.entries.get(index) ?? feedEntry(this.archive, this.views, index))
      this.entries = new Map(items.map((index, at) => [index, entries[at] as FeedEntry]))
      return document(channel, entries.map(item), items.length > 0 && carriesBodies(this.views))
    }
    const texts = this.texts.get(format) ?? new Map<number, string>()
    this.texts.set(format, texts)
    const text = (index: number): string => {
      const made = texts.get(index) ?? item(feedEntry(this.archive, this.views, index))
      // Note: a text is let go once its last feed is made, so only those still to be used again are held.
      const left = (uses[index] ?? 0) - 1
      uses[index] = Math.max(0, left)
      if (left > 0) texts.set(index, made)
      else texts.delete(index)
      return made
    }
    return document(channel, items.map(text), items.length > 0 && carriesBodies(this.views))
  }
}

/** Whether feed entries carry the article's body (`feedEntry`'s `contentHtml`). */
function carriesBodies(views: ViewBuilder): boolean {
  return views.config.feedContent === 'full'
}

/** A link to a feed, for a page's `<head>` and text. */
export interface FeedLink {
  readonly title: string
  readonly label: string
  readonly href: string
  readonly type: string
}

/** Links to the feeds of `name` in `formats`, each at `urlOf(format)`. */
export function feedLinks(views: ViewBuilder, name: string, formats: readonly FeedFormatName[], urlOf: (format: FeedFormatName) => string): FeedLink[] {
  return formats.map((format) => {
    const {label, type} = feedFormats[format]
    return {title: `${name} (${label})`, label, href: views.urls.href(urlOf(format)), type}
  })
}

function channelFor(archive: Archive, views: ViewBuilder, items: readonly number[], fields: Pick<FeedChannel, 'title' | 'description' | 'pageUrl' | 'selfUrl'>): FeedChannel {
  const newest = items[0] === undefined ? undefined : archive.articles[items[0]]
  // Note: `fields` last, so no key is added after a spread (see `assignUrls`); none of its keys is set here.
  return {language: views.config.language, updated: newest?.date ?? noDate, publisher: views.config.publisher, ...fields}
}

/** Article `index` as a feed entry: absolute URL as its id, body (with absolute links) or summary as `config.feedContent` says. */
export function feedEntry(archive: Archive, views: ViewBuilder, index: number): FeedEntry {
  const article = archive.articles[index]
  if (!article) throw new Error(`no article ${index}`)
  const url = views.urls.absolute(article.url)
  return {
    title: article.title,
    url,
    date: article.date,
    summary: article.summary,
    ...(carriesBodies(views) ? {contentHtml: absoluteLinks(views.body(index), url)} : {}),
    ...(article.author === undefined ? {} : {author: article.author}),
    topics: article.topics.map((topic) => ({name: archive.topics.get(topic.slug)?.name ?? topic.name, slug: topic.slug})),
  }
}
