import test from 'node:test'
import assert from 'node:assert/strict'
import {chartSvg, escapeXml, formatNumber, linkedMark, tag, text} from './svg.js'

test('escapes text and attribute values', () => {
  const cases: [string, string][] = [
    ['Plain', 'Plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
  ]
  for (const [input, expected] of cases) assert.equal(escapeXml(input), expected, input)
})

test('a topic name with a script tag stays text inside and outside attributes', () => {
  const name = '</title><script>alert(1)</script>'
  const markup = tag('a', {href: `/topics/${name}/`}, tag('title', {}, text(name)))
  assert.doesNotMatch(markup, /<script/)
  assert.equal(markup, '<a href="/topics/&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;/"><title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title></a>')
})

test('rounds numbers to two decimals and never writes -0', () => {
  const cases: [number, string][] = [[1, '1'], [1.005, '1'], [2.3456, '2.35'], [-0.001, '0'], [120.5, '120.5']]
  for (const [input, expected] of cases) assert.equal(formatNumber(input), expected, String(input))
  assert.throws(() => formatNumber(Number.NaN), /not a finite number/)
})

test('leaves out false and undefined attributes; writes true as a bare attribute', () => {
  assert.equal(tag('rect', {x: 1, hidden: false, y: undefined, focusable: true}), '<rect x="1" focusable/>')
})

test('refuses event handlers, inline styles and odd names (the CSP would block them anyway)', () => {
  assert.throws(() => tag('rect', {onclick: 'x()'}), /not allowed/)
  assert.throws(() => tag('rect', {style: 'fill:red'}), /not allowed/)
  assert.throws(() => tag('rect', {'x"><script': '1'}), /not an attribute name/)
  assert.throws(() => tag('script><x', {}), /not an element name/)
})

test('a chart with a label is an image with a title; without one it is hidden and its links leave the tab order', () => {
  const image = chartSvg({width: 10, height: 5, className: 'chart', label: 'Articles per month'})
  assert.match(image, /^<svg [^>]*role="img" aria-label="Articles per month"[^>]*><title>Articles per month<\/title><\/svg>$/)
  assert.match(image, /viewBox="0 0 10 5" width="10" height="5"/)
  const hidden = chartSvg({width: 10, height: 5, className: 'chart'}, linkedMark('/2024/', '2024: 3 articles', tag('rect', {})))
  assert.match(hidden, /aria-hidden="true" focusable="false"/)
  assert.match(hidden, /<a href="\/2024\/" tabindex="-1"><rect\/><title>2024: 3 articles<\/title><\/a>/)
})

test('refuses elements that could run code or styles, and checks a name again when it is used as the other kind', () => {
  for (const name of ['script', 'style', 'foreignObject', 'iframe']) assert.throws(() => tag(name, {}), /not allowed/, name)
  assert.equal(tag('title', {}), '<title/>')
  assert.throws(() => tag('rect', {'title"': 'x'}), /not an attribute name/)
})
