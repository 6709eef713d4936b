import assert from 'node:assert/strict'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir, writeFiles} from '../../test/helpers/build-from-files.js'
import {startDevServer, type DevEvent} from './dev-server.js'

test('while another build holds the build cache, the dev server says so, without a stack trace, and builds once it is free', async () => {
  const dir = await makeTempDir('news-archive-dev-busy-')
  try {
    const lock = path.join(dir, '.cache', 'news-archive', 'build.lock')
    // Note: process 1 runs on every Linux system, so the lock is a live one.
    await writeFiles(dir, {'seeds/a.txt': ' date 2024-11-18 The council approved the budget on Monday.\n', [path.relative(dir, lock)]: '1'})
    const events: DevEvent[] = []
    const server = await startDevServer({cwd: dir, seedsDir: 'seeds', outDir: 'site', drafts: false, search: false, port: 0, host: 'localhost', onEvent: (event) => events.push(event)})
    try {
      const failed = events.find((event) => event.kind === 'failed')
      assert.ok(failed?.kind === 'failed', 'the first build fails')
      assert.match(failed.report, /another build \(process 1\) is using the build cache/)
      assert.doesNotMatch(failed.report, /\n\s+at /, 'no stack trace')
      const page = await fetch(server.url)
      assert.equal(page.status, 500)
      assert.match(await page.text(), /another build \(process 1\)/)

      await rm(lock)
      const started = Date.now()
      while (!events.some((event) => event.kind === 'built') && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 50))
      assert.ok(events.some((event) => event.kind === 'built'), 'it builds once the cache is free, with no change to the files')
      await server.settled()
      assert.equal((await fetch(server.url)).status, 200)
    } finally {
      await server.close()
    }
  } finally {
    await removeDir(dir)
  }
})
