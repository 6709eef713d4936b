import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {makeArticle} from '../../test/helpers/make-article.js'
import type {Article} from '../model/article.js'
import {assignUrls} from './assign-urls.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

const pattern = '/:year/:month/:day/:slug/'

/** Four articles in source path order; b and c share a day and a slug, so c's URL takes a suffix. */
const articles: readonly Article[] = [
  makeArticle('a.txt', '2001-03-01', {slug: 'alpha'}),
  makeArticle('b.txt', '2001-03-02', {slug: 'same'}),
  makeArticle('c.txt', '2001-03-02', {slug: 'same'}),
  makeArticle('d.txt', '2001-03-03', {slug: 'delta'}),
]

test('an earlier call lends its URLs and placings of the same article objects, and nothing else', () => {
  const first = assignUrls(articles, pattern)
  // Note: b is gone, so c takes the plain URL; a new cc comes between; d is edited, a new object with the same fields.
  const next = [articles[0] as Article, articles[2] as Article, makeArticle('cc.txt', '2001-03-04', {slug: 'echo'}), {...(articles[3] as Article)}]
  const lent = assignUrls(next, pattern, first.placings)
  assert.deepEqual(lent.placed, assignUrls(next, pattern).placed)
  assert.deepEqual(
    lent.placed.map((placing) => first.placed.includes(placing)),
    [true, false, false, false],
    'a is lent; c is placed anew on its new URL; the new and the edited articles are placed anew',
  )
  assert.equal(lent.placings.articles, next)
  assert.deepEqual(lent.placings.placed, lent.placed)
  assert.deepEqual(lent.placings.urls, ['/2001/03/01/alpha/', '/2001/03/02/same/', '/2001/03/04/echo/', '/2001/03/03/delta/'], 'before any suffix')
  // Note: under another pattern, nothing is lent, not even the URLs of the same articles.
  const elsewhere = assignUrls(next, '/:slug/', lent.placings)
  assert.deepEqual(elsewhere.placed, assignUrls(next, '/:slug/').placed)
  assert.ok(elsewhere.placed.every((placing) => !lent.placed.includes(placing)))
})

test('a URL given out with a suffix is taken: a later article whose hash starts the same takes a longer suffix', () => {
  const [keeper, early, late] = [
    makeArticle('a.txt', '2001-03-02', {slug: 'same', hash: 'f'.repeat(64)}),
    makeArticle('b.txt', '2001-03-02', {slug: 'same', hash: `abcdef01${'1'.repeat(56)}`}),
    makeArticle('c.txt', '2001-03-02', {slug: 'same', hash: `abcdef02${'2'.repeat(56)}`}),
  ] as [Article, Article, Article]
  const {placed, problems} = assignUrls([keeper, early, late], pattern)
  assert.deepEqual(problems, [])
  assert.deepEqual(
    placed.map((article) => article.url),
    ['/2001/03/02/same/', '/2001/03/02/same-abcdef/', '/2001/03/02/same-abcdef02/'],
  )
})

/** One step of a dev session: a seed written (new, or replacing the article at its path) or deleted. */
const sessionStep = fc.record({
  source: fc.integer({min: 0, max: 30}),
  day: fc.integer({min: 1, max: 2}),
  slug: fc.constantFrom('same', 'other', 'same-abcdef'),
  given: fc.integer({min: 0, max: 9}).map((roll) => roll < 2),
  hash: fc.constantFrom('abcdef01', 'abcdef02', '12345678', '9abcdef0'),
  remove: fc.boolean(),
})

test('from the call before, every article is placed as afresh, after any sequence of seeds written and deleted', () => {
  let reassigned = 0
  fc.assert(
    fc.property(fc.array(sessionStep, {maxLength: 30}), fc.array(fc.array(sessionStep, {minLength: 1, maxLength: 3}), {minLength: 1, maxLength: 10}), (start, builds) => {
      const current = new Map<number, Article>()
      const apply = (step: {source: number; day: number; slug: string; given: boolean; hash: string; remove: boolean}): void => {
        if (step.remove) {
          current.delete(step.source)
          return
        }
        const source = `s${String(step.source).padStart(2, '0')}.txt`
        // Note: hashes differ by seed, but some start alike, so suffixes can meet.
        current.set(step.source, makeArticle(source, `2001-03-0${step.day}`, {slug: step.slug, slugOrigin: step.given ? 'given' : 'derived', hash: `${step.hash}${source}`.padEnd(64, '0')}))
      }
      start.forEach(apply)
      const bySource = (): Article[] => [...current.values()].sort((a, b) => compareCodeUnits(a.source, b.source))
      let earlier = assignUrls(bySource(), pattern)
      for (const changes of builds) {
        changes.forEach(apply)
        const articles = bySource()
        const kept = assignUrls(articles, pattern, earlier.placings)
        const fresh = assignUrls(articles, pattern)
        assert.deepEqual(kept.placed, fresh.placed)
        assert.deepEqual(kept.problems, fresh.problems)
        if (kept.placings.held === earlier.placings.held) reassigned++
        earlier = kept
      }
    }),
    {numRuns: 400},
  )
  assert.ok(reassigned > 400, `reassigned ${reassigned} times`)
})
