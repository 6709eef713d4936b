import assert from 'node:assert/strict'
import {existsSync, readdirSync, writeFileSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import {makeTempDir, removeDir, writeFiles} from '../../test/helpers/build-from-files.js'
import {repoRoot} from '../../test/helpers/corpus.js'
import {eventually} from '../../test/helpers/eventually.js'
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
      await eventually(() => events.some((event) => event.kind === 'built'))
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

test('a seed saved while the first build runs is built after it', async () => {
  const dir = await makeTempDir('news-archive-dev-first-')
  try {
    await writeFiles(dir, {'seeds/a.txt': ' date 2024-11-18 The council approved the budget on Monday.\n'})
    const events: DevEvent[] = []
    const server = await startDevServer({
      ...options(dir, events),
      onEvent: (event: DevEvent) => {
        events.push(event)
        // Note: written before the first build ends, as an editor may while a large archive builds.
        if (event.kind === 'built' && events.length === 1) writeFileSync(path.join(dir, 'seeds', 'b.txt'), ' date 2024-11-19 The mayor opened the new library on Tuesday.\n')
      },
    })
    try {
      assert.ok(await eventually(() => events.filter((event) => event.kind === 'built').length >= 2, 20_000), `the new seed is built (events: ${events.map((event) => event.kind).join(', ')})`)
      await server.settled()
      const second = events.filter((event) => event.kind === 'built')[1]
      assert.ok(second?.kind === 'built')
      assert.equal(second.result.articles, 2)
    } finally {
      await server.close()
    }
  } finally {
    await removeDir(dir)
  }
})

test('with search, the dev server shows a change first and brings the search index up to date after, without another reload', async () => {
  const dir = await makeTempDir('news-archive-dev-search-')
  try {
    await writeFiles(dir, {'seeds/a.txt': ' date 2024-11-18 The council approved the budget on Monday.\n'})
    const events: DevEvent[] = []
    /** The article pages the live search index has, when each event came. */
    const indexed: number[] = []
    const server = await startDevServer({
      ...options(dir, events),
      search: true,
      onEvent: (event) => {
        events.push(event)
        indexed.push(fragments(path.join(dir, 'site')))
      },
    })
    const reloads: string[] = []
    const stream = await fetch(new URL('/__news-archive/events', server.url))
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader()
    void (async () => {
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) reloads.push(...chunk.value.split('\n').filter((line) => line.startsWith('event: reload')))
    })()
    try {
      await server.settled()
      // Note: the first build, into an empty folder, leaves no back buffer: one is made before the search pass starts from it.
      assert.deepEqual(events.map((event) => event.kind), ['built', 'prepared', 'indexed'], 'the first build goes live before the index is made')
      assert.deepEqual(indexed, [0, 0, 1])

      await writeFiles(dir, {'seeds/b.txt': ' date 2024-11-19 The harbour reopened on Tuesday after the storm.\n'})
      await eventually(() => events.length >= 5)
      await server.settled()
      assert.deepEqual(events.map((event) => event.kind), ['built', 'prepared', 'indexed', 'built', 'indexed'])
      const [, , , added, searched] = events
      assert.ok(added?.kind === 'built' && added.result.searchStale && added.result.rendered > 0)
      assert.ok(searched?.kind === 'indexed' && searched.result.searchIndexed && searched.result.rendered === 0)
      assert.deepEqual(indexed.slice(3), [1, 2], 'the new page is live before it is in the index, then it is indexed')
      assert.equal(reloads.length, 1, 'open pages reload for the change, not again for the index')
      assert.equal((await fetch(new URL('/pagefind/pagefind.js', server.url))).status, 200)

      // A deleted seed: its page goes at once, and the search pass (which starts one build behind) reloads nothing.
      await rm(path.join(dir, 'seeds/a.txt'))
      await eventually(() => events.length >= 7)
      await server.settled()
      assert.deepEqual(events.slice(5).map((event) => event.kind), ['built', 'indexed'])
      assert.deepEqual(indexed.slice(5), [2, 1])
      assert.equal(reloads.length, 2)

      // Two seeds, the second saved as soon as the first is live, while the index is being made: both end up indexed.
      await writeFiles(dir, {'seeds/c.txt': ' date 2024-11-20 The bridge was closed for repairs on Wednesday.\n'})
      await eventually(() => events.length >= 8)
      await writeFiles(dir, {'seeds/d.txt': ' date 2024-11-21 The museum opened a new wing on Thursday.\n'})
      await eventually(() => events.filter((event) => event.kind === 'built').length >= 4)
      await server.settled()
      assert.equal(events.at(-1)?.kind, 'indexed')
      assert.ok(!events.some((event) => event.kind === 'failed' || event.kind === 'info'), 'nothing failed')
      assert.equal(indexed.at(-1), 3)
    } finally {
      await reader?.cancel()
      await server.close()
    }
  } finally {
    await removeDir(dir)
  }
})

