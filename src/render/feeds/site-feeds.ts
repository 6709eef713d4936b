import type {FeedChannel, FeedEntry} from './feed-types.js'
import {toAtom, toRss} from './xml-feeds.js'
import {feedFormatNames, type FeedFormatName} from '../../config/site-config.js'
import type {Archive} from '../../indexes/archive.js'
import type {DeferredFile, OutputFile} from '../output-file.js'
import {homeUrl, outputPathFor, siteFeedUrl, topicFeedUrl, topicUrl} from '../urls.js'
import type {ViewBuilder} from '../views.js'
import {absoluteLinks} from './absolute-links.js'
import {toJsonFeed} from './json-feed.js'

/** A feed format: how to write it, the media type it is served as, and its name for readers. */
interface FeedFormat {
  readonly write: (channel: FeedChannel, entries: readonly FeedEntry[]) => string
  readonly type: string
  readonly label: string
}

/** Every format the site writes, by name. */
export const feedFormats = {
  rss: {write: toRss, type: 'application/rss+xml', label: 'RSS'},
  atom: {write: toAtom, type: 'application/atom+xml', label: 'Atom'},
  json: {write: toJsonFeed, type: 'application/feed+json', label: 'JSON Feed'},
} as const satisfies Record<FeedFormatName, FeedFormat>

/**
 * Note: before the first article exists a feed still needs an `updated`
 * date, and the build's clock is not allowed; the Unix epoch is the
 * stable "never".
 */
const noDate = '1970-01-01'

/**
 * The site's feeds: RSS, Atom and JSON Feed of the newest `config.feedSize`
 * articles, then the feeds of each topic page (`config.topics.feeds`).
 * Yields one file at a time, so only one feed's entries are held at once. Topic feeds are deferred: most
 * stay the same when an article is added, and there is one per topic.
 * `entryKey(index)` is a key of everything article `index`'s entry is made
 * from besides the site-wide settings (`PageKeys.cardKey`).
 */
export function* feedFiles(archive: Archive, views: ViewBuilder, entryKey: (index: number) => string): Generator<OutputFile | DeferredFile> {
  const {config, urls} = views
  const latest = archive.articles.slice(0, config.feedSize).map((_, index) => index)
  for (const format of feedFormatNames) {
    const url = siteFeedUrl(format)
    const channel = channelFor(archive, views, latest, {title: config.title, description: config.description, pageUrl: urls.absolute(homeUrl), selfUrl: urls.absolute(url)})
    yield {path: outputPathFor(url), contents: feedFormats[format].write(channel, latest.map((index) => feedEntry(archive, views, index))), from: []}
  }
  for (const topic of archive.topics.values()) {
    const items = topic.articles.slice(0, config.feedSize)
    const entryKeys = items.map(entryKey).join(' ')
    // Note: the topic's formats are made one after another, from the same entries.
    let entries: FeedEntry[] | undefined
    const entriesOf = (): FeedEntry[] => (entries ??= items.map((index) => feedEntry(archive, views, index)))
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
        make: () => feedFormats[format].write(channel, entriesOf()),
      }
    }
  }
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
    ...(views.config.feedContent === 'full' ? {contentHtml: absoluteLinks(views.body(index), url)} : {}),
    ...(article.author === undefined ? {} : {author: article.author}),
    topics: article.topics.map((topic) => ({name: archive.topics.get(topic.slug)?.name ?? topic.name, slug: topic.slug})),
  }
}
