import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {defaultConfig} from '../src/config/site-config.js'
import type {Archive, PlacedArticle} from '../src/indexes/archive.js'
import type {IsoDate} from '../src/model/article.js'
import {wholeContents, type DeferredFile, type OutputFile} from '../src/render/output-file.js'
import {planPages} from '../src/render/render-site.js'
import {sitemapFiles} from '../src/render/sitemap/site-sitemap.js'
import {siteUrls} from '../src/render/urls.js'
import {ViewBuilder} from '../src/render/views.js'
import {buildSite, exampleSeeds, type BuiltSite} from './helpers/build-site.js'
import {RelatedLists} from '../src/indexes/related-lists.js'

const baseUrl = 'https://news.example.org/archive/'
const parser = new XMLParser({parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap'})
const seeds = {
  'grain.md': ['---', 'title: Grain exports resume', 'date: 2023-05-02', 'topics: [Grain]', '---', '', 'Grain exports through the Black Sea resume next week.', ''].join('\n'),
  'older.md': ['---', 'title: Phone lines cut', 'date: 2020-01-01', 'topics: [Grain]', '---', '', 'Phone lines were cut across the region on Wednesday.', ''].join('\n'),
}

let site: BuiltSite

before(async () => {
  site = await buildSite({seedsDir: exampleSeeds, seeds, config: {baseUrl}})
  assert.equal(site.result.wrote, true)
})

after(async () => {
  await site?.remove()
})

/** Every HTML file of a built site, as URL paths (`/2024/`, `/404.html`), outside the search bundle. */
async function htmlPages(dir: string): Promise<string[]> {
  const files = await readdir(dir, {recursive: true})
  return files
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
}

/** The text of a file made in memory (or, deferred, made now), whatever form its contents take. */
function textOf(file: OutputFile | DeferredFile | undefined): string {
  return String(file && wholeContents('make' in file ? file.make() : file.contents))
}

function parseXml(text: string): any {
  assert.equal(XMLValidator.validate(text), true, 'well-formed XML')
  return parser.parse(text)
}

test('a site whose topics have no page yet lists its topic index with the newest article\'s date', async () => {
  const alone = await buildSite({seedsDir: exampleSeeds, config: {baseUrl}})
  try {
    const {urlset} = parseXml(await readFile(path.join(alone.outDir, 'sitemap.xml'), 'utf8'))
    const lastmod = new Map<string, string>(urlset.url.map((url: {loc: string; lastmod?: string}) => [url.loc.slice(baseUrl.length - 1), String(url.lastmod)]))
    assert.equal(lastmod.get('/topics/'), '2024-11-18')
    for (const [page, date] of lastmod) assert.match(date, /^\d{4}-\d{2}-\d{2}$/, `${page} has a lastmod`)
  } finally {
    await alone.remove()
  }
})

test('the sitemap lists every HTML page except 404 and search, with lastmod from the content', async () => {
  const {urlset} = parseXml(await readFile(path.join(site.outDir, 'sitemap.xml'), 'utf8'))
  const listed = urlset.url.map((url: {loc: string}) => url.loc)
  const expected = (await htmlPages(site.outDir)).filter((page) => page !== '/404.html' && page !== '/search/').map((page) => baseUrl + page.slice(1))
  assert.deepEqual([...listed].sort(), expected.sort())
  assert.equal(new Set(listed).size, listed.length, 'no URL twice')
  const lastmod = new Map<string, string>(urlset.url.map((url: {loc: string; lastmod: string}) => [url.loc.slice(baseUrl.length - 1), url.lastmod]))
  for (const [page, date] of lastmod) assert.match(String(date), /^\d{4}-\d{2}-\d{2}$/, `${page} has a lastmod`)
  // Articles: their date. Lists: the newest article they show.
  assert.equal(lastmod.get('/'), '2024-11-18')
  assert.equal(lastmod.get('/2020/'), '2020-01-01')
  assert.equal(lastmod.get('/2023/05/02/'), '2023-05-02')
  assert.equal(lastmod.get('/topics/grain/'), '2023-05-02')
  // Note: the index lists Grain alone; the example article's topics are in no other article, so have no page.
  assert.equal(lastmod.get('/topics/'), '2023-05-02')
  assert.equal(lastmod.get('/archive/'), '2024-11-18')
  const grain = [...lastmod.keys()].find((page) => /^\/2023\/05\/02\/.+\/$/.test(page))
  assert.equal(grain && lastmod.get(grain), '2023-05-02')
})

test('robots.txt points at the sitemap by its absolute URL', async () => {
  const robots = await readFile(path.join(site.outDir, 'robots.txt'), 'utf8')
  assert.match(robots, /^User-agent: \*$/m)
  assert.match(robots, new RegExp(`^Sitemap: ${baseUrl.replaceAll('.', '\\.')}sitemap\\.xml$`, 'm'))
})

/** An archive of `count` articles, 25 a day from 1990 on, built directly (no seeds). */
function syntheticArchive(count: number): Archive {
  const articles: PlacedArticle[] = []
  const start = Date.UTC(1990, 0, 1)
  for (let index = 0; index < count; index++) {
    const date = new Date(start + Math.floor((count - 1 - index) / 25) * 86_400_000).toISOString().slice(0, 10) as IsoDate
    const slug = `story-${index}`
    articles.push({
      source: `${index}.txt`, file: `seeds/${index}.txt`, hash: String(index), date, title: `Story ${index}`, titleOrigin: 'given', summary: 'A story.', summaryOrigin: 'given',
      slug, slugOrigin: 'given', slugAt: {file: `seeds/${index}.txt`, place: {line: 1, column: 1}}, draft: false, bodyHtml: '<p>A story.</p>',
      subheadings: [], figures: [], wordCount: 2, readingMinutes: 1, topics: [], url: `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${slug}/`,
    })
  }
  const group = (key: (article: PlacedArticle) => string): Map<string, number[]> => {
    const groups = new Map<string, number[]>()
    articles.forEach((article, index) => {
      const list = groups.get(key(article))
      if (list) list.push(index)
      else groups.set(key(article), [index])
    })
    return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)))
  }
  return {
    articles,
    days: group((article) => article.date) as Map<IsoDate, number[]>,
    months: group((article) => article.date.slice(0, 7)),
    years: group((article) => article.date.slice(0, 4)),
    topics: new Map(),
    related: RelatedLists.none,
  }
}

