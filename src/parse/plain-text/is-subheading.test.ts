import test from 'node:test'
import assert from 'node:assert/strict'
import {isSubheading} from './is-subheading.js'

test('reads short capitalised phrases without final punctuation as subheadings', () => {
  for (const line of ['Adding fuel to the fire', 'FEBRUARY SALES FOR MAJOR U.S. RETAILERS', 'Soybean Meal', 'Markets in 1987']) {
    assert.ok(isSubheading(line), line)
  }
})

test('rejects sentences, data lines, fragments and wire notes', () => {
  for (const line of [
    'The dry period means the temporao will be late this year.',
    'Terms were not disclosed',
    'Bild am Sonntag released the text ahead of publication',
    'He described the trip as "purely ceremonial."',
    'Shr 28 cts vs 22 cts',
    'Cons banking gp balance sheet total at year-end 453.4',
    '1,000',
    'Seed, Feed and',
    'International Monetary Fund in Washington to',
    'Operating profit includes -',
    '(SEE ECRA FOR SPOTLIGHT HEADLINES)',
    'NOTES: Share results after provision for preferred dividends',
    'lower case start',
    'This line is far too long to be a subheading because it goes on and on past seventy characters',
  ]) {
    assert.ok(!isSubheading(line), line)
  }
})
