import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {appendFile, cp, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {build, type BuildResult} from '../src/build.js'
import {minIndexBytesForWorker} from '../src/cache/build-cache.js'
import {buildOptions, listFiles, makeTempDir, removeDir, treeManifest, writeFiles} from './helpers/build-from-files.js'
import {readCorpus, repoRoot} from './helpers/corpus.js'

/**
 * Incremental builds against clean ones, on real Reuters stories: after each
 * change the incremental result must be byte for byte a clean build's, and
 * must have done only the work the change needs.
 */

/** Small pages, so that a few dozen articles make paginated lists. */
const config = JSON.stringify({pageSize: 4, archivePageSize: 4})

/** Thirty stories spread over the corpus's months (it is in date order). */
const stories = readCorpus().filter((_, index) => index % 600 === 0).slice(0, 30)

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await removeDir(dir)
})

async function site(count = 24): Promise<string> {
  const dir = await makeTempDir('news-archive-incremental-')
  dirs.push(dir)
  const files: Record<string, string> = {'news-archive.config.json': config}
  for (const story of stories.slice(0, count)) files[`seeds/${story.file}`] = story.text
  await writeFiles(dir, files)
  return dir
}

/** An incremental build of `dir` into `dist/` (no search index: see the search test). */
function buildIn(dir: string, search = false): Promise<BuildResult> {
  return build(buildOptions(dir, {search}))
}

/** A clean build of the same folder into `clean/`, with a cache of its own that it does not read. */
async function cleanBuild(dir: string): Promise<string> {
  await rm(path.join(dir, 'clean'), {recursive: true, force: true})
  const result = await build(buildOptions(dir, {outDir: 'clean', cache: false, cacheDir: '.cache-clean', search: false}))
  assert.ok(result.wrote, 'the clean build writes a site')
  return treeManifest(path.join(dir, 'clean'))
}

async function assertSameAsClean(dir: string): Promise<void> {
  assert.equal(await treeManifest(path.join(dir, 'dist')), await cleanBuild(dir))
}

/** A seed dated after every story of the sample. */
const newestSeed = ' date 1987-11-02 LONDON, Nov 2 - Grain traders said on Monday that wheat prices rose sharply in early trading.\n\nThe rise followed reports of poor harvests in several exporting countries.'

test('a rebuild with nothing changed parses no seed, renders no page and writes no file', async () => {
  const dir = await site()
  const first = await buildIn(dir)
  assert.equal(first.processed, 24)
  assert.equal(first.rendered, first.pages)
  const second = await buildIn(dir)
  assert.equal(second.processed, 0)
  assert.equal(second.rendered, 0)
  assert.equal(second.written, 0)
  assert.equal(second.removed, 0)
  await assertSameAsClean(dir)
})

/** The article links of a list page's cards, in order. */
async function listedArticles(file: string): Promise<string[]> {
  const html = await readFile(file, 'utf8')
  const list = /<ol class="cards[^"]*">([\s\S]*?)<\/ol>/.exec(html)
  assert.ok(list, `${file} has a list of cards`)
  return [...(list[1] as string).matchAll(/class="card-title"><a href="([^"]+)"/g)].map((match) => match[1] as string)
}

/** The cards of the home list's pages: `index.html` and `page/N/index.html`. */
async function homeLists(dir: string): Promise<Map<string, string[]>> {
  const lists = new Map<string, string[]>()
  for (const file of await listFiles(path.join(dir, 'dist'))) {
    if (file === 'index.html' || /^page\/\d+\/index\.html$/.test(file)) lists.set(file, await listedArticles(path.join(dir, 'dist', file)))
  }
  return lists
}

function changedLists(before: Map<string, string[]>, after: Map<string, string[]>): string[] {
  const pages = new Set([...before.keys(), ...after.keys()])
  return [...pages].filter((page) => JSON.stringify(before.get(page)) !== JSON.stringify(after.get(page))).sort()
}

