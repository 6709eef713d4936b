import test from 'node:test'
import assert from 'node:assert/strict'
import {readWireMarker} from './read-wire-marker.js'

test('recognises wire furniture by its text and place', () => {
  const cases: Array<[string, number, number, string | undefined]> = [
    ['MORE', 3, 4, 'continued'],
    ['more', 3, 7, 'continued'],
    ['Reuter', 4, 5, 'signoff'],
    ['REUTER11:43/VB', 4, 5, 'signoff'],
    ['(Reporting by Jane Doe; Editing by John Smith)', 9, 10, 'signoff'],
    ['By Jane Smith, Reuters', 0, 5, 'byline'],
    ['U.S. GRAIN ANALYSTS SEE LOWER CORN ACREAGE', 0, 3, 'wire-headline'],
  ]
  for (const [value, index, count, expected] of cases) assert.equal(readWireMarker(value, index, count), expected, value)
})

test('does not mistake story text for furniture', () => {
  const cases: Array<[string, number, number]> = [
    ['By region, Britain contributed 34 mln stg vs 47 mln', 1, 5],
    ['More than 200 people were hurt.', 2, 5],
    ['Reuter Inc is a spindle maker.', 4, 5],
    ['Reuter', 1, 5],
    ['U.S. GRAIN ANALYSTS SEE LOWER CORN ACREAGE', 0, 1],
    ['MATURITY   NEW RATE  OLD RATE  MATURITY', 0, 5],
    ['APRIL 11 - ISRAEL INTRODUCES SUMMER TIME.', 0, 2],
  ]
  for (const [value, index, count] of cases) assert.equal(readWireMarker(value, index, count), undefined, value)
})
