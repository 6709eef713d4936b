/// <reference lib="dom" />
import {after, before, test} from 'node:test'
import assert from 'node:assert/strict'
import type {Browser, Page} from 'playwright-core'
import {buildSite, exampleSeeds, type BuiltSite} from '../helpers/build-site.js'
import {browseSite, watchPage, type BrowsedSite, type PageTrouble} from '../helpers/browser.js'

// The example site plus two small articles that also mention the Kremlin, in
// other years and topics, so that each filter visibly leaves something out.
const otherSeeds = {
  'grain-2023.md': ['---', 'title: Grain exports resume', 'date: 2023-05-02', 'topics: [Grain]', '---', '', 'The Kremlin said on Tuesday that grain exports through the Black Sea would resume next week.', ''].join('\n'),
  'chess-2022.md': ['---', 'title: Chess final moves to Moscow', 'date: 2022-08-09', 'topics: [Chess]', '---', '', 'Organisers said the final would be played near the Kremlin in the autumn.', ''].join('\n'),
}
/** The example article's URL path starts with its date. */
const exampleArticle = /^\/2024\/11\/18\/[a-z0-9-]+\/$/

let site: BuiltSite
let browsing: BrowsedSite | undefined
let origin: string
let browser: Browser

before(async () => {
  site = await buildSite({seedsDir: exampleSeeds, seeds: otherSeeds})
  assert.equal(site.result.wrote, true, 'the example site builds')
  browsing = await browseSite(site.outDir)
  origin = browsing.origin
  browser = browsing.browser
})

after(async () => {
  await browsing?.close()
  await site?.remove()
})

/** A page that records console errors (CSP violations among them) and requests to other hosts. */
async function openPage(): Promise<{page: Page} & PageTrouble> {
  const page = await browser.newPage()
  return {page, ...watchPage(page, origin)}
}

/** Search from the header box of the home page and wait for the results. */
async function searchFromHeader(page: Page, words: string): Promise<void> {
  await page.goto(`${origin}/`)
  await page.fill('#site-search-q', words)
  await page.press('#site-search-q', 'Enter')
  await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === words)
  await page.waitForSelector('#search-results li')
}

/** URL paths of the results on show, in order. */
async function resultPaths(page: Page): Promise<string[]> {
  return page.$$eval('#search-results .card-title a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))
}

test('a word from the example seed, typed in the header box, finds the article, which opens', async () => {
  const {page, errors, foreign} = await openPage()
  await searchFromHeader(page, 'Kremlin')
  assert.equal(await page.inputValue('#search-q'), 'Kremlin', 'the search page reads ?q=')
  const paths = await resultPaths(page)
  assert.equal(paths.length, 3, `all three articles mention the Kremlin: ${paths.join(', ')}`)
  assert.ok(paths.some((path) => exampleArticle.test(path)), `the example article is among ${paths.join(', ')}`)
  assert.match(await page.textContent('#search-status') ?? '', /^3 articles match “Kremlin”/)

  const result = page.locator('#search-results li', {has: page.locator(`a[href^="/2024/11/18/"]`)})
  assert.equal(await result.locator('time').textContent(), '18 November 2024', 'the result shows its date')
  assert.ok(((await result.locator('.summary').textContent()) ?? '').length > 20, 'the result shows the summary')
  assert.equal(await result.locator('.search-excerpt mark').first().textContent(), 'Kremlin', 'the match is highlighted')
  const title = (await result.locator('.card-title a').textContent())?.trim() ?? ''

  await result.locator('.card-title a').click()
  await page.waitForURL((url) => exampleArticle.test(url.pathname))
  assert.equal((await page.textContent('main h1'))?.trim(), title, 'the article that opens is the one found')
  assert.match(await page.textContent('main article') ?? '', /Kremlin/)
  assert.deepEqual(errors, [], 'no script errors or Content-Security-Policy violations')
  assert.deepEqual(foreign, [], 'nothing is loaded from another host')
  await page.close()
})

test('the same search with a topic filter keeps only that topic\'s articles, and the filter is in the URL', async () => {
  const {page, errors} = await openPage()
  await searchFromHeader(page, 'Kremlin')
  const topics = await page.$$eval('#search-topic option', (options) => options.map((option) => (option as HTMLOptionElement).value))
  assert.ok(topics.includes('Russia') && topics.includes('Grain'), `the topic menu lists the index's topics: ${topics.join(', ')}`)

  await page.selectOption('#search-topic', 'Grain')
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1)
  assert.deepEqual(await resultPaths(page), ['/2023/05/02/grain-exports-resume/'])
  assert.equal(new URL(page.url()).searchParams.get('topic'), 'Grain')

  await page.selectOption('#search-topic', 'Russia')
  await page.waitForFunction(() => {
    const links = Array.from(document.querySelectorAll('#search-results .card-title a'))
    return links.length === 1 && new URL((links[0] as HTMLAnchorElement).href).pathname.startsWith('/2024/11/18/')
  })
  assert.match(await page.textContent('#search-status') ?? '', /^1 article matches “Kremlin” about Russia/)
  await page.click('#search-results .card-title a')
  await page.waitForURL((url) => exampleArticle.test(url.pathname))
  assert.deepEqual(errors, [])
  await page.close()
})

test('a year filter, and a search link with filters in it, work too', async () => {
  const {page, errors} = await openPage()
  await page.goto(`${origin}/search/?q=Kremlin&year=2022`)
  await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 1)
  assert.deepEqual(await resultPaths(page), ['/2022/08/09/chess-final-moves-to-moscow/'])
  assert.equal(await page.inputValue('#search-year'), '2022')
  assert.deepEqual(errors, [])
  await page.close()
})

test('without its index the search page says so and offers the archive instead', async () => {
  const page = await browser.newPage()
  await page.route('**/pagefind/**', (route) => route.abort())
  await page.goto(`${origin}/search/?q=Kremlin`)
  await page.waitForSelector('#search-unavailable', {state: 'visible'})
  assert.match(await page.textContent('#search-status') ?? '', /^Search is not available/)
  assert.equal(await page.isHidden('#search-form'), true)
  const links = await page.$$eval('#search-unavailable a', (anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname))
  assert.deepEqual(links, ['/archive/', '/topics/'])
  await page.close()
})

test('with JavaScript turned off the search page says so and links to the archive and the topics', async () => {
  const context = await browser.newContext({javaScriptEnabled: false})
  try {
    const page = await context.newPage()
    await page.goto(`${origin}/search/?q=Kremlin`)
    const text = (await page.textContent('main')) ?? ''
    assert.match(text, /Search needs JavaScript/)
    const links = await page.$$eval('main noscript a, main p a', (anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname))
    assert.ok(links.includes('/archive/') && links.includes('/topics/'), links.join(', '))
    assert.equal(await page.locator('#search-results li').count(), 0, 'no results without JavaScript')
  } finally {
    await context.close()
  }
})
