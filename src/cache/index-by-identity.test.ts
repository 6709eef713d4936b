import assert from 'node:assert/strict'
import {test} from 'node:test'
import {indexByIdentity} from './index-by-identity.js'

test('finds the same object, asked in key order, and not an equal but other object', () => {
  const a = {name: 'a'}
  const b = {name: 'b'}
  const d = {name: 'd'}
  const find = indexByIdentity([a, b, d], (item) => item.name)
  assert.deepEqual([a, {name: 'b'}, {name: 'c'}, d, {name: 'e'}].map(find), [0, -1, -1, 2, -1])
})
