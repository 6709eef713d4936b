import assert from 'node:assert/strict'
import {test} from 'node:test'
import type {Heading, Root} from 'mdast'
import {loadMarkdown} from '../adapters/markdown.js'
import {parseSource} from './parse-source.js'

await loadMarkdown()

function markdownBody(body: string): Root {
  const bytes = new TextEncoder().encode(`---\ndate: 2024-11-18\n---\n${body}`)
  return parseSource({path: 'a.md', file: 'seeds/a.md', bytes, hash: 'x'}, {maxSeedBytes: 1 << 20}).body
}

/** Every heading of the tree, in document order, at any depth. */
function headings(node: Root | Root['children'][number]): Heading[] {
  if (node.type === 'heading') return [node]
  return 'children' in node ? node.children.flatMap((child) => headings(child as Root['children'][number])) : []
}

test('body headings start at level 2, below the page title', () => {
  assert.deepEqual(headings(markdownBody('# One\n\n## Two\n\n###### Six')).map((heading) => heading.depth), [2, 3, 6])
})

test('headings inside list items and block quotes are demoted too', () => {
  assert.deepEqual(headings(markdownBody('* # In a list\n\n> # In a quote\n> > ## Deeper')).map((heading) => heading.depth), [2, 2, 3])
})

test('a heading with no text is dropped, wherever it sits', () => {
  assert.deepEqual(headings(markdownBody('Text.\n\n#\n\n* # \n\n> ##')), [])
})
