import test from 'node:test'
import assert from 'node:assert/strict'
import {calendarChart, type CalendarLabels} from './calendar.js'

const labels: CalendarLabels = {
  tooltip: (day, count) => `${day}: ${count}`,
  weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
  level: (count) => (count === 0 ? 0 : count < 10 ? 1 : 4),
}
const november2024 = {month: '2024-11', days: 30, firstWeekday: 5}
const counts = new Map([
  ['2024-11-18', {count: 12, href: '/2024/11/18/'}],
  ['2024-11-01', {count: 1, href: '/2024/11/01/'}],
])

test('every day of the month gets a cell; only days with articles link to their page', () => {
  const svg = calendarChart(november2024, counts, labels, 'small')
  assert.equal(svg.match(/class="day heat-/g)?.length, 30)
  assert.deepEqual([...svg.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]), ['/2024/11/01/', '/2024/11/18/'])
  assert.match(svg, /class="day heat-4"/)
  assert.match(svg, /class="day heat-1"/)
  assert.match(svg, /<title>2024-11-18: 12<\/title>/)
})

test('days sit in their weekday column, Monday first', () => {
  const svg = calendarChart(november2024, counts, labels, 'small')
  // The 1st is a Friday: the fifth column (index 4); the 18th is a Monday: the first column.
  const cell = (day: string) => new RegExp(`<a href="/2024/11/${day}/" tabindex="-1"><rect x="([\\d.]+)" y="([\\d.]+)"`).exec(svg)
  assert.equal(Number(cell('01')?.[1]), 4 * 17)
  assert.equal(Number(cell('18')?.[1]), 0)
  assert.equal(Number(cell('18')?.[2]), 3 * 17)
})

test('the large calendar shows weekday names, day numbers and counts', () => {
  const svg = calendarChart(november2024, counts, labels, 'large')
  for (const name of labels.weekdays) assert.match(svg, new RegExp(`>${name}</text>`))
  assert.match(svg, /class="day-number on-heat-4">18<\/text>/)
  assert.match(svg, /class="day-count on-heat-4">12<\/text>/)
  assert.match(svg, /class="day-number on-heat-0">30<\/text>/)
  assert.match(svg, /viewBox="0 0 332 258"/, '7 columns of 44 + 6 gaps; a header and 5 weeks')
})
