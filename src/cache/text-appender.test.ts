import assert from 'node:assert/strict'
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {TextAppender} from './text-appender.js'

const dir = mkdtempSync(path.join(tmpdir(), 'news-archive-append-'))
after(() => rmSync(dir, {recursive: true, force: true}))

test('appended text lands after what the file held, whole and in order, with each piece where `position` said', () => {
  const file = path.join(dir, 'pieces.txt')
  writeFileSync(file, 'header\n')
  const fd = openSync(file, 'r+')
  const target = {fd, size: 7}
  // Note: pieces small and large, past the buffer's size, with characters of 1 to 4 bytes.
  const pieces = ['a', 'Zürich – 東京 🗞', 'x'.repeat(700_000), 'é'.repeat(400_000), '\n', 'y'.repeat(2_000_000), 'end']
  const appender = new TextAppender(target)
  const positions: number[] = []
  for (const piece of pieces) {
    positions.push(appender.position)
    appender.append(piece)
  }
  appender.close()
  closeSync(fd)
  const bytes = readFileSync(file)
  assert.equal(bytes.toString('utf8'), `header\n${pieces.join('')}`)
  assert.equal(target.size, bytes.length)
  pieces.forEach((piece, index) => {
    const start = positions[index] as number
    assert.equal(bytes.toString('utf8', start, start + Buffer.byteLength(piece)), piece, `piece ${index}`)
  })
})

test('two appenders open at once do not mix their text', () => {
  const [first, second] = ['one.txt', 'two.txt'].map((name) => path.join(dir, name)) as [string, string]
  const fds = [first, second].map((file) => openSync(file, 'w'))
  const appenders = fds.map((fd) => new TextAppender({fd, size: 0}))
  for (let round = 0; round < 3; round++) appenders.forEach((appender, index) => appender.append(`${index}:${round};`))
  appenders.forEach((appender) => appender.close())
  fds.forEach((fd) => closeSync(fd))
  assert.equal(readFileSync(first, 'utf8'), '0:0;0:1;0:2;')
  assert.equal(readFileSync(second, 'utf8'), '1:0;1:1;1:2;')
})

test('a discarded appender writes nothing of what it gathered before its buffer filled', () => {
  const file = path.join(dir, 'discarded.txt')
  const fd = openSync(file, 'w')
  const discarded = new TextAppender({fd, size: 0})
  discarded.append('half a line')
  discarded.discard()
  const next = new TextAppender({fd, size: 0})
  next.append('whole\n')
  next.close()
  closeSync(fd)
  assert.equal(readFileSync(file, 'utf8'), 'whole\n')
})

test('a discarded appender cuts the file back to where it ended, also after writing part of its text out', () => {
  const file = path.join(dir, 'cut-back.txt')
  writeFileSync(file, 'line one\n')
  const fd = openSync(file, 'r+')
  const target = {fd, size: 9}
  const discarded = new TextAppender(target)
  // Note: more than the buffer holds, so part of it is on disk before the discard.
  discarded.append('x'.repeat(1_500_000))
  discarded.append('half a line')
  discarded.discard()
  assert.equal(target.size, 9)
  const next = new TextAppender(target)
  next.append('line two\n')
  next.close()
  closeSync(fd)
  assert.equal(readFileSync(file, 'utf8'), 'line one\nline two\n')
})
