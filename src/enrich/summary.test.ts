import test from 'node:test'
import assert from 'node:assert/strict'
import {deriveSummary, leadText, splitSentences, stripDateline} from './summary.js'

test('takes one or two whole sentences of the lead, at most about 200 characters', () => {
  assert.equal(
    deriveSummary('HOUSTON, Feb 26 - The bank said it filed an application. The network would link 31 banks. It would be the largest.'),
    'The bank said it filed an application. The network would link 31 banks.',
  )
  const long =
    'Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming temporao, although normal humidity levels have not been restored, Comissaria Smith said in its weekly review.'
  const summary = deriveSummary(`SALVADOR, Feb 26 - ${long} The dry period means the temporao will be late this year.`)
  assert.ok(summary.length <= 200, summary)
  assert.ok(summary.endsWith('\u2026'), summary)
  assert.ok(long.startsWith(summary.slice(0, -1)), 'a prefix of the first sentence, cut at a word')
  assert.equal(long[summary.length - 1], ' ')
})

test('does not end a sentence at an abbreviation, initial or initialism', () => {
  assert.deepEqual(splitSentences('U.S. Agriculture Secretary Richard E. Lyng met Gov. Smith. They talked.'), [
    'U.S. Agriculture Secretary Richard E. Lyng met Gov. Smith.',
    'They talked.',
  ])
  assert.deepEqual(splitSentences('"We have nothing to lose." A union leader said so.'), ['"We have nothing to lose."', 'A union leader said so.'])
})

test('strips datelines, but not text that only looks like one', () => {
  const cases: Array<[string, string]> = [
    ['BAHIA BLANCA, Feb 26 - Wheat', 'Wheat'],
    ['PORTLAND, Ore., Feb 26 - Red Lion', 'Red Lion'],
    ['TOKYO - The Bank', 'The Bank'],
    ['KYIV, Nov 18 (Reuters) \u2013 Ukraine', 'Ukraine'],
    ['\u2013 Showers continued', 'Showers continued'],
    ['Federal Express Corp - New York', 'Federal Express Corp - New York'],
    ['The price rose 15-20 pct - a record.', 'The price rose 15-20 pct - a record.'],
  ]
  for (const [text, expected] of cases) assert.equal(stripDateline(text), expected, text)
})

test('leaves ticker symbols and stray spaces before punctuation out of the lead, and keeps one full stop where one stood on each side', () => {
  const cases: Array<[string, string]> = [
    ['LONDON, March 2 - SHV said it made an offer for shares in Imperial Continental Gas Association.<ICGS.L>.', 'SHV said it made an offer for shares in Imperial Continental Gas Association.'],
    ['NEW YORK, March 2 - Exco Corp. <EXC>. said it sold a unit.', 'Exco Corp. said it sold a unit.'],
    ['TOKYO - British Petroleum Co PLC <BP> said output rose.', 'British Petroleum Co PLC said output rose.'],
    ['PARIS - Total Corp.<TOT> said profit rose.', 'Total Corp. said profit rose.'],
    ['ST HELIER, Jersey, March 12 - Guinness Plc <GUIN.L> , the brewing group, said.', 'Guinness Plc, the brewing group, said.'],
    ['LONDON - Westminster PLC <NWBL.L> and RABOBANK B.A. <RABN.A> , said profit rose.', 'Westminster PLC and RABOBANK B.A., said profit rose.'],
    ['LONDON - Guinness Plc <GUIN.L> which brews said.', 'Guinness Plc which brews said.'],
    ['WASHINGTON - The company has received a contract, the Navy said .', 'The company has received a contract, the Navy said.'],
    ['LONDON - The International Coffee Organization (ICO ) council talks , on quotas, rose .5 pct ... then', 'The International Coffee Organization (ICO) council talks, on quotas, rose .5 pct ... then'],
    ['LONDON - The ( new ) council met.', 'The (new) council met.'],
    ['PARIS - <Exco International Plc> said it gained.', 'Exco International Plc said it gained.'],
  ]
  for (const [lead, expected] of cases) assert.equal(leadText(lead), expected, lead)
})
