import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {topEntries} from './top-entries.js'

test('the kept entries are those sorting would put first, in the same order', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({min: 0, max: 20}), fc.integer({min: 0, max: 5}))), fc.integer({min: 0, max: 8}), (pairs, limit) => {
      // Note: indexes make the order total, as the related-articles order is.
      const entries = pairs.map(([score, group], index) => ({score, group, index}))
      const compare = (a: (typeof entries)[number], b: (typeof entries)[number]): number => b.score - a.score || a.group - b.group || a.index - b.index
      assert.deepEqual(topEntries(entries, limit, compare), [...entries].sort(compare).slice(0, limit))
    }),
    {numRuns: 500},
  )
})
