import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {after, before, test} from 'node:test'
import type {Browser} from 'playwright-core'
import {buildFromFiles, listFiles, removeDir, type FolderBuild} from '../helpers/build-from-files.js'
import {repoRoot} from '../helpers/corpus.js'
import {browseSite, type BrowsedSite} from '../helpers/browser.js'

/**
 * axe-core in Chromium finds no accessibility violation on any kind of page,
 * in the light and the dark colour scheme.
 */

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** The example seed and a few more, so every kind of page has something to show: topics, several days, months and years. */
async function seeds(): Promise<Record<string, string>> {
  const example = '000_2480c2fad12c4528.txt'
  const article = (date: string, title: string, topics: string[], body: string): string => ['---', `title: ${JSON.stringify(title)}`, `date: ${date}`, `topics: ${JSON.stringify(topics)}`, '---', body].join('\n')
  return {
    [`seeds/${example}`]: await readFile(path.join(repoRoot, 'seeds', example), 'utf8'),
    'seeds/budget.md': article('2024-11-18', 'City budget passes after a long debate', ['Budget', 'City council'], 'The council approved the budget on Monday.\n\n## What changes\n\nBus fares stay the same.\n'),
    'seeds/grain.md': article('2024-10-02', 'Grain exports resume', ['Grain', 'Budget'], 'Grain exports through the port resumed on Wednesday.\n'),
    'seeds/chess.md': article('2023-08-09', 'Chess final moves to the capital', ['Chess'], 'Organisers said the final would be played in the autumn.\n'),
  }
}

let site: FolderBuild
let browsing: BrowsedSite | undefined
let origin: string
let browser: Browser

before(async () => {
  site = await buildFromFiles(await seeds())
  assert.equal(site.result.wrote, true, site.result.problems.map((problem) => problem.message).join('\n'))
  browsing = await browseSite(site.outDir)
  origin = browsing.origin
  browser = browsing.browser
})

after(async () => {
  await browsing?.close()
  if (site) await removeDir(site.dir)
})

/** One URL of each kind of page, found in the built site. */
async function pageOfEachKind(): Promise<Record<string, string>> {
  const files = await listFiles(site.outDir)
  const find = (kind: string, pattern: RegExp): [string, string] => {
    const file = files.find((name) => pattern.test(name))
    assert.ok(file, `the site has a ${kind} page`)
    return [kind, `/${file.replace(/index\.html$/, '')}`]
  }
  return Object.fromEntries([
    find('home', /^index\.html$/),
    find('article', /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/),
    find('day', /^\d{4}\/\d{2}\/\d{2}\/index\.html$/),
    find('month', /^\d{4}\/\d{2}\/index\.html$/),
    find('year', /^\d{4}\/index\.html$/),
    find('archive', /^archive\/index\.html$/),
    find('topics', /^topics\/index\.html$/),
    find('topic', /^topics\/[a-z0-9-]+\/index\.html$/),
    find('search', /^search\/index\.html$/),
    find('404', /^404\.html$/),
  ])
}

/** What axe reports for one violation: the rule, its impact, and the first elements. */
interface Violation {
  readonly id: string
  readonly impact: string
  readonly help: string
  readonly targets: string[]
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on any kind of page (${scheme} colour scheme)`, async () => {
    const found: string[] = []
    for (const [kind, url] of Object.entries(await pageOfEachKind())) {
      const page = await browser.newPage({colorScheme: scheme})
      const response = await page.goto(`${origin}${url}${kind === 'search' ? '?q=budget' : ''}`, {waitUntil: 'networkidle'})
      assert.ok(response?.ok(), `${url} loads`)
      // Note: evaluated through the browser's protocol, so the page's CSP (script-src 'self') does not stop axe.
      await page.evaluate(axeSource)
      const {violations, passed} = (await page.evaluate(
        `axe.run(document).then((result) => ({passed: result.passes.length, violations: result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 4).map((node) => node.target.join(' '))}))}))`,
      )) as {violations: Violation[]; passed: number}
      await page.close()
      assert.ok(passed >= 10, `axe ran its checks on the ${kind} page (${passed} passed)`)
      for (const violation of violations) found.push(`${kind} ${url}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.targets.join(', ')}`)
    }
    assert.deepEqual(found, [])
  })
}
