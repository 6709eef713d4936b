import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {buildSite, exampleSeeds, type BuiltSite} from './helpers/build-site.js'

const baseUrl = 'https://news.example.org/archive/'
/** Seeds beside the example: a headline that breaks naive XML, and dates that fix the order. */
const seeds = {
  'hostile.md': ['---', 'title: "AT&T <b>buys</b> ]]> rival"', 'date: 2024-12-01', 'topics: [Telecoms]', 'author: Jane Doe', '---', '', 'Shares rose 5% & more after the <deal> was announced.', ''].join('\n'),
  'grain.md': ['---', 'title: Grain exports resume', 'date: 2023-05-02', 'topics: [Grain]', '---', '', 'Grain exports through the Black Sea resume next week, officials said. More [that day](../).', ''].join('\n'),
  'older.md': ['---', 'title: Phone lines cut', 'date: 2020-01-01', 'topics: [Telecoms]', '---', '', 'Phone lines were cut across the region on Wednesday.', ''].join('\n'),
}
/** Newest first, as every feed must list them; the example seed is from 2024-11-18. */
const newestDates = ['2024-12-01', '2024-11-18', '2023-05-02']

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name, jpath) => ['item', 'entry', 'category'].includes(name) || String(jpath) === 'feed.link',
})

let full: BuiltSite
let summary: BuiltSite

before(async () => {
  full = await buildSite({seedsDir: exampleSeeds, seeds, config: {baseUrl, title: 'Wire & Co', feedSize: 3, feedContent: 'full', topics: {feeds: ['rss', 'atom', 'json']}}})
  summary = await buildSite({seedsDir: exampleSeeds, seeds, config: {baseUrl, feedSize: 3, feedContent: 'summary'}})
  assert.equal(full.result.wrote, true)
  assert.equal(summary.result.wrote, true)
})

after(async () => {
  await full?.remove()
  await summary?.remove()
})

const read = (site: BuiltSite, file: string): Promise<string> => readFile(path.join(site.outDir, file), 'utf8')

/** Parse a feed after checking it is well-formed XML. */
async function readXml(site: BuiltSite, file: string): Promise<any> {
  const xml = await read(site, file)
  assert.equal(XMLValidator.validate(xml), true, `${file} is well-formed`)
  return parser.parse(xml)
}

/** The page an absolute URL of the site names must exist in the output. */
function assertPageExists(site: BuiltSite, url: string): void {
  assert.ok(url.startsWith(baseUrl), `${url} is absolute, under the base URL`)
  const relative = url.slice(baseUrl.length)
  assert.ok(existsSync(path.join(site.outDir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative)), `${url} is a page of the site`)
}

test('RSS 2.0: channel, newest config.feedSize articles, URL as permanent GUID, dates from the content', async () => {
  const {rss} = await readXml(full, 'feed.xml')
  assert.equal(rss['@version'], '2.0')
  const {channel} = rss
  assert.equal(channel.title, 'Wire & Co')
  assert.equal(channel.link, baseUrl)
  assert.equal(channel['atom:link']['@href'], `${baseUrl}feed.xml`)
  assert.equal(channel.lastBuildDate, 'Sun, 01 Dec 2024 00:00:00 GMT', 'the newest article date, not the clock')
  assert.equal(channel.item.length, 3)
  assert.deepEqual(channel.item.map((item: any) => new Date(item.pubDate).toISOString().slice(0, 10)), newestDates)
  for (const item of channel.item) {
    assertPageExists(full, item.link)
    assert.equal(item.guid['#text'], item.link)
    assert.equal(item.guid['@isPermaLink'], 'true')
    assert.ok(item.title.length > 0 && item.description.length > 0)
    assert.ok(item['content:encoded'].includes('<p>'), 'full content')
  }
  assert.equal(channel.item[0].title, 'AT&T <b>buys</b> ]]> rival', 'the headline reads back as written')
  assert.match(channel.item[2]['content:encoded'], new RegExp(`<a href="${baseUrl}2023/05/02/">that day</a>`), 'relative links in a body become absolute')
  assert.deepEqual(channel.item[0].category, ['Telecoms'])
})

test('Atom: ids are the article URLs, updated is the newest article date, text is escaped once', async () => {
  const {feed} = await readXml(full, 'atom.xml')
  assert.equal(feed.id, baseUrl)
  assert.equal(feed.updated, '2024-12-01T00:00:00.000Z')
  assert.deepEqual(feed.link.map((link: any) => link['@href']), [baseUrl, `${baseUrl}atom.xml`])
  assert.ok(feed.author.name)
  assert.equal(feed.entry.length, 3)
  for (const entry of feed.entry) {
    assertPageExists(full, entry.id)
    assert.equal(entry.link['@href'], entry.id)
    assert.equal(entry.content['@type'], 'html')
  }
  assert.deepEqual(feed.entry.map((entry: any) => entry.updated.slice(0, 10)), newestDates)
  assert.equal(feed.entry[0].title['#text'], 'AT&amp;T &lt;b&gt;buys&lt;/b&gt; ]]&gt; rival')
  assert.equal(feed.entry[0].author.name, 'Jane Doe')
})

