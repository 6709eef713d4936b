import test from 'node:test'
import assert from 'node:assert/strict'
import {defaultConfig} from '../config/site-config.js'
import type {Article, IsoDate} from '../model/article.js'
import {breadcrumbList, newsArticle, toJsonLd} from './json-ld.js'

const hostile = '</script><script>alert(1)</script> & <!-- \u2028'

test('serialised JSON-LD cannot close its script element and parses back to the same data', () => {
  const data = {headline: hostile, nested: [{name: '</SCRIPT>'}]}
  const text = toJsonLd(data)
  assert.doesNotMatch(text, /<\/script/i)
  assert.doesNotMatch(text, /<!--/)
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/)
  assert.deepEqual(JSON.parse(text), data)
  assert.equal(toJsonLd({a: '<b> & \u2028\u2029'}), '{"a":"\\u003cb\\u003e \\u0026 \\u2028\\u2029"}')
})

const article: Article = {
  source: 'a.txt',
  file: 'seeds/a.txt',
  hash: '0'.repeat(64),
  date: '2024-11-18' as IsoDate,
  title: hostile,
  titleOrigin: 'given',
  summary: 'Summary.',
  summaryOrigin: 'derived',
  slug: 'a',
  slugOrigin: 'derived',
  slugAt: {file: 'seeds/a.txt', place: {line: 1, column: 1}},
  draft: false,
  bodyHtml: '<p>Text.</p>',
  subheadings: [],
  figures: [],
  dateline: {text: 'KYIV, Nov 18', place: 'KYIV'},
  wordCount: 120,
  readingMinutes: 1,
  topics: [
    {name: 'Ukraine', slug: 'ukraine', kind: 'place', origin: 'derived'},
    {name: 'Diplomacy', slug: 'diplomacy', kind: 'subject', origin: 'given'},
  ],
}

test('a NewsArticle carries what search engines read, with the publisher from the config', () => {
  const url = 'https://news.example.org/2024/11/18/a/'
  const data = newsArticle(article, url, {...defaultConfig, publisher: {name: 'Example News', url: 'https://example.org/'}})
  assert.equal(data['@type'], 'NewsArticle')
  assert.equal(data['headline'], hostile)
  assert.equal(data['description'], 'Summary.')
  assert.equal(data['datePublished'], '2024-11-18')
  assert.equal(data['dateModified'], '2024-11-18')
  assert.deepEqual(data['keywords'], ['Ukraine', 'Diplomacy'])
  assert.equal(data['articleSection'], 'Diplomacy')
  assert.equal(data['isAccessibleForFree'], true)
  assert.deepEqual(data['mainEntityOfPage'], {'@type': 'WebPage', '@id': url})
  assert.deepEqual(data['publisher'], {'@type': 'Organization', name: 'Example News', url: 'https://example.org/'})
  assert.deepEqual(data['contentLocation'], {'@type': 'Place', name: 'KYIV'})
})

test('articleSection is left out when no topic is a subject', () => {
  const data = newsArticle({...article, topics: article.topics.slice(0, 1)}, 'https://x.example/', defaultConfig)
  assert.equal('articleSection' in data, false)
})

test('a breadcrumb list numbers its items from 1', () => {
  const data = breadcrumbList([{name: 'Home', url: 'https://x.example/'}, {name: '2024', url: 'https://x.example/2024/'}])
  assert.deepEqual(data['itemListElement'], [
    {'@type': 'ListItem', position: 1, name: 'Home', item: 'https://x.example/'},
    {'@type': 'ListItem', position: 2, name: '2024', item: 'https://x.example/2024/'},
  ])
})
