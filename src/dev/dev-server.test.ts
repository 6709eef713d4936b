import assert from 'node:assert/strict'
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {setTimeout as sleep} from 'node:timers/promises'
import {makeTempDir, removeDir, writeFiles} from '../../test/helpers/build-from-files.js'
import {repoRoot} from '../../test/helpers/corpus.js'
import {eventually} from '../../test/helpers/eventually.js'
import {startDevServer, type DevEvent, type DevServer} from './dev-server.js'

/** One seed, for projects that need just one. */
const oneSeed = {'seeds/a.txt': ' date 2024-11-18 The council approved the budget on Monday.\n'}

/** Where a build of a project with one seed finds its build cache held by another running build (process 1 runs on every Linux system). */
const busyLock = path.join('.cache', 'news-archive', 'build.lock')

/** A running dev server on a project of its own, and what it has reported so far. */
interface DevProject {
  readonly dir: string
  readonly server: DevServer
  readonly events: DevEvent[]
}

/**
 * Start a dev server on a new project folder holding `files` (output in
 * `site/`, without search unless asked), run `use`, then close the server and
 * delete the folder. `onEvent` sees each event after it is recorded.
 */
async function withDevServer(files: Record<string, string>, use: (project: DevProject) => Promise<void>, settings: {search?: boolean; onEvent?: (event: DevEvent, dir: string, events: readonly DevEvent[]) => void} = {}): Promise<void> {
  const dir = await makeTempDir('news-archive-dev-')
  try {
    await writeFiles(dir, files)
    const events: DevEvent[] = []
    const server = await startDevServer({
      cwd: dir, seedsDir: 'seeds', outDir: 'site', drafts: false, search: settings.search ?? false, port: 0, host: 'localhost',
      onEvent: (event) => {
        events.push(event)
        settings.onEvent?.(event, dir, events)
      },
    })
    try {
      await use({dir, server, events})
    } finally {
      await server.close()
    }
  } finally {
    await removeDir(dir)
  }
}

/** The kinds of `events`, in order. */
const kinds = (events: readonly DevEvent[]): string[] => events.map((event) => event.kind)

/** The events of kind `built`. */
const builds = (events: readonly DevEvent[]): DevEvent[] => events.filter((event) => event.kind === 'built')

test('while another build holds the build cache, the dev server says so once, without a stack trace, and builds once it is free', async () => {
  await withDevServer({...oneSeed, [busyLock]: '1'}, async ({dir, server, events}) => {
    const page = await fetch(server.url)
    assert.equal(page.status, 503)
    const html = await page.text()
    assert.match(html, /Waiting for another build/)
    assert.match(html, /another build \(process 1\) is using the build cache/)
    // Note: it tries again every second; the terminal hears of it once.
    await sleep(2500)
    assert.deepEqual(kinds(events), ['info'])
    const [waiting] = events
    assert.ok(waiting?.kind === 'info')
    assert.match(waiting.message, /another build \(process 1\) is using the build cache/)
    assert.doesNotMatch(waiting.message, /\n\s+at /, 'no stack trace')
    assert.equal(server.builds, 0)

    await rm(path.join(dir, busyLock))
    await eventually(() => builds(events).length > 0)
    assert.equal(builds(events).length, 1, 'it builds once the cache is free, with no change to the files')
    await server.settled()
    assert.equal((await fetch(server.url)).status, 200)
  })
})

test('a dev server closed while it waits for the build cache stops trying', async () => {
  await withDevServer({...oneSeed, [busyLock]: '1'}, async ({dir, server, events}) => {
    await server.close()
    await rm(path.join(dir, busyLock))
    await sleep(2500)
    assert.deepEqual(kinds(events), ['info'], 'no build after close')
    assert.equal(server.builds, 0)
  })
})

test('a seed saved while the first build runs is built after it', async () => {
  const onEvent = (event: DevEvent, dir: string, events: readonly DevEvent[]): void => {
    // Note: written before the first build ends, as an editor may while a large archive builds.
    if (event.kind === 'built' && events.length === 1) writeFileSync(path.join(dir, 'seeds', 'b.txt'), ' date 2024-11-19 The mayor opened the new library on Tuesday.\n')
  }
  await withDevServer(oneSeed, async ({server, events}) => {
    assert.ok(await eventually(() => builds(events).length >= 2, 20_000), `the new seed is built (events: ${kinds(events).join(', ')})`)
    await server.settled()
    const second = builds(events)[1]
    assert.ok(second?.kind === 'built')
    assert.equal(second.result.articles, 2)
    // Note: the new site goes live, and open pages reload, before the build records it for the next one.
    assert.ok(second.liveMilliseconds > 0 && second.liveMilliseconds < second.milliseconds, `live after ${second.liveMilliseconds} ms, done after ${second.milliseconds} ms`)
  }, {onEvent})
})

