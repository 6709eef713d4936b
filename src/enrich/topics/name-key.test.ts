import test from 'node:test'
import assert from 'node:assert/strict'
import {nameKey} from './name-key.js'

test('names compare in one form', () => {
  const table: [text: string, key: string][] = [
    ['U.S.', 'us'], ['Zürich', 'zurich'], ['Côte d\u2019Ivoire', "cote d'ivoire"], ['  New   York ', 'new york'], ['Thomas-Greenfield', 'thomas-greenfield'],
  ]
  for (const [text, key] of table) assert.equal(nameKey(text), key, text)
})
