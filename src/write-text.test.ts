import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../test/helpers/build-from-files.js'
import {isLongText, writeTextFile} from './write-text.js'

test('writeTextFile writes long text byte for byte, creating a new file or replacing one as asked', async () => {
  const dir = await makeTempDir('news-archive-text-')
  try {
    const file = path.join(dir, 'sitemap.xml')
    // Note: emoji (surrogate pairs) and accented letters, over several of the writer's buffers.
    const text = `${'<url><loc>https://example.org/caf\u00e9/\u{1F4F0}/</loc></url>\n'.repeat(60_000)}end`
    assert.ok(isLongText(text))
    assert.equal(writeTextFile(file, text, 'wx'), Buffer.byteLength(text))
    assert.deepEqual(await readFile(file), Buffer.from(text))
    assert.throws(() => writeTextFile(file, 'other', 'wx'), {code: 'EEXIST'}, 'wx never replaces a file')
    await writeFile(file, 'a longer old text than the new one')
    assert.equal(writeTextFile(file, 'new', 'w'), 3)
    assert.equal(await readFile(file, 'utf8'), 'new')
    assert.equal(isLongText('short'), false)
    assert.equal(isLongText(Buffer.from(text)), false, 'bytes are written as they are')
  } finally {
    await removeDir(dir)
  }
})
