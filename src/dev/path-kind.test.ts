import assert from 'node:assert/strict'
import {mkdir, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {pathKind} from './path-kind.js'

test('pathKind tells a file, a folder, something else and nothing apart, following links', async () => {
  const dir = await makeTempDir('news-archive-kind-')
  try {
    await writeFile(path.join(dir, 'a.txt'), 'x')
    await mkdir(path.join(dir, 'seeds'))
    await symlink(path.join(dir, 'seeds'), path.join(dir, 'link'))
    await symlink(path.join(dir, 'gone'), path.join(dir, 'broken'))
    assert.equal(await pathKind(path.join(dir, 'a.txt')), 'file')
    assert.equal(await pathKind(path.join(dir, 'seeds')), 'folder')
    assert.equal(await pathKind(path.join(dir, 'link')), 'folder')
    assert.equal(await pathKind('/dev/null'), 'other')
    assert.equal(await pathKind(path.join(dir, 'missing')), undefined)
    assert.equal(await pathKind(path.join(dir, 'broken')), undefined)
  } finally {
    await removeDir(dir)
  }
})