test('with search, the dev server shows a change first and brings the search index up to date after, without another reload', async () => {
  /** The article pages the live search index has, when each event came. */
  const indexed: number[] = []
  const onEvent = (_event: DevEvent, dir: string): void => {
    indexed.push(fragments(path.join(dir, 'site')))
  }
  await withDevServer(oneSeed, async ({dir, server, events}) => {
    const reloads: string[] = []
    const stream = await fetch(new URL('/__news-archive/events', server.url))
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader()
    void (async () => {
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) reloads.push(...chunk.value.split('\n').filter((line) => line.startsWith('event: reload')))
    })()
    try {
      await server.settled()
      // Note: the first build, into an empty folder, leaves no back buffer: one is made before the search pass starts from it.
      assert.deepEqual(kinds(events), ['built', 'prepared', 'indexed'], 'the first build goes live before the index is made')
      assert.deepEqual(indexed, [0, 0, 1])

      await writeFiles(dir, {'seeds/b.txt': ' date 2024-11-19 The harbour reopened on Tuesday after the storm.\n'})
      await eventually(() => events.length >= 5)
      await server.settled()
      assert.deepEqual(kinds(events), ['built', 'prepared', 'indexed', 'built', 'indexed'])
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
      assert.deepEqual(kinds(events.slice(5)), ['built', 'indexed'])
      assert.deepEqual(indexed.slice(5), [2, 1])
      assert.equal(reloads.length, 2)

      // Two seeds, the second saved as soon as the first is live, while the index is being made: both end up indexed.
      await writeFiles(dir, {'seeds/c.txt': ' date 2024-11-20 The bridge was closed for repairs on Wednesday.\n'})
      await eventually(() => events.length >= 8)
      await writeFiles(dir, {'seeds/d.txt': ' date 2024-11-21 The museum opened a new wing on Thursday.\n'})
      await eventually(() => builds(events).length >= 4)
      await server.settled()
      assert.equal(events.at(-1)?.kind, 'indexed')
      assert.ok(!events.some((event) => event.kind === 'failed' || event.kind === 'info'), 'nothing failed')
      assert.equal(indexed.at(-1), 3)
    } finally {
      await reader?.cancel()
    }
  }, {search: true, onEvent})
})

test('a search pass that finds the build cache busy says so once, waits without spinning, and indexes once the cache is free', async () => {
  // Note: taken as the back buffer is made, so the search pass after it finds the cache held.
  const onEvent = (event: DevEvent, dir: string): void => {
    if (event.kind === 'prepared') writeFileSync(path.join(dir, busyLock), '1')
  }
  await withDevServer(oneSeed, async ({dir, server, events}) => {
    assert.ok(await eventually(() => events.some((event) => event.kind === 'info'), 20_000), `it says the cache is busy (events: ${kinds(events).join(', ')})`)
    const before = process.cpuUsage()
    await sleep(2500)
    const used = process.cpuUsage(before)
    assert.deepEqual(kinds(events), ['built', 'prepared', 'info'])
    // Note: trying again once a second costs a few milliseconds; trying again at once kept a core busy.
    assert.ok(used.user + used.system < 1_000_000, `waiting used ${Math.round((used.user + used.system) / 1000)} ms of CPU in 2.5 s`)
    assert.equal(fragments(path.join(dir, 'site')), 0)

    await rm(path.join(dir, busyLock))
    assert.ok(await eventually(() => events.some((event) => event.kind === 'indexed'), 20_000))
    await server.settled()
    assert.deepEqual(kinds(events), ['built', 'prepared', 'info', 'indexed'])
    assert.equal(fragments(path.join(dir, 'site')), 1)
  }, {search: true, onEvent})
})

/** Article pages in the search index of the site at `dir` (Pagefind writes a fragment file for each). */
function fragments(dir: string): number {
  const folder = path.join(dir, 'pagefind', 'fragment')
  return existsSync(folder) ? readdirSync(folder).length : 0
}

test('after a first build into an empty output folder, the dev server makes a back buffer while idle, and the next change starts from it', async () => {
  await withDevServer(oneSeed, async ({dir, server, events}) => {
    await server.settled()
    assert.deepEqual(kinds(events), ['built', 'prepared'])
    assert.ok(existsSync(path.join(dir, '.site.previous', 'index.html')))
    writeFileSync(path.join(dir, 'seeds', 'b.txt'), ' date 2024-11-19 The mayor opened the new library on Tuesday.\n')
    assert.ok(await eventually(() => builds(events).length >= 2, 20_000), `the new seed is built (events: ${kinds(events).join(', ')})`)
    await server.settled()
    const second = events.at(-1)
    assert.ok(second?.kind === 'built')
    assert.equal(second.result.base, 'previous', 'not a copy of the live site')
    assert.equal(second.result.articles, 2)
    assert.deepEqual(kinds(events), ['built', 'prepared', 'built'], 'a site with a back buffer needs no other')
  })
})

