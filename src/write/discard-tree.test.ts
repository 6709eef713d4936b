import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {mkdir, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {discardsDone, discardTree} from './discard-tree.js'

test('a discarded tree frees its name at once and is deleted in the background; a missing one is no error', async () => {
  const dir = await makeTempDir('news-archive-discard-')
  try {
    const tree = path.join(dir, '.dist.previous')
    for (let index = 0; index < 200; index++) {
      await mkdir(path.join(tree, `p${index}`), {recursive: true})
      await writeFile(path.join(tree, `p${index}`, 'index.html'), `page ${index}`)
    }
    await discardTree(tree)
    assert.ok(!existsSync(tree), 'the name is free when discardTree resolves')
    await mkdir(tree)
    await discardsDone()
    assert.deepEqual(await readdir(dir), ['.dist.previous'], 'only the new folder of that name is left')
    await discardTree(path.join(dir, 'missing'))
  } finally {
    await removeDir(dir)
  }
})
