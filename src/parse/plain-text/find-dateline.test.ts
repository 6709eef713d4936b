import test from 'node:test'
import assert from 'node:assert/strict'
import {findDateline} from './find-dateline.js'

/** The dateline's text and place, and where the story starts, or `undefined`. */
function read(value: string): {text: string; place: string; rest: string} | undefined {
  const match = findDateline(value)
  if (!match) return undefined
  return {text: value.slice(match.start, match.textEnd), place: value.slice(match.start, match.placeEnd), rest: value.slice(match.end)}
}

test('finds regular and irregular wire datelines', () => {
  const cases: Array<[string, string, string, string]> = [
    ['SALVADOR, Feb 26 - Showers continued', 'SALVADOR, Feb 26', 'SALVADOR', 'Showers continued'],
    ['BAHIA BLANCA, Feb 26 - Wheat', 'BAHIA BLANCA, Feb 26', 'BAHIA BLANCA', 'Wheat'],
    ['PORTLAND, Ore., Feb 26 - Red Lion', 'PORTLAND, Ore., Feb 26', 'PORTLAND, Ore.', 'Red Lion'],
    ['TOKYO - The Bank of Japan intervened', 'TOKYO', 'TOKYO', 'The Bank of Japan intervened'],
    ['BELGRADE, March 2O - The government', 'BELGRADE, March 2O', 'BELGRADE', 'The government'],
    ['MONTREAL, Feb 26- Shr 1.11 dlrs', 'MONTREAL, Feb 26', 'MONTREAL', 'Shr 1.11 dlrs'],
    ['WASHINGTON, March 12, Reuter - A U.S. judge', 'WASHINGTON, March 12, Reuter', 'WASHINGTON', 'A U.S. judge'],
    ['CHEVY CHASE, Md., - March 4 - Geico Corp', 'CHEVY CHASE, Md., - March 4', 'CHEVY CHASE, Md.', 'Geico Corp'],
    ['AMSTERDAM, 2 March - The Dutch', 'AMSTERDAM, 2 March', 'AMSTERDAM', 'The Dutch'],
    ['ATLANTA , March 3 - National Data', 'ATLANTA , March 3', 'ATLANTA', 'National Data'],
    ['peoria, april 7 - barrow and gilt prices', 'peoria, april 7', 'peoria', 'barrow and gilt prices'],
    ['****SANTO DOMINGO, March 4 - The Dominican', 'SANTO DOMINGO, March 4', 'SANTO DOMINGO', 'The Dominican'],
    ['KYIV, Nov 18 (Reuters) - Ukraine', 'KYIV, Nov 18 (Reuters)', 'KYIV', 'Ukraine'],
    ['Washington (Reuters) \u2014 The', 'Washington (Reuters)', 'Washington', 'The'],
  ]
  for (const [input, text, place, rest] of cases) assert.deepEqual(read(input), {text, place, rest}, input)
})

test('does not mistake lines that only look like datelines', () => {
  for (const input of [
    'Federal Express Corp - New York',
    'Wilcox/Gibbs - New York',
    'WHEAT - No Two Soft Red Winter',
    'COPPER GRADE A - 2650 tonnes mainly',
    'TUE, APR 07 - INDIA, BOMBAY/DELHI (RAMANAVMI).',
    'As of April 7 - in bushels',
    'The United States said on Monday it was Russia that is escalating',
    'us 7.8015 - 7.8035',
    '- Position of APR 6 - May 6765',
  ]) {
    assert.equal(findDateline(input), undefined, input)
  }
})

test('looks only at the start of a very long paragraph', () => {
  const long = 'word '.repeat(200_000) + 'TOKYO - late'
  const started = process.cpuUsage()
  assert.equal(findDateline(long), undefined)
  assert.ok(process.cpuUsage(started).user < 50_000, 'under 50 ms of CPU')
})
