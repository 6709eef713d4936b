import assert from 'node:assert/strict'
import {test} from 'node:test'
import {makeArticle} from '../../test/helpers/make-article.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive} from '../indexes/build-archive.js'
import type {Archive} from '../indexes/archive.js'
import type {Article, Topic} from '../model/article.js'
import {feedFiles} from '../render/feeds/site-feeds.js'
import type {DeferredFile} from '../render/output-file.js'
import {planPages} from '../render/render-site.js'
import {outputPathFor, pageUrl, siteUrls, topicUrl} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {CarriedKeys, type KeptPageKeys} from './carried-keys.js'
import {PageKeys} from './page-keys.js'

const topic = (name: string): Topic => ({name, slug: name.toLowerCase(), kind: 'subject', origin: 'derived'})
const subjects = ['Grain', 'Oil', 'Trade', 'Gold']

/** Twelve articles, a day apart, each on two of four topics, so that each has related articles. */
const articles: readonly Article[] = Array.from({length: 12}, (_, index) =>
  makeArticle(`${String(index).padStart(2, '0')}.txt`, `2001-03-${String(20 - index).padStart(2, '0')}`, {
    slug: `story-${index}`,
    topics: [topic(subjects[index % 4] as string), topic(subjects[(index + 1) % 4] as string)],
  }),
)

const templateKeys = new Map([
  ['article.html', 'article template'],
  ['home.html', 'home template'],
])

interface Site {
  readonly archive: Archive
  readonly views: ViewBuilder
}

/** Two cards a page and two entries a feed, so each topic's list has numbered pages, and its feed shows some of its articles. */
const config = {...defaultConfig, pageSize: 2, feedSize: 2}

function site(list: readonly Article[]): Site {
  const {archive} = buildArchive(list, {permalink: config.permalink, minTopicArticles: 1, drafts: false})
  return {archive, views: new ViewBuilder(archive, config, siteUrls(config.baseUrl))}
}

/** Every page's key, by URL, and every topic feed's, by path, as `keys` gives them; checks each page's path on the way. */
function keyAll({archive, views}: Site, keys: PageKeys): Map<string, string> {
  const all = new Map(
    [...planPages(archive, views)].map((page) => {
      const {key, path} = keys.key(page)
      // Note: a page whose key is taken over gets the path the build before gave it, which must be its own.
      assert.equal(path, outputPathFor(page.url), `the path of ${page.url}`)
      return [page.url, key]
    }),
  )
  for (const file of topicFeeds({archive, views}, keys)) all.set(file.path, keys.fileKey(file))
  return all
}

function topicFeeds({archive, views}: Site, keys: PageKeys): DeferredFile[] {
  return [...feedFiles(archive, views, (index) => keys.cardKey(index), {keepEntries: false})].filter((file) => 'make' in file)
}

/** What a build of `list` keeps for the next one, after keying every page. */
function keptAfter(list: readonly Article[], siteKey = 'site'): KeptPageKeys {
  const built = site(list)
  const keys = new PageKeys(built.archive, built.views, siteKey, templateKeys)
  keyAll(built, keys)
  return keys.kept()
}

/** The keys of `list`'s pages made anew, and made with what the build of `before` kept. */
function keysBothWays(before: readonly Article[], list: readonly Article[], siteKey = 'site', templates = templateKeys) {
  const previous = keptAfter(before)
  const now = site(list)
  return {
    fresh: keyAll(now, new PageKeys(now.archive, now.views, siteKey, templates)),
    carried: keyAll(now, new PageKeys(now.archive, now.views, siteKey, templates, previous)),
    carry: new CarriedKeys(previous, now.archive, siteKey, templates),
    ...now,
  }
}

const added = makeArticle('new.txt', '2001-03-21', {slug: 'newest', topics: [topic('Grain')]})

test('keys taken over from the build before are the keys made anew, for every page and topic feed', () => {
  const changes: [string, readonly Article[]][] = [
    ['a newest article', [...articles, added]],
    ['an article gone', articles.filter((_, index) => index !== 5)],
    ['an article edited', articles.map((article, index) => (index === 7 ? {...article, hash: 'e'.repeat(64)} : article))],
    ['an article on another topic', articles.map((article, index) => (index === 3 ? {...article, topics: [topic('Gold')]} : article))],
    ['an article moved to another day', articles.map((article, index) => (index === 2 ? {...article, date: '2001-03-01' as Article['date']} : article))],
    // Note: Oil's oldest four articles make it a place, which its newest numbered page, showing neither, names too.
    ['a topic of another kind in most of its articles', articles.map((article, index) => (index >= 4 ? {...article, topics: article.topics.map((item) => (item.slug === 'oil' ? {...item, kind: 'place' as const} : item))} : article))],
  ]
  for (const [change, list] of changes) {
    const {fresh, carried} = keysBothWays(articles, list)
    assert.deepEqual(carried, fresh, change)
  }
  // Note: articles that share no topic have no related articles; a page still shows its neighbours' cards.
  const apart = subjects.map((name, index) => makeArticle(`apart-${index}.txt`, `2001-04-0${index + 1}`, {slug: `apart-${index}`, topics: [topic(name)]}))
  const {fresh, carried} = keysBothWays(apart, apart.map((article, index) => (index === 1 ? {...article, hash: 'e'.repeat(64)} : article)))
  assert.deepEqual(carried, fresh, 'a neighbour edited')
})

