import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdirSync, rmSync} from 'node:fs'
import {mkdir, rename, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {eventually} from '../../test/helpers/eventually.js'
import {watchFiles, type FileWatch} from './watch-files.js'

/** A watch of `paths` (relative to a new temporary folder) that records what it reports, relative to that folder. */
async function withWatch(
  paths: readonly string[],
  setUp: (dir: string) => Promise<void>,
  run: (dir: string, seen: string[], watch: FileWatch, failures: Error[], events: () => number) => Promise<void>,
  ignored: readonly string[] = [],
): Promise<void> {
  const dir = await makeTempDir('news-archive-watch-')
  try {
    await setUp(dir)
    const seen: string[] = []
    const failures: Error[] = []
    let events = 0
    const ignore = (file: string): boolean => ignored.some((name) => file === path.join(dir, name) || file.startsWith(path.join(dir, name) + path.sep))
    const watch = await watchFiles(
      paths.map((relative) => path.join(dir, relative)),
      ignore,
      (file) => seen.push(path.relative(dir, file)),
      (error) => failures.push(error),
      () => events++,
    )
    try {
      await run(dir, seen, watch, failures, () => events)
    } finally {
      await watch.close()
    }
  } finally {
    await removeDir(dir)
  }
}

const seedsOf = async (dir: string, count: number): Promise<void> => {
  await mkdir(path.join(dir, 'seeds'))
  for (let index = 0; index < count; index++) await writeFile(path.join(dir, 'seeds', `${String(index).padStart(5, '0')}.txt`), 'x')
}

test('once watchFiles resolves, a seed added to or changed in a large folder is reported, and the files already there are not', async () => {
  await withWatch(['seeds'], (dir) => seedsOf(dir, 5000), async (dir, seen) => {
    await writeFile(path.join(dir, 'seeds', 'new.txt'), 'x')
    assert.ok(await eventually(() => seen.includes(path.join('seeds', 'new.txt')), 10_000), `the new seed is reported (saw ${seen.join(', ') || 'nothing'})`)
    await writeFile(path.join(dir, 'seeds', '00042.txt'), 'changed')
    assert.ok(await eventually(() => seen.includes(path.join('seeds', '00042.txt')), 10_000), `the changed seed is reported (saw ${seen.join(', ')})`)
    assert.deepEqual(
      seen.filter((file) => /^seeds.\d+\.txt$/.test(file)),
      seen.filter((file) => file === path.join('seeds', '00042.txt')),
      'no other file that was there at the start is reported',
    )
  })
})

test('a file or folder that does not exist yet is watched from the folder above it, and a new folder is watched in full', async () => {
  await withWatch(['seeds', 'templates', 'news-archive.config.json'], (dir) => seedsOf(dir, 3), async (dir, seen) => {
    await writeFile(path.join(dir, 'news-archive.config.json'), '{}')
    assert.ok(await eventually(() => seen.includes('news-archive.config.json'), 10_000), `the new config file is reported (saw ${seen.join(', ') || 'nothing'})`)
    await mkdir(path.join(dir, 'templates'))
    assert.ok(await eventually(() => seen.includes('templates'), 10_000), `the new templates folder is reported (saw ${seen.join(', ')})`)
    // Note: the folder's own watch starts a moment after it appears; a file written before is covered by the report of the folder.
    assert.ok(
      await eventually(async () => {
        await writeFile(path.join(dir, 'templates', 'base.html'), `x${seen.length}`)
        return seen.includes(path.join('templates', 'base.html'))
      }, 10_000),
      `a file in the new folder is reported (saw ${seen.join(', ')})`,
    )
    await writeFile(path.join(dir, 'other.txt'), 'x')
    await writeFile(path.join(dir, 'news-archive.config.json'), '{"title": "x"}')
    assert.ok(await eventually(() => seen.filter((file) => file === 'news-archive.config.json').length >= 2, 10_000), 'the changed config file is reported')
    assert.ok(!seen.includes('other.txt'), 'another file beside the config file is not reported')
  })
})

test('files in new, renamed and re-created subfolders are reported; hidden and ignored entries are not', async () => {
  await withWatch(
    ['seeds'],
    async (dir) => {
      await seedsOf(dir, 3)
      await mkdir(path.join(dir, 'seeds', 'out'))
    },
    async (dir, seen) => {
      const sub = path.join(dir, 'seeds', '2024', '01')
      await mkdir(sub, {recursive: true})
      assert.ok(await eventually(() => seen.includes(path.join('seeds', '2024')), 10_000), `the new subfolder is reported (saw ${seen.join(', ') || 'nothing'})`)
      const reportsIn = async (folder: string, name: string): Promise<boolean> =>
        eventually(async () => {
          await writeFile(path.join(folder, name), `x${seen.length}`)
          return seen.includes(path.relative(dir, path.join(folder, name)))
        }, 10_000)
      assert.ok(await reportsIn(sub, 'a.txt'), `a seed two folders down is reported (saw ${seen.join(', ')})`)

      const moved = path.join(dir, 'seeds', '2025')
      await rename(path.join(dir, 'seeds', '2024'), moved)
      assert.ok(await reportsIn(path.join(moved, '01'), 'b.txt'), `a seed in a renamed folder is reported under its new path (saw ${seen.join(', ')})`)

      // Note: in one go, so the watch never sees the folder missing: only its inode tells the new folder from the old.
      rmSync(moved, {recursive: true})
      mkdirSync(path.join(moved, '01'), {recursive: true})
      assert.ok(await reportsIn(path.join(moved, '01'), 'c.txt'), `a seed in a folder removed and made again is reported (saw ${seen.join(', ')})`)

      const before = seen.length
      await writeFile(path.join(dir, 'seeds', '.a.txt.swp'), 'x')
      await writeFile(path.join(dir, 'seeds', 'out', 'page.html'), 'x')
      await writeFile(path.join(dir, 'seeds', 'last.txt'), 'x')
      // Note: a folder's events arrive in order, so once the last write is reported the others would have been.
      assert.ok(await eventually(() => seen.includes(path.join('seeds', 'last.txt')), 10_000), 'the last seed is reported')
      const after = seen.slice(before)
      assert.ok(!after.some((file) => file.includes('.a.txt.swp') || file.startsWith(path.join('seeds', 'out'))), `hidden and ignored entries are not reported (saw ${after.join(', ')})`)
    },
    [path.join('seeds', 'out')],
  )
})

test('a closed watch reports nothing more', async () => {
  await withWatch(['seeds'], (dir) => seedsOf(dir, 1), async (dir, seen, watch) => {
    await watch.close()
    await writeFile(path.join(dir, 'seeds', 'late.txt'), 'x')
    await mkdir(path.join(dir, 'seeds', 'late'))
    assert.equal(await eventually(() => seen.length > 0, 500), false, `nothing is reported after close (saw ${seen.join(', ')})`)
  })
})

test('a folder the watch cannot list is reported as an error, and the watches in place go on', async () => {
  await withWatch(['seeds'], (dir) => seedsOf(dir, 1), async (dir, seen, _watch, failures) => {
    // Note: folders nested past the longest path the system takes (4,096 bytes on Linux), made one step at a time
    // from inside, so listing the tree fails whoever runs the test (root reads any folder).
    const step = 'd'.repeat(200)
    const deep = (): void => {
      const script = `const fs = require('node:fs'); for (let i = 0; i < 24; i++) { fs.mkdirSync('${step}'); process.chdir('${step}') }`
      execFileSync(process.execPath, ['-e', script], {cwd: path.join(dir, 'seeds')})
    }
    try {
      deep()
      assert.ok(await eventually(() => failures.length > 0, 10_000), `the failed listing is reported (saw ${seen.join(', ') || 'nothing'})`)
      assert.match(String(failures[0]?.message), /ENAMETOOLONG/)
      await writeFile(path.join(dir, 'seeds', 'after.txt'), 'x')
      assert.ok(await eventually(() => seen.includes(path.join('seeds', 'after.txt')), 10_000), 'a seed written after the failure is still reported')
      await rename(path.join(dir, 'seeds', 'after.txt'), path.join(dir, 'seeds', 'moved.txt'))
      assert.ok(await eventually(() => seen.includes(path.join('seeds', 'moved.txt')), 10_000), 'a seed renamed after the failure is reported')
      assert.equal(await eventually(() => failures.length > 1, 500), false, `the failure is reported once while it lasts (saw ${failures.length})`)
    } finally {
      // Note: Node's own recursive removal takes whole paths, which are too long here.
      execFileSync('rm', ['-rf', step], {cwd: path.join(dir, 'seeds')})
    }
  })
})

test('a watched folder made as a link to a folder is watched through the link', async () => {
  const sharedTemplates = async (dir: string): Promise<void> => {
    await mkdir(path.join(dir, 'shared', 'templates'), {recursive: true})
  }
  await withWatch(['templates'], sharedTemplates, async (dir, seen) => {
    await symlink(path.join(dir, 'shared', 'templates'), path.join(dir, 'templates'))
    assert.ok(await eventually(() => seen.includes('templates'), 10_000), `the link is reported (saw ${seen.join(', ') || 'nothing'})`)
    // Note: the watch through the link starts a moment after it appears.
    assert.ok(
      await eventually(async () => {
        await writeFile(path.join(dir, 'shared', 'templates', 'base.html'), `x${seen.length}`)
        return seen.includes(path.join('templates', 'base.html'))
      }, 10_000),
      `a file in the linked folder is reported (saw ${seen.join(', ')})`,
    )
  })
})

test('every event a watch gets is counted, also those of entries it does not report', async () => {
  await withWatch(['seeds'], (dir) => seedsOf(dir, 1), async (dir, seen, _watch, _failures, events) => {
    await writeFile(path.join(dir, 'seeds', '.draft.txt.swp'), 'x')
    await writeFile(path.join(dir, 'seeds', 'new.txt'), 'x')
    assert.ok(await eventually(() => seen.includes(path.join('seeds', 'new.txt')), 10_000), `the new seed is reported (saw ${seen.join(', ') || 'nothing'})`)
    assert.ok(!seen.some((file) => file.includes('.draft')), 'the hidden file is not reported')
    assert.ok(events() > seen.length, `the hidden file's events are counted (${events()} events, ${seen.length} reports)`)
  })
})
