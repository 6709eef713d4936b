/// <reference lib="dom" />
/**
 * Browser test of the site's design: screenshots of the main kinds of page at
 * desktop and phone sizes, in light and dark mode, for the example site and a
 * sample of the research corpus. Asserts no horizontal overflow, no console
 * errors (a Content-Security-Policy violation is one), no axe-core violations,
 * and that every link in the archive pictures leads to a page that exists.
 *
 * Screenshots go to `test-results/screenshots/` (git-ignored). With
 * `UPDATE_SCREENSHOTS=1`, the example site's home, article and year pages are
 * also copied to `docs/screenshots/` for the README; corpus text never is.
 */
import test from 'node:test'
import assert from 'node:assert/strict'
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {launchChromium, serveSite, type ServedSite} from '../helpers/browser.js'
import {findAllFiles} from '../../src/adapters/glob.js'
import {samplePages, type SamplePages} from '../helpers/sample-pages.js'
import {build} from '../../src/build.js'
import {readCorpus, repoRoot} from '../helpers/corpus.js'

const shotsDir = path.join(repoRoot, 'test-results', 'screenshots')
const viewports = [
  {name: 'desktop', width: 1280, height: 900},
  {name: 'phone', width: 390, height: 844},
] as const
const schemes = ['light', 'dark'] as const
/** Corpus articles in the sample: every n-th of the corpus, so the sample spans all of its months. */
const corpusSample = 2000

interface Site {
  readonly name: string
  readonly dir: string
  readonly origin: string
  readonly server: ServedSite
  /** Page kind → URL path; no topic page where no topic has one (the example's single article). */
  readonly pages: SamplePages
}

async function buildSite(cwd: string, outDir: string): Promise<void> {
  const result = await build({cwd, seedsDir: 'seeds', outDir, check: false, drafts: false, skipInvalid: true})
  assert.equal(result.wrote, true, `the build wrote nothing: ${result.problems.slice(0, 3).map((item) => item.message).join('; ')}`)
}

async function serve(name: string, dir: string): Promise<Site> {
  const server = await serveSite(dir)
  const pages = await samplePages(dir)
  const {topic} = pages
  // Note: a topic found in the text gets its page from two articles on, so the one example article's topics have none.
  assert.equal(topic === undefined, name === 'example', topic ? `${name} has the topic page ${topic}` : `${name} has no topic page`)
  return {
    name,
    dir,
    server,
    origin: server.origin,
    pages,
  }
}

let browser: Browser
let work: string
const sites: Site[] = []
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

test.before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'news-archive-e2e-'))
  await rm(shotsDir, {recursive: true, force: true})
  await mkdir(shotsDir, {recursive: true})
  await buildSite(repoRoot, path.join(work, 'example'))
  const corpusCwd = path.join(work, 'corpus')
  await mkdir(path.join(corpusCwd, 'seeds'), {recursive: true})
  const corpus = readCorpus()
  const step = Math.max(1, Math.floor(corpus.length / corpusSample))
  for (let index = 0; index < corpus.length; index += step) {
    const article = corpus[index]
    if (article) await writeFile(path.join(corpusCwd, 'seeds', article.file), article.text)
  }
  await buildSite(corpusCwd, path.join(work, 'corpus-site'))
  sites.push(await serve('example', path.join(work, 'example')), await serve('corpus', path.join(work, 'corpus-site')))
  browser = await launchChromium()
})

test.after(async () => {
  if (process.env['UPDATE_SCREENSHOTS'] === '1') await updateDocsScreenshots()
  await browser?.close()
  for (const site of sites) await site.server.close()
  if (work) await rm(work, {recursive: true, force: true})
})

