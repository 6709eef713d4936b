import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {makeArticle} from '../../test/helpers/make-article.js'
import {sampleArticles, sampleTopic} from '../../test/helpers/sample-articles.js'
import type {Article} from '../model/article.js'
import {indexArticles, type IndexSettings} from './build-archive.js'
import {RelatedFinder, relatedInputs, relatedOutput, roundedCount} from './find-related.js'
import {RelatedLists} from './related-lists.js'
import {relatedArrays} from '../../test/helpers/related-arrays.js'
import {relateAgain, type RelatedMemo} from './relate-again.js'

/** Every article's list in `found` (as `relatedOutput` holds them). */
const listsOf = (found: Int32Array): number[][] => relatedArrays(new RelatedLists(found))

const settings: IndexSettings = {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false}

/** Every list of `articles` found afresh, with the memo a search leaves. */
function relateAll(articles: readonly Article[]): RelatedMemo {
  const {archive, allTopics} = indexArticles(articles, settings)
  const inputs = relatedInputs(archive.articles, allTopics)
  const found = relatedOutput(inputs.total)
  new RelatedFinder(inputs, found).relate(0, inputs.total)
  return {articles: archive.articles, topics: allTopics, found}
}

/** `relateAgain` of `articles` from the memo of `before`. */
function relateFrom(before: RelatedMemo, articles: readonly Article[], maxShare = 1): ReturnType<typeof relateAgain> {
  const {archive, allTopics} = indexArticles(articles, settings)
  return relateAgain(before, archive.articles, allTopics, maxShare)
}

const article = (name: string, day: number, topics: readonly number[]): Article => makeArticle(name, `2024-01-${String(day).padStart(2, '0')}`, {topics: topics.map(sampleTopic)})

/** An article's day and topics, drawn from a small pool so that topic lists run longer than the window. */
const spec = fc.record({day: fc.integer({min: 1, max: 9}), topics: fc.uniqueArray(fc.integer({min: 0, max: 3}), {maxLength: 3})})

/** A change to an archive: add an article, remove one, or give one other topics or another day. */
const change = fc.oneof(
  fc.record({kind: fc.constant('add' as const), spec}),
  fc.record({kind: fc.constant('remove' as const), at: fc.nat()}),
  fc.record({kind: fc.constant('retopic' as const), at: fc.nat(), spec}),
)

test('lists found again where a change reaches them, the rest carried over, are those found afresh', () => {
  let carried = 0
  let runs = 0
  fc.assert(
    fc.property(fc.array(spec, {minLength: 1, maxLength: 300}), fc.array(change, {minLength: 1, maxLength: 6}), (specs, changes) => {
      runs++
      const articles = specs.map((item, index) => article(`a${String(index).padStart(3, '0')}.txt`, item.day, item.topics))
      const before = relateAll(articles)
      const after = [...articles]
      changes.forEach((step, number) => {
        if (step.kind === 'add') after.push(article(`new${number}.txt`, step.spec.day, step.spec.topics))
        else if (after.length > 1 && step.kind === 'remove') after.splice(step.at % after.length, 1)
        else if (step.kind === 'retopic') {
          const at = step.at % after.length
          const old = after[at] as Article
          after[at] = article(old.source, step.spec.day, step.spec.topics)
        }
      })
      const again = relateFrom(before, after)
      const afresh = relateAll(after)
      if (again === undefined) {
        // Note: with so few changes, and no limit on the share, only a step in the archive's size makes it start afresh.
        assert.notEqual(roundedCount(afresh.articles.length), roundedCount(before.articles.length))
        return
      }
      carried++
      assert.deepEqual(listsOf(again.found), listsOf(afresh.found))
    }),
    {numRuns: 200},
  )
  assert.ok(carried > runs / 4, `${carried} of ${runs} runs found the lists again from the memo`)
})

test('adding one article to 3,000 finds again only the lists around it in its topics\' lists', () => {
  const articles = sampleArticles()
  const before = relateAll(articles)
  const added = [...articles, article('added.txt', 15, [3, 17])]
  const again = relateFrom(before, added)
  assert.ok(again, 'found again from the memo')
  assert.deepEqual(listsOf(again.found), listsOf(relateAll(added).found))
  // Note: each of its two topics has about 190 articles here; the window's reach and one more on either side of it.
  assert.ok(again.foundAgain <= 1 + 2 * 2 * 41, `${again.foundAgain} lists found again`)
  assert.ok(again.foundAgain > 2 * 40, `${again.foundAgain} lists found again`)
  assert.equal(relateFrom(before, added, again.foundAgain / 3001 - 0.0001), undefined, 'more than the share allowed')
})

