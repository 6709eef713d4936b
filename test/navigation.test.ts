// Navigation over a small archive that spans days, months and years: every
// page is reachable from the home page, and articles, days, months and years
// link to their neighbours in date order; day pages link the same day in
// other years. Every page names its canonical URL for sharing.
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {after, before, test} from 'node:test'
import {findAllFiles} from '../src/adapters/glob.js'
import {buildSite, type BuiltSite} from './helpers/build-site.js'

const baseUrl = 'https://news.example.org/'
/** Seeds by date; two on one day, and 18 November in three years. */
const dates = ['2022-11-18', '2023-05-02', '2023-11-18', '2024-01-09', '2024-11-18', '2024-11-18', '2024-11-19']
const seeds = Object.fromEntries(
  dates.map((date, index) => [`${index}.md`, ['---', `title: Story ${index} of the archive`, `date: ${date}`, `topics: [Harbour${index % 2 === 0 ? ', Council' : ''}]`, '---', '', `The harbour council met again, story ${index} says.`, ''].join('\n')]),
)

let site: BuiltSite
let pages: string[]

before(async () => {
  site = await buildSite({seeds, config: {baseUrl, pageSize: 2, archivePageSize: 1}})
  assert.equal(site.result.wrote, true)
  pages = (await findAllFiles(site.outDir)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/')).sort()
})

after(async () => {
  await site?.remove()
})

const read = (file: string): Promise<string> => readFile(path.join(site.outDir, file), 'utf8')
/** The file a site-relative URL names. */
const fileOf = (url: string): string => decodeURIComponent(url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1))
/** Site-relative targets of a page's links and forms. */
const linksOf = (html: string): string[] => [...html.matchAll(/\s(?:href|action)="(\/[^"#?]*)[^"]*"/g)].map((match) => match[1] as string)
/** The `rel` link of a navigation block labelled `label` (or the article navigation), as a file. */
function neighbour(html: string, label: string, rel: 'prev' | 'next'): string | undefined {
  const nav = new RegExp(`<nav class="[^"]*" aria-label="${label}">([\\s\\S]*?)</nav>`).exec(html)?.[1] ?? ''
  const href = new RegExp(`<a rel="${rel}" href="([^"]+)"`).exec(nav)?.[1]
  return href === undefined ? undefined : fileOf(href)
}

test('every page is reachable from the home page by following links', async () => {
  const seen = new Set(['index.html'])
  const queue = ['index.html']
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const url of linksOf(await read(file))) {
      const target = fileOf(url)
      if (target.endsWith('.html') && !seen.has(target) && pages.includes(target)) {
        seen.add(target)
        queue.push(target)
      }
    }
  }
  // Note: the 404 page is what the host serves for a missing URL; no page links to it.
  assert.deepEqual(
    pages.filter((file) => !seen.has(file)),
    ['404.html'],
  )
  assert.ok(pages.length > 30, `${pages.length} pages`)
})

test('article pages link the previous and next article by date', async () => {
  const articles = pages.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file) && !file.includes('/page/'))
  assert.equal(articles.length, dates.length)
  const byDate: {file: string; date: string}[] = []
  for (const file of articles) byDate.push({file, date: /<time datetime="([\d-]+)"/.exec(await read(file))?.[1] ?? ''})
  // Walk the chain from the oldest article along its `next` links: it visits every article, in date order.
  const first = byDate.find((item) => item.date === dates[0])
  assert.ok(first)
  const chain = [first.file]
  for (let next = neighbour(await read(first.file), 'Previous and next article', 'next'); next !== undefined; next = neighbour(await read(next), 'Previous and next article', 'next')) {
    assert.ok(!chain.includes(next), 'no loop')
    chain.push(next)
  }
  assert.deepEqual(
    chain.map((file) => byDate.find((item) => item.file === file)?.date),
    [...dates].sort(),
  )
  for (const [index, file] of chain.entries()) {
    assert.equal(neighbour(await read(file), 'Previous and next article', 'prev'), chain[index - 1], `${file}: previous article`)
  }
})

test('day, month and year pages link their neighbours that have articles', async () => {
  const day = await read('2023/11/18/index.html')
  assert.equal(neighbour(day, 'Days', 'prev'), '2023/05/02/index.html')
  assert.equal(neighbour(day, 'Days', 'next'), '2024/01/09/index.html')
  const month = await read('2024/01/index.html')
  assert.equal(neighbour(month, 'Months', 'prev'), '2023/11/index.html')
  assert.equal(neighbour(month, 'Months', 'next'), '2024/11/index.html')
  const year = await read('2023/index.html')
  assert.equal(neighbour(year, 'Years', 'prev'), '2022/index.html')
  assert.equal(neighbour(year, 'Years', 'next'), '2024/index.html')
  assert.equal(neighbour(await read('2022/index.html'), 'Years', 'prev'), undefined, 'the first year has no previous one')
  assert.equal(neighbour(await read('2024/11/19/index.html'), 'Days', 'next'), undefined, 'the last day has no next one')
})

test('day pages link the same day in other years, and breadcrumbs lead home', async () => {
  const day = await read('2023/11/18/index.html')
  const onThisDay = /<h2 id="on-this-day-heading">[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(day)?.[1] ?? ''
  assert.deepEqual(linksOf(onThisDay).map(fileOf), ['2022/11/18/index.html', '2024/11/18/index.html'])
  assert.deepEqual(linksOf(/<nav class="breadcrumbs" aria-label="Breadcrumb"[\s\S]*?<\/nav>/.exec(await read('2024/11/18/index.html'))?.[0] ?? '').map(fileOf), ['index.html', '2024/index.html', '2024/11/index.html', '2024/11/18/index.html'])
  assert.equal(/<h2 id="on-this-day-heading">/.test(await read('2023/05/02/index.html')), false, 'no such list when no other year has the day')
})

test('every page names its canonical URL, the same in OpenGraph, with a Twitter card', async () => {
  for (const file of pages) {
    const html = await read(file)
    const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1] ?? ''
    assert.ok(canonical?.startsWith(baseUrl), `${file}: canonical URL ${canonical}`)
    assert.ok(html.includes(`<meta property="og:url" content="${canonical}">`), `${file}: og:url`)
    assert.match(html, /<meta property="og:title" content="[^"]+">/, `${file}: og:title`)
    assert.match(html, /<meta name="twitter:card" content="summary(?:_large_image)?">/, `${file}: twitter:card`)
    if (file !== '404.html') assert.equal(fileOf(`/${canonical.slice(baseUrl.length)}`), file, `${file}: canonical URL names the page itself`)
  }
})
