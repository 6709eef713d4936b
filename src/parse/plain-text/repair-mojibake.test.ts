import test from 'node:test'
import assert from 'node:assert/strict'
import {repairMojibake} from './repair-mojibake.js'

test('turns UTF-8 read as Windows-1252 back into the characters meant', () => {
  const cases: Array<[string, string]> = [
    ['it\u00E2\u20AC\u2122s', 'it\u2019s'],
    ['\u00E2\u20AC\u0153quoted\u00E2\u20AC\u009D', '\u201Cquoted\u201D'],
    ['\u00E2\u20AC\u0153quoted\u00E2\u20AC\uFFFD', '\u201Cquoted\u201D'],
    ['caf\u00C3\u00A9', 'caf\u00E9'],
    ['\u00C2\u00A3100', '\u00A3100'],
    ['wait\u00E2\u20AC\u00A6', 'wait\u2026'],
    ['1987 \u00E2\u20AC\u201C 1988', '1987 \u2013 1988'],
  ]
  for (const [input, expected] of cases) assert.equal(repairMojibake(input), expected, JSON.stringify(input))
})

test('leaves real accented text and the corpus stray character alone', () => {
  for (const text of ['caf\u00E9 cr\u00E8me', 'S\u00E3o Paulo', 'Lawson \u00FC said', '\u00C3 alone', 'na\u00EFve']) {
    assert.equal(repairMojibake(text), text)
  }
})
