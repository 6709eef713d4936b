/// <reference lib="dom" />
import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import type {Browser, Page} from 'playwright-core'
import {buildFromFiles, listFiles, removeDir, type FolderBuild} from '../helpers/build-from-files.js'
import {browseSite, type BrowsedSite} from '../helpers/browser.js'

/**
 * Seeds written by an attacker: script in text, titles, summaries, authors,
 * topics and Markdown; `javascript:` links; text that closes `<title>` or the
 * JSON-LD `<script>`; template syntax; bidi overrides and zero-width
 * characters. Every page built from them is opened in Chromium: no dialog
 * opens, no injected code runs, the CSP reports nothing (so escaping alone
 * did the work), nothing is fetched from another host, and the text is shown
 * as the author wrote it.
 */

/** Every payload calls this; the page records the calls. */
const hit = (tag: string): string => `window.__pwned('${tag}')`

const front = (fields: Record<string, unknown>, body: string): string =>
  ['---', ...Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`), '---', body].join('\n')

const hostileTitle = `</title><script>${hit('title')}</script><img src=x onerror="${hit('title-img')}">`
const jsonLdBreak = `</script><script>${hit('json-ld')}</script><!--`

const seeds: Record<string, string> = {
  'seeds/plain-script.txt': ` date 2024-11-18 The council met. <script>${hit('plain')}</script> <img src=x onerror=${hit('plain-img')}> <svg onload=${hit('plain-svg')}>\n\nA second paragraph with &lt;b&gt; entities &amp; <b>tags</b>.\n`,
  'seeds/markdown.md': front({date: '2024-11-18', title: 'Markdown with everything'}, [
    `<script>${hit('md-script')}</script>`,
    '',
    `<img src="x" onerror="${hit('md-img')}">`,
    '',
    `[a javascript link](javascript:${hit('md-link')}) and [an obfuscated one](  JaVa&#x09;ScRiPt:${hit('md-link-2')}) and <a href="javascript:${hit('md-a')}">raw</a>.`,
    '',
    `![an image](javascript:${hit('md-image')})`,
    '',
    `<iframe srcdoc="<script>${hit('md-iframe')}</script>"></iframe><object data="javascript:${hit('md-object')}"></object><embed src="javascript:${hit('md-embed')}">`,
    '',
    `<svg><script>${hit('md-svg')}</script></svg><math><mi xlink:href="javascript:${hit('md-math')}">x</mi></math>`,
    '',
    `<form action="javascript:${hit('md-form')}"><button formaction="javascript:${hit('md-button')}">Go</button></form>`,
    '',
    `<meta http-equiv="refresh" content="0;url=javascript:${hit('md-refresh')}"><base href="http://evil.invalid/"><style>body{background:url(http://evil.invalid/x.png)}</style>`,
    '',
    `<p style="background:url(javascript:${hit('md-style')})" onclick="${hit('md-onclick')}">A styled paragraph.</p>`,
    '',
    '![a tracking pixel](https://evil.invalid/pixel.png) and <img src="//evil.invalid/x.png" alt="x">',
  ].join('\n')),
  'seeds/title-break.md': front({date: '2024-11-19', title: hostileTitle, summary: `"><script>${hit('summary')}</script>`, author: `"><svg onload=${hit('author')}>`, source: `<a href=javascript:${hit('source')}>Wire</a>`}, 'The body is ordinary.\n'),
  'seeds/json-ld.md': front({date: '2024-11-19', title: jsonLdBreak, topics: [jsonLdBreak]}, 'The JSON-LD of this page holds a closing script tag.\n'),
  'seeds/topics.md': front({date: '2024-11-20', title: 'Hostile topics', topics: [`<script>${hit('topic')}</script>`, `javascript:${hit('topic-url')}`, '{{ site.title }}{% raw %}']}, 'Topics are names, and names are text.\n'),
  'seeds/template.md': front({date: '2024-11-20', title: '{{ site.title }} {% include "x" %} {{ 7 | plus: 1 }}'}, 'Liquid syntax in a seed is text: {{ page.title }} {% if true %}yes{% endif %}\n'),
  'seeds/unicode.md': front({date: '2024-11-21', title: 'Invoice \u202Etxt.exe\u202C and bud\u200Bget\u200D news', topics: ['Bud\u200Bget', '\u202Eevil']}, 'Right-to-left \u202Eoverride\u202C and zero\u200Bwidth characters in the text.\n'),
}