test('an article page is taken over only when nothing it shows changed', () => {
  const {carry, archive} = keysBothWays(articles, [...articles, added])
  const taken = archive.articles.map((_, index) => carry.articlePage(index) !== undefined)
  const at = (source: string): number => archive.articles.findIndex((article) => article.source === source)
  assert.equal(taken[at('new.txt')], false, 'the new article')
  assert.equal(taken[at('00.txt')], false, 'its older neighbour, which now has a newer one')
  // Note: the new article is on Grain, so articles whose related list it joined are made anew too; others are taken over.
  assert.ok(taken.filter(Boolean).length >= 4, `taken over: ${taken.map(Number).join('')}`)
  for (const [index, article] of archive.articles.entries()) {
    if (!taken[index]) continue
    assert.ok(!archive.related.of(index).includes(at('new.txt')), `${article.source} shows the new article`)
  }
})

/** Which of the topic pages' keys `carry` takes over, by URL. */
function topicPagesTaken({archive, views}: Site, carry: CarriedKeys): Map<string, boolean> {
  const taken = new Map<string, boolean>()
  for (const page of planPages(archive, views)) {
    if (page.topicList) taken.set(page.url, carry.topicPage(page.topicList.slug, page.topicList.list) !== undefined)
  }
  return taken
}

test('a topic page is taken over only when nothing it shows changed', () => {
  const afterAdding = topicPagesTaken(...withCarry(keysBothWays(articles, [...articles, added])))
  // Note: Grain had six articles on three numbered pages; the new one makes a fourth, and links the third to it.
  const grain = (page?: number): string => (page ? pageUrl(topicUrl('grain'), page) : topicUrl('grain'))
  assert.deepEqual(
    [grain(), grain(4), grain(3), grain(2), grain(1)].map((url) => afterAdding.get(url)),
    [false, false, false, true, true],
  )
  const others = [...afterAdding].filter(([url]) => !url.startsWith(grain()))
  assert.equal(others.length, 12)
  assert.ok(others.every(([, taken]) => taken), JSON.stringify(others))
  // Note: article 10 leaves Trade but stays on Gold, whose list is the same but whose oldest card now names one topic.
  const leaving = articles.map((article, index) => (index === 10 ? {...article, topics: [topic('Gold')]} : article))
  const afterLeaving = topicPagesTaken(...withCarry(keysBothWays(articles, leaving)))
  const gold = (page?: number): string => (page ? pageUrl(topicUrl('gold'), page) : topicUrl('gold'))
  assert.deepEqual([gold(), gold(1), gold(2), gold(3)].map((url) => afterLeaving.get(url)), [false, false, true, true])
})

function withCarry(both: ReturnType<typeof keysBothWays>): [Site, CarriedKeys] {
  return [both, both.carry]
}

test('nothing is taken over across another site key or template, and no card across a topic page spelled anew', () => {
  const list = [...articles, added]
  const none = (carry: CarriedKeys, count: number): boolean => Array.from({length: count}, (_, index) => carry.articlePage(index)).every((kept) => kept === undefined)
  assert.ok(none(keysBothWays(articles, list, 'another site').carry, list.length))
  assert.ok(none(keysBothWays(articles, list, 'site', new Map([['article.html', 'edited']])).carry, list.length))
  const anotherSite = keysBothWays(articles, list, 'another site')
  const feeds = topicFeeds(anotherSite, new PageKeys(anotherSite.archive, anotherSite.views, 'another site', templateKeys))
  assert.ok(feeds.length > 0 && feeds.every((file) => file.articles && anotherSite.carry.fileKey(file.path, file.articles) === undefined), 'a topic feed')
  for (const templates of [new Map([...templateKeys, ['topic.html', 'edited']]), new Map([['topic.html', 'topic template']])]) {
    const taken = topicPagesTaken(...withCarry(keysBothWays(articles, list, 'site', templates)))
    assert.ok(taken.size > 0 && [...taken.values()].every((item) => !item), 'a topic template edited')
  }
  // Note: an author gives Oil another spelling, so the topic page, and every card on Oil, spells it so.
  const respelled = articles.map((article, index) => (index === 0 ? {...article, topics: [{...topic('OIL'), slug: 'oil', origin: 'given' as const}]} : article))
  const {carry, archive, fresh, carried} = keysBothWays(articles, respelled)
  assert.deepEqual(carried, fresh)
  archive.articles.forEach((article, index) => {
    if (article.topics.some((item) => item.slug === 'oil')) assert.equal(carry.cardDigest(index), undefined, article.source)
  })
})