// Note: these check the lists' articles; numbered home pages show no counts,
// so the pages whose articles stay the same keep their bytes too.
test('adding the newest article changes the articles of only the front page and the newest numbered page', async () => {
  const dir = await site(22)
  await buildIn(dir)
  const before = await homeLists(dir)
  await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
  const result = await buildIn(dir)
  assert.equal(result.processed, 1, 'only the new seed is parsed')
  // 22 articles in pages of 4: the home list has pages 1–6 (page 6 holds 2); with 23, page 6 holds 3.
  assert.deepEqual(changedLists(before, await homeLists(dir)), ['index.html', 'page/6/index.html'])
  // Note: more pages change than the lists: the new article's neighbours and related articles, its
  // day, month and year, and every topic page (their coverage charts span the archive's months).
  assert.ok(result.rendered < result.pages && result.unchanged > 0, `rendered ${result.rendered} of ${result.pages} pages`)
  await assertSameAsClean(dir)
})

test('a seed that opens a new numbered page changes the articles of the front page and the new page only', async () => {
  const dir = await site(24)
  await buildIn(dir)
  const before = await homeLists(dir)
  await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
  await buildIn(dir)
  // 24 articles fill pages 1–6 exactly; the 25th opens page 7.
  assert.deepEqual(changedLists(before, await homeLists(dir)), ['index.html', 'page/7/index.html'])
  await assertSameAsClean(dir)
})

test('deleting a seed removes its page and leaves no empty folder', async () => {
  const dir = await site()
  await buildIn(dir)
  const story = stories[5]
  assert.ok(story)
  const before = await listFiles(path.join(dir, 'dist'))
  await rm(path.join(dir, 'seeds', story.file))
  const result = await buildIn(dir)
  assert.ok(result.removed >= 1)
  const after = await listFiles(path.join(dir, 'dist'))
  const gone = before.filter((file) => !after.includes(file))
  assert.ok(gone.some((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file)), `an article page is gone: ${gone.join(', ')}`)
  for (const file of gone) assert.ok(!existsSync(path.join(dir, 'dist', path.dirname(file))) || (await readdir(path.join(dir, 'dist', path.dirname(file)))).length > 0, `${path.dirname(file)} is not left empty`)
  await assertSameAsClean(dir)
})

test('a large archive, its seeds scanned on a worker thread, rebuilds an edited, an added and a deleted seed', async () => {
  const dir = await makeTempDir('news-archive-incremental-')
  dirs.push(dir)
  // Note: enough seeds that their stat index passes the size from which a worker scans them.
  const files: Record<string, string> = {}
  for (let index = 0; index < 4000; index++) {
    const day = String((index % 28) + 1).padStart(2, '0')
    files[`seeds/wire/1987-03-${day}-story-${String(index).padStart(4, '0')}.txt`] = ` date 1987-03-${day} Story ${index} of the wire, on grain, ${index % 7} ships and ${index * 3} tonnes.\n`
  }
  await writeFiles(dir, files)
  // Note: a worker thread asked for, so that the scan takes one even where NEWS_ARCHIVE_WORKERS=0.
  const buildOnWorkers = (): Promise<BuildResult> => build(buildOptions(dir, {search: false, workers: 1}))
  await buildOnWorkers()
  const index = (await readdir(path.join(dir, '.cache/news-archive/seed-stats')))[0] ?? ''
  assert.ok((await readFile(path.join(dir, '.cache/news-archive/seed-stats', index))).length >= minIndexBytesForWorker, 'the stat index is large enough for a worker')

  await writeFile(path.join(dir, 'seeds/wire/1987-03-05-story-0004.txt'), ' date 1987-03-05 Story 4 of the wire, edited: on wheat.\n')
  await writeFile(path.join(dir, 'seeds/wire/1987-03-29-added.txt'), ' date 1987-03-29 A story added after the rest, on maize.\n')
  await rm(path.join(dir, 'seeds/wire/1987-03-10-story-0009.txt'))
  const result = await buildOnWorkers()
  assert.equal(result.processed, 2, 'the edited and the added seed are parsed, no other')
  assert.equal(result.articles, 4000)
  await assertSameAsClean(dir)
})

