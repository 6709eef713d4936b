import assert from 'node:assert/strict'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../test/helpers/build-from-files.js'
import {replaceFile} from './replace-file.js'

test('replaceFile writes a new file and replaces an old one, leaving nothing else beside it', async () => {
  const dir = await makeTempDir('news-archive-replace-')
  try {
    const file = path.join(dir, 'state.json')
    await replaceFile(file, '{"a":1}')
    assert.equal(await readFile(file, 'utf8'), '{"a":1}')
    await writeFile(file, 'old and longer than the new text')
    await replaceFile(file, 'new')
    assert.equal(await readFile(file, 'utf8'), 'new')
    assert.deepEqual(await readdir(dir), ['state.json'])
  } finally {
    await removeDir(dir)
  }
})

test('replaceFile that cannot put the file in place leaves the old one and no temporary file', async () => {
  const dir = await makeTempDir('news-archive-replace-')
  try {
    // Note: a folder where the file should go: the write of the temporary file succeeds, the rename fails.
    const blocked = path.join(dir, 'blocked')
    await writeFile(path.join(dir, 'keep.txt'), 'kept')
    await mkdir(path.join(blocked, 'inside'), {recursive: true})
    await assert.rejects(replaceFile(blocked, 'text'))
    assert.deepEqual((await readdir(dir)).sort(), ['blocked', 'keep.txt'])
    assert.deepEqual(await readdir(blocked), ['inside'])
  } finally {
    await removeDir(dir)
  }
})

test('replaceFile writes text given in pieces, longer than its buffer, byte for byte as the joined text', async () => {
  const dir = await makeTempDir('news-archive-replace-')
  try {
    const file = path.join(dir, 'manifest.json')
    // Note: emoji (surrogate pairs) and accented letters, in pieces small and large, several megabytes in all.
    const pieces = Array.from({length: 60_000}, (_, index) => `"page/${index}/\u{1F4F0}é",`)
    const large = `${'ünïcödé \u{1F600} '.repeat(200_000)}end`
    await replaceFile(file, [...pieces, large, ...pieces])
    assert.deepEqual(await readFile(file), Buffer.from(pieces.join('') + large + pieces.join('')))
    await replaceFile(file, large)
    assert.equal(await readFile(file, 'utf8'), large)
    assert.deepEqual(await readdir(dir), ['manifest.json'])
  } finally {
    await removeDir(dir)
  }
})
