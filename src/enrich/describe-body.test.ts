import test from 'node:test'
import assert from 'node:assert/strict'
import {plainTextToMdast} from '../parse/plain-text/plain-text-to-mdast.js'
import {describeBody} from './describe-body.js'

const describeSeed = (text: string) => describeBody(plainTextToMdast(text, text.indexOf('date') + 16).tree)

test('the lead is the first prose paragraph, without its dateline', () => {
  const body = describeSeed(' date 1987-02-26 SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone.\n\nThe crop is late.')
  assert.equal(body.lead, 'Showers continued throughout the week in the Bahia cocoa zone.')
  assert.deepEqual(body.paragraphs.length, 2)
})

test('stray wire text before a dateline stays on the page but out of the lead', () => {
  const body = describeSeed(' date 1987-03-09 c CHICAGO, March 9 - Acme Products Co Inc said it completed the sale of its beauty schools.')
  assert.equal(body.lead, 'Acme Products Co Inc said it completed the sale of its beauty schools.')
})

test('a story that opens with a table takes its lead from the first row', () => {
  const body = describeSeed(' date 1987-02-26 NEW YORK, Feb 26 -\n\nShr 28 cts vs 22 cts\n\nNet 1,000,000 vs 900,000\n\nRevs 12.3 mln vs 11.1 mln')
  assert.match(body.lead, /^Shr 28 cts/)
})

test('a table before the first prose paragraph is the lead: a note after it is not', () => {
  // Corpus 00010: an earnings table, then `Note: 4th qtr not available…`.
  const body = describeSeed(
    ' date 1987-02-26 SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nAssets 510.2 mln vs 479.7 mln\n\nNote: 4th qtr not available. Year includes 1985 extraordinary gain.',
  )
  assert.equal(body.lead, 'Shr 34 cts vs 1.19 dlrs; Net 807,000 vs 2,858,000')
  assert.ok(body.paragraphs.some((paragraph) => paragraph.startsWith('Note:')), 'the note is still a paragraph')
})

test('a figures lead stops at headline length and at the next section', () => {
  const long = describeSeed(' date 1987-03-02 NEW YORK, March 2 -\n\nQtly div 55 cts vs 55 cts prior\n\nPay April 15\n\nRecord April 1')
  assert.equal(long.lead, 'Qtly div 55 cts vs 55 cts prior; Pay April 15')
  const sectioned = describeSeed(' date 1987-03-02 NEW YORK, March 2 -\n\nShr 10 cts vs 14 cts\n\nSix mths\n\nShr 30 cts vs 39 cts\n\nNet 1,532,431 vs 2,000,732')
  assert.equal(sectioned.lead, 'Shr 10 cts vs 14 cts')
})

test('collects subheadings and figures with their credits', () => {
  const body = describeSeed(
    ' date 2024-11-18 The United States said on Monday it was Russia.\n\nAdding fuel to the fire\n\n"It has been Russia," Miller said. North Korean leader Kim Jong Un attends a meeting in Pyongyang, North Korea, in this undated photo released July 2, 2024. (credit: KCNA VIA REUTERS)',
  )
  assert.deepEqual(body.subheadings, ['Adding fuel to the fire'])
  assert.equal(body.figures.length, 1)
  assert.equal(body.figures[0]?.credit, 'KCNA via Reuters')
  assert.match(body.figures[0]?.caption ?? '', /^North Korean leader Kim Jong Un attends/)
})
