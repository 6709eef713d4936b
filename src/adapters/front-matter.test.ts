import assert from 'node:assert/strict'
import {test} from 'node:test'
import {explainYamlError, findKey, FrontMatterError, readFrontMatter, writtenValue} from './front-matter.js'

/** The error `readFrontMatter` throws for `lines`, as `line:column kind message`. */
function errorOf(lines: readonly string[]): string {
  try {
    readFrontMatter(lines.join('\n'))
  } catch (error) {
    assert.ok(error instanceof FrontMatterError, String(error))
    return `${error.place.line}:${error.place.column} ${error.kind} ${error.message}`
  }
  return 'no error'
}

const errors = [
  {name: 'a YAML mistake on a known line (js-yaml counts from 0)', lines: ['---', 'title: a', 'date: 2024-03-01', 'title: b', '---'], expected: '4:1 yaml `title` is given a second time here; keep only one'},
  {name: 'an unclosed quote, where it opens', lines: ['---', 'title: "Budget', 'date: 2024-03-01', '---'], expected: '2:8 yaml the quote opened here is never closed'},
  {name: 'an unclosed list, where it opens', lines: ['---', 'date: 2024-03-01', 'topics: [a, b', 'author: Ann', '---'], expected: '3:9 yaml the list opened here is never closed'},
  {name: 'a tab for indentation', lines: ['---', 'topics:', '\t- a', '---'], expected: '3:1 yaml this line is indented with a tab; YAML allows only spaces'},
  {name: 'a second colon', lines: ['---', 'title: Vote: yes', '---'], expected: '2:12 yaml the value holds a second ": ", which YAML reads as another key; put the whole value in quotes'},
  {name: 'a JavaScript tag', lines: ['---', 'title: !!js/function "function () {}"', '---'], expected: '2:8 yaml the tag "!!js/function" is not allowed: front matter holds only text, numbers, true or false, and lists'},
  {name: 'an unknown alias', lines: ['---', 'title: *x', '---'], expected: '2:8 yaml the alias "*x" refers to no anchor "&x"'},
  {name: 'a value starting with @', lines: ['---', 'author: @ann', '---'], expected: '2:9 yaml a value cannot start with "@"; put the whole value in quotes'},
  {name: 'no closing fence', lines: ['---', 'title: a', 'Body.'], expected: '1:1 unclosed the front matter opened on line 1 is never closed with a `---` line'},
  {name: '---toml', lines: ['---toml', 'title = "a"', '---'], expected: '1:4 language the front matter is marked as "toml"; only YAML is read'},
  {name: '---js', lines: ['---js', '{title: "a"}', '---'], expected: '1:4 language the front matter is marked as "js"; only YAML is read'},
  {name: 'a list', lines: ['---', '- a', '---'], expected: '2:1 not-mapping the front matter is a list, not `key: value` lines'},
  {name: 'a single value', lines: ['---', 'just text', '---'], expected: '2:1 not-mapping the front matter is a single value, not `key: value` lines'},
]

for (const example of errors) {
  test(`front matter: ${example.name}`, () => {
    assert.equal(errorOf(example.lines), example.expected)
  })
}

test('no front matter: a file without a first `---` line, or a horizontal rule', () => {
  assert.equal(readFrontMatter(' date 2024-03-01 Text'), undefined)
  assert.equal(readFrontMatter('----\nText'), undefined)
})

test('dates stay text (the core schema), so strict parsing can reject 2024-13-01', () => {
  const frontMatter = readFrontMatter(['---', 'date: 2024-13-01', 'when: 2024-03-01', 'flag: yes', 'count: 007', '---', 'Body'].join('\n'))
  assert.deepEqual(frontMatter?.data, {date: '2024-13-01', when: '2024-03-01', flag: 'yes', count: 7})
  assert.equal(frontMatter?.bodyStart, ['---', 'date: 2024-13-01', 'when: 2024-03-01', 'flag: yes', 'count: 007', '---', ''].join('\n').length)
})

test('`---js` front matter is never run, whichever engine name is used', () => {
  const globals = globalThis as Record<string, unknown>
  for (const fence of ['---js', '---javascript']) {
    assert.throws(() => readFrontMatter([fence, '({title: (globalThis.frontMatterRan = true)})', '---', ''].join('\n')), FrontMatterError)
  }
  assert.equal(globals['frontMatterRan'], undefined)
})

test('the same text read twice gives separate results (no shared cache to mutate)', () => {
  const text = ['---', 'topics: [a]', '---', 'Body'].join('\n')
  const first = readFrontMatter(text)
  ;(first?.data['topics'] as string[]).push('changed')
  assert.deepEqual(readFrontMatter(text)?.data['topics'], ['a'])
})

test('findKey: the line and the value column of a key, or the opening fence', () => {
  const frontMatter = readFrontMatter(['---', 'title: A', 'date:   2024-03-01', 'topics:', '  - a', '---', ''].join('\n'))
  assert.ok(frontMatter)
  assert.deepEqual(findKey(frontMatter, 'title'), {line: 2, column: 8})
  assert.deepEqual(findKey(frontMatter, 'date'), {line: 3, column: 9})
  assert.deepEqual(findKey(frontMatter, 'topics'), {line: 4, column: 1})
  assert.deepEqual(findKey(frontMatter, 'slug'), {line: 1, column: 1})
})

test('writtenValue: a number-like value as the author wrote it', () => {
  const frontMatter = readFrontMatter(['---', 'slug: 007', 'title: 1e3 # a comment', 'topics:', '  - a', '---', ''].join('\n'))
  assert.ok(frontMatter)
  assert.equal(writtenValue(frontMatter, 'slug'), '007')
  assert.equal(writtenValue(frontMatter, 'title'), '1e3')
  assert.equal(writtenValue(frontMatter, 'topics'), undefined)
  assert.equal(writtenValue(frontMatter, 'author'), undefined)
})

test('explainYamlError keeps a reason it does not know, in words', () => {
  assert.deepEqual(explainYamlError('some new reason', 'a: b', 0, 2), {message: 'the YAML cannot be read (some new reason)', line: 0, column: 2})
})
