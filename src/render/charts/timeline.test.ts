import test from 'node:test'
import assert from 'node:assert/strict'
import {timelineChart, type TimelineLabels} from './timeline.js'

const labels: TimelineLabels = {
  tooltip: (month, count) => `${month}: ${count} articles`,
  shortMonth: (month) => `m${month.slice(5)}`,
  count: (value) => String(value),
}

const hrefs = (svg: string): string[] => [...svg.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1] as string)

test('one linked bar per month with articles, in order; empty months leave a gap but no bar', () => {
  const svg = timelineChart([
    {month: '1987-02', count: 10, href: '/1987/02/'},
    {month: '1987-04', count: 30, href: '/1987/04/'},
  ], labels)
  assert.deepEqual(hrefs(svg), ['/1987/02/', '/1987/04/'])
  assert.equal(svg.match(/class="bar"/g)?.length, 2)
  const xs = [...svg.matchAll(/<rect x="([\d.]+)"/g)].map((match) => Number(match[1]))
  assert.ok((xs[1] as number) - (xs[0] as number) > 1.5 * ((xs[1] as number) - (xs[0] as number)) / 2, 'March keeps its slot')
  assert.match(svg, /<title>1987-04: 30 articles<\/title>/)
  assert.match(svg, /aria-hidden="true"/)
  assert.match(svg, /tabindex="-1"/)
})

test('the taller bar belongs to the bigger month, and the axis has round gridlines', () => {
  const svg = timelineChart([{month: '1987-02', count: 10, href: ''}, {month: '1987-03', count: 97, href: ''}], labels)
  const heights = [...svg.matchAll(/class="bar"/g)].length
  assert.equal(heights, 2)
  const bars = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)" class="bar"/g)].map((match) => Number(match[1]))
  assert.ok((bars[1] as number) > 5 * (bars[0] as number))
  assert.deepEqual([...svg.matchAll(/class="axis">(\d+)<\/text>/g)].map((match) => match[1]), ['0', '50', '100'])
  assert.doesNotMatch(svg, /<a /, 'no link without an href')
})

test('labels months when there is room, and only every few years on a long axis', () => {
  const short = timelineChart([{month: '1987-02', count: 1, href: ''}, {month: '1987-10', count: 1, href: ''}], labels)
  assert.match(short, />m02<\/text>/)
  assert.match(short, />1987<\/text>/)
  const long = timelineChart([{month: '1950-01', count: 1, href: ''}, {month: '2049-12', count: 1, href: ''}], labels)
  assert.doesNotMatch(long, />m02<\/text>/)
  const years = [...long.matchAll(/class="axis axis-year">(\d{4})</g)].map((match) => Number(match[1]))
  assert.ok(years.length >= 5 && years.length < 100, `${years.length} year labels`)
  const gaps = new Set(years.slice(1).map((year, index) => year - (years[index] as number)))
  assert.equal(gaps.size, 1, 'years are labelled at a regular step')
  assert.ok([...gaps][0] as number > 1, 'not every year of a century')
  assert.match(long, /chart-wide/, 'a century is wider than a phone and scrolls')
})

test('text from the archive is escaped', () => {
  const svg = timelineChart([{month: '1987-02', count: 1, href: '/"><script>alert(1)</script>'}], {...labels, tooltip: () => '<script>alert(1)</script>'})
  assert.doesNotMatch(svg, /<script/)
  assert.match(svg, /&lt;script&gt;/)
})

test('an empty archive draws nothing', () => {
  assert.equal(timelineChart([], labels), '')
})
