import assert from 'node:assert/strict'
import {test} from 'node:test'
import {makeArticle} from '../../test/helpers/make-article.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
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