test('after a change that re-renders most pages, the dev server makes a back buffer close to the new site, and the next change starts from it', async () => {
  // Note: enough pages that the old site, left as the back buffer, is too far behind to start from (see `farBehindFiles`).
  const seeds: Record<string, string> = {}
  for (let index = 0; index < 1100; index++) seeds[`seeds/s${index}.txt`] = ` date 2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')} Story ${index}: the council met on item ${index * 7}.\n`
  // Note: the template is there before the server starts, the built-in one's text: editing it is then a change to one file.
  const template = await readFile(path.join(repoRoot, 'templates', 'article.html'), 'utf8')
  await withDevServer({...seeds, 'templates/article.html': template}, async ({dir, server, events}) => {
    await server.settled()
    assert.deepEqual(kinds(events), ['built', 'prepared'])
    await writeFiles(dir, {'templates/article.html': `${template}\n<!-- edited -->\n`})
    assert.ok(await eventually(() => builds(events).length >= 2, 60_000))
    await server.settled()
    const edited = builds(events)[1]
    assert.ok(edited?.kind === 'built' && edited.result.rendered >= 1100, 'every article page is rendered again')
    assert.deepEqual(kinds(events), ['built', 'prepared', 'built', 'prepared'])
    await writeFiles(dir, {'seeds/new.txt': ' date 2024-12-30 The mayor opened the new library on Monday.\n'})
    assert.ok(await eventually(() => builds(events).length >= 3, 60_000))
    await server.settled()
    const added = events.at(-1)
    assert.ok(added?.kind === 'built')
    assert.equal(added.result.base, 'previous', 'not a copy of the live site')
    assert.ok(added.result.rendered < 50, `only the pages the new article changes (${added.result.rendered})`)
  })
})

test('after the first build the dev server looks again at only what changed, and finds every kind of change', async () => {
  await withDevServer(oneSeed, async ({dir, server, events}) => {
    const seeds = path.join(dir, 'seeds')
    /** Make a change, wait for its build, and give how many articles the site then has and how many seeds the scan looked at. */
    const after = async (change: () => void): Promise<{articles: number; scanned: number}> => {
      await server.settled()
      const before = builds(events).length
      change()
      assert.ok(await eventually(() => builds(events).length > before, 20_000), `the change is built (events: ${kinds(events).join(', ')})`)
      await server.settled()
      const last = builds(events).at(-1)
      assert.ok(last?.kind === 'built')
      return {articles: last.result.articles, scanned: last.result.scanned}
    }
    assert.deepEqual(await after(() => writeFileSync(path.join(seeds, 'b.txt'), ' date 2024-11-19 The mayor opened the new library on Tuesday.\n')), {articles: 2, scanned: 1})
    // Note: a folder made with seeds already in it, which no watch saw written: every seed is looked at.
    const staging = path.join(dir, 'staging')
    const moveIn = (): void => {
      mkdirSync(path.join(staging, 'new'), {recursive: true})
      writeFileSync(path.join(staging, 'new', 'c.txt'), ' date 2024-11-20 The bridge reopened on Wednesday.\n')
      writeFileSync(path.join(staging, 'new', 'd.txt'), ' date 2024-11-21 The school board met on Thursday.\n')
      renameSync(path.join(staging, 'new'), path.join(seeds, 'new'))
    }
    assert.deepEqual(await after(moveIn), {articles: 4, scanned: 4})
    assert.deepEqual(await after(() => rmSync(path.join(seeds, 'new', 'c.txt'))), {articles: 3, scanned: 1})
    // Note: a folder moved out of the seeds folder, whose seeds no watch reports on their own.
    assert.deepEqual(await after(() => renameSync(path.join(seeds, 'new'), path.join(dir, 'moved-away'))), {articles: 2, scanned: 2})
    assert.deepEqual(await after(() => writeFileSync(path.join(seeds, 'b.txt'), ' date 2024-11-19 The mayor opened the new public library on Tuesday.\n')), {articles: 2, scanned: 1})
    assert.match(await readFile(path.join(dir, 'site', '2024', '11', '19', 'index.html'), 'utf8'), /new public library/)
  })
})

test('a page served before a rebuild that it did not hear of learns of it as its event stream opens', {timeout: 60_000}, async () => {
  await withDevServer(oneSeed, async ({dir, server, events}) => {
    await server.settled()
    const siteOf = async (url: string | URL): Promise<number> => Number(/data-site="(\d+)"/.exec(await (await fetch(url)).text())?.[1])
    const served = await siteOf(server.url)
    await writeFiles(dir, {'seeds/b.txt': ' date 2024-11-19 The harbour reopened on Tuesday after the storm.\n'})
    await eventually(() => builds(events).length >= 2)
    await server.settled()
    // Note: the stream opens only now, after the rebuild that reloaded the pages open then.
    const stream = await fetch(new URL('/__news-archive/events', server.url))
    const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader()
    assert.ok(reader)
    let text = ''
    for (let chunk = await reader.read(); !chunk.done && !/event: site\ndata: \d+\n\n/.test((text += chunk.value)); chunk = await reader.read());
    await reader.cancel()
    const current = Number(/event: site\ndata: (\d+)/.exec(text)?.[1])
    assert.ok(current > served, `the page was served after rebuild ${served}, the stream says ${current}`)
    assert.equal(await siteOf(server.url), current, 'a page served now is as new as the stream says')
    assert.equal(await siteOf(new URL('/no/such/page/', server.url)), current, 'so is the page for a path the site lacks')
  })
})
