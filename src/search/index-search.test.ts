import test from 'node:test'
import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {mkdtemp, mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {indexSearch} from './index-search.js'

/** A page as the article template marks it: only `data-pagefind-body` pages are indexed. */
const article = (title: string, topic: string, text: string): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav>` +
  `<article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1>` +
  `<time datetime="2024-01-02" data-pagefind-meta="date" data-pagefind-filter="year:2024">2 January 2024</time>` +
  `<a href="/t/" data-pagefind-filter="topic">${topic}</a><p>${text}</p></article></body></html>`

async function site(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-archive-search-'))
  const pages: Record<string, string> = {
    'index.html': '<!doctype html><html lang="en"><body><p>Home page, not indexed.</p></body></html>',
    'a/index.html': article('Oil prices rise', 'Oil', 'Crude oil rose on Monday.'),
    'b/index.html': article('Grain harvest', 'Grain', 'Wheat and corn harvests grew.'),
  }
  for (const [file, html] of Object.entries(pages)) {
    await mkdir(path.dirname(path.join(dir, file)), {recursive: true})
    await writeFile(path.join(dir, file), html)
  }
  return dir
}

/** Every file of a folder with its bytes, for comparing two runs. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile())
  const entries = await Promise.all(files.map(async (entry) => {
    const file = path.join(entry.parentPath, entry.name)
    return [path.relative(dir, file), (await readFile(file)).toString('base64')] as const
  }))
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : 1)))
}

test('maxFragments bundles the articles into fewer files, for hosts that limit them', async () => {
  const dir = await site()
  try {
    await indexSearch(dir, {glob: '*/index.html', maxFragments: 1})
    const fragments = await readdir(path.join(dir, 'pagefind', 'fragment'))
    assert.equal(fragments.length, 1, `two articles in ${fragments.join(', ')}`)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})

test('indexSearch writes a Pagefind bundle into the site, reports its size and time, and is deterministic', async () => {
  const first = await site()
  const second = await site()
  try {
    const result = await indexSearch(first)
    assert.equal(result.pages, 3, 'every HTML file is read')
    assert.ok(existsSync(path.join(first, 'pagefind', 'pagefind.js')), 'the search API is served from the site itself')
    assert.ok(result.files > 5)
    assert.equal(result.files, (await snapshot(path.join(first, 'pagefind'))).size)
    assert.ok(Number.isInteger(result.milliseconds) && result.milliseconds >= 0)
    const fragments = await readdir(path.join(first, 'pagefind', 'fragment'))
    assert.equal(fragments.length, 2, 'only the two article pages are indexed')
    const filters = await readdir(path.join(first, 'pagefind', 'filter'))
    assert.ok(filters.length > 0, 'the topic and year filters are indexed')

    const narrowed = await indexSearch(second, {glob: '*/index.html'})
    assert.equal(narrowed.pages, 2, 'a glob narrows what is read')
    assert.deepEqual(await snapshot(path.join(second, 'pagefind')), await snapshot(path.join(first, 'pagefind')), 'same pages, same bytes')
  } finally {
    await rm(first, {recursive: true, force: true})
    await rm(second, {recursive: true, force: true})
  }
})

test('aborting its signal stops Pagefind under way: indexSearch rejects with the reason, and indexing works again after', async () => {
  const dir = await site()
  try {
    const controller = new AbortController()
    const indexing = indexSearch(dir, {signal: controller.signal})
    // Note: Pagefind runs as a process of its own, which has not answered yet.
    controller.abort()
    await assert.rejects(indexing, {name: 'AbortError'})
    await assert.rejects(indexSearch(dir, {signal: controller.signal}), {name: 'AbortError'}, 'an aborted signal stops it before it starts')
    const result = await indexSearch(dir)
    assert.equal(result.pages, 3)
    assert.equal((await readdir(path.join(dir, 'pagefind', 'fragment'))).length, 2)
  } finally {
    await rm(dir, {recursive: true, force: true})
  }
})