test('a memo of another archive is not trusted: a change too large, or a step in its size, finds every list afresh', () => {
  const articles = sampleArticles()
  const before = relateAll(articles)
  assert.equal(relateFrom(before, articles.slice(0, 2900)), undefined, 'more than fewChanges follows')
  assert.equal(relateFrom(before, articles.map((item, index) => ({...item, source: `other${index}.txt`}))), undefined, 'another archive')
  assert.equal(relateFrom(before, articles)?.foundAgain, 0, 'the same archive')
  // Note: 2,559 articles round to 2,048 and 2,560 to themselves, so every topic's weight changes.
  const below = sampleArticles(2559)
  assert.equal(relateFrom(relateAll(below), [...below, article('added.txt', 15, [3])]), undefined, 'a step in the archive\'s size')
})

/** The date `days` days after 2024-01-01. */
const dayAfter = (days: number): string => new Date(Date.UTC(2024, 0, 1 + days)).toISOString().slice(0, 10)

test('an article is found again when one comes into or leaves a topic\'s list 40 places along from it', () => {
  // Note: one article a day, index 0 the newest; topic 0 on every article but 20, so article 41 is 40 places after
  // article 0 in its list, and article 42, 41 places. Articles 0, 20 and the one at `rare` share topic 1, rare here;
  // 20 is nearer, so the other ranks first only while it is in article 0's window along topic 0.
  const archive = (rare: number, extra: Article[] = [], left = -1): Article[] => [
    ...Array.from({length: 82}, (_, index) => makeArticle(`a${String(index).padStart(3, '0')}.txt`, dayAfter(81 - index), {topics: [...(index === 20 ? [] : [sampleTopic(0)]), ...([0, 20, rare].includes(index) ? [sampleTopic(1)] : [])]})).filter((_, index) => index !== left),
    ...extra,
  ]
  const check = (before: Article[], after: Article[], first: number, then: number): void => {
    const again = relateFrom(relateAll(before), after)
    assert.ok(again)
    assert.deepEqual(new RelatedLists(again.found).of(0).slice(0, 2), [first, then])
    assert.deepEqual(listsOf(again.found), listsOf(relateAll(after).found))
  }
  // Note: on article 41's day and named before it, the one added comes 40 places along from article 0, pushing 41 out.
  const added = makeArticle('a040z.txt', dayAfter(81 - 41), {topics: [sampleTopic(0)]})
  assert.deepEqual(new RelatedLists(relateAll(archive(41)).found).of(0).slice(0, 2), [41, 20])
  check(archive(41), archive(41, [added]), 20, 42)
  // Note: without article 41, article 42 comes 40 places along from article 0, into its window.
  assert.deepEqual(new RelatedLists(relateAll(archive(42)).found).of(0).slice(0, 2), [20, 42])
  check(archive(42), archive(42, [], 41), 41, 20)
})

test('when a topic\'s count crosses a step, its articles are found again, however far along its list', () => {
  // Note: article 0 (day 200) has topics 2 and 3; topic 2's 126 others are on days 201-326, topic 3's 127 others on
  // days 73-199. Among 254 articles (rounded to 224), topic 2's 127 round to 112 and weigh more than topic 3's 128,
  // which round to 128; one more for topic 2, on a day far from article 0's and 126 places along its list, makes them
  // weigh the same, and the nearer day (then the newer article) ranks first.
  const other = (name: string, day: number, topic: number): Article => makeArticle(name, dayAfter(day), {topics: [sampleTopic(topic)]})
  const before = [
    makeArticle('a000.txt', dayAfter(200), {topics: [sampleTopic(2), sampleTopic(3)]}),
    ...Array.from({length: 126}, (_, index) => other(`b${String(index).padStart(3, '0')}.txt`, 201 + index, 2)),
    ...Array.from({length: 127}, (_, index) => other(`c${String(index).padStart(3, '0')}.txt`, 73 + index, 3)),
  ]
  const after = [...before, other('b999.txt', 400, 2)]
  const first = relateAll(before)
  const zero = (memo: RelatedMemo): number => memo.articles.findIndex((item) => item.source === 'a000.txt')
  const topicOf = (memo: RelatedMemo, index: number): string | undefined => memo.articles[index]?.topics[0]?.slug
  assert.deepEqual(listsOf(first.found)[zero(first)]?.map((index) => topicOf(first, index)), Array(5).fill('topic-2'))
  const again = relateFrom(first, after)
  assert.ok(again)
  const afresh = relateAll(after)
  assert.deepEqual(listsOf(again.found), listsOf(afresh.found))
  assert.deepEqual(listsOf(again.found)[zero(afresh)]?.map((index) => topicOf(afresh, index)), ['topic-2', 'topic-3', 'topic-2', 'topic-3', 'topic-2'])
})
