import test from 'node:test'
import assert from 'node:assert/strict'
import {findSubjects} from './find-subjects.js'
import {tokenize} from './tokenize.js'

const subjects = (paragraphs: string[], rules = [] as Parameters<typeof findSubjects>[1]) => findSubjects(paragraphs.map(tokenize), rules)

test('built-in economic subjects need their keywords often enough', () => {
  assert.deepEqual(subjects(['Shr profit three cts vs loss three cts', 'Revs 4,001,000 vs 4,347,000']), [{name: 'Earnings', hits: 3}])
  assert.deepEqual(subjects(['Crude oil prices rose as OPEC cut output.']), [{name: 'Crude oil', hits: 2}])
  assert.deepEqual(subjects(['Crude was quiet.']), [])
  assert.deepEqual(subjects(['The money supply grew.']), [{name: 'Money supply', hits: 1}])
})

test("the topics file's subjects are added, and replace a built-in one of the same name", () => {
  const rules = [{name: 'Missiles', keywords: ['missile', 'cruise missiles'], min: 1}, {name: 'crude OIL', keywords: ['brent'], min: 1}]
  assert.deepEqual(subjects(['Cruise missiles and Brent crude, crude oil.'], rules), [{name: 'Missiles', hits: 1}, {name: 'crude OIL', hits: 1}])
})

test('a keyword in the lead counts twice, so a short story about one deal is about acquisitions', () => {
  const lead = (paragraphs: string[]) => findSubjects(paragraphs.map(tokenize), [], 1)
  assert.deepEqual(lead(['Alpha Widgets Inc said it acquired Beta Tools Inc, a maker of drills.', 'Terms were not disclosed.']), [{name: 'Acquisitions', hits: 2}])
  // The same word further down is one mention in passing.
  assert.deepEqual(lead(['Alpha Widgets Inc opened a plant in Ohio.', 'It acquired the site last year.']), [])
})

test('commodity tenders and purchases are not acquisitions', () => {
  assert.deepEqual(subjects(['The government will hold a tender next week for 20,000 tonnes of sugar, dealers said.', 'The purchase is for shipment in June.']), [])
})

test('amounts in a currency are no currency news; the currency markets are', () => {
  assert.deepEqual(subjects(['The company expects a profit of 300 billion yen, on sales of 500 billion yen, against 480 billion yen.']), [])
  assert.deepEqual(subjects(['The dollar fell against the yen and the mark as currency dealers sold.']), [{name: 'Currencies', hits: 4}])
})

test('profits, an operating loss and a net gain are earnings words', () => {
  assert.deepEqual(subjects(['The maker said its profits would fall this year after an operating loss in its largest unit.']), [{name: 'Earnings', hits: 2}])
  assert.deepEqual(subjects(['It will report a net gain on the sale, lifting profit for the quarter.']), [{name: 'Earnings', hits: 2}])
})
