import test from 'node:test'
import assert from 'node:assert/strict'
import {curlQuotes, typeset} from './typeset.js'

test('typesets quotes, dashes and ellipses without changing a word', () => {
  const cases: Array<[string, string]> = [
    ['the US "will always adapt"', 'the US \u201Cwill always adapt\u201D'],
    ["Kyiv's forces", 'Kyiv\u2019s forces'],
    ["a 'constructive and flexible' attitude", 'a \u2018constructive and flexible\u2019 attitude'],
    ["since '87", 'since \u201987'],
    ['Feb 26 - Showers', 'Feb 26 \u2013 Showers'],
    ['stores -- including its first', 'stores \u2014 including its first'],
    ['price--and', 'price\u2014and'],
    ['financial flows.....In order', 'financial flows.....In order'],
    ['he said... then', 'he said\u2026 then'],
    ['15-20 mln dlrs, 1,000', '15-20 mln dlrs, 1,000'],
  ]
  for (const [input, expected] of cases) assert.equal(typeset(input), expected, input)
})

test('makes one full stop of two typed at the end of a sentence, and leaves other runs of dots alone', () => {
  const cases: Array<[string, string]> = [
    ['near Winnemucca, Nev..', 'near Winnemucca, Nev.'],
    ['has told parliament.. He said', 'has told parliament. He said'],
    ['the U.S..\nIt said', 'the U.S.\nIt said'],
    ['a rise (of 2 pct).. Analysts', 'a rise (of 2 pct). Analysts'],
    ['named C..Joseph LaBonte', 'named C..Joseph LaBonte'],
    ['Association..<ICGS.L>', 'Association..<ICGS.L>'],
    ['rates .. Must, I suggest', 'rates .. Must, I suggest'],
    ['page 4.. and', 'page 4. and'],
    ['flows.....In order', 'flows.....In order'],
  ]
  for (const [input, expected] of cases) assert.equal(typeset(input), expected, input)
  assert.equal(typeset('told parliament..', '', ' He'), 'told parliament.', 'the end of a piece looks at what follows it')
  assert.equal(typeset('named C..', '', 'Joseph'), 'named C..')
})

test('leaves table dashes alone: a lone `--` or `- -` is not a dash between words', () => {
  assert.equal(typeset('Wheat   4.65     --'), 'Wheat   4.65     --')
  assert.equal(typeset('MAR8 -- -- MINNEAPOLIS'), 'MAR8 -- -- MINNEAPOLIS')
  assert.equal(typeset('- Position of APR 6'), '- Position of APR 6')
})

test('curls a quote at the edge of a piece by the characters around it', () => {
  assert.equal(curlQuotes('"', ' ', 'W'), '\u201C')
  assert.equal(curlQuotes('"', '.', ' '), '\u201D')
  assert.equal(curlQuotes('"It', '', ''), '\u201CIt')
})

test('repairs mojibake before curling', () => {
  assert.equal(typeset('Russia\u00E2\u20AC\u2122s'), 'Russia\u2019s')
})
