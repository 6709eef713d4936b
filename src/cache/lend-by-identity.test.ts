import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lendByIdentity} from './lend-by-identity.js'

test('lends the value of the same object, in key order, and nothing for an equal but other object', () => {
  const a = {name: 'a'}
  const b = {name: 'b'}
  const d = {name: 'd'}
  const lend = lendByIdentity([a, b, d], [1, 2, 4], (item) => item.name)
  assert.deepEqual([a, {name: 'b'}, {name: 'c'}, d, {name: 'e'}].map(lend), [1, undefined, undefined, 4, undefined])
})
