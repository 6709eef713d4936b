import assert from 'node:assert/strict'
import {test} from 'node:test'
import slugifyText from '@sindresorhus/slugify'
import fc from 'fast-check'
import {readCorpus} from '../../test/helpers/corpus.js'
import {asciiSlug, slugify} from './slug.js'

const bySlugify = (text: string): string => slugifyText(text, {decamelize: false})

/** ASCII rich in what the library's steps treat apart: `&`, diacritics, apostrophes before `s` and `t`, separators. */
const trickyAscii = fc.string({unit: fc.constantFrom('a', 'S', 't', 's', '9', "'", '&', '^', '`', '-', '_', ' ', '\\', '.', '\t', '\0'), maxLength: 30})

test('makes URL segments of titles', () => {
  assert.equal(slugify("Reagan's plan & the Fed: U.S. rates rise"), 'reagans-plan-and-the-fed-u-s-rates-rise')
  assert.equal(slugify('Élections 2024'), 'elections-2024')
  assert.equal(slugify('--- ^`^ ---'), '')
})

test('the ASCII path agrees with @sindresorhus/slugify on any ASCII text', () => {
  fc.assert(
    fc.property(fc.oneof(trickyAscii, fc.string({unit: 'binary-ascii', maxLength: 30})), (text) => {
      assert.equal(asciiSlug(text), bySlugify(text))
    }),
    {numRuns: 5000},
  )
})

test('slugify agrees with @sindresorhus/slugify on any text', () => {
  fc.assert(
    fc.property(fc.oneof(trickyAscii, fc.string({unit: 'grapheme', maxLength: 20})), (text) => {
      assert.equal(slugify(text), bySlugify(text))
    }),
    {numRuns: 1000},
  )
})

test('agrees with @sindresorhus/slugify on the first lines of real articles', () => {
  for (const {text} of readCorpus(2000)) {
    const line = text.slice(17, 140)
    assert.equal(slugify(line), bySlugify(line))
  }
})
