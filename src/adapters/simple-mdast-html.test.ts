import test from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkHtml from 'remark-html'
import {unified} from 'unified'
import {readCorpus} from '../../test/helpers/corpus.js'
import {parseSource} from '../parse/parse-source.js'
import {plainTextToMdast} from '../parse/plain-text/plain-text-to-mdast.js'
import {loadMarkdown, markdownToHtml, parseMarkdown} from './markdown.js'
import {sanitizeSchema} from './markdown-schema.js'
import {simpleMdastToHtml} from './simple-mdast-html.js'

await loadMarkdown()

/** What remark-html makes of a tree with the site's schema: what the direct serialiser must match. */
const remark = unified().use(remarkHtml, {sanitize: sanitizeSchema})
function throughRemark(tree: Root): string {
  return remark.stringify(remark.runSync(structuredClone(tree)) as Root)
}

function plainTextTree(text: string, file = 'a.txt'): Root {
  return parseSource({path: file, file: `seeds/${file}`, bytes: Buffer.from(text), hash: 'x'}, {maxSeedBytes: 1 << 24}).body
}

test('every corpus seed is written directly, to the bytes remark-html writes', () => {
  const seen = {table: 0, pre: 0, span: 0, h2: 0}
  for (const {file, text} of readCorpus()) {
    const tree = plainTextTree(text, file)
    const html = simpleMdastToHtml(tree)
    assert.equal(html, throughRemark(tree), file)
    for (const tag of Object.keys(seen) as (keyof typeof seen)[]) if (html?.includes(`<${tag}`)) seen[tag]++
  }
  // Note: the corpus must have exercised the structures, or the comparison proves little.
  for (const [tag, seeds] of Object.entries(seen)) assert.ok(seeds >= 10, `${seeds} seeds with <${tag}>`)
})

/** Pieces of wire copy that make every structure the plain-text reader knows. */
const pieces = [
  'Shr', '28', 'cts', 'vs', '22', 'Net', '1,000', 'mln', 'Revs', '12.3', 'Year', '1987', '1986/87', 'Six mths', 'Pay', 'April',
  'The', 'company', 'said', 'it', 'would', 'sell', 'Adding fuel to the fire', 'TOKYO -', 'BAHIA BLANCA, Feb 26 -',
  '(credit: KCNA VIA REUTERS)', 'REUTERS/Jane Doe', '(Photo: AFP)', 'attends', 'July 2, 2024.', '<BP>', '<Reuters>',
  '--', '-', '...', '"', "'", 'U.S.', 'MORE', 'Reuter', 'By Jane Smith', 'SOYBEANS', 'CORN', '*', '#', '&', '&amp;', '<b>x</b>',
  'â€™', 'nil', 'n.a.', 'unch', '   ', '\t', '.', ',', ':', '(', ')', '?', '!', 'ü', '\u00a0', '\u2028',
]
const separators = [' ', ' ', '  ', '    ', '\n', '\n\n', '\r\n', '\n \n', '\t']

test('for any mix of wire-copy pieces, the direct HTML is remark-html\'s', () => {
  const body = fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), {minLength: 1, maxLength: 80})
    .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''))
  fc.assert(
    fc.property(body, (text) => {
      const tree = plainTextToMdast(` date 2024-01-01 ${text}`, 17).tree
      const html = simpleMdastToHtml(tree)
      assert.notEqual(html, undefined, JSON.stringify(text))
      assert.equal(html, throughRemark(tree), JSON.stringify(text))
    }),
    {numRuns: 1500},
  )
})

test('a story with every structure the plain-text reader knows', () => {
  const seed = [
    ' date 2024-01-01 BAHIA BLANCA, Feb 26 - The company <BP> said it would sell & buy.',
    '',
    'Adding fuel to the fire',
    '',
    'The board met on Tuesday and agreed to the sale of the unit, the company said in a statement here today.',
    '',
    '              1987        1986',
    '    Shr       28 cts      22 cts',
    '    Net       1,000 mln   900 mln',
    '',
    'SOYBEANS',
    '    Wheat  1.20  1.18  1.10',
    '    Corn   2.20',
    '    Oats   2.20 3.3 4 5 6',
    '',
    'A man attends a rally in Tokyo, Japan July 2, 2024. REUTERS/Jane Doe',
    '',
    'MORE',
  ].join('\n')
  const tree = plainTextTree(seed)
  const html = simpleMdastToHtml(tree)
  assert.equal(html, throughRemark(tree))
  for (const part of ['<span class="dateline">', '<span class="ticker">', '&#x26;', '<h2>', '<table class="data-table">', '<th scope="col"', '<figure class="photo">', '<figcaption>', '<span class="credit">', '<p class="continued">']) {
    assert.ok(html?.includes(part), `${part} in ${html}`)
  }
})

