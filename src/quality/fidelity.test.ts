import test from 'node:test'
import assert from 'node:assert/strict'
import {checkFidelity, htmlToText} from './fidelity.js'

test('passes a rendering that keeps every word in order, whatever the markup and typography', () => {
  const cases: Array<[string, string]> = [
    ['SALVADOR, Feb 26 - Showers "continued".', '<p><span class="dateline">SALVADOR, Feb 26 –</span> Showers “continued”.</p>'],
    ['Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000', '<table><tr><th>Shr</th><td>34 cts</td><td>vs 1.19 dlrs</td></tr><tr><th>Net</th><td>807,000</td><td>vs 2,858,000</td></tr></table>'],
    ['Kim attends. (credit: KCNA VIA REUTERS)', '<figure><figcaption>Kim attends. <span class="credit">KCNA via Reuters</span></figcaption></figure>'],
    ['it\u00E2\u20AC\u2122s Plc <BP> & Co', '<p>it’s Plc <span class="ticker">&#x3C;BP></span> &#x26; Co</p>'],
    ['he said... then -- later', '<p>he said… then — later</p>'],
  ]
  for (const [source, rendered] of cases) assert.deepEqual(checkFidelity(source, rendered), {ok: true}, source)
})

test('reports the first lost, added or reordered word with context', () => {
  const lost = checkFidelity('one two three four', '<p>one two four</p>')
  assert.equal(lost.ok, false)
  assert.match(lost.firstDifference ?? '', /word 3: source has “one two \[three\] four”, rendering has “one two \[four\]”/)
  assert.equal(checkFidelity('one two', '<p>two one</p>').ok, false)
  assert.equal(checkFidelity('one two', '<p>one two three</p>').ok, false)
  assert.equal(checkFidelity('He said "yes"', '<p>He said yes</p>').ok, false, 'quotation marks count')
})

test('joins words only across text, not across tags', () => {
  assert.equal(htmlToText('<td>Shr</td><td>34</td>').replace(/\s+/g, ' ').trim(), 'Shr 34')
})
