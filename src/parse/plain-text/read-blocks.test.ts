import test from 'node:test'
import assert from 'node:assert/strict'
import {joinLines, readParagraphs, sliceRun, sourceOffset} from './read-blocks.js'

test('splits paragraphs at blank and whitespace-only lines, with LF, CRLF or CR', () => {
  for (const newline of ['\n', '\r\n', '\r']) {
    const text = ` date 2024-01-01 First line${newline}wraps here${newline}  \t ${newline}Second${newline}${newline}${newline}  Third  `
    const paragraphs = readParagraphs(text, 17).map((lines) => joinLines(text, lines).value)
    assert.deepEqual(paragraphs, ['First line wraps here', 'Second', 'Third'], JSON.stringify(newline))
  }
})

test('maps positions in joined text back to the source', () => {
  const text = 'xx One\n  two three\nfour'
  const [lines = []] = readParagraphs(text, 3)
  const run = joinLines(text, lines)
  assert.equal(run.value, 'One two three four')
  assert.equal(sourceOffset(run, 0), 3)
  assert.equal(text[sourceOffset(run, run.value.indexOf('two'))], 't')
  assert.equal(sourceOffset(run, 3), 6, 'a joining space maps to the end of the line before it')
  const slice = sliceRun(run, 4, 13)
  assert.equal(slice.value, 'two three')
  assert.equal(text.slice(slice.lines[0]?.start, slice.lines[0]?.end), 'two three')
})
