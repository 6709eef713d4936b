import assert from 'node:assert/strict'
import {rm} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import {makeTempDir, removeDir, writeFiles} from '../../test/helpers/build-from-files.js'
import {startDevServer, type DevEvent} from './dev-server.js'

/** A project with one seed whose build cache another running build holds (process 1 runs on every Linux system). */
async function projectWithBusyCache(): Promise<{dir: string; lock: string}> {
  const dir = await makeTempDir('news-archive-dev-busy-')
  const lock = path.join(dir, '.cache', 'news-archive', 'build.lock')
  await writeFiles(dir, {'seeds/a.txt': ' date 2024-11-18 The council approved the budget on Monday.\n', [path.relative(dir, lock)]: '1'})
  return {dir, lock}
}

const options = (dir: string, events: DevEvent[]) => ({cwd: dir, seedsDir: 'seeds', outDir: 'site', drafts: false, search: false, port: 0, host: 'localhost', onEvent: (event: DevEvent) => events.push(event)})

test('while another build holds the build cache, the dev server says so once, without a stack trace, and builds once it is free', async () => {
  const {dir, lock} = await projectWithBusyCache()
  try {
    const events: DevEvent[] = []
    const server = await startDevServer(options(dir, events))
    try {
      const page = await fetch(server.url)
      assert.equal(page.status, 503)
      const html = await page.text()
      assert.match(html, /Waiting for another build/)
      assert.match(html, /another build \(process 1\) is using the build cache/)
      // Note: it tries again every second; the terminal hears of it once.
      await sleep(2500)
      assert.deepEqual(events.map((event) => event.kind), ['info'])
      const [waiting] = events
      assert.ok(waiting?.kind === 'info')
      assert.match(waiting.message, /another build \(process 1\) is using the build cache/)
      assert.doesNotMatch(waiting.message, /\n\s+at /, 'no stack trace')
      assert.equal(server.builds, 0)

      await rm(lock)
      const started = Date.now()
      while (!events.some((event) => event.kind === 'built') && Date.now() - started < 30_000) await sleep(50)
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

test('a dev server closed while it waits for the build cache stops trying', async () => {
  const {dir, lock} = await projectWithBusyCache()
  try {
    const events: DevEvent[] = []
    const server = await startDevServer(options(dir, events))
    await server.close()
    await rm(lock)
    await sleep(2500)
    assert.deepEqual(events.map((event) => event.kind), ['info'], 'no build after close')
    assert.equal(server.builds, 0)
  } finally {
    await removeDir(dir)
  }
})
