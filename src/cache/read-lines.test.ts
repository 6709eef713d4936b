import assert from 'node:assert/strict'
import {closeSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {readLines} from './read-lines.js'

/** Each line `readLines` gives for a file holding `text`, as text, where it starts and whether it ended in a newline. */
function linesOf(text: string, chunkBytes: number): {text: string; offset: number; complete: boolean}[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-lines-'))
  const file = path.join(dir, 'lines.txt')
  writeFileSync(file, text)
  const fd = openSync(file, 'r')
  try {
    // Note: each line is read as it comes, since the next one may reuse its bytes.
    const lines: {text: string; offset: number; complete: boolean}[] = []
    for (const line of readLines(fd, chunkBytes)) lines.push({text: line.bytes.toString('utf8', line.start, line.end), offset: line.offset, complete: line.complete})
    return lines
  } finally {
    closeSync(fd)
    rmSync(dir, {recursive: true, force: true})
  }
}

/** The lines of `text` split as a reader would, with their byte offsets. */
function expected(text: string): {text: string; offset: number; complete: boolean}[] {
  const lines: {text: string; offset: number; complete: boolean}[] = []
  let offset = 0
  const parts = text.split('\n')
  parts.forEach((part, index) => {
    const complete = index < parts.length - 1
    if (complete || part !== '') lines.push({text: part, offset, complete})
    offset += Buffer.byteLength(part) + 1
  })
  return lines
}

const text = ['{"format":"x"}', 'short', '', 'a line much longer than the chunk: ' + 'é'.repeat(40), 'last'].join('\n') + '\n'

for (const chunkBytes of [1, 3, 7, 16, 64, 1 << 20]) {
  test(`readLines gives every line with its offset, read ${chunkBytes} bytes at a time`, () => {
    assert.deepEqual(linesOf(text, chunkBytes), expected(text))
  })
}

test('readLines gives a last line without its newline as incomplete', () => {
  const lines = linesOf('one\ntwo\nthree, cut sh', 4)
  assert.deepEqual(lines.at(-1), {text: 'three, cut sh', offset: 8, complete: false})
  assert.equal(lines.length, 3)
})

test('readLines gives nothing for an empty file', () => {
  assert.deepEqual(linesOf('', 8), [])
})

test('readLines keeps multi-byte characters whole across chunk ends', () => {
  const many = Array.from({length: 50}, (_, index) => `${index}: ${'日本語'.repeat(index % 7)}`).join('\n') + '\n'
  assert.deepEqual(linesOf(many, 5), expected(many))
})
