import test from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {markdownToHtml} from '../../adapters/markdown.js'
import {checkFidelity} from '../../quality/fidelity.js'
import {plainTextToMdast} from './plain-text-to-mdast.js'

/** Pieces of wire copy, chosen to trigger every structure the parser knows. */
const pieces = [
  'Shr', '28', 'cts', 'vs', '22', 'Net', '1,000', 'mln', 'Revs', '12.3', 'Year', 'Six mths', 'Pay', 'April', 'Seven',
  'The', 'company', 'said', 'it', 'would', 'sell', 'Adding fuel to the fire', 'TOKYO -', 'BAHIA BLANCA, Feb 26 -',
  '(credit: KCNA VIA REUTERS)', 'REUTERS/Jane Doe', '(Photo: AFP)', 'attends', 'July 2, 2024.', '<BP>', '<Reuters>',
  '--', '-', '...', '"', "'", 'U.S.', 'Gov.', 'MORE', 'Reuter', 'By Jane Smith', 'SOYBEANS', '*', '#', '1999.',
  'â€™', 'Ã©', 'nil', '--', 'n.a.', '   ', '\t', '.', ',', ':', ';', '(', ')', '?', '!', 'ü', '^M',
]
const separators = [' ', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\n \n']

test('for any mix of wire-copy pieces, the rendering keeps every word in order', () => {
  const body = fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), {minLength: 1, maxLength: 60})
    .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''))
  fc.assert(
    fc.property(body, (text) => {
      const seed = ` date 2024-01-01 ${text}`
      const result = checkFidelity(text, markdownToHtml(plainTextToMdast(seed, 17).tree))
      assert.ok(result.ok, `${JSON.stringify(text)}: ${result.firstDifference ?? ''}`)
    }),
    {numRuns: 400},
  )
})
