import assert from 'node:assert/strict'
import {test} from 'node:test'
import {loadMarkdown} from '../adapters/markdown.js'
import {parseSource} from '../parse/parse-source.js'
import {ContentError} from '../problems/content-error.js'
import {readFields} from './read-fields.js'

await loadMarkdown()

/** The fields of a seed with front matter `lines`, or `line:column rule`. */
function fieldsOf(lines: readonly string[]): ReturnType<typeof readFields> | string {
  const text = ['---', 'date: 2024-03-01', ...lines, '---', 'Body.'].join('\n')
  try {
    return readFields(parseSource({path: 'a.md', file: 'seeds/a.md', bytes: new TextEncoder().encode(text), hash: 'x'}, {maxSeedBytes: 1e6}))
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error))
    return `${error.problem.place.line}:${error.problem.place.column} ${error.problem.rule}`
  }
}

const errors = [
  {lines: ['title: [a, b]'], expected: '3:8 field-invalid'},
  {lines: ['author: {name: Ann}'], expected: '3:9 field-invalid'},
  {lines: ['draft: "yes"'], expected: '3:8 field-invalid'},
  {lines: ['draft: 1'], expected: '3:8 field-invalid'},
  {lines: ['topics: 5'], expected: '3:9 topics-invalid'},
  {lines: ['tags: [a, [b]]'], expected: '3:7 topics-invalid'},
  {lines: ['slug: ../x'], expected: '3:7 slug-invalid'},
  {lines: ['slug: a/b'], expected: '3:7 slug-invalid'},
  {lines: ['slug: a\\b'], expected: '3:7 slug-invalid'},
  {lines: ['slug: Budget'], expected: '3:7 slug-invalid'},
  {lines: ['slug: "a\u200bb"'], expected: '3:7 slug-invalid'},
  {lines: ['slug: "\u202eab"'], expected: '3:7 slug-invalid'},
  {lines: ['slug: a--b'], expected: '3:7 slug-invalid'},
] as const

for (const example of errors) {
  test(`front matter ${JSON.stringify(example.lines)} → ${example.expected}`, () => {
    assert.equal(fieldsOf(example.lines), example.expected)
  })
}

test('values as written: whitespace collapsed, numbers kept as text, topics from a list or a comma list', () => {
  const result = fieldsOf(['title: "  Budget   passes "', 'slug: 007', 'author: 1e3', 'topics: Budget, City ,, Budget', 'draft: true'])
  assert.ok(typeof result !== 'string')
  assert.deepEqual(result.fields, {title: 'Budget passes', slug: '007', author: '1e3', topicNames: ['Budget', 'City'], draft: true, slugAt: {file: 'seeds/a.md', place: {line: 4, column: 7}}, topicsAt: {file: 'seeds/a.md', place: {line: 6, column: 9}}})
  assert.deepEqual(result.warnings, [])
})

test('unknown keys are warnings at their line, sorted, and change nothing', () => {
  const result = fieldsOf(['titel: A', '__proto__: {draft: true}', 'constructor: x'])
  assert.ok(typeof result !== 'string')
  assert.equal(result.fields.draft, false)
  assert.equal(({} as Record<string, unknown>)['draft'], undefined, 'no object gained a `draft`')
  assert.deepEqual(result.warnings.map((problem) => `${problem.place.line}:${problem.place.column} ${problem.rule} ${problem.severity}`), ['4:12 front-matter-unknown-key warning', '5:14 front-matter-unknown-key warning', '3:8 front-matter-unknown-key warning'])
})
