import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {readCorpus} from '../../test/helpers/corpus.js'
import {countWords} from './count-words.js'

/** What `countWords` must agree with: the number of matches of the pattern it documents. */
const byPattern = (text: string): number => text.match(/[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu)?.length ?? 0

/** Text rich in what decides a count: joiners, letters beyond ASCII and the BMP, lone surrogates, marks. */
const trickyText = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', '-', "'", '’', '.', ',', ' ', '\n', 'é', 'ß', 'Ж', '中', '٣', '𝐀', '😀', '\u0301', '\ud835', '\udc00', '_', '&'),
  maxLength: 40,
})

test('counts words, keeping numbers and hyphenated names whole', () => {
  assert.equal(countWords('Thomas-Greenfield marked 1,000 days.'), 4)
  assert.equal(countWords("rock'n'roll, 3.5 mln -- the end"), 5)
  assert.equal(countWords('São Paulo 東京 𝐀𝐁'), 4)
  assert.equal(countWords(''), 0)
  assert.equal(countWords(' -- ,. '), 0)
})

test('agrees with the pattern on any text', () => {
  fc.assert(
    fc.property(fc.oneof(trickyText, fc.string({unit: 'binary', maxLength: 40})), (text) => {
      assert.equal(countWords(text), byPattern(text))
    }),
    {numRuns: 5000},
  )
})

test('agrees with the pattern on real articles', () => {
  for (const {text} of readCorpus(2000)) assert.equal(countWords(text), byPattern(text))
})
