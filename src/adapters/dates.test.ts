import assert from 'node:assert/strict'
import {test} from 'node:test'
import dayjs from 'dayjs'
import {daysInMonth, isCalendarDate, suggestIsoDate} from './dates.js'

const calendar = [
  {text: '2024-03-01', valid: true},
  {text: '2024-02-29', valid: true},
  {text: '2000-02-29', valid: true},
  {text: '1900-02-29', valid: false},
  {text: '2023-02-29', valid: false},
  {text: '2024-02-30', valid: false},
  {text: '2024-04-31', valid: false},
  {text: '2024-13-01', valid: false},
  {text: '2024-00-10', valid: false},
  {text: '2024-01-00', valid: false},
  {text: '2024-3-1', valid: false},
  {text: '2024-03-01T00:00', valid: false},
  {text: ' 2024-03-01', valid: false},
  {text: '18 Nov 2024', valid: false},
] as const

for (const example of calendar) {
  test(`isCalendarDate(${JSON.stringify(example.text)}) is ${example.valid}`, () => {
    assert.equal(isCalendarDate(example.text), example.valid)
  })
}

const suggestions = [
  {text: '18 Nov 2024', expected: '2024-11-18'},
  {text: '18 November 2024', expected: '2024-11-18'},
  {text: 'Nov 18, 2024', expected: '2024-11-18'},
  {text: 'November 18, 2024', expected: '2024-11-18'},
  {text: '2024/11/18', expected: '2024-11-18'},
  {text: '2024.11.18', expected: '2024-11-18'},
  {text: '11/18/2024', expected: undefined},
  {text: '30 Feb 2024', expected: undefined},
  {text: 'yes', expected: undefined},
] as const

for (const example of suggestions) {
  test(`suggestIsoDate(${JSON.stringify(example.text)}) is ${String(example.expected)}`, () => {
    assert.equal(suggestIsoDate(example.text), example.expected)
  })
}

test('daysInMonth knows leap years', () => {
  assert.deepEqual(['2024-02', '2023-02', '1900-02', '2000-02', '2024-04', '2024-12-31'].map(daysInMonth), [29, 28, 28, 29, 30, 31])
})

test('isCalendarDate and daysInMonth agree with dayjs strict parsing on every day of 1000–2100, and on days that do not exist', () => {
  const day = (year: number, month: number, date: number): string => `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`
  for (let year = 1000; year <= 2100; year++) {
    for (let month = 0; month <= 13; month++) {
      for (const date of [0, 1, 28, 29, 30, 31, 32]) {
        const text = day(year, month, date)
        assert.equal(isCalendarDate(text), dayjs.utc(text, 'YYYY-MM-DD', true).isValid(), text)
      }
      if (month >= 1 && month <= 12) assert.equal(daysInMonth(day(year, month, 1)), dayjs.utc(day(year, month, 1), 'YYYY-MM-DD', true).daysInMonth(), day(year, month, 1))
    }
  }
})
