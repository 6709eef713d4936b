import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {makeArticle} from '../../test/helpers/make-article.js'
import type {Topic} from '../model/article.js'
import type {PlacedArticle, TopicEntry} from './archive.js'
import {buildArchive} from './build-archive.js'
import {findRelated, RelatedFinder, relatedInputs, relatedOutput} from './find-related.js'
import {RelatedLists} from './related-lists.js'
import {relatedArrays} from '../../test/helpers/related-arrays.js'
import {groupByTopic} from './group-by-topic.js'

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
const dayOf = (date: string): number => Date.parse(date) / 86_400_000

/** A count with all but its three leading binary digits cleared, by arithmetic. */
function roundedPlainly(count: number): number {
  let unit = 1
  while (count >= unit * 8) unit *= 2
  return Math.floor(count / unit) * unit
}

/**
 * The rules of `findRelated` written plainly: score every candidate in a
 * window of 40 on either side of the article in each of its topics' lists,
 * weighted by log(1 + articles / topic's articles), both counts rounded to
 * three binary digits; leave out the article itself; sort by score, then
 * distance in days, then index.
 */
function relatedPlainly(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>): number[][] {
  return articles.map((article, index) => {
    const scores = new Map<number, number>()
    for (const topic of article.topics) {
      const entry = topics.get(topic.slug)
      if (!entry || entry.articles.length < 2) continue
      const position = entry.articles.indexOf(index)
      const weight = Math.log(1 + roundedPlainly(articles.length) / roundedPlainly(entry.articles.length))
      for (let k = Math.max(0, position - 40); k < Math.min(entry.articles.length, position + 41); k++) {
        const other = entry.articles[k] as number
        if (other === index) continue
        scores.set(other, (scores.get(other) ?? 0) + weight)
      }
    }
    const distance = (other: number): number => Math.abs(dayOf((articles[other] as PlacedArticle).date) - dayOf(article.date))
    return [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b) || a - b)
      .slice(0, 5)
      .map(([other]) => other)
  })
}

/** Each topic's ten most frequent companions, counted plainly, ties by slug. */
function companionsPlainly(articles: readonly PlacedArticle[], slug: string): {slug: string; count: number}[] {
  const counts = new Map<string, number>()
  for (const article of articles) {
    if (!article.topics.some((topic) => topic.slug === slug)) continue
    for (const topic of article.topics) if (topic.slug !== slug) counts.set(topic.slug, (counts.get(topic.slug) ?? 0) + 1)
  }
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, 10)
    .map(([other, count]) => ({slug: other, count}))
}

const topicPool = Array.from({length: 14}, (_, index): Topic => ({name: `Topic ${index}`, slug: `topic-${index}`, kind: 'subject', origin: 'derived'}))

/**
 * Articles over a few days and a pool of topics: `pool` topics of which an
 * article has at most `most`. A small pool makes topic lists longer than the
 * window; a large one makes many topics with few articles.
 */
const archives = (pool: number, most: number): fc.Arbitrary<{day: number; topics: number[]}[]> =>
  fc.array(fc.record({day: fc.integer({min: 1, max: 9}), topics: fc.uniqueArray(fc.integer({min: 0, max: pool - 1}), {maxLength: most})}), {minLength: 1, maxLength: 240})

for (const [pool, most] of [[3, 3], [14, 5]] as const) {
  test(`related articles and related topics are those the plain rules give, on random archives (${pool} topics, up to ${most} each)`, () => {
    fc.assert(
      fc.property(archives(pool, most), (specs) => {
        const articles = specs.map((spec, index) => makeArticle(`a${String(index).padStart(3, '0')}.txt`, `2024-01-0${spec.day}`, {topics: spec.topics.map((topic) => topicPool[topic] as Topic)}))
        const {archive} = buildArchive(articles, {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false})
        const {all, mentions} = groupByTopic(archive.articles, 1)
        // Note: the topics as the grouping numbered them are those `relatedInputs` numbers itself.
        assert.deepEqual(relatedInputs(archive.articles, all, mentions), relatedInputs(archive.articles, all))
        assert.deepEqual(relatedArrays(findRelated(archive.articles, all)), relatedPlainly(archive.articles, all))
        assert.deepEqual(relatedArrays(archive.related), relatedPlainly(archive.articles, all))
        for (const [slug, entry] of all) assert.deepEqual(entry.related, companionsPlainly(archive.articles, slug), slug)
      }),
      {numRuns: 40},
    )
  })
}

