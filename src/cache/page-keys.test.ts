import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {makeArticle} from '../../test/helpers/make-article.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
import {articlePages} from '../render/article-pages.js'
import type {Page, PageInputs} from '../render/page.js'
import {siteUrls} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {PageKeys} from './page-keys.js'

const articles: readonly Article[] = [
  makeArticle('a.txt', '2001-03-01', {slug: 'alpha'}),
  makeArticle('b.txt', '2001-02-01', {slug: 'bravo'}),
  makeArticle('c.txt', '2001-01-01', {slug: 'charlie'}),
]

function pageKeys(list: readonly Article[] = articles): PageKeys {
  const {archive} = buildArchive(list, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  return new PageKeys(archive, new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl)), 'site', new Map([['home.html', 'template']]))
}

/** A list page keyed by `inputs`; its view is never needed. */
function listPage(inputs: PageInputs, url = '/list/'): Page {
  return {
    url,
    template: 'home.html',
    from: [],
    view: () => {
      throw new Error('a page with inputs is keyed without its view')
    },
    inputs: () => inputs,
  }
}

test('a page keyed after a longer one gets the key it gets first: nothing of the earlier page is left in the hashed bytes', () => {
  const page = listPage({text: 'abcde', cards: [0, 2]})
  const fresh = pageKeys().key(page).key
  const used = pageKeys()
  // Note: text whose bytes are not a whole number of words, with characters of two and three bytes.
  used.key(listPage({text: `${'é€'.repeat(5000)}xyz`, cards: [1, 1, 2, 0]}, '/other/'))
  used.key(listPage({text: 'abcdefg', cards: [2]}, '/other/'))
  assert.equal(used.key(page).key, fresh)
  assert.match(fresh, /^[0-9a-f]{32}$/)
})

test("a list page's key changes with its text, its cards and their order, and with each card's article", () => {
  const keys = pageKeys()
  const key = (inputs: PageInputs, url?: string): string => keys.key(listPage(inputs, url)).key
  const base = key({text: 'x', cards: [0, 1]})
  const others = [key({text: 'y', cards: [0, 1]}), key({text: 'x', cards: [1, 0]}), key({text: 'x', cards: [0]}), key({text: 'x', cards: [0, 1, 2]}), key({text: 'x', cards: [0, 1]}, '/elsewhere/')]
  assert.equal(new Set([base, ...others]).size, others.length + 1)
  assert.equal(key({text: 'x', cards: [0, 1]}), base)

  // Note: another seed for the second article changes its card; a change to the third leaves the page alone.
  const edited = (source: string): string => pageKeys(articles.map((article) => (article.source === source ? {...article, hash: 'f'.repeat(64)} : article))).key(listPage({text: 'x', cards: [0, 1]})).key
  assert.notEqual(edited('b.txt'), base)
  assert.equal(edited('c.txt'), base)
})

test('card keys are hex digests that two builds of the same articles agree on', () => {
  const first = pageKeys()
  const second = pageKeys()
  const cards = articles.map((_, index) => first.cardKey(index))
  assert.deepEqual(
    articles.map((_, index) => second.cardKey(index)),
    cards,
  )
  assert.equal(new Set(cards).size, articles.length)
  for (const card of cards) assert.match(card, /^[0-9a-f]{32}$/)
})

test("a list page's key is the SHA-256 of its text's length, its text padded to whole words, and its cards' digests", () => {
  const keys = pageKeys()
  // Note: longer than the first scratch buffer, so it grows, and with characters of two and three bytes.
  const text = `${'x'.repeat(30_000)}é€!`
  const page = listPage({text, cards: [2, 0]})
  const keyed = Buffer.from(`site\0template\0/list/\0inputs\0${text}`)
  const length = Buffer.alloc(4)
  length.writeUInt32LE(keyed.length)
  const padding = Buffer.alloc((4 - (keyed.length % 4)) % 4)
  const digests = [2, 0].map((index) => Buffer.from(keys.cardKey(index), 'hex'))
  const expected = createHash('sha256')
    .update(Buffer.concat([length, keyed, padding, ...digests]))
    .digest('hex')
    .slice(0, 32)
  assert.ok(padding.length > 0, 'the text does not end on a whole word')
  assert.equal(keys.key(page).key, expected)
})

test("an article page's key changes with its own spelling of a topic, which other articles can change, though its card stays", () => {
  // Note: as when `joinSurnames` files a surname under the full name most articles spell; the topic's page keeps the name its author gave it.
  const person = (name: string, origin: 'given' | 'derived') => ({name, slug: 'jose-sarney', kind: 'person' as const, origin})
  const site = (spelling: string): readonly Article[] => [
    makeArticle('a.txt', '2001-03-01', {slug: 'alpha', topics: [person(spelling, 'derived')]}),
    makeArticle('b.txt', '2001-02-01', {slug: 'bravo', topics: [person('José Sarney', 'given')]}),
  ]
  const [before, after] = [site('Jose Sarney'), site('José Sarney')].map((articles) => {
    const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
    const views = new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl))
    const keys = new PageKeys(archive, views, 'site', new Map())
    const page = [...articlePages(archive, views)].find((candidate) => candidate.url.includes('alpha')) as Page
    return {card: keys.cardKey(0), key: keys.key(page).key, view: JSON.stringify(page.view())}
  })
  assert.equal(before?.card, after?.card, 'the card shows the name of the topic page')
  assert.notEqual(before?.view, after?.view, 'the page shows its own spelling')
  assert.notEqual(before?.key, after?.key)
})
