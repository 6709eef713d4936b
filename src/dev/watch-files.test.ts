import assert from 'node:assert/strict'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {eventually} from '../../test/helpers/eventually.js'
import {watchFiles} from './watch-files.js'

test('once watchFiles resolves, a file added to a large folder is seen, though another watched path does not exist yet', async () => {
  const dir = await makeTempDir('news-archive-watch-')
  try {
    const seeds = path.join(dir, 'seeds')
    await mkdir(seeds)
    // Note: enough files that scanning them takes a while: chokidar 4 said it was ready before it had, when one path was missing.
    for (let index = 0; index < 5000; index++) await writeFile(path.join(seeds, `${String(index).padStart(5, '0')}.txt`), 'x')
    const seen: string[] = []
    const watch = await watchFiles([seeds, path.join(dir, 'templates'), path.join(dir, 'news-archive.config.json')], () => false, (file) => seen.push(path.relative(dir, file)))
    try {
      await writeFile(path.join(seeds, 'new.txt'), 'x')
      assert.ok(await eventually(() => seen.includes(path.join('seeds', 'new.txt')), 10_000), `the new seed is seen (saw ${seen.join(', ') || 'nothing'})`)
      await mkdir(path.join(dir, 'templates'))
      await writeFile(path.join(dir, 'templates', 'base.html'), 'x')
      await writeFile(path.join(dir, 'news-archive.config.json'), '{}')
      assert.ok(await eventually(() => seen.includes(path.join('templates', 'base.html')) && seen.includes('news-archive.config.json'), 10_000), `paths made later are watched (saw ${seen.join(', ')})`)
      assert.ok(!seen.some((file) => /^seeds.0\d+\.txt$/.test(file)), 'the files there at the start are not reported')
    } finally {
      await watch.close()
    }
  } finally {
    await removeDir(dir)
  }
})