test('past 50,000 URLs the sitemap becomes an index of child sitemaps of at most 50,000 URLs each, list pages apart from articles', () => {
  const archive = syntheticArchive(50_500)
  const views = new ViewBuilder(archive, {...defaultConfig, baseUrl}, siteUrls(baseUrl))
  const files = new Map<string, OutputFile | DeferredFile>()
  for (const file of sitemapFiles(archive, views)) files.set(file.path, file)
  const childNames = ['sitemap-pages-1.xml', 'sitemap-articles-1.xml', 'sitemap-articles-2.xml']
  assert.deepEqual([...files.keys()].sort(), ['robots.txt', ...childNames, 'sitemap.xml'].sort())

  const index = parseXml(textOf(files.get('sitemap.xml'))).sitemapindex
  assert.deepEqual(
    index.sitemap.map((child: {loc: string}) => child.loc),
    childNames.map((name) => baseUrl + name),
  )
  const children = childNames.map((name) => {
    const text = textOf(files.get(name))
    assert.ok(Buffer.byteLength(text) <= 52_428_800, `${name} is within 50 MB`)
    return parseXml(text).urlset.url as {loc: string; lastmod: string}[]
  })
  assert.equal(children[1]?.length, 50_000)
  const listed = children.flat().map((url) => url.loc)
  const planned = [...planPages(archive, views)].map((page) => page.url).filter((url) => url !== '/search/' && url !== '/404.html')
  const articles = new Set(archive.articles.map((article) => article.url))
  const oldestDayFirst = [...archive.days.values()].flatMap((indexes) => indexes.map((index) => archive.articles[index]?.url ?? ''))
  const inOrder = [...planned.filter((url) => !articles.has(url)), ...oldestDayFirst]
  assert.deepEqual(listed, inOrder.map((url) => baseUrl + url.slice(1)), 'every page once: list pages in plan order, then articles from the oldest day')
  assert.ok(listed.length > 50_000)
  for (const [position, child] of children.entries()) {
    const newest = child.reduce((max, url) => (url.lastmod > max ? url.lastmod : max), '')
    assert.equal(index.sitemap[position].lastmod, newest, 'each child is dated by its newest page')
  }
  assert.match(textOf(files.get('robots.txt')), new RegExp(`Sitemap: ${baseUrl}sitemap\\.xml`))
})
