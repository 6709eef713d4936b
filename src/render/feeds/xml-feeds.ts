import {cdata, escapeXmlText} from '../../adapters/xml.js'
import {dayStart, type FeedChannel, type FeedEntry} from './feed-types.js'

/**
 * RSS 2.0 and Atom 1.0 documents, written as text. Text that readers take
 * as HTML (RSS `description` and `content:encoded`, Atom `type="html"`) goes
 * in CDATA sections; everything else is escaped. Every string passes through
 * `escapeXmlText` or `cdata`, which also drop the characters XML cannot carry.
 */

const declaration = '<?xml version="1.0" encoding="utf-8"?>\n'
const generator = 'news-archive'

/** An element with escaped text, on its own line at `depth` (four spaces a level). */
const element = (depth: number, name: string, text: string): string => `${indent(depth)}<${name}>${escapeXmlText(text)}</${name}>\n`

const indent = (depth: number): string => '    '.repeat(depth)

/**
 * A URL as readers should see it: normalised (`new URL`), so that a base
 * URL with spaces or non-ASCII letters still gives a valid IRI, then escaped.
 */
const url = (href: string): string => escapeXmlText(new URL(href).href)

/**
 * An RSS 2.0 document. Titles stay plain text (RSS has no type for them) in
 * CDATA; the summary goes in `description` as HTML and the body in
 * `content:encoded`. RSS gets no item author: its `<author>` must be an e-mail address.
 */
export function toRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return rssDocument(channel, entries.map(rssItem), entries.some((entry) => entry.contentHtml !== undefined))
}

/** `toRss` of the entries whose `rssItem`s are `items`; `withContent` when any of them has `contentHtml`. */
export function rssDocument(channel: FeedChannel, items: readonly string[], withContent: boolean): string {
  const namespaces = `${withContent ? ' xmlns:content="http://purl.org/rss/1.0/modules/content/"' : ''} xmlns:atom="http://www.w3.org/2005/Atom"`
  return [
    declaration,
    `<rss version="2.0"${namespaces}>\n`,
    `${indent(1)}<channel>\n`,
    element(2, 'title', channel.title),
    `${indent(2)}<link>${url(channel.pageUrl)}</link>\n`,
    element(2, 'description', channel.description),
    element(2, 'lastBuildDate', dayStart(channel.updated).toUTCString()),
    element(2, 'docs', 'https://validator.w3.org/feed/docs/rss2.html'),
    element(2, 'generator', generator),
    element(2, 'language', channel.language),
    `${indent(2)}<atom:link href="${url(channel.selfUrl)}" rel="self" type="application/rss+xml"/>\n`,
    ...items,
    `${indent(1)}</channel>\n`,
    '</rss>',
  ].join('')
}

/** One entry of an RSS document, as `toRss` writes it. */
export function rssItem(entry: FeedEntry): string {
  const link = url(entry.url)
  const parts = [
    `${indent(2)}<item>\n`,
    `${indent(3)}<title>${cdata(entry.title)}</title>\n`,
    `${indent(3)}<link>${link}</link>\n`,
    `${indent(3)}<guid isPermaLink="true">${link}</guid>\n`,
    element(3, 'pubDate', dayStart(entry.date).toUTCString()),
  ]
  if (entry.summary !== '') parts.push(`${indent(3)}<description>${cdata(escapeXmlText(entry.summary))}</description>\n`)
  if (entry.contentHtml !== undefined) parts.push(`${indent(3)}<content:encoded>${cdata(entry.contentHtml)}</content:encoded>\n`)
  for (const topic of entry.topics) parts.push(element(3, 'category', topic.name))
  parts.push(`${indent(2)}</item>\n`)
  return parts.join('')
}

/**
 * An Atom 1.0 document. Titles and summaries are marked `type="html"`, so
 * plain text is escaped into HTML first: a headline with `<` or `&` shows as written.
 */
export function toAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return atomDocument(channel, entries.map(atomEntry))
}

/** `toAtom` of the entries whose `atomEntry`s are `items`. */
export function atomDocument(channel: FeedChannel, items: readonly string[]): string {
  const {publisher} = channel
  return [
    declaration,
    '<feed xmlns="http://www.w3.org/2005/Atom">\n',
    `${indent(1)}<id>${url(channel.pageUrl)}</id>\n`,
    element(1, 'title', channel.title),
    element(1, 'updated', dayStart(channel.updated).toISOString()),
    element(1, 'generator', generator),
    `${indent(1)}<author>\n`,
    element(2, 'name', publisher.name),
    publisher.url && URL.canParse(publisher.url) ? `${indent(2)}<uri>${url(publisher.url)}</uri>\n` : '',
    `${indent(1)}</author>\n`,
    `${indent(1)}<link rel="alternate" href="${url(channel.pageUrl)}"/>\n`,
    `${indent(1)}<link rel="self" href="${url(channel.selfUrl)}"/>\n`,
    channel.description === '' ? '' : element(1, 'subtitle', channel.description),
    ...items,
    '</feed>',
  ].join('')
}

/** One entry of an Atom document, as `toAtom` writes it. */
export function atomEntry(entry: FeedEntry): string {
  const link = url(entry.url)
  const parts = [
    `${indent(1)}<entry>\n`,
    `${indent(2)}<title type="html">${cdata(escapeXmlText(entry.title))}</title>\n`,
    `${indent(2)}<id>${link}</id>\n`,
    `${indent(2)}<link href="${link}"/>\n`,
    element(2, 'updated', dayStart(entry.date).toISOString()),
  ]
  if (entry.summary !== '') parts.push(`${indent(2)}<summary type="html">${cdata(escapeXmlText(entry.summary))}</summary>\n`)
  if (entry.contentHtml !== undefined) parts.push(`${indent(2)}<content type="html">${cdata(entry.contentHtml)}</content>\n`)
  if (entry.author !== undefined) parts.push(`${indent(2)}<author>\n`, element(3, 'name', entry.author), `${indent(2)}</author>\n`)
  for (const topic of entry.topics) parts.push(`${indent(2)}<category label="${escapeXmlText(topic.name)}" term="${escapeXmlText(topic.slug)}"/>\n`)
  parts.push(`${indent(1)}</entry>\n`)
  return parts.join('')
}
