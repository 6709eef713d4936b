import test from 'node:test'
import assert from 'node:assert/strict'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import type {OutputFile} from '../output-file.js'
import {protocolLimits, writeSitemaps, type SitemapEntry} from './write-sitemaps.js'

const parser = new XMLParser({parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap'})
const absolute = (path: string): string => `https://news.example.org/a/${path.slice(1)}`
const entries = (count: number): SitemapEntry[] =>
  Array.from({length: count}, (_, index) => ({loc: absolute(`/p/${index}/`), lastmod: `2024-01-${String((index % 28) + 1).padStart(2, '0')}`}))
const text = (file: OutputFile | undefined): string => String(file?.contents)

test('few URLs make one sitemap.xml, escaped and in order', () => {
  const files = [...writeSitemaps([{loc: 'https://x.org/?a=1&b=<2>'}, {loc: 'https://x.org/b/', lastmod: '2024-02-01'}], absolute)]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
  const xml = text(files[0])
  assert.equal(XMLValidator.validate(xml), true)
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
  const {urlset} = parser.parse(xml)
  assert.deepEqual(urlset.url, [{loc: 'https://x.org/?a=1&b=<2>'}, {loc: 'https://x.org/b/', lastmod: '2024-02-01'}])
})

test('past the URL limit: children of at most maxUrls each, and an index with the newest lastmod of each', () => {
  const files = [...writeSitemaps(entries(25), absolute, {maxUrls: 10, maxBytes: protocolLimits.maxBytes})]
  assert.deepEqual(files.map((file) => file.path), ['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml'])
  const counts = files.slice(0, 3).map((file) => parser.parse(text(file)).urlset.url.length)
  assert.deepEqual(counts, [10, 10, 5])
  const index = parser.parse(text(files[3])).sitemapindex
  assert.deepEqual(index.sitemap, [
    {loc: absolute('/sitemap-1.xml'), lastmod: '2024-01-10'},
    {loc: absolute('/sitemap-2.xml'), lastmod: '2024-01-20'},
    {loc: absolute('/sitemap-3.xml'), lastmod: '2024-01-25'},
  ])
})

test('past the byte limit: no file is larger than maxBytes, and nothing is lost', () => {
  const maxBytes = 1_000
  const files = [...writeSitemaps(entries(40), absolute, {maxUrls: protocolLimits.maxUrls, maxBytes})]
  const children = files.filter((file) => file.path !== 'sitemap.xml')
  assert.ok(children.length > 2)
  for (const child of children) assert.ok(Buffer.byteLength(text(child)) <= maxBytes, `${child.path} is ${Buffer.byteLength(text(child))} bytes`)
  const locs = children.flatMap((child) => parser.parse(text(child)).urlset.url.map((url: {loc: string}) => url.loc))
  assert.deepEqual(locs, entries(40).map((entry) => entry.loc))
})

test('exactly maxUrls URLs still fit in one sitemap.xml', () => {
  const files = [...writeSitemaps(entries(10), absolute, {maxUrls: 10, maxBytes: protocolLimits.maxBytes})]
  assert.deepEqual(files.map((file) => file.path), ['sitemap.xml'])
})

test('an empty site has an empty, valid urlset', () => {
  const [file] = [...writeSitemaps([], absolute)]
  assert.equal(XMLValidator.validate(text(file)), true)
  assert.equal(parser.parse(text(file)).urlset, '')
})