test('editing a template re-renders only the pages that use it', async () => {
  const dir = await site()
  const first = await buildIn(dir)
  const topicTemplate = await readFile(path.join(repoRoot, 'templates/topic.html'), 'utf8')
  await mkdir(path.join(dir, 'templates'), {recursive: true})
  await writeFile(path.join(dir, 'templates/topic.html'), topicTemplate.replace('{% block content %}', '{% block content %}<p class="edited">Edited</p>'))
  const result = await buildIn(dir)
  const topicPages = (await listFiles(path.join(dir, 'dist'))).filter((file) => file.startsWith('topics/') && file.endsWith('.html') && file !== 'topics/index.html')
  assert.ok(topicPages.length > 0)
  assert.equal(result.rendered, topicPages.length, 'exactly the topic pages are rendered')
  assert.ok(result.rendered < first.pages)
  assert.match(await readFile(path.join(dir, 'dist', topicPages[0] as string), 'utf8'), /class="edited"/)
  await assertSameAsClean(dir)
})

test('a config change re-renders every page, and parses no seed unless it changes how seeds are read', async () => {
  const dir = await site()
  const first = await buildIn(dir)
  await writeFile(path.join(dir, 'news-archive.config.json'), JSON.stringify({pageSize: 4, archivePageSize: 4, title: 'The Wire Archive'}))
  const retitled = await buildIn(dir)
  assert.equal(retitled.processed, 0)
  assert.equal(retitled.rendered, retitled.pages)
  assert.equal(retitled.pages, first.pages)
  await assertSameAsClean(dir)
  await writeFile(path.join(dir, 'news-archive.config.json'), JSON.stringify({pageSize: 4, archivePageSize: 4, title: 'The Wire Archive', topics: {max: 2}}))
  const fewerTopics = await buildIn(dir)
  assert.equal(fewerTopics.processed, 24, 'the topic settings shape every article')
  await assertSameAsClean(dir)
})

test('a damaged, truncated or stale cache is never trusted', async (t) => {
  const cacheFile = (dir: string, name: string): string => path.join(dir, '.cache/news-archive', name)
  const damages: Record<string, (dir: string) => Promise<void>> = {
    'garbage in the seed results': async (dir) => {
      const text = await readFile(cacheFile(dir, 'seed-results.ndjson'), 'utf8')
      const lines = text.split('\n')
      lines[3] = '["not", {"a": "result"}]'
      await writeFile(cacheFile(dir, 'seed-results.ndjson'), lines.join('\n'))
    },
    'seed results of another format version': async (dir) => {
      const text = await readFile(cacheFile(dir, 'seed-results.ndjson'), 'utf8')
      const older = text.replace(/"version":\d+/, '"version":0')
      assert.notEqual(older, text, 'the store names its version')
      await writeFile(cacheFile(dir, 'seed-results.ndjson'), older)
    },
    'a last seed result cut short': async (dir) => {
      await appendFile(cacheFile(dir, 'seed-results.ndjson'), '["abc seeds/x.txt", {"problems": [')
    },
    'tree records that are not JSON': async (dir) => {
      const outputs = cacheFile(dir, 'outputs')
      const [output] = await readdir(outputs)
      await writeFile(path.join(outputs, output as string, 'trees.json'), '{"format": "news-archive/output-trees", "ver')
    },
    'tree manifests of another format version': async (dir) => {
      const outputs = cacheFile(dir, 'outputs')
      const [output] = await readdir(outputs)
      for (const name of await readdir(path.join(outputs, output as string))) {
        if (!name.startsWith('m-')) continue
        const file = path.join(outputs, output as string, name)
        const manifest = await readFile(file, 'latin1')
        const older = manifest.replace(/^news-archive\/tree-manifest \d+\n/, 'news-archive/tree-manifest 1\n')
        assert.notEqual(older, manifest, 'a manifest names its version')
        await writeFile(file, older, 'latin1')
      }
    },
  }
  for (const [name, damage] of Object.entries(damages)) {
    await t.test(name, async () => {
      const dir = await site(12)
      await buildIn(dir)
      await buildIn(dir)
      await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
      await damage(dir)
      const result = await buildIn(dir)
      assert.ok(result.wrote)
      await assertSameAsClean(dir)
      // The build after it is incremental again.
      assert.equal((await buildIn(dir)).rendered, 0)
    })
  }
})

