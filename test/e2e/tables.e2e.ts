/// <reference lib="dom" />
// Table-heavy wire stories (earnings, crop reports, price grids) read well in
// Chromium at desktop and phone widths: their tables never push the page sideways.
import assert from 'node:assert/strict'
import {readdir, readFile, mkdir} from 'node:fs/promises'
import path from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser} from 'playwright-core'
import {readCorpus, repoRoot} from '../helpers/corpus.js'
import {buildSite, type BuiltSite} from '../helpers/build-site.js'
import {browseSite, type BrowsedSite} from '../helpers/browser.js'

const shots = path.join(repoRoot, 'test-results', 'screenshots', 'tables')
const sizes = [
  {name: 'desktop', width: 1280, height: 900},
  {name: 'phone', width: 390, height: 844},
] as const

let site: BuiltSite
let browsing: BrowsedSite | undefined
let origin: string
let browser: Browser

/** Article pages of the built site, with how many table rows each holds. */
async function tableHeavyPages(dir: string): Promise<{url: string; rows: number; tables: number}[]> {
  const pages: {url: string; rows: number; tables: number}[] = []
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), {withFileTypes: true})) {
      const child = path.posix.join(relative, entry.name)
      if (entry.isDirectory()) await walk(child)
      else if (entry.name === 'index.html' && /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(child)) {
        const html = await readFile(path.join(dir, child), 'utf8')
        const body = html.slice(html.indexOf('<div class="body">'))
        const tables = body.match(/<table/g)?.length ?? 0
        if (tables > 0) pages.push({url: `/${child.replace(/index\.html$/, '')}`, rows: body.match(/<tr/g)?.length ?? 0, tables})
      }
    }
  }
  await walk('')
  return pages.sort((a, b) => b.rows - a.rows || (a.url < b.url ? -1 : 1))
}

before(async () => {
  // Earnings and crop reports: the corpus's first 400 stories hold dozens of them.
  const seeds = Object.fromEntries(readCorpus(400).map((article) => [article.file, article.text]))
  site = await buildSite({seeds})
  browsing = await browseSite(site.outDir)
  origin = browsing.origin
  browser = browsing.browser
  await mkdir(shots, {recursive: true})
})

after(async () => {
  await browsing?.close()
  await site?.remove()
})

test('the three most table-heavy articles fit the page at desktop and phone widths', async () => {
  const pages = await tableHeavyPages(site.outDir)
  assert.ok(pages.length >= 3, `expected at least three articles with tables, found ${pages.length}`)
  for (const [rank, article] of pages.slice(0, 3).entries()) {
    assert.ok(article.rows >= 3, `${article.url} should hold a real table`)
    for (const size of sizes) {
      const page = await browser.newPage({viewport: {width: size.width, height: size.height}})
      await page.goto(origin + article.url)
      const layout = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        tables: document.querySelectorAll('.body table').length,
        cells: document.querySelectorAll('.body td').length,
      }))
      await page.screenshot({path: path.join(shots, `table-${rank + 1}-${size.name}.png`), fullPage: true})
      await page.close()
      assert.ok(layout.tables >= 1 && layout.cells > 0, `${article.url} shows its table`)
      assert.ok(layout.page <= layout.viewport, `${article.url} at ${size.width}px: the page is ${layout.page}px wide, wider than the ${layout.viewport}px viewport`)
    }
  }
})
