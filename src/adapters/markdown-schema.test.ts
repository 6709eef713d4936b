import test from 'node:test'
import assert from 'node:assert/strict'
import type {Root} from 'mdast'
import {loadMarkdown, markdownToHtml, parseMarkdown} from './markdown.js'

await loadMarkdown()

test('keeps the news classes on their elements and drops any other class', () => {
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'paragraph', data: {hProperties: {className: ['signoff', 'evil']}}, children: [{type: 'text', value: 'Reuter'}]},
      {type: 'code', value: 'A   1', data: {hProperties: {className: ['aligned', 'evil']}}},
    ],
  }
  assert.equal(markdownToHtml(tree), '<p class="signoff">Reuter</p>\n<pre><code class="aligned">A   1\n</code></pre>\n')
})

test('still allows the language class on fenced code', () => {
  assert.equal(markdownToHtml(parseMarkdown('```js\nx\n```')), '<pre><code class="language-js">x\n</code></pre>\n')
})