test('a seed with an error leaves the last site in place, and fixing it builds the right site', async () => {
  const dir = await site(12)
  await buildIn(dir)
  const before = await treeManifest(path.join(dir, 'dist'))
  await writeFile(path.join(dir, 'seeds/bad.txt'), ' date 2024-02-30 A day that does not exist.')
  const failed = await buildIn(dir)
  assert.equal(failed.wrote, false)
  assert.deepEqual(failed.problems.filter((item) => item.severity === 'error').map((item) => item.rule), ['date-invalid'])
  assert.equal(await treeManifest(path.join(dir, 'dist')), before)
  await writeFile(path.join(dir, 'seeds/bad.txt'), ' date 1987-11-02 A day that exists.\n\nAnd a second paragraph.')
  const fixed = await buildIn(dir)
  assert.ok(fixed.wrote)
  assert.equal(fixed.processed, 1)
  await assertSameAsClean(dir)
})

test('a staging folder left by a killed build is not trusted, nor is a back buffer someone changed', async () => {
  const dir = await site(12)
  await buildIn(dir)
  await buildIn(dir)
  // Note: every page is spoilt, so a tree trusted by mistake leaves a page the build keeps spoilt.
  const spoil = async (tree: string, text: string): Promise<void> => {
    for (const file of await listFiles(tree)) if (file.endsWith('.html')) await writeFile(path.join(tree, file), text)
  }
  // A build killed while it changed the back buffer: a build unrecords the folder before it moves it to staging
  // (here the copy, a folder of its own, stands for it), and rewrote part of it.
  await cp(path.join(dir, '.dist.previous'), path.join(dir, '.dist.staging'), {recursive: true})
  await rm(path.join(dir, '.dist.previous'), {recursive: true})
  await spoil(path.join(dir, '.dist.staging'), '<p>half written')
  await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
  const afterKill = await buildIn(dir)
  assert.equal(afterKill.wrote, true)
  assert.notEqual(afterKill.base, 'staging')
  await assertSameAsClean(dir)
  // A recorded back buffer whose folder was replaced by another one is not the recorded tree.
  await rm(path.join(dir, '.dist.previous'), {recursive: true})
  await cp(path.join(dir, 'dist'), path.join(dir, '.dist.previous'), {recursive: true})
  await spoil(path.join(dir, '.dist.previous'), '<p>edited by hand')
  await rm(path.join(dir, 'seeds/newest.txt'))
  const afterEdit = await buildIn(dir)
  assert.equal(afterEdit.wrote, true)
  assert.notEqual(afterEdit.base, 'previous')
  await assertSameAsClean(dir)
})

test('the search index is rebuilt when pages change and kept when none did', async () => {
  const dir = await site(8)
  const first = await buildIn(dir, true)
  assert.equal(first.searchIndexed, true)
  const unchanged = await buildIn(dir, true)
  assert.equal(unchanged.searchIndexed, false, 'no page changed: the index is kept')
  await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
  const added = await buildIn(dir, true)
  assert.equal(added.searchIndexed, true, 'a page changed: the index is rebuilt')
  const again = await buildIn(dir, true)
  assert.equal(again.searchIndexed, false, 'the starting tree lags one build behind, but the live site has the index: it is taken from there')
  // Pagefind names its files by content, so the same file list means an index of the same pages.
  const clean = await build(buildOptions(dir, {outDir: 'clean-search', cache: false, cacheDir: '.cache-clean', search: true}))
  assert.equal(clean.searchIndexed, true)
  assert.deepEqual(await listFiles(path.join(dir, 'dist')), await listFiles(path.join(dir, 'clean-search')))
})