test('plain Markdown is written directly too, and anything else is left to remark-html', () => {
  const simple = ['# Title\n\nA paragraph & 1 < 2.\n\n> quoted\n> twice\n\n    indented code\n', 'one\ntwo  \t\nthree', '']
  for (const markdown of simple) {
    const tree = parseMarkdown(markdown)
    assert.equal(simpleMdastToHtml(tree), throughRemark(tree), JSON.stringify(markdown))
  }
  const other = ['*emphasis*', '[a link](/x)', '- a list', '```js\ncode\n```', '<div>raw</div>', 'line  \nbreak', '![image](/a.png)']
  for (const markdown of other) {
    const tree = parseMarkdown(markdown)
    assert.equal(simpleMdastToHtml(tree), undefined, markdown)
    assert.equal(markdownToHtml(tree), throughRemark(tree), markdown)
  }
})

test('names, classes and attributes the allow-list does not keep as they are go through remark-html', () => {
  const text = (data: object): Root => ({type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x', data}]}]})
  const cases: Root[] = [
    text({hName: 'span', hProperties: {className: ['dateline']}}),
    text({hName: 'span', hProperties: {className: ['evil']}}),
    text({hName: 'script'}),
    text({hName: 'span', hProperties: {id: 'x'}}),
    text({hName: 'span', hProperties: {className: []}}),
    text({hProperties: {className: ['dateline']}}),
    text({hName: 'span', hChildren: []}),
    {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x'}], data: {hProperties: {className: ['byline', 'signoff']}}}]},
    {type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'x'}], data: {hProperties: {className: ['dateline']}}}]},
    {type: 'root', children: [{type: 'table', children: [{type: 'tableRow', children: [{type: 'tableCell', children: [], data: {hName: 'th', hProperties: {scope: 'colgroup', colSpan: 3}}}]}]}]},
    {type: 'root', children: [{type: 'table', children: [{type: 'tableRow', children: [{type: 'tableCell', children: [], data: {hProperties: {scope: 'everything'}}}]}]}]},
    {type: 'root', children: [{type: 'table', align: [null], children: [{type: 'tableRow', children: []}]}]},
  ]
  const direct = cases.map((tree) => simpleMdastToHtml(tree))
  assert.deepEqual(direct.map((html) => html !== undefined), [true, false, false, false, false, false, false, true, false, true, false, false])
  for (const tree of cases) assert.equal(markdownToHtml(tree), throughRemark(tree), JSON.stringify(tree))
})

test('odd trees are written as remark-html writes them, or left to it', () => {
  const paragraph = {type: 'paragraph', children: [{type: 'text', value: 'x'}]} as const
  const row = {type: 'tableRow', children: [{type: 'tableCell', children: [{type: 'text', value: 'r'}]}]} as const
  const odd = (value: unknown): Root => value as Root
  const cases: [Root, 'direct' | 'remark'][] = [
    [odd({type: 'root', children: [{type: 'heading', depth: 6, children: [{type: 'text', value: 'six'}]}]}), 'direct'],
    [odd({type: 'root', children: [{type: 'heading', depth: 7, children: [{type: 'text', value: 'seven'}]}]}), 'remark'],
    [odd({type: 'root', children: [{type: 'heading', depth: '1 onclick=alert(1)', children: []}]}), 'remark'],
    [odd({type: 'root', data: {hName: 'div'}, children: [paragraph]}), 'remark'],
    [odd({type: 'root', children: [{type: 'table', children: [row, paragraph]}]}), 'remark'],
    [odd({type: 'root', children: [{type: 'table', children: [row, row, row]}]}), 'direct'],
    [odd({type: 'root', children: [{type: 'code', value: ''}]}), 'direct'],
    [odd({type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value: 'a \r  b\t\r\n c'}]}]}), 'direct'],
  ]
  for (const [tree, way] of cases) {
    const direct = simpleMdastToHtml(tree)
    assert.equal(direct === undefined ? 'remark' : 'direct', way, JSON.stringify(tree))
    if (direct !== undefined) assert.equal(direct, throughRemark(tree), JSON.stringify(tree))
    assert.ok(!markdownToHtml(tree).includes('onclick'))
  }
})
