import assert from 'node:assert/strict'
import {test} from 'node:test'
import slugifyText from '@sindresorhus/slugify'
import fc from 'fast-check'
import {readCorpus} from '../../test/helpers/corpus.js'
import {slugify} from './slug.js'

const bySlugify = (text: string): string => slugifyText(text, {decamelize: false})

/** Text, mostly ASCII, rich in what the steps treat apart: `&`, diacritics, apostrophes before `s` and `t`, separators. */
const trickyText = fc.string({unit: fc.constantFrom('a', 'S', 't', 's', '9', "'", '&', '^', '`', '-', '_', ' ', '\\', '.', '\t', 'É', 'ß'), maxLength: 30})

test('makes URL segments of titles', () => {
  assert.equal(slugify("Reagan's plan & the Fed: U.S. rates rise"), 'reagans-plan-and-the-fed-u-s-rates-rise')
  assert.equal(slugify('Élections 2024'), 'elections-2024')
  assert.equal(slugify('--- ^`^ ---'), '')
})

test('agrees with @sindresorhus/slugify on any ASCII text, and on any text', () => {
  fc.assert(
    fc.property(fc.oneof(trickyText, fc.string({unit: 'binary-ascii', maxLength: 30}), fc.string({unit: 'grapheme', maxLength: 20})), (text) => {
      assert.equal(slugify(text), bySlugify(text))
    }),
    {numRuns: 5000},
  )
})

test('agrees with @sindresorhus/slugify on the first lines of real articles', () => {
  for (const {text} of readCorpus(2000)) {
    const line = text.slice(17, 140)
    assert.equal(slugify(line), bySlugify(line))
  }
})
