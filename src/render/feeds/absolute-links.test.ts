import test from 'node:test'
import assert from 'node:assert/strict'
import {absoluteLinks} from './absolute-links.js'

const article = 'https://news.example.org/archive/2024/11/18/story/'

test('relative links and images in a body become absolute; others stay as written', () => {
  const cases: [string, string][] = [
    ['<a href="/2024/">x</a>', '<a href="https://news.example.org/2024/">x</a>'],
    ['<a href="../">up</a>', '<a href="https://news.example.org/archive/2024/11/18/">up</a>'],
    ['<img src="photo.jpg" alt="">', `<img src="${article}photo.jpg" alt="">`],
    ['<a href="?a=1&amp;b=2">q</a>', `<a href="${article}?a=1&amp;b=2">q</a>`],
    ['<a href="https://other.example/">o</a>', '<a href="https://other.example/">o</a>'],
    ['<a href="mailto:desk@example.org">m</a>', '<a href="mailto:desk@example.org">m</a>'],
    ['<a href="#fn1">1</a>', '<a href="#fn1">1</a>'],
    ['<p>Type href="/x" in text</p>', '<p>Type href="/x" in text</p>'],
    ['<p>a &lt;a href="/x"> b</p>', '<p>a &lt;a href="/x"> b</p>'],
    ['<a class="c" href="x" title="y">', `<a class="c" href="${article}x" title="y">`],
  ]
  for (const [input, expected] of cases) assert.equal(absoluteLinks(input, article), expected, input)
})
