import test from 'node:test'
import assert from 'node:assert/strict'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {toAtom, toRss} from './xml-feeds.js'
import type {FeedChannel, FeedEntry} from './feed-types.js'

const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name, jpath) => ['item', 'entry', 'category'].includes(name) || String(jpath) === 'feed.link'})

const channel: FeedChannel = {
  title: 'News & <Views>',
  description: 'Stories "quoted"',
  language: 'en',
  pageUrl: 'https://news.example.org/',
  selfUrl: 'https://news.example.org/feed.xml',
  updated: '2024-11-18',
  publisher: {name: 'Example Press', url: 'https://press.example.org/'},
}

/** Titles and bodies that break naive XML writers. */
const hostile: FeedEntry = {
  title: 'AT&T <b>buys</b> ]]> rival\u0001',
  url: 'https://news.example.org/2024/11/18/att/',
  date: '2024-11-18',
  summary: 'Profit rose 5% & <more>',
  contentHtml: '<p>Body with ]]&gt; and <em>markup</em>\u0003</p>',
  author: 'Jane <Doe>',
  topics: [{name: 'AT&T', slug: 'at-t'}, {name: 'C<D>', slug: 'c-d'}],
}

test('RSS: well-formed, the URL is the permanent GUID, titles read back as written', () => {
  const xml = toRss(channel, [hostile])
  assert.equal(XMLValidator.validate(xml), true)
  const {rss} = parser.parse(xml)
  assert.equal(rss['@version'], '2.0')
  assert.equal(rss.channel.title, 'News & <Views>')
  assert.equal(rss.channel.lastBuildDate, 'Mon, 18 Nov 2024 00:00:00 GMT')
  const [item] = rss.channel.item
  assert.equal(item.title, 'AT&T <b>buys</b> ]]> rival')
  assert.equal(item.guid['#text'], hostile.url)
  assert.equal(item.guid['@isPermaLink'], 'true')
  assert.equal(item.link, hostile.url)
  assert.equal(item.pubDate, 'Mon, 18 Nov 2024 00:00:00 GMT')
  assert.equal(item.description, 'Profit rose 5% &amp; &lt;more&gt;', 'the summary is plain text escaped into HTML')
  assert.equal(item['content:encoded'], '<p>Body with ]]&gt; and <em>markup</em></p>')
  assert.deepEqual(item.category, ['AT&T', 'C<D>'])
})

test('Atom: well-formed, updated from the content, HTML-typed text escaped once', () => {
  const xml = toAtom(channel, [hostile])
  assert.equal(XMLValidator.validate(xml), true)
  const {feed} = parser.parse(xml)
  assert.equal(feed.updated, '2024-11-18T00:00:00.000Z')
  assert.equal(feed.id, channel.pageUrl)
  assert.deepEqual(feed.link.map((link: Record<string, string>) => [link['@rel'], link['@href']]), [['alternate', channel.pageUrl], ['self', channel.selfUrl]])
  assert.equal(feed.author.name, 'Example Press')
  const [entry] = feed.entry
  assert.equal(entry.title['@type'], 'html')
  assert.equal(entry.title['#text'], 'AT&amp;T &lt;b&gt;buys&lt;/b&gt; ]]&gt; rival', 'a reader shows the headline as written, not bold')
  assert.equal(entry.id, hostile.url)
  assert.equal(entry.author.name, 'Jane <Doe>')
  assert.equal(entry.content['#text'], '<p>Body with ]]&gt; and <em>markup</em></p>')
  assert.deepEqual(entry.category.map((category: Record<string, string>) => [category['@term'], category['@label']]), [['at-t', 'AT&T'], ['c-d', 'C<D>']])
})

test('summary-only entries have no content element', () => {
  const {contentHtml: _, ...summaryOnly} = hostile
  const rss = parser.parse(toRss(channel, [summaryOnly])).rss
  assert.equal(rss.channel.item[0]['content:encoded'], undefined)
  const atom = parser.parse(toAtom(channel, [summaryOnly])).feed
  assert.equal(atom.entry[0].content, undefined)
  assert.ok(atom.entry[0].summary)
})

test('the same input gives the same bytes (no clock)', () => {
  assert.equal(toRss(channel, [hostile]), toRss(channel, [hostile]))
  assert.equal(toAtom({...channel}, [hostile]), toAtom(channel, [hostile]))
})
