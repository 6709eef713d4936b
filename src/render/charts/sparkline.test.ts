import test from 'node:test'
import assert from 'node:assert/strict'
import {shareBar, sparklineChart} from './sparkline.js'

const base = {first: '1987-02', last: '1987-10', label: 'Articles about <Ukraine> per month', tooltip: (month: string, count: number) => `${month}: ${count}`}

test('a sparkline is an image with a text alternative and a bar per month with articles', () => {
  const svg = sparklineChart({...base, counts: new Map([['1987-03', 4], ['1987-09', 1]])})
  assert.match(svg, /role="img" aria-label="Articles about &lt;Ukraine&gt; per month"/)
  assert.match(svg, /<title>Articles about &lt;Ukraine&gt; per month<\/title>/)
  assert.equal(svg.match(/class="bar"/g)?.length, 2)
  assert.match(svg, /preserveAspectRatio="none"/)
  assert.doesNotMatch(svg, /<a /)
})

test('bars are placed by month across the whole span', () => {
  const svg = sparklineChart({...base, counts: new Map([['1987-02', 1], ['1987-10', 1]])})
  const xs = [...svg.matchAll(/<rect x="([\d.]+)"/g)].map((match) => Number(match[1]))
  const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)?.[1])
  assert.ok((xs[0] as number) < width / 9, 'February is first')
  assert.ok((xs[1] as number) > (width * 8) / 9 - 1, 'October is last')
})

test('a share bar fills in proportion to its value', () => {
  const widths = (svg: string) => [...svg.matchAll(/width="([\d.]+)"/g)].map((match) => Number(match[1]))
  assert.equal(widths(shareBar(5, 10)).at(-1), 48)
  assert.equal(widths(shareBar(10, 10)).at(-1), 96)
  assert.match(shareBar(1, 10), /aria-hidden="true"/)
})
