import type {FeedChannel, FeedEntry} from './feed-types.js'
import {atomDocument, atomEntry, rssDocument, rssItem} from './xml-feeds.js'
import {feedFormatNames, type FeedFormatName} from '../../config/site-config.js'
import type {Archive} from '../../indexes/archive.js'
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
   * that has it (an article is in the feeds of most of its topics), until the
   * last feed made that has it, or the feeds are done. Note: costs up to as
   * much memory as the bodies of every article in a feed, per topic-feed
   * format, so only for archives small enough (see `build`).
   */
  readonly keepEntries: boolean
}

/** One feed document: its format, its articles (indexes, newest first), where it goes and what it says about itself. */
interface FeedDocument {
  readonly format: FeedFormatName
  readonly items: readonly number[]
  /** Its output path. */
  readonly path: string
  /** Made when first asked for: a topic's feed that an earlier build has (nearly every one) never needs it. */
  channel(): FeedChannel
  /** Whether it is a topic's feed (deferred), not one of the site's. */
  readonly ofTopic: boolean
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
  // Note: kept entries need the whole plan first, to count each article's feeds; otherwise the plan is walked as it goes.
  const plan = options.keepEntries ? [...feedDocuments(archive, views)] : undefined
  const texts = new EntryTexts(archive, views, plan && feedUses(archive, plan))
  for (const {format, items, path, channel, ofTopic} of plan ?? feedDocuments(archive, views)) {
    if (!ofTopic) {
      yield {path, contents: texts.write(format, channel(), items), from: []}
      continue
    }
    // Note: its channel names the topic, whose spelling every card of the topic's articles names too.
    yield {path, inputs: () => `${JSON.stringify(channel())}\u0000${items.map(entryKey).join(' ')}`, articles: items, from: [], make: () => texts.write(format, channel(), items)}
  }
}

/**
 * Each topic's feed paths, by topic slug and format, as earlier builds of this process made them; a path is the same
 * whatever the site. Note: a dev build keys every topic's feed, and looks its path up in what the build before kept
 * and in the output's manifest: the very string those hold is found at once, where one made anew is hashed and
 * compared character by character (20-35 ms of a build that added one seed to 100,000 articles, in profiles).
 * Slugs no longer in use are let go when the map grows well past the topics.
 */
const topicFeedPaths = new Map<string, Partial<Record<FeedFormatName, string>>>()

/** Every feed document of the site, in the order `feedFiles` makes them; a topic's formats one after another. */
function* feedDocuments(archive: Archive, views: ViewBuilder): Generator<FeedDocument> {
  const {config, urls} = views
  const latest = archive.articles.slice(0, config.feedSize).map((_, index) => index)
  for (const format of feedFormatNames) {
    const url = siteFeedUrl(format)
    const channel = channelFor(archive, views, latest, {title: config.title, description: config.description, pageUrl: urls.absolute(homeUrl), selfUrl: urls.absolute(url)})
    yield {format, items: latest, path: outputPathFor(url), channel: () => channel, ofTopic: false}
  }
  if (topicFeedPaths.size > 2 * archive.topics.size + 1000) topicFeedPaths.clear()
  for (const topic of archive.topics.values()) {
    // Note: most topics have fewer articles than a feed holds; their list is used as it is, not copied.
    const items = topic.articles.length <= config.feedSize ? topic.articles : topic.articles.slice(0, config.feedSize)
    const paths = topicFeedPaths.get(topic.slug) ?? {}
    for (const format of config.topics.feeds) {
      let channel: FeedChannel | undefined
      const made = (): FeedChannel =>
        (channel ??= channelFor(archive, views, items, {
          title: `${topic.name} · ${config.title}`,
          description: `The latest articles about ${topic.name}.`,
          pageUrl: urls.absolute(topicUrl(topic.slug)),
          selfUrl: urls.absolute(topicFeedUrl(topic.slug, format)),
        }))
      let path = paths[format]
      if (path === undefined) {
        path = paths[format] = outputPathFor(topicFeedUrl(topic.slug, format))
        topicFeedPaths.set(topic.slug, paths)
      }
      yield {format, items, path, channel: made, ofTopic: true}
    }
  }
}

/** Per format, how many of `documents` hold each article (by index). */
function feedUses(archive: Archive, documents: Iterable<FeedDocument>): Record<FeedFormatName, Uint32Array> {
  const uses = {rss: new Uint32Array(archive.articles.length), atom: new Uint32Array(archive.articles.length), json: new Uint32Array(archive.articles.length)}
  for (const {format, items} of documents) {
    const counts = uses[format]
    for (const index of items) counts[index] = (counts[index] ?? 0) + 1
  }
  return uses
}

/**
 * Feed documents of articles, made from each article's entry in the format.
 * The entries of the last document are kept for the same articles' next one
 * (a topic's formats are made one after another). With `uses` (see
 * `feedUses`), each entry's text in a format is kept too, until the last
 * document in that format that holds it.
 */
class EntryTexts {
  private readonly texts = {rss: new Map<number, string>(), atom: new Map<number, string>(), json: new Map<number, string>()}
  private entries = new Map<number, FeedEntry>()

  constructor(
    private readonly archive: Archive,
    private readonly views: ViewBuilder,
    private readonly uses: Record<FeedFormatName, Uint32Array> | undefined,
  ) {}

  /** The document in `format` of articles `items` (indexes, newest first). */
  write(format: FeedFormatName, channel: FeedChannel, items: readonly number[]): string {
    const {item, document} = feedFormats[format]
    const last = this.entries
    const entries = new Map<number, FeedEntry>()
    this.entries = entries
    const entry = (index: number): FeedEntry => {
      const made = last.get(index) ?? feedEntry(this.archive, this.views, index)
      entries.set(index, made)
      return made
    }
    const uses = this.uses?.[format]
    const texts = this.texts[format]
    const text = (index: number): string => {
      if (uses === undefined) return item(entry(index))
      const made = texts.get(index) ?? item(entry(index))
      // Note: a text is let go once its last document is made, so only those still to be used again are held.
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
