import assert from 'node:assert/strict'
import {mkdtemp, rename, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {fileVersion} from './file-version.js'

test('a file replaced by another of the same size has another version; a missing file has none', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'file-version-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  const file = path.join(dir, 'index.tsv')
  await writeFile(file, 'one')
  const first = await fileVersion(file)
  assert.equal(typeof first, 'string')
  assert.equal(await fileVersion(file), first, 'unchanged')
  // Note: as the cache replaces its files: a new file renamed over the old one.
  await writeFile(`${file}.tmp`, 'two')
  await rename(`${file}.tmp`, file)
  assert.notEqual(await fileVersion(file), first)
  await rm(file)
  assert.equal(await fileVersion(file), undefined)
})
