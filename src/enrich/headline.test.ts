import test from 'node:test'
import assert from 'node:assert/strict'
import {deriveHeadline, toSentenceCase} from './headline.js'

const dangling = /(?:\b(?:and|of|the|a|to|in)|,)$/i

test('derives a 40–90 character headline from the lead, starting with its subject', () => {
  const cases: Array<[string, string]> = [
    [
      'SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming temporao, although normal humidity levels have not been restored, Comissaria Smith said in its weekly review.',
      'Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought',
    ],
    [
      'CLEVELAND, Feb 26 - Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money market borrowing and investment activities of both companies.',
      'Standard Oil Co and BP North America Inc said they plan to form a venture',
    ],
    [
      'The United States said on Monday it was Russia that is escalating the conflict in Ukraine by deploying North Korean troops, after the Kremlin warned that Washington would deepen its involvement.',
      'The United States said on Monday it was Russia that is escalating the conflict in Ukraine',
    ],
    ['LONDON, March 3 - <Underwoods Plc> said it had not been possible to agree terms on a bid.', 'Underwoods Plc said it had not been possible to agree terms on a bid'],
    ['TOKYO - The Bank of Japan intervened in the market.', 'The Bank of Japan intervened in the market'],
  ]
  for (const [lead, expected] of cases) {
    const headline = deriveHeadline(lead)
    assert.equal(headline, expected)
    assert.ok(headline.length <= 90, headline)
    assert.doesNotMatch(headline, dangling)
  }
})

test('never cuts inside a word or after a dangling word, even without clause breaks', () => {
  const lead =
    'Hamburgische Landesbank Girozentrale is issuing a fifty million Canadian dollar issue due in the year nineteen ninety carrying a coupon of eight and a quarter'
  const headline = deriveHeadline(lead)
  assert.ok(headline.length >= 40 && headline.length <= 90, headline)
  assert.ok(lead.startsWith(headline), headline)
  assert.ok(lead[headline.length] === ' ', 'cut at a word boundary')
  assert.doesNotMatch(headline, dangling)
})

test('never ends on `so`, `nearly` or the `up` of `up to` an amount', () => {
  const leads = [
    'The Finance Ministry is trying to remove technical obstacles so as to encourage purchases of its bills by foreign central banks.',
    'Lodgeware Inc said its board authorized a program for the company to purchase up to 500,000 of its common shares.',
    'Grain exports from the northern ports rose last week to nearly 1.2 mln tonnes from about 900,000 tonnes a week earlier.',
  ]
  for (const lead of leads) {
    const headline = deriveHeadline(lead)
    assert.ok(headline.length >= 40 && headline.length <= 90, headline)
    assert.doesNotMatch(headline, /\b(?:so|nearly|up)$/, headline)
  }
  assert.equal(deriveHeadline('The finance minister said a committee of senior officials will be set up to examine the tax code.'), 'The finance minister said a committee of senior officials will be set up')
})

test('an abbreviated first name or state does not end the first sentence', () => {
  // Corpus 12009, 05571 and 15949.
  assert.equal(deriveHeadline('Wm. Wrigley Jr. Co said it raised the wholesale price for seven-stick packages of its brands.'), 'Wm. Wrigley Jr. Co said it raised the wholesale price for seven-stick packages')
  assert.match(deriveHeadline('Adm. John Poindexter refused to testify before a House committee on Tuesday.'), /^Adm\. John Poindexter refused to testify/)
  assert.match(deriveHeadline('Intel Corp of Santa Clara, Calif. Said it would cut prices on its chips by a third.'), /^Intel Corp of Santa Clara, Calif\. Said/)
})

test('keeps a short lead whole and strips the dateline dash left by the parser', () => {
  assert.equal(deriveHeadline('Shr 34 cts vs 1.19 dlrs'), 'Shr 34 cts vs 1.19 dlrs')
  assert.equal(deriveHeadline('\u2013 The dry period means the temporao will be late this year.'), 'The dry period means the temporao will be late this year')
  assert.equal(deriveHeadline('SANTA CRUZ, Calif., Feb 26 -\n\nNet 807,000 vs 2,858,000'), 'Net 807,000 vs 2,858,000')
  assert.equal(deriveHeadline(''), '')
})

test('sentence-cases an all-capitals lead, keeping acronyms', () => {
  assert.equal(deriveHeadline('U.S. GRAIN ANALYSTS SEE LOWER CORN ACREAGE IN USDA REPORT'), 'U.S. grain analysts see lower corn acreage in USDA report')
  assert.equal(toSentenceCase('OPEC AND THE EC AGREE ON GNP FIGURES FOR MARCH'), 'OPEC and the EC agree on GNP figures for March')
  assert.equal(deriveHeadline('venezuela is seeking a constructive attitude from its creditors.'), 'Venezuela is seeking a constructive attitude from its creditors')
})