test('deferSearch shows the pages at once with the live search index, and the next build brings the index up to date', async () => {
  const dir = await site(8)
  const deferred = (): Promise<BuildResult> => build(buildOptions(dir, {search: true, deferSearch: true}))
  const first = await deferred()
  assert.equal(first.searchStale, true, 'no live index yet: the site goes live without one')
  assert.equal(first.searchIndexed, false)
  assert.equal(existsSync(path.join(dir, 'dist', 'pagefind')), false)
  const indexed = await buildIn(dir, true)
  assert.deepEqual([indexed.searchIndexed, indexed.searchStale, indexed.rendered], [true, false, 0], 'only the index is made')
  const index = await treeManifest(path.join(dir, 'dist', 'pagefind'))

  await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
  const added = await deferred()
  assert.equal(added.searchStale, true)
  assert.equal(added.searchIndexed, false)
  assert.ok(added.rendered > 0)
  assert.match(await readFile(path.join(dir, 'dist', 'index.html'), 'utf8'), /Grain traders said/, 'the new article is live')
  assert.equal(await treeManifest(path.join(dir, 'dist', 'pagefind')), index, 'with the search index as it was, byte for byte')
  // Note: the staging tree now lags behind; the live index is still the one taken.
  await appendFile(path.join(dir, 'seeds/newest.txt'), '\n\nA third paragraph.')
  const edited = await deferred()
  assert.equal(edited.searchStale, true)
  assert.equal(await treeManifest(path.join(dir, 'dist', 'pagefind')), index)

  const caughtUp = await buildIn(dir, true)
  assert.deepEqual([caughtUp.searchIndexed, caughtUp.searchStale, caughtUp.rendered], [true, false, 0])
  assert.equal((await deferred()).searchStale, false, 'an index of the same pages is current: nothing is deferred')
  const clean = await build(buildOptions(dir, {outDir: 'clean-search', cache: false, cacheDir: '.cache-clean', search: true}))
  assert.equal(await treeManifest(path.join(dir, 'dist')), await treeManifest(path.join(dir, 'clean-search')), 'the same site as a clean build, index included')
  assert.equal(clean.searchStale, false)
})

/**
 * A real abort signal, aborted at its `at`-th look (`throwIfAborted`: after the
 * seeds are read, after the pages are written, as indexing starts), or just
 * after Pagefind is started (`indexing`).
 */
function stopAt(at: number | 'indexing'): AbortSignal {
  const controller = new AbortController()
  const {signal} = controller
  let looks = 0
  const stopping: Pick<AbortSignal, 'aborted' | 'reason' | 'throwIfAborted' | 'addEventListener' | 'removeEventListener'> = {
    get aborted() {
      return signal.aborted
    },
    get reason(): unknown {
      return signal.reason
    },
    throwIfAborted() {
      if (++looks === at) controller.abort()
      signal.throwIfAborted()
    },
    addEventListener(...args: Parameters<AbortSignal['addEventListener']>) {
      signal.addEventListener(...args)
      if (at === 'indexing') setImmediate(() => controller.abort())
    },
    removeEventListener(...args: Parameters<AbortSignal['removeEventListener']>) {
      signal.removeEventListener(...args)
    },
  }
  return stopping as AbortSignal
}

for (const [when, at] of [['before its pages are written', 1], ['once its pages are written', 2], ['while Pagefind indexes', 'indexing']] as const) {
  test(`a build stopped by its signal ${when} leaves the last site in place, and the next build completes it`, async () => {
    const dir = await site(8)
    await buildIn(dir, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    await writeFile(path.join(dir, 'seeds/newest.txt'), newestSeed)
    await assert.rejects(build(buildOptions(dir, {search: true, signal: stopAt(at)})), {name: 'AbortError'})
    assert.equal(await treeManifest(path.join(dir, 'dist')), before, 'the live site is untouched')
    const next = await buildIn(dir, true)
    assert.equal(next.searchIndexed, true)
    if (at !== 1) {
      // Note: the stopped build's pages are kept, without its half-made index, for the next build to start from.
      assert.equal(next.base, 'staging')
      assert.equal(next.rendered, 0)
    }
    const clean = await build(buildOptions(dir, {outDir: 'clean-search', cache: false, cacheDir: '.cache-clean', search: true}))
    assert.equal(clean.wrote, true)
    assert.equal(await treeManifest(path.join(dir, 'dist')), await treeManifest(path.join(dir, 'clean-search')), 'the same site as a clean build, index included')
  })
}

test('a search setting rebuilds the search index and renders no page', async () => {
  const dir = await site(8)
  const first = await buildIn(dir, true)
  assert.equal(first.searchIndexed, true)
  await writeFile(path.join(dir, 'news-archive.config.json'), JSON.stringify({pageSize: 4, archivePageSize: 4, search: {maxFragments: 2}}))
  const bundled = await buildIn(dir, true)
  assert.equal(bundled.searchIndexed, true, 'the index is made anew with the new setting')
  assert.equal(bundled.rendered, 0, 'no page shows the search settings')
  assert.ok((await listFiles(path.join(dir, 'dist', 'pagefind', 'fragment'))).length <= 2)
})
