import assert from 'node:assert/strict'
import test from 'node:test'
import fc from 'fast-check'
import {makeArticle} from '../../test/helpers/make-article.js'
import type {Article} from '../model/article.js'
import {compareCodeUnits} from '../text/code-unit-order.js'
import {dropDuplicates, type DuplicateMemo} from './drop-duplicates.js'

/** An article at `source` whose content is one of a few, so that many are copies of one another. */
const article = (source: number, content: number): Article => makeArticle(`s${String(source).padStart(2, '0')}.txt`, '2024-01-01', {hash: `content-${content}`.padEnd(64, '0')})

const bySource = (articles: Iterable<Article>): Article[] => [...articles].sort((a, b) => compareCodeUnits(a.source, b.source))

/** What a call made, with articles named by source, so results of different calls compare. */
const described = (result: ReturnType<typeof dropDuplicates>) => ({
  unique: result.unique.map((item) => item.source),
  problems: result.problems,
})

/** One step of a dev session: a seed written (new, or replacing the article at its path) or deleted. */
const step = fc.record({source: fc.integer({min: 0, max: 24}), content: fc.integer({min: 0, max: 5}), remove: fc.boolean()})

test('from the call before, the copies found are those found afresh, after any sequence of seeds written and deleted', () => {
  fc.assert(
    fc.property(fc.array(step, {maxLength: 30}), fc.array(fc.array(step, {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 12}), (start, builds) => {
      const current = new Map<number, Article>()
      const apply = ({source, content, remove}: {source: number; content: number; remove: boolean}): void => {
        if (remove) current.delete(source)
        else current.set(source, article(source, content))
      }
      start.forEach(apply)
      let memo: DuplicateMemo = dropDuplicates(bySource(current.values())).memo
      for (const changes of builds) {
        changes.forEach(apply)
        const sorted = bySource(current.values())
        const kept = dropDuplicates(sorted, memo)
        const fresh = dropDuplicates(sorted)
        assert.deepEqual(described(kept), described(fresh))
        // Note: the very objects, not equal copies: later stages take over what they made of the same objects.
        kept.unique.forEach((item, index) => assert.equal(item, fresh.unique[index]))
        memo = kept.memo
      }
    }),
    {numRuns: 300},
  )
})

test('one more article, a copy or not, is looked at alone: the map of hashes is taken over', () => {
  const first = dropDuplicates(bySource([article(1, 1), article(2, 2), article(3, 1)]))
  const copy = article(4, 2)
  const next = dropDuplicates(bySource([...first.memo.sorted, copy]), first.memo)
  assert.equal(next.memo.firstByHash, first.memo.firstByHash)
  assert.deepEqual(next.problems.map((item) => [item.file, item.related[0]?.file]), [
    ['seeds/s03.txt', 'seeds/s01.txt'],
    ['seeds/s04.txt', 'seeds/s02.txt'],
  ])
  // Note: an article before the first of its hash makes that one a copy: the call starts afresh.
  const earlier = dropDuplicates(bySource([...next.memo.sorted, article(0, 1)]), next.memo)
  assert.notEqual(earlier.memo.firstByHash, next.memo.firstByHash)
  assert.deepEqual(earlier.unique.map((item) => item.source), ['s00.txt', 's02.txt'])
})
