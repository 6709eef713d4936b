import test from 'node:test'
import assert from 'node:assert/strict'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {wholeContents, type DeferredFile, type OutputFile} from '../output-file.js'
import {pieceLength} from '../../text/text-pieces.js'
import {contentKey} from '../../write/write-output.js'
import {protocolLimits, SitemapMemo, writeSitemaps, type SitemapEntry, type SitemapGroup, type SitemapLimits} from './write-sitemaps.js'

const parser = new XMLParser({parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap'})
const absolute = (path: string): string => `https://news.example.org/a/${path.slice(1)}`
const entries = (count: number, folder = 'p'): SitemapEntry[] =>
  Array.from({length: count}, (_, index) => ({url: `/${folder}/${index}/`, lastmod: `2024-01-${String((index % 28) + 1).padStart(2, '0')}`}))
const loc = (entry: SitemapEntry): string => absolute(entry.url)
const text = (file: OutputFile | DeferredFile | undefined): string => String(file && wholeContents('make' in file ? file.make() : file.contents))
const group = (name: SitemapGroup['name'], list: readonly SitemapEntry[]): SitemapGroup => ({name, entries: list, count: list.length})
/** `entries` as the one group of a site. */
const one = (list: readonly SitemapEntry[]): SitemapGroup[] => [group('pages', list)]

test('few URLs make one sitemap.xml, escaped and in order', () => {
  const files = [...writeSitemaps(one([{url: '/?a=1&b=<2>'}, {url: '/b/', lastmod: '2024-02-01'}]), absolute)]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
  const xml = text(files[0])
  assert.equal(XMLValidator.validate(xml), true)
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
  const {urlset} = parser.parse(xml)
  assert.deepEqual(urlset.url, [{loc: 'https://news.example.org/a/?a=1&b=<2>'}, {loc: 'https://news.example.org/a/b/', lastmod: '2024-02-01'}])
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
  assert.deepEqual(locs, entries(40).map(loc))
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
  const files = [...writeSitemaps([group('pages', entries(3)), group('articles', entries(7))], absolute, {maxUrls: 10, maxBytes: protocolLimits.maxBytes})]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
  const locs = parser.parse(text(files[0])).urlset.url.map((url: {loc: string}) => url.loc)
  assert.deepEqual(locs, [...entries(3), ...entries(7)].map(loc))
})

test('past the limits each group has children of its own, so a page added to one group leaves the children of others as they were', () => {
  const limits = {maxUrls: 10, maxBytes: protocolLimits.maxBytes}
  const site = (pages: number, articles: number): Map<string, string> => {
    const groups: SitemapGroup[] = [group('pages', entries(pages)), group('articles', entries(articles, 'a'))]
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
    const groups: SitemapGroup[] = [group('pages', entries(pages)), group('articles', entries(articles, 'a'))]
    const files = [...writeSitemaps(groups, absolute, limits)]
    const label = `${pages} pages, ${articles} articles`
    assert.deepEqual(files.map((file) => file.path), [...children.map((name) => `sitemap-${name}.xml`), 'sitemap.xml'], label)
    const listed = files.slice(0, -1).flatMap((file) => {
      assert.ok(Buffer.byteLength(text(file)) <= limits.maxBytes, `${label}: ${file.path} within the byte limit`)
      const url = parser.parse(text(file)).urlset.url as {loc: string}[]
      assert.ok(url.length <= limits.maxUrls, `${label}: ${file.path} within the URL limit`)
      return url.map((item) => item.loc)
    })
    assert.deepEqual(listed, [...groups.flatMap((each) => [...each.entries].map(loc))], `${label}: every entry once, in order`)
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
  assert.deepEqual(parser.parse(text(files[0])).urlset.url, list.map((entry) => ({loc: loc(entry), lastmod: entry.lastmod})))
})

/** The files of a site's sitemaps by path, as text, and how many URLs were made absolute to make them. */
function sitemapsOf(groups: readonly SitemapGroup[], limits: SitemapLimits, memo?: SitemapMemo, base = absolute): {files: Map<string, string>; keys: Map<string, string>; absolutes: number} {
  let absolutes = 0
  const counted = (path: string): string => {
    absolutes++
    return base(path)
  }
  const made = [...writeSitemaps(groups, counted, limits, memo)]
  // Note: counted before a deferred file is made, as a build makes only the files it lacks.
  const counts = absolutes
  const files = new Map(made.map((file) => [file.path, text(file)]))
  const keys = new Map(made.flatMap((file) => ('inputs' in file ? [[file.path, file.inputs()] as const] : [])))
  for (const file of made) if ('make' in file) assert.equal(file.inputs(), contentKey(file.make()), `${file.path} is keyed by its bytes, as it says`)
  return {files, keys, absolutes: counts}
}

test('with a memo, a build takes over the full children of the build before whose entries are the same, without making their lines', () => {
  const limits = {maxUrls: 10, maxBytes: protocolLimits.maxBytes}
  const memo = new SitemapMemo()
  const site = (articles: number): SitemapGroup[] => [group('pages', entries(4)), group('articles', entries(articles, 'a'))]
  const first = sitemapsOf(site(25), limits, memo)
  assert.equal(first.absolutes, 25 + 4 + 4 + 1, 'every URL, each child and the index')
  const again = sitemapsOf(site(25), limits, memo)
  assert.deepEqual(again.files, first.files)
  assert.deepEqual(again.keys, first.keys)
  assert.equal(again.absolutes, 4 + 1, 'each child and the index: no line is made')
  const added = sitemapsOf(site(26), limits, memo)
  assert.deepEqual(added.files, sitemapsOf(site(26), limits).files)
  assert.equal(added.absolutes, 1 + 4 + 1, 'the new URL, each child and the index')
  assert.equal(added.keys.get('sitemap-articles-1.xml'), first.keys.get('sitemap-articles-1.xml'))
  assert.notEqual(added.keys.get('sitemap-articles-3.xml'), first.keys.get('sitemap-articles-3.xml'))
})

/** Entries whose paths are `pad` long, so a sitemap's lines fill several blocks (see `pieceLength`). */
const longEntries = (count: number, pad = 9_000): SitemapEntry[] => entries(count, `a/${'x'.repeat(pad)}`)

test('with a memo, a child that was not full keeps the blocks of lines whose entries are the same, and makes only the others', () => {
  const limits = {maxUrls: 50, maxBytes: protocolLimits.maxBytes}
  const memo = new SitemapMemo()
  const site = (list: readonly SitemapEntry[]): SitemapGroup[] => [group('articles', list)]
  const list = longEntries(80)
  const more = [...list, ...longEntries(81).slice(80)]
  sitemapsOf(site(list), limits, memo)
  const added = sitemapsOf(site(more), limits, memo)
  assert.deepEqual(added.files, sitemapsOf(site(more), limits).files)
  assert.equal(added.absolutes, 1 + 2 + 1, 'the new URL, each child and the index')
  // Note: about 7 lines fill a block; a change to entry 20 of the second child (31 entries) keeps the blocks before and after its own.
  const changed = more.map((entry, index) => (index === 70 ? {...entry, lastmod: '2025-03-01'} : entry))
  const edited = sitemapsOf(site(changed), limits, memo)
  assert.deepEqual(edited.files, sitemapsOf(site(changed), limits).files)
  const lines = edited.absolutes - 2 - 1
  assert.ok(lines >= 1 && lines <= 7, `${lines} lines made`)
  // Note: the child's first entry changed, one entry added in its first block and one removed from its third: the
  // match goes on after each, so the blocks in between are kept.
  const shuffled = [...changed.slice(50, 52), longEntries(1, 8_999)[0] as SitemapEntry, ...changed.slice(52, 65), ...changed.slice(66)]
  shuffled[0] = {...(shuffled[0] as SitemapEntry), lastmod: '2025-04-01'}
  const moved = sitemapsOf(site([...changed.slice(0, 50), ...shuffled]), limits, memo)
  assert.deepEqual(moved.files, sitemapsOf(site([...changed.slice(0, 50), ...shuffled]), limits).files)
  const remade = moved.absolutes - 2 - 1
  assert.ok(remade >= 3 && remade <= 3 * 7, `${remade} lines made`)
  // Note: the last entries deleted, the child ends inside a block the build before made.
  for (const end of [78, 77, 71]) assert.deepEqual(sitemapsOf(site(changed.slice(0, end)), limits, memo).files, sitemapsOf(site(changed.slice(0, end)), limits).files, `${end} entries`)
})

test('with a memo, entries added before the kept blocks of a child that was not full split it where a build without one does', () => {
  const site = (list: readonly SitemapEntry[]): SitemapGroup[] => [group('articles', list)]
  // Note: 45 lines fill the first child by their count. The second child's 40 lines fit; with 8 added before them they
  // do not: short lines (in one block) by their count, lines of about 10,000 bytes (in blocks of a few) by their bytes.
  const cases = [
    {limits: {maxUrls: 45, maxBytes: protocolLimits.maxBytes}, made: (count: number, kind: string) => entries(count, kind)},
    {limits: {maxUrls: 45, maxBytes: 45 * 9_100}, made: (count: number, kind: string) => longEntries(count, kind === 'c' ? 10_000 : 9_000).map((entry) => ({...entry, url: entry.url.replace('/a/', `/${kind}/`)}))},
  ]
  for (const {limits, made} of cases) {
    const list = [...made(45, 'a'), ...made(40, 'c')]
    const added = [...list.slice(0, 45), ...made(8, 'b'), ...list.slice(45)]
    const memo = new SitemapMemo()
    assert.equal(sitemapsOf(site(list), limits, memo).files.size, 3, 'two children and the index')
    const next = sitemapsOf(site(added), limits, memo)
    assert.deepEqual(next.files, sitemapsOf(site(added), limits).files, JSON.stringify(limits))
    assert.equal(next.files.size, 4, 'three children and the index')
  }
})

/**
 * Builds with a memo, one after another, each after a random change, against
 * builds without one; with `long` paths, each child's lines fill several blocks.
 */
function randomBuilds(long: boolean): void {
  let seed = 7
  const random = (below: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    // Note: the high bits; an LCG's low bits repeat in short cycles.
    return Math.floor(seed / 2 ** 16) % below
  }
  const pad = long ? 'x'.repeat(9_000) : ''
  const memo = new SitemapMemo()
  let pages = entries(7)
  let articles = long ? longEntries(33) : entries(33, 'a')
  const urlLimit = (): number => (long ? 10 + random(40) : 5 + random(10))
  const byteLimit = (): number => (long ? 9_100 * (2 + random(20)) : 500 + random(1_000))
  let limits: SitemapLimits = {maxUrls: urlLimit(), maxBytes: protocolLimits.maxBytes}
  let base = absolute
  for (let step = 0; step < 200; step++) {
    const change = random(9)
    const at = random(articles.length + 1)
    if (change === 0) articles = [...articles, {url: `/a/${pad}new-${step}/`, lastmod: '2025-01-01'}]
    else if (change === 1) articles = [...articles.slice(0, at), {url: `/a/${pad}between-${step}/`}, ...articles.slice(at)]
    else if (change === 2 && articles.length > 0) articles = articles.filter((_, index) => index !== at % articles.length)
    else if (change === 3 && articles.length > 0) articles = articles.map((entry, index) => (index === at % articles.length ? {...entry, lastmod: `2025-02-${String(1 + (step % 28)).padStart(2, '0')}`} : entry))
    else if (change === 4) pages = [...pages, {url: `/p/new-${step}/`}]
    else if (change === 5) limits = random(2) === 0 ? {maxUrls: urlLimit(), maxBytes: protocolLimits.maxBytes} : {maxUrls: protocolLimits.maxUrls, maxBytes: byteLimit()}
    else if (change === 6) base = random(2) === 0 ? absolute : (path) => `https://elsewhere.example/${path.slice(1)}`
    const groups = [group('pages', pages), group('articles', articles)]
    const withMemo = sitemapsOf(groups, limits, memo, base)
    const without = sitemapsOf(groups, limits, undefined, base)
    assert.deepEqual(withMemo.files, without.files, `step ${step}`)
    assert.deepEqual(withMemo.keys, without.keys, `step ${step}`)
  }
}

test('with a memo, whatever changes between builds, every sitemap is what a build without one makes', () => {
  randomBuilds(false)
})

test('with a memo, whatever changes between builds, every sitemap of lines in several blocks is what a build without one makes', () => {
  randomBuilds(true)
})
