import assert from 'node:assert/strict'
import {test} from 'node:test'
import {compareCodeUnits} from './code-unit-order.js'

test('strings sort by UTF-16 code unit, as a sort without a comparator sorts them, whatever the locale', () => {
  const words = ['éclair', 'zebra', 'Zebra', 'a/b.txt', 'a-b.txt', 'a.txt', '\u{1F600}', '\uFFFD', 'a', '']
  assert.deepEqual([...words].sort(compareCodeUnits), [...words].sort())
  assert.deepEqual([...words].sort(compareCodeUnits), ['', 'Zebra', 'a', 'a-b.txt', 'a.txt', 'a/b.txt', 'zebra', 'éclair', '\u{1F600}', '\uFFFD'])
  assert.equal(compareCodeUnits('same', 'same'), 0)
})