/** What a page recorded: calls of `__pwned`, CSP violations, dialogs, requests to other hosts. */
interface Recording {
  calls: string[]
  violations: string[]
  dialogs: string[]
  foreign: string[]
  errors: string[]
}

let site: FolderBuild
let browsing: BrowsedSite | undefined
let origin: string
let browser: Browser

before(async () => {
  site = await buildFromFiles(seeds)
  assert.equal(site.result.wrote, true, site.result.problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n'))
  browsing = await browseSite(site.outDir)
  origin = browsing.origin
  browser = browsing.browser
})

after(async () => {
  await browsing?.close()
  if (site) await removeDir(site.dir)
})

/** A page that records everything that would show injected code at work. */
async function recordingPage(): Promise<{page: Page; recording: Recording}> {
  const page = await browser.newPage()
  const recording: Recording = {calls: [], violations: [], dialogs: [], foreign: [], errors: []}
  // Note: init scripts are added by the test through the browser's protocol, not by the page, so the CSP does not apply to them.
  await page.exposeFunction('__recordPwned', (tag: string) => void recording.calls.push(tag))
  await page.exposeFunction('__recordViolation', (text: string) => void recording.violations.push(text))
  // Note: a string, not a function: tsx would wrap a function's inner functions in a `__name` helper the page lacks.
  await page.addInitScript(`
    Object.defineProperty(window, '__pwned', {value: (tag) => window.__recordPwned(String(tag))});
    document.addEventListener('securitypolicyviolation', (event) => { window.__recordViolation(event.violatedDirective + ' ' + event.blockedURI) });
  `)
  page.on('dialog', (dialog) => {
    recording.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) recording.foreign.push(request.url())
  })
  page.on('pageerror', (error) => recording.errors.push(error.message))
  return {page, recording}
}

/** Open `url`, wait for it to settle, and return what it recorded. */
async function visit(url: string): Promise<{page: Page; recording: Recording}> {
  const opened = await recordingPage()
  await opened.page.goto(`${origin}${url}`, {waitUntil: 'load'})
  // Note: give timers, lazy images and event handlers a moment to fire, if any had got in.
  await opened.page.mouse.move(5, 5)
  await opened.page.waitForTimeout(100)
  return opened
}

