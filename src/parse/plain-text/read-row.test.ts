import test from 'node:test'
import assert from 'node:assert/strict'
import {isLabelLine, isPeriodLabel, readRow} from './read-row.js'

/** The row's kind and cell texts, or `undefined`. */
function cells(line: string): [string, string[]] | undefined {
  const row = readRow(line)
  return row && [row.kind, row.cells.map(([start, end]) => line.slice(start, end))]
}

test('reads wire figures as rows of cells', () => {
  const cases: Array<[string, string, string[]]> = [
    ['Shr 28 cts vs 22 cts', 'versus', ['Shr', '28 cts', 'vs 22 cts']],
    ['Net 1,000 vs 900', 'versus', ['Net', '1,000', 'vs 900']],
    ['Revs 12.3 mln vs 11.1 mln', 'versus', ['Revs', '12.3 mln', 'vs 11.1 mln']],
    ['Shr loss 30 cts vs profit 12 cts', 'versus', ['Shr', 'loss 30 cts', 'vs profit 12 cts']],
    ['Qtly div five cts vs five cts prior', 'versus', ['Qtly div', 'five cts', 'vs five cts prior']],
    ['Pay April 30', 'pair', ['Pay', 'April 30']],
    ['Record April Seven', 'pair', ['Record', 'April Seven']],
    ['SEARS             4.9      1.8 BILL   1.8 BILL', 'grid', ['SEARS', '4.9', '1.8 BILL', '1.8 BILL']],
    ['Corn 1,001,900    927,000', 'grid', ['Corn', '1,001,900', '927,000']],
    ['MAY7 284 1/2            UP      1', 'grid', ['MAY7', '284 1/2', 'UP', '1']],
    ['Year', 'section', ['Year']],
    ['Six mths', 'section', ['Six mths']],
    ['Qtr ended Jan 31', 'section', ['Qtr ended Jan 31']],
    ['LORD ABBETT U.S. GOVERNMENT SECURITIES FUND', 'section', ['LORD ABBETT U.S. GOVERNMENT SECURITIES FUND']],
  ]
  for (const [line, kind, texts] of cases) assert.deepEqual(cells(line), [kind, texts], line)
})

test('leaves sentences and prose as prose', () => {
  for (const line of [
    'The dry period means the temporao will be late this year.',
    'Terms were not disclosed',
    'Profits rose to 12 mln dlrs vs 10 mln dlrs a year earlier, the company said.',
    'The company said it will report results.  The stock rose.',
    'Adding fuel to the fire',
    'NOTE: Excludes gain of 73,000 dlrs vs 290,000 dlrs from benefit of tax loss carryforward.',
    '1,000',
  ]) {
    assert.equal(readRow(line), undefined, line)
  }
})

test('knows period labels and row labels', () => {
  assert.ok(isPeriodLabel('Nine mths'))
  assert.ok(isPeriodLabel('Jan 31 end'))
  assert.ok(!isPeriodLabel('Adding fuel to the fire'))
  assert.ok(isLabelLine('HRW wheat'))
  assert.ok(!isLabelLine('250 mln'))
  assert.ok(!isLabelLine('Terms were not disclosed'))
})
