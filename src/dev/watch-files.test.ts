import assert from 'node:assert/strict'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {watchFiles} from './watch-files.js'

/** Wait up to `ms` for `check` to hold. */
async function eventually(check: () => boolean, ms = 10_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(25)) if (check()) return true
  return check()
}

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
      assert.ok(await eventually(() => seen.includes(path.join('seeds', 'new.txt'))), `the new seed is seen (saw ${seen.join(', ') || 'nothing'})`)
      await mkdir(path.join(dir, 'templates'))
      await writeFile(path.join(dir, 'templates', 'base.html'), 'x')
      await writeFile(path.join(dir, 'news-archive.config.json'), '{}')
      assert.ok(await eventually(() => seen.includes(path.join('templates', 'base.html')) && seen.includes('news-archive.config.json')), `paths made later are watched (saw ${seen.join(', ')})`)
      assert.ok(!seen.some((file) => /^seeds.0\d+\.txt$/.test(file)), 'the files there at the start are not reported')
    } finally {
      await watch.close()
    }
  } finally {
    await removeDir(dir)
  }
})
