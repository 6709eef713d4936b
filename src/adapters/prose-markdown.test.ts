import test from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {readCorpus} from '../../test/helpers/corpus.js'
import {parseProseMarkdown} from './prose-markdown.js'

/** What remark-parse makes of `text`: what the direct reader must match. */
const remark = unified().use(remarkParse)
function throughRemark(text: string): Root {
  return remark.parse(text)
}

/** The body of a corpus seed, after its date line. */
function bodyOf(seed: string): string {
  return seed.replace(/^\s*date \S+ /, '')
}

/** A body as a writer of Markdown would give it: `<` and `&` escaped. */
function escaped(body: string): string {
  return body.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

test('every corpus article read directly is the tree remark-parse makes, and most are read directly', () => {
  const articles = readCorpus()
  let direct = 0
  let withReferences = 0
  for (const {file, text} of articles) {
    const body = bodyOf(text)
    for (const markdown of [body, escaped(body)]) {
      const tree = parseProseMarkdown(markdown)
      if (!tree) continue
      assert.deepEqual(tree, throughRemark(markdown), file)
      direct++
      if (markdown.includes('&')) withReferences++
    }
  }
  // Note: if the reader refused most prose, this comparison would prove little and the build would gain nothing.
  assert.ok(direct > articles.length, `${direct} of ${articles.length * 2} bodies read directly`)
  assert.ok(withReferences > 1000, `${withReferences} bodies with character references read directly`)
})

test('paragraphs, soft line breaks and character references come out as remark-parse gives them', () => {
  for (const text of ['One.\n\nTwo,\nthree.\n', 'AT&amp;T &lt;T> &#38; &#x26; &copy; &bogus; & done', '\n\nLate start\n\n\n', 'Tabs\tinside are text', 'x']) {
    assert.deepEqual(parseProseMarkdown(text), throughRemark(text), JSON.stringify(text))
  }
})

test('anything that may be other Markdown is left to remark-parse', () => {
  const other = [
    '# Heading', 'a\n- item', '1. first', '2) second', '> quote', 'a\n===', 'a\n---', '***', '```\ncode\n```', '~~~', '    indented',
    '\tindented', '<div>', '[a]: /b', 'a  \nb', 'a\\\nb', '*em*', '_em_', '`code`', '[link](/x)', '![img](/x)', '<https://x.org>',
    'a \nb', 'a\r\nb', 'nul\0', '  \n', 'trailing ',
  ]
  for (const text of other) assert.equal(parseProseMarkdown(text), undefined, JSON.stringify(text))
})

/** Words, and every character that matters to CommonMark: mostly words, so that texts read directly come up as well as texts left to remark. */
const words = ['The', 'company', 'said', '1987', '12.5', 'U.S.', 'AT&amp;T', '&lt;VOLV.ST>', '&#38;', '&#x1F600;', '&#0;', '&nbsp;', '&bogus;', '&', 'ü', '\u00a0', '\u2028', '😀', ':', '|', '"', '(', '!']
const syntax = ['#', '>', '-', '+', '*', '_', '=', '~', '`', '<', '[', ']', '\\', '1.', '2)', '10.', '\t', '\0']
const piece = fc.oneof({arbitrary: fc.constantFrom(...words), weight: 12}, {arbitrary: fc.constantFrom(...syntax), weight: 1})
const separator = fc.oneof(
  {arbitrary: fc.constantFrom(' ', '', '\n', '\n\n', '\n\n\n', '\t'), weight: 12},
  {arbitrary: fc.constantFrom('  ', '    ', ' \n', '  \n', '\r\n', '\n ', '\n    '), weight: 1},
)

test('for any text, a tree read directly is the one remark-parse makes', () => {
  let direct = 0
  const text = fc
    .array(fc.tuple(piece, separator), {minLength: 1, maxLength: 30})
    .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''))
  fc.assert(
    fc.property(text, (markdown) => {
      const tree = parseProseMarkdown(markdown)
      if (!tree) return
      direct++
      assert.deepEqual(tree, throughRemark(markdown), JSON.stringify(markdown))
    }),
    {numRuns: 3000},
  )
  // Note: some texts must have been read directly, or the property held for nothing.
  assert.ok(direct > 300, `${direct} of 3000 texts read directly`)
})
