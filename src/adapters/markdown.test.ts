import test from 'node:test'
import assert from 'node:assert/strict'
import {loadMarkdown, markdownToHtml, parseMarkdown} from './markdown.js'

await loadMarkdown()

const html = (markdown: string) => markdownToHtml(parseMarkdown(markdown))

test('an image on another host becomes a link, so the page loads nothing from there', () => {
  assert.equal(html('![pixel](https://evil.invalid/p.png)'), '<p><a href="https://evil.invalid/p.png">pixel</a></p>\n')
  assert.equal(html('![ref][x]\n\n[x]: //evil.invalid/p.png'), '<p><a href="//evil.invalid/p.png">ref</a></p>\n')
})

test('an image on the site stays an image', () => {
  assert.equal(html('![map](/assets/map.png)'), '<p><img src="/assets/map.png" alt="map"></p>\n')
})

test('script, event handlers and javascript: links do not survive', () => {
  const out = html('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) ![y](javascript:alert(2))')
  assert.doesNotMatch(out, /<script|onerror|javascript:/i)
})
