import assert from 'node:assert/strict'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import {build} from '../src/build.js'
import {defaultConfig} from '../src/config/site-config.js'
import {buildOptions, listFiles, makeTempDir, removeDir, writeFiles} from './helpers/build-from-files.js'
import {readCorpus, repoRoot} from './helpers/corpus.js'
import {checkSite, type SiteReport} from './quality/check-site.js'

/**
 * Quality gates over whole built sites: the example site and 2,000 articles
 * of the research corpus. Every HTML page is valid (html-validate, see
 * `quality/validate-html.ts` for the rules), every internal link, asset and
 * fragment resolves, nothing comes from another host, every page carries a
 * Content-Security-Policy that forbids inline script and holds nothing that
 * runs script, and every feed and sitemap is well-formed with working links.
 */

let root = ''
before(async () => {
  root = await makeTempDir('news-archive-quality-')
})
after(async () => {
  await removeDir(root)
})

/** Build `seedsDir` of `cwd` into a fresh folder (with its own cache) and check it. */
async function buildAndCheck(cwd: string, seedsDir: string, name: string): Promise<{report: SiteReport; files: string[]}> {
  const outDir = path.join(root, name, 'dist')
  const result = await build(buildOptions(cwd, {seedsDir, outDir, cacheDir: path.join(root, name, 'cache')}))
  assert.equal(result.wrote, true, result.problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.file}: ${problem.message}`).join('\n'))
  return {report: await checkSite(outDir, defaultConfig.baseUrl), files: await listFiles(outDir)}
}

/** Every gate at once, so a failure shows all of them: a count per HTML rule, then the first failures of each gate. */
function assertGates(report: SiteReport): void {
  const first = (list: readonly string[]): string[] => list.slice(0, 12)
  const rules = new Map<string, number>()
  for (const line of report.invalidHtml) {
    const rule = line.split(' ')[1] ?? ''
    rules.set(rule, (rules.get(rule) ?? 0) + 1)
  }
  assert.deepEqual(
    {
      htmlRules: Object.fromEntries(rules),
      invalidHtml: first(report.invalidHtml),
      brokenLinks: first(report.brokenLinks),
      foreignLinks: first(report.foreignLinks),
      unsafePages: first(report.unsafePages),
      badFeeds: first(report.badFeeds),
    },
    {htmlRules: {}, invalidHtml: [], brokenLinks: [], foreignLinks: [], unsafePages: [], badFeeds: []},
  )
}

/** The kinds of page every site has, by the file that holds one. */
const pageKinds = ['index.html', '404.html', 'archive/index.html', 'topics/index.html', 'search/index.html']

describe('the example site', () => {
  test('passes every gate', async () => {
    const {report, files} = await buildAndCheck(repoRoot, 'seeds', 'example')
    for (const kind of pageKinds) assert.ok(files.includes(kind), `has ${kind}`)
    assert.ok(report.pages >= 9 && report.links > 100, `${report.pages} pages and ${report.links} links were checked`)
    assertGates(report)
  })
})

describe('2,000 articles of the research corpus', () => {
  test('pass every gate', async () => {
    const site = path.join(root, 'corpus-site')
    await writeFiles(site, Object.fromEntries(readCorpus(2000).map((article) => [`seeds/${article.file}`, article.text])))
    const {report, files} = await buildAndCheck(site, 'seeds', 'corpus')
    for (const kind of pageKinds) assert.ok(files.includes(kind), `has ${kind}`)
    assert.ok(report.pages > 2000, `${report.pages} pages were checked`)
    assertGates(report)
  })
})
