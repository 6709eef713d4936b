import test from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {Topic, TopicKind} from '../model/article.js'
import {makeArticle} from '../../test/helpers/make-article.js'
import type {PlacedArticle} from './archive.js'
import {buildArchive} from './build-archive.js'
import {joinSurnames} from './join-surnames.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

const topic = (name: string, kind: TopicKind = 'person', origin: Topic['origin'] = 'derived'): Topic => ({name, slug: name.toLowerCase().replace(/\W+/g, '-'), kind, origin})

let count = 0
const placed = (...topics: Topic[]): PlacedArticle => {
  count++
  return {url: `/a/${count}/`, ...makeArticle(`${count}.txt`, '2024-01-01'), topics}
}

const names = (articles: readonly PlacedArticle[]): string[][] => articles.map((article) => article.topics.map((item) => item.name))

test('a surname alone is the person most articles name in full', () => {
  const articles = [
    placed(topic('Reagan'), topic('Iran', 'place')),
    placed(topic('Ronald Reagan')),
    placed(topic('Ronald Reagan'), topic('Reagan')),
    placed(topic('Ronald Reagan')),
    placed(topic('Nancy Reagan')),
  ]
  assert.deepEqual(names(joinSurnames(articles).articles), [['Ronald Reagan', 'Iran'], ['Ronald Reagan'], ['Ronald Reagan'], ['Ronald Reagan'], ['Nancy Reagan']])
})

test('a surname with its particle joins too; a name suffix is no surname; the spelling most used wins, whatever the order', () => {
  const particle = [placed(topic('De Croo')), placed(topic('Herman De Croo')), placed(topic('Herman De Croo'))]
  assert.deepEqual(names(joinSurnames(particle).articles)[0], ['Herman De Croo'])
  const suffix = [placed(topic('King')), placed(topic('Martin Luther King Jr')), placed(topic('Martin Luther King Jr'))]
  assert.deepEqual(names(joinSurnames(suffix).articles)[0], ['Martin Luther King Jr'])
  const spelt = [placed(topic('Sarney')), placed({...topic('José Sarney'), slug: 'jose-sarney'}), placed(topic('Jose Sarney')), placed(topic('Jose Sarney'))]
  assert.deepEqual(names(joinSurnames(spelt).articles)[0], ['Jose Sarney'])
  assert.deepEqual(names(joinSurnames([...spelt].reverse()).articles).at(-1), ['Jose Sarney'])
})

test('a full name with a middle initial is the name without it, under the spelling most articles use', () => {
  const articles = [placed(topic('Ivan F Boesky')), placed(topic('Ivan Boesky')), placed(topic('Ivan Boesky'), topic('Ivan F. Boesky')), placed(topic('Boesky')), placed(topic('Ivan Boesky'))]
  assert.deepEqual(names(joinSurnames(articles).articles), [['Ivan Boesky'], ['Ivan Boesky'], ['Ivan Boesky'], ['Ivan Boesky'], ['Ivan Boesky']])
  // Note: a middle name is no initial.
  const kept = [placed(topic('John Quincy Adams')), placed(topic('John Adams'))]
  assert.equal(joinSurnames(kept).articles, kept)
})

test('a surname that two people share about evenly stays apart', () => {
  const articles = [placed(topic('Baker')), placed(topic('James Baker')), placed(topic('James Baker')), placed(topic('Howard Baker')), placed(topic('Howard Baker'))]
  assert.equal(joinSurnames(articles).articles, articles)
})

test('a full name met once, a topic given in front matter, or a name of another kind is not joined', () => {
  const once = [placed(topic('Volcker')), placed(topic('Paul Volcker'))]
  assert.equal(joinSurnames(once).articles, once)
  const given = [placed(topic('Thatcher', 'person', 'given')), placed(topic('Margaret Thatcher')), placed(topic('Margaret Thatcher'))]
  assert.deepEqual(names(joinSurnames(given).articles)[0], ['Thatcher'])
  const company = [placed(topic('Dillon', 'organisation')), placed(topic('John Dillon')), placed(topic('John Dillon'))]
  assert.deepEqual(names(joinSurnames(company).articles)[0], ['Dillon'])
})

