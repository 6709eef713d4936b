import test from 'node:test'
import assert from 'node:assert/strict'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {wholeContents, type OutputFile} from '../output-file.js'
import {pieceLength} from '../../text/text-pieces.js'
import {protocolLimits, writeSitemaps, type SitemapEntry, type SitemapGroup} from './write-sitemaps.js'

const parser = new XMLParser({parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap'})
const absolute = (path: string): string => `https://news.example.org/a/${path.slice(1)}`
const entries = (count: number): SitemapEntry[] =>
  Array.from({length: count}, (_, index) => ({loc: absolute(`/p/${index}/`), lastmod: `2024-01-${String((index % 28) + 1).padStart(2, '0')}`}))
const text = (file: OutputFile | undefined): string => String(file && wholeContents(file.contents))
/** `entries` as the one group of a site. */
const one = (list: readonly SitemapEntry[]): SitemapGroup[] => [{name: 'pages', entries: list}]

test('few URLs make one sitemap.xml, escaped and in order', () => {
  const files = [...writeSitemaps(one([{loc: 'https://x.org/?a=1&b=<2>'}, {loc: 'https://x.org/b/', lastmod: '2024-02-01'}]), absolute)]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
  const xml = text(files[0])
  assert.equal(XMLValidator.validate(xml), true)
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
  const {urlset} = parser.parse(xml)
  assert.deepEqual(urlset.url, [{loc: 'https://x.org/?a=1&b=<2>'}, {loc: 'https://x.org/b/', lastmod: '2024-02-01'}])
})

test('past the URL limit: children of at most maxUrls each, and an index with the newest lastmod of each', () => {
  const files = [...writeSitemaps(one(entries(25)), absolute, {maxUrls: 10, maxBytes: protocolLimits.maxBytes})]
  assert.deepEqual(files.map((file) => file.path), ['sitemap-pages-1.xml', 'sitemap-pages-2.xml', 'sitemap-pages-3.xml', 'sitemap.xml'])
  const counts = files.slice(0, 3).map((file) => parser.parse(text(file)).urlset.url.length)
  assert.deepEqual(counts, [10, 10, 5])
  const index = parser.parse(text(files[3])).sitemapindex
  assert.deepEqual(index.sitemap, [
    {loc: absolute('/sitemap-pages-1.xml'), lastmod: '2024-01-10'},
    {loc: absolute('/sitemap-pages-2.xml'), lastmod: '2024-01-20'},
    {loc: absolute('/sitemap-pages-3.xml'), lastmod: '2024-01-25'},
  ])
})

test('past the byte limit: no file is larger than maxBytes, and nothing is lost', () => {
  const maxBytes = 1_000
  const files = [...writeSitemaps(one(entries(40)), absolute, {maxUrls: protocolLimits.maxUrls, maxBytes})]
  const children = files.filter((file) => file.path !== 'sitemap.xml')
  assert.ok(children.length > 2)
  for (const child of children) assert.ok(Buffer.byteLength(text(child)) <= maxBytes, `${child.path} is ${Buffer.byteLength(text(child))} bytes`)
  const locs = children.flatMap((child) => parser.parse(text(child)).urlset.url.map((url: {loc: string}) => url.loc))
  assert.deepEqual(locs, entries(40).map((entry) => entry.loc))
})

test('exactly maxUrls URLs still fit in one sitemap.xml', () => {
  const files = [...writeSitemaps(one(entries(10)), absolute, {maxUrls: 10, maxBytes: protocolLimits.maxBytes})]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
})

test('an empty site has an empty, valid urlset', () => {
  const [file] = [...writeSitemaps(one([]), absolute)]
  assert.equal(XMLValidator.validate(text(file)), true)
  assert.equal(parser.parse(text(file)).urlset, '')
})

test('groups fit in one sitemap.xml together, in order, while they can', () => {
  const files = [...writeSitemaps([{name: 'pages', entries: entries(3)}, {name: 'articles', entries: entries(7)}], absolute, {maxUrls: 10, maxBytes: protocolLimits.maxBytes})]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
  const locs = parser.parse(text(files[0])).urlset.url.map((url: {loc: string}) => url.loc)
  assert.deepEqual(locs, [...entries(3), ...entries(7)].map((entry) => entry.loc))
})

test('past the limits each group has children of its own, so a page added to one group leaves the children of others as they were', () => {
  const limits = {maxUrls: 10, maxBytes: protocolLimits.maxBytes}
  const site = (pages: number, articles: number): Map<string, string> => {
    const groups: SitemapGroup[] = [
      {name: 'pages', entries: entries(pages)},
      {name: 'articles', entries: entries(articles).map((entry) => ({...entry, loc: entry.loc.replace('/p/', '/a/')}))},
    ]
    return new Map([...writeSitemaps(groups, absolute, limits)].map((file) => [file.path, text(file)]))
  }
  const before = site(4, 25)
  assert.deepEqual([...before.keys()], ['sitemap-pages-1.xml', 'sitemap-articles-1.xml', 'sitemap-articles-2.xml', 'sitemap-articles-3.xml', 'sitemap.xml'])
  const index = parser.parse(String(before.get('sitemap.xml'))).sitemapindex
  assert.deepEqual(
    index.sitemap.map((child: {loc: string}) => child.loc),
    [...before.keys()].slice(0, -1).map((name) => absolute(`/${name}`)),
  )
  assert.equal(parser.parse(String(before.get('sitemap-pages-1.xml'))).urlset.url.length, 4)
  // Note: a new article comes with a new list page (its day), as in a real site.
  const after = site(5, 26)
  for (const name of ['sitemap-articles-1.xml', 'sitemap-articles-2.xml']) assert.equal(after.get(name), before.get(name), name)
  for (const name of ['sitemap-pages-1.xml', 'sitemap-articles-3.xml']) assert.notEqual(after.get(name), before.get(name), name)
})

test('groups split wherever the limits fall: inside the first group, after an empty one, across groups by bytes', () => {
  const urls = {maxUrls: 10, maxBytes: protocolLimits.maxBytes}
  const cases: {pages: number; articles: number; limits: typeof urls; children: string[]}[] = [
    {pages: 25, articles: 3, limits: urls, children: ['pages-1', 'pages-2', 'pages-3', 'articles-1']},
    {pages: 0, articles: 25, limits: urls, children: ['articles-1', 'articles-2', 'articles-3']},
    {pages: 10, articles: 1, limits: urls, children: ['pages-1', 'articles-1']},
    // Note: each line is 83 bytes and a file's frame 110, so 500 bytes hold 4 lines: the 6 do not fit in one file.
    {pages: 3, articles: 3, limits: {maxUrls: protocolLimits.maxUrls, maxBytes: 500}, children: ['pages-1', 'articles-1']},
  ]
  for (const {pages, articles, limits, children} of cases) {
    const groups: SitemapGroup[] = [
      {name: 'pages', entries: entries(pages)},
      {name: 'articles', entries: entries(articles).map((entry) => ({...entry, loc: entry.loc.replace('/p/', '/a/')}))},
    ]
    const files = [...writeSitemaps(groups, absolute, limits)]
    const label = `${pages} pages, ${articles} articles`
    assert.deepEqual(files.map((file) => file.path), [...children.map((name) => `sitemap-${name}.xml`), 'sitemap.xml'], label)
    const listed = files.slice(0, -1).flatMap((file) => {
      assert.ok(Buffer.byteLength(text(file)) <= limits.maxBytes, `${label}: ${file.path} within the byte limit`)
      const url = parser.parse(text(file)).urlset.url as {loc: string}[]
      assert.ok(url.length <= limits.maxUrls, `${label}: ${file.path} within the URL limit`)
      return url.map((item) => item.loc)
    })
    assert.deepEqual(listed, [...groups.flatMap((group) => [...group.entries].map((entry) => entry.loc))], `${label}: every entry once, in order`)
  }
})

test('a large sitemap comes as pieces of whole lines, none much longer than a block, that join to every URL in order', () => {
  const list = entries(5_000)
  const files = [...writeSitemaps(one(list), absolute)]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
  const contents = (files[0] as OutputFile).contents
  assert.ok(typeof contents === 'object' && 'pieces' in contents)
  assert.ok(contents.pieces.length > 3, `${contents.pieces.length} pieces`)
  for (const piece of contents.pieces) {
    assert.ok(piece.length <= pieceLength, `a piece of ${piece.length} code units`)
    assert.ok(piece.endsWith('\n'), 'a piece ends with a whole line')
  }
  assert.deepEqual(parser.parse(text(files[0])).urlset.url, list)
})
