import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {mkdir, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {deleteInBackground, discardsDone, leftoversOf, moveAside} from './discard-tree.js'

test('a tree moved aside frees its name at once, is found as a leftover, and is deleted in the background', async () => {
  const dir = await makeTempDir('news-archive-discard-')
  try {
    const tree = path.join(dir, '.dist.previous')
    for (let index = 0; index < 200; index++) {
      await mkdir(path.join(tree, `p${index}`), {recursive: true})
      await writeFile(path.join(tree, `p${index}`, 'index.html'), `page ${index}`)
    }
    await writeFile(path.join(dir, '.dist.previous-notes'), 'mine')
    const aside = await moveAside(tree)
    assert.ok(aside !== undefined && existsSync(path.join(aside, 'p7', 'index.html')), 'the tree is whole beside its old name')
    assert.ok(!existsSync(tree), 'the name is free')
    await mkdir(tree)
    assert.deepEqual(await leftoversOf(tree), [aside], 'only the tree moved aside is a leftover, not the new folder nor a file named alike')
    deleteInBackground(aside)
    await discardsDone()
    assert.deepEqual((await readdir(dir)).sort(), ['.dist.previous', '.dist.previous-notes'])
    assert.equal(await moveAside(path.join(dir, 'missing')), undefined)
  } finally {
    await removeDir(dir)
  }
})