test('the archive files the surname under the full name: one topic page, whatever the order of the seeds', () => {
  const seeds = [
    makeArticle('a.txt', '2024-01-03', {slug: 'a', topics: [topic('Reagan')]}),
    makeArticle('b.txt', '2024-01-02', {slug: 'b', topics: [topic('Ronald Reagan')]}),
    makeArticle('c.txt', '2024-01-01', {slug: 'c', topics: [topic('Ronald Reagan')]}),
  ]
  const settings = {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false}
  for (const order of [seeds, [...seeds].reverse()]) {
    const {archive} = buildArchive(order, settings)
    assert.deepEqual([...archive.topics.keys()], ['ronald-reagan'])
    assert.equal(archive.topics.get('ronald-reagan')?.articles.length, 3)
    assert.deepEqual(archive.articles[0]?.topics.map((item) => item.name), ['Ronald Reagan'])
  }
})

/** People a dev session's seeds name, some alone by surname, some with a middle initial, some spelt two ways. */
const people = ['Reagan', 'Ronald Reagan', 'Nancy Reagan', 'Baker', 'James Baker', 'Howard Baker', 'Ivan F. Boesky', 'Ivan Boesky', 'Boesky', 'De Croo', 'Herman De Croo', 'José Sarney', 'Jose Sarney']

/** One step of a dev session: a seed written (new, or replacing the article at its path) or deleted. */
const sessionStep = fc.record({
  source: fc.integer({min: 0, max: 30}),
  names: fc.uniqueArray(fc.integer({min: 0, max: people.length - 1}), {maxLength: 3}),
  remove: fc.boolean(),
})

test('from the call before, the names are joined as afresh, after any sequence of seeds written and deleted', () => {
  let rejoined = 0
  fc.assert(
    fc.property(fc.array(sessionStep, {maxLength: 30}), fc.array(fc.array(sessionStep, {minLength: 1, maxLength: 3}), {minLength: 1, maxLength: 10}), (start, builds) => {
      const current = new Map<number, PlacedArticle>()
      const apply = (step: {source: number; names: number[]; remove: boolean}): void => {
        if (step.remove) current.delete(step.source)
        else current.set(step.source, {url: `/${step.source}/`, ...makeArticle(`s${String(step.source).padStart(2, '0')}.txt`, '2024-01-01'), topics: step.names.map((at) => topic(people[at] as string))})
      }
      start.forEach(apply)
      const bySource = (): PlacedArticle[] => [...current.values()].sort((a, b) => compareCodeUnits(a.source, b.source))
      let earlier = joinSurnames(bySource())
      for (const changes of builds) {
        changes.forEach(apply)
        const articles = bySource()
        const kept = joinSurnames(articles, earlier.memo)
        const fresh = joinSurnames(articles)
        assert.deepEqual(kept.articles, fresh.articles)
        if (kept.memo.counts === earlier.memo.counts) {
          rejoined++
          // Note: an article joined as before is the very object it was: the grouping by topic takes it over unread.
          const before = new Map(earlier.memo.given.map((article, at) => [article, earlier.memo.joinedArticles[at]]))
          kept.articles.forEach((article, at) => {
            const was = before.get(articles[at] as PlacedArticle)
            if (was !== undefined && sameNames(was, article)) assert.equal(article, was)
          })
        }
        earlier = kept
      }
    }),
    {numRuns: 400},
  )
  assert.ok(rejoined > 400, `rejoined ${rejoined} times`)
})

const sameNames = (a: PlacedArticle, b: PlacedArticle): boolean => JSON.stringify(names([a])) === JSON.stringify(names([b]))