test('JSON Feed 1.1: parses, same items and ids as RSS', async () => {
  const feed = JSON.parse(await read(full, 'feed.json'))
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1')
  assert.equal(feed.home_page_url, baseUrl)
  assert.equal(feed.feed_url, `${baseUrl}feed.json`)
  assert.equal(feed.language, 'en')
  assert.equal(feed.items.length, 3)
  const {rss} = await readXml(full, 'feed.xml')
  assert.deepEqual(feed.items.map((item: any) => item.id), rss.channel.item.map((item: any) => item.link))
  for (const item of feed.items) {
    assert.equal(item.url, item.id)
    assert.match(item.date_published, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/)
    assert.ok(item.content_html.includes('<p>'))
    assert.ok(item.summary.length > 0)
  }
  assert.equal(feed.items[0].title, 'AT&T <b>buys</b> ]]> rival')
  assert.deepEqual(feed.items[0].authors, [{name: 'Jane Doe'}])
})

test('every topic page has an RSS feed of its own articles, newest first', async () => {
  const topics = (await readdir(path.join(full.outDir, 'topics'), {withFileTypes: true})).filter((entry) => entry.isDirectory())
  // Note: Telecoms and Grain, given in front matter; the example's own topics are in one article each, so get no page.
  assert.deepEqual(topics.map((topic) => topic.name).sort(), ['grain', 'telecoms'])
  for (const topic of topics) {
    const {rss} = await readXml(full, `topics/${topic.name}/feed.xml`)
    assert.equal(rss.channel.link, `${baseUrl}topics/${topic.name}/`)
    assert.equal(rss.channel['atom:link']['@href'], `${baseUrl}topics/${topic.name}/feed.xml`)
    assert.ok(rss.channel.item.length >= 1, `${topic.name} lists its articles`)
    for (const item of rss.channel.item) assertPageExists(full, item.link)
  }
  const {rss} = await readXml(full, 'topics/telecoms/feed.xml')
  assert.deepEqual(rss.channel.item.map((item: any) => item.title), ['AT&T <b>buys</b> ]]> rival', 'Phone lines cut'])
  assert.equal(rss.channel.lastBuildDate, 'Sun, 01 Dec 2024 00:00:00 GMT')
})

test('with topics.feeds asking for all three, every topic also has an Atom feed and a JSON Feed of the same articles, and its page advertises all three', async () => {
  const topics = (await readdir(path.join(full.outDir, 'topics'), {withFileTypes: true})).filter((entry) => entry.isDirectory())
  for (const topic of topics) {
    const base = `${baseUrl}topics/${topic.name}/`
    const {rss} = await readXml(full, `topics/${topic.name}/feed.xml`)
    const links = rss.channel.item.map((item: any) => item.link)
    const {feed} = await readXml(full, `topics/${topic.name}/atom.xml`)
    assert.deepEqual(feed.link.find((link: any) => link['@rel'] === 'self')?.['@href'], `${base}atom.xml`)
    assert.deepEqual(feed.entry.map((entry: any) => entry.id), links, `${topic.name}: Atom lists the RSS feed's articles`)
    const json = JSON.parse(await read(full, `topics/${topic.name}/feed.json`))
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1')
    assert.equal(json.feed_url, `${base}feed.json`)
    assert.equal(json.home_page_url, base)
    assert.deepEqual(json.items.map((item: any) => item.url), links, `${topic.name}: JSON Feed lists the RSS feed's articles`)
    const page = await read(full, `topics/${topic.name}/index.html`)
    for (const [file, type] of [['feed.xml', 'application/rss+xml'], ['atom.xml', 'application/atom+xml'], ['feed.json', 'application/feed+json']] as const) {
      assert.match(page, new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="/archive/topics/${topic.name}/${file.replace('.', '\\.')}">`), `${topic.name} advertises ${file}`)
      assert.ok(page.includes(`href="/archive/topics/${topic.name}/${file}"`), `${topic.name} links ${file} in its text`)
    }
  }
})

test('by default each topic gets an RSS feed alone', async () => {
  const rssOnly = await buildSite({seedsDir: exampleSeeds, seeds, config: {baseUrl}})
  try {
    assert.ok(existsSync(path.join(rssOnly.outDir, 'topics/telecoms/feed.xml')))
    assert.equal(existsSync(path.join(rssOnly.outDir, 'topics/telecoms/atom.xml')), false)
    assert.equal(existsSync(path.join(rssOnly.outDir, 'topics/telecoms/feed.json')), false)
    assert.doesNotMatch(await read(rssOnly, 'topics/telecoms/index.html'), /topics\/telecoms\/atom\.xml/)
  } finally {
    await rssOnly.remove()
  }
})

test('feedContent "summary": no article bodies in any feed', async () => {
  const {rss} = await readXml(summary, 'feed.xml')
  for (const item of rss.channel.item) assert.equal(item['content:encoded'], undefined)
  const {feed} = await readXml(summary, 'atom.xml')
  for (const entry of feed.entry) {
    assert.equal(entry.content, undefined)
    assert.ok(entry.summary['#text'].length > 0)
  }
  const json = JSON.parse(await read(summary, 'feed.json'))
  for (const item of json.items) {
    assert.equal(item.content_html, undefined)
    assert.equal(item.content_text, item.summary)
  }
})