/** The date `days` days after 2024-01-01. */
const dayAfter = (days: number): string => new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10)

test('a topic list longer than the window still finds neighbours from both sides, the nearer day first', () => {
  const shared = topicPool[0] as Topic
  // Note: one article a day, so that index 0 (the newest) is day 199, and two articles are as many days apart as places.
  const articles = Array.from({length: 200}, (_, index) => makeArticle(`a${String(index).padStart(3, '0')}.txt`, dayAfter(199 - index), {topics: [shared]}))
  const {archive} = buildArchive(articles, {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false})
  assert.deepEqual(archive.related.of(100), [99, 101, 98, 102, 97])
  assert.deepEqual(archive.related.of(0), [1, 2, 3, 4, 5])
})

test('finders that take ranges in turn, each skipping the others\' ranges, find what one finder finds', () => {
  fc.assert(
    fc.property(archives(5, 4), fc.integer({min: 1, max: 3}), fc.array(fc.integer({min: 1, max: 30}), {minLength: 1, maxLength: 20}), (specs, finderCount, lengths) => {
      const articles = specs.map((spec, index) => makeArticle(`a${String(index).padStart(3, '0')}.txt`, `2024-01-0${spec.day}`, {topics: spec.topics.map((topic) => topicPool[topic] as Topic)}))
      const {archive} = buildArchive(articles, {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false})
      const {all} = groupByTopic(archive.articles, 1)
      const inputs = relatedInputs(archive.articles, all)
      const found = relatedOutput(inputs.total)
      const finders = Array.from({length: finderCount}, () => new RelatedFinder(inputs, found))
      // Note: ranges of the given lengths, dealt to the finders in turn, as threads claiming blocks would take them.
      for (let start = 0, turn = 0; start < inputs.total; turn++) {
        const end = Math.min(inputs.total, start + (lengths[turn % lengths.length] as number))
        ;(finders[turn % finderCount] as RelatedFinder).relate(start, end)
        start = end
      }
      assert.deepEqual(relatedArrays(new RelatedLists(found)), relatedPlainly(archive.articles, all))
    }),
    {numRuns: 60},
  )
})

test('a topic the map lacks counts for none, and no articles have none', () => {
  fc.assert(
    fc.property(archives(5, 4), fc.integer({min: 0, max: 4}), (specs, dropped) => {
      const articles = specs.map((spec, index) => makeArticle(`a${String(index).padStart(3, '0')}.txt`, `2024-01-0${spec.day}`, {topics: spec.topics.map((topic) => topicPool[topic] as Topic)}))
      const {archive} = buildArchive(articles, {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false})
      const all = new Map(groupByTopic(archive.articles, 1).all)
      all.delete(`topic-${dropped}`)
      assert.deepEqual(relatedArrays(findRelated(archive.articles, all)), relatedPlainly(archive.articles, all))
    }),
    {numRuns: 60},
  )
  assert.deepEqual(relatedArrays(findRelated([], new Map())), [])
})

test('the window reaches exactly 40 places along a topic\'s list on either side', () => {
  // Note: topic 0 is on every article but 20 and 61, so article 41 is 40 places after article 0 in its list,
  // and article 40 is 40 places before article 81. Only through topic 0 do they outrank 20 and 61, which
  // share just the rare topic (1 or 2) and are nearer.
  const [common, first, last] = topicPool as [Topic, Topic, Topic]
  const articles = Array.from({length: 82}, (_, index) => {
    const topics = index === 20 || index === 61 ? [] : [common]
    if ([0, 20, 41].includes(index)) topics.push(first)
    if ([40, 61, 81].includes(index)) topics.push(last)
    return makeArticle(`a${String(index).padStart(3, '0')}.txt`, dayAfter(81 - index), {topics})
  })
  const {archive} = buildArchive(articles, {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false})
  assert.deepEqual(archive.related.of(0), [41, 20, 1, 2, 3])
  assert.deepEqual(archive.related.of(81), [40, 61, 80, 79, 78])
})