/** Open a page and fail on any console error or failed request (a CSP violation is reported as one). */
async function open(page: Page, url: string): Promise<string[]> {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`))
  const response = await page.goto(url)
  assert.equal(response?.status(), 200, url)
  return errors
}

for (const kind of ['home', 'article', 'year', 'month', 'topic'] as const) {
  test(`${kind} pages fit every screen, in light and dark mode, without errors`, async () => {
    let checked = 0
    for (const site of sites) {
      const url = site.pages[kind]
      if (url === undefined) continue
      checked++
      for (const viewport of viewports) {
        for (const scheme of schemes) {
          const context = await browser.newContext({viewport: {width: viewport.width, height: viewport.height}, colorScheme: scheme})
          const page = await context.newPage()
          const label = `${site.name} ${kind} ${viewport.name} ${scheme}`
          const errors = await open(page, site.origin + url)
          const file = `${site.name}-${kind}-${viewport.name}-${scheme}.png`
          await page.screenshot({path: path.join(shotsDir, file), fullPage: true})
          const {scrollWidth, innerWidth, background} = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            background: getComputedStyle(document.body).backgroundColor,
          }))
          assert.ok(scrollWidth <= innerWidth, `${label}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`)
          const dark = luminance(background) < 0.2
          assert.equal(dark, scheme === 'dark', `${label}: background ${background}`)
          assert.deepEqual(errors, [], label)
          await context.close()
        }
      }
    }
    assert.ok(checked > 0, `no site has a ${kind} page`)
  })
}

test('every page kind fits screens from 320 px to 1440 px without scrolling sideways', async () => {
  for (const site of sites) {
    for (const width of [320, 1440]) {
      const context = await browser.newContext({viewport: {width, height: 900}})
      const page = await context.newPage()
      for (const url of [...Object.values(site.pages), '/archive/', '/topics/']) {
        await open(page, site.origin + url)
        const {scrollWidth, innerWidth} = await page.evaluate(() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth}))
        assert.ok(scrollWidth <= innerWidth, `${site.name} ${url}: the page is ${scrollWidth}px wide in a ${innerWidth}px window`)
      }
      await context.close()
    }
  }
})

test('every page kind passes axe-core with no violations, in light and dark mode', async () => {
  for (const site of sites) {
    for (const scheme of schemes) {
      const context = await browser.newContext({viewport: {width: 390, height: 844}, colorScheme: scheme})
      const page = await context.newPage()
      for (const [kind, url] of Object.entries({...site.pages, archive: '/archive/', topics: '/topics/'})) {
        await open(page, site.origin + url)
        // Note: evaluate runs over the DevTools protocol, which the page's CSP does not restrict; a <script> tag would be blocked.
        await page.evaluate(axeSource)
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as {axe: {run(): Promise<{passes: unknown[]; violations: {id: string; nodes: {target: unknown}[]}[]}>}}).axe
          const result = await axe.run()
          return {passed: result.passes.length, found: result.violations.map((violation) => `${violation.id}: ${violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', ')}`)}
        })
        assert.ok(violations.passed > 10, `${site.name} ${kind}: axe ran its checks`)
        assert.deepEqual(violations.found, [], `${site.name} ${kind} (${scheme})`)
      }
      await context.close()
    }
  }
})

test('the heatmap, the calendars and the timeline link only to pages that exist', async () => {
  for (const site of sites) {
    const files = new Set(await findAllFiles(site.dir))
    const context = await browser.newContext()
    const page = await context.newPage()
    for (const url of [site.pages.year, site.pages.month, '/archive/']) {
      await open(page, site.origin + url)
      const links = await page.$$eval('svg.chart a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
      assert.ok(links.length > 0, `${site.name} ${url} has linked marks`)
      for (const link of links) assert.ok(files.has(`${link.slice(1)}index.html`), `${site.name} ${url} links to ${link}, which is not a page`)
      // A click on a mark goes where the link says.
      const target = links[0] as string
      await page.click(`svg.chart a[href="${target}"]`)
      assert.equal(new URL(page.url()).pathname, target)
    }
    const yearLinks = await (async () => {
      await open(page, site.origin + site.pages.year)
      return page.$$eval('.year-table a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
    })()
    const heatmapLinks = await page.$$eval('.heatmap svg.chart a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
    assert.deepEqual(yearLinks.filter((link) => /\/\d{2}\/\d{2}\/$/.test(link)).sort(), [...heatmapLinks].sort(), `${site.name}: the table has the same days as the heatmap`)
    await context.close()
  }
})

/** Copy the example site's screenshots that the README shows. Only the example site: corpus text stays out of the repository. */
async function updateDocsScreenshots(): Promise<void> {
  const docs = path.join(repoRoot, 'docs', 'screenshots')
  await mkdir(docs, {recursive: true})
  const wanted: [string, string][] = [
    ['example-home-desktop-light.png', 'home.png'],
    ['example-article-desktop-light.png', 'article.png'],
    ['example-article-phone-dark.png', 'article-phone-dark.png'],
    ['example-year-desktop-light.png', 'year.png'],
  ]
  for (const [from, to] of wanted) await copyFile(path.join(shotsDir, from), path.join(docs, to))
}

/** Relative luminance (0–1) of a CSS `rgb(…)` colour. */
function luminance(color: string): number {
  const [red = 0, green = 0, blue = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const value = channel / 255
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue
}