function urlOf(file: string): string {
  return file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`
}

describe('every page built from hostile seeds', () => {
  test('runs no injected code, opens no dialog, breaks no CSP rule and fetches nothing from another host', async () => {
    const pages = (await listFiles(site.outDir)).filter((file) => file.endsWith('.html'))
    assert.ok(pages.length >= 15, `${pages.length} pages`)
    const found: string[] = []
    for (const file of pages) {
      const {page, recording} = await visit(urlOf(file))
      const links = await page.$$eval('a[href], area[href], form[action], iframe, object, embed, base', (elements) =>
        elements.map((element) => {
          if (element instanceof HTMLAnchorElement || element instanceof HTMLAreaElement) return element.protocol
          if (element instanceof HTMLFormElement) return new URL(element.action, document.baseURI).protocol
          if (element instanceof SVGAElement) return new URL(element.href.baseVal, document.baseURI).protocol
          return `<${element.tagName.toLowerCase()}>`
        }),
      )
      await page.close()
      const report = (what: string, list: readonly string[]): void => void (list.length > 0 && found.push(`${file}: ${what}: ${list.join(' | ')}`))
      report('injected code ran', recording.calls)
      report('dialogs opened', recording.dialogs)
      report('the CSP had to block it (escaping or sanitising let it through)', recording.violations)
      report('requests to other hosts', recording.foreign)
      report('script errors', recording.errors)
      report('links with other protocols, or embedded content', links.filter((protocol) => protocol !== 'http:' && protocol !== 'https:'))
    }
    assert.deepEqual(found, [])
  })

  test('URLs stay plain: no bidi or zero-width character gets into a path', async () => {
    const files = await listFiles(site.outDir)
    assert.deepEqual(files.filter((file) => /[^\x21-\x7e]/.test(file)), [])
  })
})

describe('hostile text is shown as written', () => {
  async function articleUrl(title: string): Promise<string> {
    const {page} = await visit('/')
    const href = await page.$$eval('a', (links, wanted) => links.find((link) => link.textContent === wanted)?.getAttribute('href') ?? '', title)
    await page.close()
    assert.ok(href !== '', `the home page links to "${title}"`)
    return href
  }

  test('a title that closes <title> is the page title and the heading, as text', async () => {
    const {page} = await visit(await articleUrl(hostileTitle))
    assert.ok((await page.title()).startsWith(hostileTitle), await page.title())
    assert.equal(await page.textContent('h1'), hostileTitle)
    await page.close()
  })

  test('a title that closes the JSON-LD script stays inside it, as data', async () => {
    const {page} = await visit(await articleUrl(jsonLdBreak))
    const headlines = await page.$$eval('script[type="application/ld+json"]', (scripts) =>
      scripts.flatMap((script) => {
        const data = JSON.parse(script.textContent ?? 'null') as unknown
        return (Array.isArray(data) ? data : [data]).map((item) => (item as {headline?: string}).headline).filter((headline) => headline !== undefined)
      }),
    )
    assert.deepEqual(headlines, [jsonLdBreak])
    await page.close()
  })

  test('Liquid syntax in a seed is not run as a template', async () => {
    const {page} = await visit(await articleUrl('{{ site.title }} {% include "x" %} {{ 7 | plus: 1 }}'))
    assert.match((await page.textContent('main')) ?? '', /\{\{ page\.title \}\} \{% if true %\}yes\{% endif %\}/)
    await page.close()
  })
})

describe('the Content-Security-Policy', () => {
  test('every page carries one that forbids inline script', async () => {
    for (const file of (await listFiles(site.outDir)).filter((name) => name.endsWith('.html'))) {
      const html = await readFile(path.join(site.outDir, file), 'utf8')
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]
      assert.ok(csp, `${file} has a CSP meta tag`)
      const scriptSources = (/(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1] ?? '*').split(/\s+/)
      assert.ok(!scriptSources.includes("'unsafe-inline'") && !scriptSources.includes('*'), `${file}: script-src ${scriptSources.join(' ')}`)
    }
  })

  test('Chromium blocks an inline script and an event handler that a broken template let through', async () => {
    const {page, recording} = await recordingPage()
    const url = `${origin}/`
    const html = await readFile(path.join(site.outDir, 'index.html'), 'utf8')
    const broken = html.replace('</main>', `<script>${hit('inline')}</script><img src="/assets/none.png" onerror="${hit('handler')}"></main>`)
    assert.notEqual(broken, html, 'the page has a <main> to break')
    await page.route(url, (route) => route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: broken}))
    await page.goto(url, {waitUntil: 'load'})
    await page.waitForTimeout(100)
    await page.close()
    assert.deepEqual(recording.calls, [], 'neither ran')
    // Note: the same page without its CSP shows the recorder sees code that runs.
    const unprotected = await recordingPage()
    await unprotected.page.route(url, (route) => route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: broken.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')}))
    await unprotected.page.goto(url, {waitUntil: 'load'})
    await unprotected.page.waitForTimeout(100)
    await unprotected.page.close()
    assert.deepEqual(unprotected.recording.calls.sort(), ['handler', 'inline'])
    assert.ok(recording.violations.some((violation) => violation.startsWith('script-src-elem')), `the inline script was blocked: ${recording.violations.join('; ')}`)
    assert.ok(recording.violations.some((violation) => violation.startsWith('script-src-attr')), `the event handler was blocked: ${recording.violations.join('; ')}`)
  })
})