/** Article pages in the search index of the site at `dir` (Pagefind writes a fragment file for each). */
function fragments(dir: string): number {
  const folder = path.join(dir, 'pagefind', 'fragment')
  return existsSync(folder) ? readdirSync(folder).length : 0
}

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

test('after a first build into an empty output folder, the dev server makes a back buffer while idle, and the next change starts from it', async () => {
  const dir = await makeTempDir('news-archive-dev-back-')
  try {
    await writeFiles(dir, {'seeds/a.txt': ' date 2024-11-18 The council approved the budget on Monday.\n'})
    const events: DevEvent[] = []
    const server = await startDevServer(options(dir, events))
    try {
      await server.settled()
      assert.deepEqual(events.map((event) => event.kind), ['built', 'prepared'])
      assert.ok(existsSync(path.join(dir, '.site.previous', 'index.html')))
      writeFileSync(path.join(dir, 'seeds', 'b.txt'), ' date 2024-11-19 The mayor opened the new library on Tuesday.\n')
      assert.ok(await eventually(() => events.filter((event) => event.kind === 'built').length >= 2, 20_000), `the new seed is built (events: ${events.map((event) => event.kind).join(', ')})`)
      await server.settled()
      const second = events.at(-1)
      assert.ok(second?.kind === 'built')
      assert.equal(second.result.base, 'previous', 'not a copy of the live site')
      assert.equal(second.result.articles, 2)
      assert.deepEqual(events.map((event) => event.kind), ['built', 'prepared', 'built'], 'a site with a back buffer needs no other')
    } finally {
      await server.close()
    }
  } finally {
    await removeDir(dir)
  }
})

test('after a change that re-renders most pages, the dev server makes a back buffer close to the new site, and the next change starts from it', async () => {
  const dir = await makeTempDir('news-archive-dev-far-')
  try {
    // Note: enough pages that the old site, left as the back buffer, is too far behind to start from (see `farBehindFiles`).
    const seeds: Record<string, string> = {}
    for (let index = 0; index < 1100; index++) seeds[`seeds/s${index}.txt`] = ` date 2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')} Story ${index}: the council met on item ${index * 7}.\n`
    // Note: the template is there before the server starts, the built-in one's text: editing it is then a change to one file.
    const template = await readFile(path.join(repoRoot, 'templates', 'article.html'), 'utf8')
    await writeFiles(dir, {...seeds, 'templates/article.html': template})
    const events: DevEvent[] = []
    const server = await startDevServer(options(dir, events))
    try {
      await server.settled()
      assert.deepEqual(events.map((event) => event.kind), ['built', 'prepared'])
      await writeFiles(dir, {'templates/article.html': `${template}\n<!-- edited -->\n`})
      assert.ok(await eventually(() => events.filter((event) => event.kind === 'built').length >= 2, 60_000))
      await server.settled()
      const edited = events.filter((event) => event.kind === 'built')[1]
      assert.ok(edited?.kind === 'built' && edited.result.rendered >= 1100, 'every article page is rendered again')
      assert.deepEqual(events.map((event) => event.kind), ['built', 'prepared', 'built', 'prepared'])
      await writeFiles(dir, {'seeds/new.txt': ' date 2024-12-30 The mayor opened the new library on Monday.\n'})
      assert.ok(await eventually(() => events.filter((event) => event.kind === 'built').length >= 3, 60_000))
      await server.settled()
      const added = events.at(-1)
      assert.ok(added?.kind === 'built')
      assert.equal(added.result.base, 'previous', 'not a copy of the live site')
      assert.ok(added.result.rendered < 50, `only the pages the new article changes (${added.result.rendered})`)
    } finally {
      await server.close()
    }
  } finally {
    await removeDir(dir)
  }
})
