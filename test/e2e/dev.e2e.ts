/// <reference lib="dom" />
import assert from 'node:assert/strict'
import type {ChildProcess} from 'node:child_process'
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import {launchChromium, watchPage} from '../helpers/browser.js'
import {makeTempDir, removeDir} from '../helpers/build-from-files.js'
import {repoRoot} from '../helpers/corpus.js'
import {eventually} from '../helpers/eventually.js'
import {startCli} from '../helpers/run-cli.js'

/**
 * `news-archive dev` end to end, in real Chromium: it serves the site, picks
 * up a new seed, and the open page reloads by itself; a bad seed shows its
 * problem in the page (and the terminal) and fixing it brings the site back.
 */

let project: string
let server: ChildProcess
let origin: string
let output = ''
let browser: Browser

/** Wait until `check` holds, polling; fails after `timeout` ms with `what`. */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeout = 30_000): Promise<void> {
  assert.ok(await eventually(check, timeout, 100), `timed out waiting for ${what}`)
}

/** The page's text, or '' while it is between documents (reloading). */
async function textOf(page: Page): Promise<string> {
  try {
    return await page.evaluate(() => document.body?.innerText ?? '')
  } catch {
    return ''
  }
}

before(async () => {
  project = await makeTempDir('news-archive-dev-')
  await mkdir(path.join(project, 'seeds'))
  await copyFile(path.join(repoRoot, 'seeds/000_2480c2fad12c4528.txt'), path.join(project, 'seeds/000_2480c2fad12c4528.txt'))
  server = startCli(['dev', '--port', '0', '--host', '127.0.0.1', '--no-search'], {cwd: project})
  server.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  await waitFor('the dev server to start', () => /Serving .* on (http:\/\/localhost:\d+\/)/.test(output), 60_000)
  origin = (/Serving .* on (http:\/\/localhost:\d+)\//.exec(output) as RegExpExecArray)[1] as string
  browser = await launchChromium()
})

after(async () => {
  await browser?.close()
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
  }
  await removeDir(project)
})

test('the dev server serves the site, rebuilds on a new seed and on a bad one, and the open page reloads itself', async () => {
  const page = await browser.newPage()
  const {errors, foreign} = watchPage(page, origin)
  page.on('response', (answer) => {
    if (answer.status() === 404) errors.push(`404: ${answer.url()}`)
  })
  const connected = page.waitForRequest((request) => request.url().endsWith('/__news-archive/events'))
  const response = await page.goto(`${origin}/`)
  assert.equal(response?.status(), 200)
  await connected
  assert.match(await textOf(page), /United States/, 'the example article is listed')
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++
  })

  // A new article, newer than the example: the home page must show it without being asked to.
  // Its misspelt key is a warning, which the terminal lists once, not on every build after.
  const seed = ['---', 'title: Harbour reopens after the storm', 'date: 2024-11-19', 'auther: Harbour desk', '---', '', 'The harbour reopened on Tuesday after a storm closed it for two days.', ''].join('\n')
  await writeFile(path.join(project, 'seeds/2024-11-19-harbour-reopens.md'), seed)
  await waitFor('the page to reload with the new article', async () => (await textOf(page)).includes('Harbour reopens after the storm'))
  assert.ok(navigations >= 1, 'the page reloaded by itself')

  // A seed with an impossible date: the page shows the problem, and the server keeps running.
  await writeFile(path.join(project, 'seeds/bad.txt'), ' date 2024-02-30 A day that does not exist.')
  await waitFor('the error page', async () => (await textOf(page)).includes('The site could not be built'))
  const problemText = await textOf(page)
  assert.match(problemText, /seeds\/bad\.txt:1:\d+/)
  assert.match(problemText, /date-invalid/)
  assert.match(output, /seeds\/bad\.txt:1:\d+: error: .*\[date-invalid\]/, 'the terminal shows the problem too')

  // Fixing the seed brings the site back.
  await writeFile(path.join(project, 'seeds/bad.txt'), ' date 2024-02-29 A day that does exist, in a leap year.\n\nIt has a second paragraph.')
  await waitFor('the site to come back', async () => {
    const text = await textOf(page)
    return text.includes('Harbour reopens after the storm') && !text.includes('could not be built')
  })
  assert.equal(server.exitCode, null, 'the server is still running')
  // Note: the failed build's report counts it too ("1 error, 1 warning (…"): this waits for the fixed build's.
  await waitFor('the terminal to count the warning as shown before', () => /^0 errors, 1 warning \(1 shown before and not listed again/m.test(output))
  assert.equal(output.match(/^.*\[front-matter-unknown-key\]$/gm)?.length, 1, 'the warning was listed by the build that found it only')
  // Note: the error page is served with status 500, which Chromium logs; anything else is a real error.
  assert.deepEqual(errors.filter((error) => !/status of 500/.test(error)), [], 'no console errors (a blocked script or stream would show here)')
  assert.deepEqual(foreign, [], 'no request leaves the site')
  await page.close()
})

test('the reload script is served from the site itself and the built pages stay as a build makes them', async () => {
  const script = await fetch(`${origin}/__news-archive/reload.js`)
  assert.equal(script.status, 200)
  assert.match(script.headers.get('content-type') ?? '', /javascript/)
  const home = await (await fetch(`${origin}/`)).text()
  assert.match(home, /<script src="\/__news-archive\/reload\.js" data-site="\d+" defer><\/script>/)
  const onDisk = await readFile(path.join(project, '.cache/news-archive/dev-site/index.html'), 'utf8')
  assert.doesNotMatch(onDisk, /reload\.js/, 'only the server adds the script; the files are a normal build')
  const missing = await fetch(`${origin}/no/such/page/`)
  assert.equal(missing.status, 404)
})

test('with search on, a new seed is on the site at once and the search page finds it once the index is brought up to date', async () => {
  const dir = await makeTempDir('news-archive-dev-search-')
  await mkdir(path.join(dir, 'seeds'))
  await copyFile(path.join(repoRoot, 'seeds/000_2480c2fad12c4528.txt'), path.join(dir, 'seeds/000_2480c2fad12c4528.txt'))
  let log = ''
  const dev = startCli(['dev', '--port', '0', '--host', '127.0.0.1'], {cwd: dir})
  dev.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
  dev.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk))
  const page = await browser.newPage()
  try {
    await waitFor('the dev server to index the first build', () => /Search index up to date/.test(log), 60_000)
    const site = (/Serving .* on (http:\/\/localhost:\d+)\//.exec(log) as RegExpExecArray)[1] as string
    assert.match(log, /Built 1 article in .* Updating the search index…/, 'the site is served before the index is made')
    const seed = ['---', 'title: Harbour reopens after the storm', 'date: 2024-11-19', '---', '', 'The harbour reopened on Tuesday after a storm closed it for two days.', ''].join('\n')
    await writeFile(path.join(dir, 'seeds/2024-11-19-harbour-reopens.md'), seed)
    await waitFor('the second search index', () => (log.match(/Search index up to date/g) ?? []).length === 2, 60_000)
    await page.goto(`${site}/search/?q=harbour`)
    await page.waitForSelector('#search-results li')
    assert.deepEqual(await page.$$eval('#search-results .card-title a', (links) => links.map((link) => link.textContent)), ['Harbour reopens after the storm'])
  } finally {
    await page.close()
    const exited = new Promise((resolve) => dev.once('exit', resolve))
    dev.kill('SIGTERM')
    await exited
    await removeDir(dir)
  }
})
