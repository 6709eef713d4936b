import test from 'node:test'
import assert from 'node:assert/strict'
import {calendarWeeks, monthsBetween} from './months.js'

test('lists every month between two months, across year ends', () => {
  const cases: [string, string, string[]][] = [
    ['1987-02', '1987-04', ['1987-02', '1987-03', '1987-04']],
    ['1987-11', '1988-02', ['1987-11', '1987-12', '1988-01', '1988-02']],
    ['2024-11', '2024-11', ['2024-11']],
    ['2024-11', '2024-10', []],
  ]
  for (const [first, last, expected] of cases) assert.deepEqual(monthsBetween(first, last), expected, `${first}..${last}`)
})

test('lays out a month Monday first, padding the first and last week', () => {
  // November 2024 starts on a Friday (weekday 5) and has 30 days.
  const weeks = calendarWeeks('2024-11', 30, 5)
  assert.equal(weeks.length, 5)
  assert.deepEqual(weeks[0], [null, null, null, null, '2024-11-01', '2024-11-02', '2024-11-03'])
  assert.equal(weeks[2]?.[0], '2024-11-11')
  assert.deepEqual(weeks[4], ['2024-11-25', '2024-11-26', '2024-11-27', '2024-11-28', '2024-11-29', '2024-11-30', null])
})

test('a month starting on Sunday puts the 1st last in the first week; February 2021 fits in four weeks', () => {
  assert.deepEqual(calendarWeeks('1987-03', 31, 0)[0], [null, null, null, null, null, null, '1987-03-01'])
  assert.equal(calendarWeeks('1987-03', 31, 0).length, 6)
  assert.equal(calendarWeeks('2021-02', 28, 1).length, 4)
})
