import assert from 'node:assert/strict'
import {test} from 'node:test'
import {compareCodeUnits} from '../text/code-unit-order.js'
import {fewChanges, matchInOrder} from './match-articles.js'

const byName = (a: {name: string}, b: {name: string}): number => compareCodeUnits(a.name, b.name)

test('finds the same object, or one `same` accepts in its place, and not an equal but other object', () => {
  const [a, b, d] = [{name: 'a'}, {name: 'b'}, {name: 'd'}]
  const later = [a, {name: 'b'}, {name: 'c'}, d, {name: 'e'}]
  assert.deepEqual([...matchInOrder([a, b, d], later, byName, () => false)], [0, -1, -1, 2, -1])
  assert.deepEqual([...matchInOrder([a, b, d], later, byName, () => true)], [0, 1, -1, 2, -1])
  // Note: items gone from the old list are passed over on the way.
  assert.deepEqual([...matchInOrder([a, b, {name: 'c'}, d], [a, d], byName, () => false)], [0, 3])
})

test('few changes are matched both ways; more than a sixty-fourth of the list, and more than 64, are not', () => {
  const old = Array.from({length: 100}, (_, at) => ({name: String(at).padStart(4, '0')}))
  const match = fewChanges(old, [...old.slice(1), {name: '9999'}], byName, () => false)
  assert.deepEqual([match?.before[0], match?.before[99], match?.after[0], match?.after[1]], [1, -1, -1, 0])
  const many = Array.from({length: 10_000}, (_, at) => ({name: String(at).padStart(5, '0')}))
  assert.ok(fewChanges(many, many.slice(150), byName, () => false) !== undefined)
  assert.equal(fewChanges(many, many.slice(160), byName, () => false), undefined)
})
