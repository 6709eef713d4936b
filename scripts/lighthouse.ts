/**
 * Lighthouse scores of the example site: builds `seeds/` into a temporary
 * folder, serves it on 127.0.0.1, and runs Lighthouse (with Debian's Chromium,
 * or `CHROME_PATH`) on the home, an article, a month, a year and a topic page.
 * Prints the four category scores per page and exits with 1 when any is below
 * the bar (0.98, or `--min 0.9`). Reports are saved in `test-results/lighthouse/`.
 *
 * Usage: npm run lighthouse [-- --desktop] [-- --min 0.95] [-- --seeds <folder>]
 */
import {spawn} from 'node:child_process'
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import sirv from 'sirv'
import {build} from '../src/build.js'
import {samplePages} from '../test/helpers/sample-pages.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const {values} = parseArgs({
  options: {
    desktop: {type: 'boolean', default: false},
    min: {type: 'string', default: '0.98'},
    seeds: {type: 'string', default: 'seeds'},
  },
})
const bar = Number(values.min)
const reportsDir = path.join(root, 'test-results', 'lighthouse')
const lighthouseCli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js')

const work = await mkdtemp(path.join(tmpdir(), 'news-archive-lighthouse-'))
const outDir = path.join(work, 'dist')
let server: Server | undefined
try {
  const result = await build({cwd: root, seedsDir: values.seeds, outDir, check: false, drafts: false, skipInvalid: true})
  if (!result.wrote) throw new Error(`the build wrote nothing: ${result.problems.slice(0, 3).map((item) => item.message).join('; ')}`)
  // Note: sirv reads the folder when it is created, so the server starts after the build.
  server = createServer(sirv(outDir, {etag: true}))
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address !== 'object') throw new Error('the server has no address')
  const origin = `http://127.0.0.1:${address.port}`
  const pages = await pickPages(outDir)
  await mkdir(reportsDir, {recursive: true})

  const rows: {page: string; url: string; scores: Record<string, number>}[] = []
  for (const [name, url] of Object.entries(pages)) {
    const report = path.join(reportsDir, `${name}${values.desktop ? '-desktop' : ''}.json`)
    await runLighthouse(origin + url, report)
    const data = JSON.parse(await readFile(report, 'utf8')) as {categories: Record<string, {score: number | null}>}
    const scores = Object.fromEntries(categories.map((category) => [category, data.categories[category]?.score ?? 0]))
    rows.push({page: name, url, scores})
  }

  const header = ['page', ...categories, 'url']
  process.stdout.write(`Lighthouse 12 (${values.desktop ? 'desktop' : 'mobile'}), bar ${bar}\n`)
  process.stdout.write(`${header.join('\t')}\n`)
  for (const row of rows) process.stdout.write(`${[row.page, ...categories.map((category) => row.scores[category]?.toFixed(2)), row.url].join('\t')}\n`)
  const failing = rows.flatMap((row) => categories.filter((category) => (row.scores[category] ?? 0) < bar).map((category) => `${row.page} ${category} ${row.scores[category]}`))
  if (failing.length > 0) {
    process.stderr.write(`Below ${bar}: ${failing.join(', ')}. The reports are in ${path.relative(process.cwd(), reportsDir)}/.\n`)
    process.exitCode = 1
  }
} finally {
  server?.close()
  await rm(work, {recursive: true, force: true})
}

/** One page of each kind (see `samplePages`), and the topic index where no topic has a page (the example site). */
async function pickPages(dir: string): Promise<Record<string, string>> {
  const {topic, ...pages} = await samplePages(dir)
  return {...pages, ...(topic ? {topic} : {topics: '/topics/'})}
}

function runLighthouse(url: string, report: string): Promise<void> {
  const args = [
    lighthouseCli,
    url,
    '--output=json',
    `--output-path=${report}`,
    `--only-categories=${categories.join(',')}`,
    `--chrome-flags=${chromeFlags.join(' ')}`,
    '--quiet',
    ...(values.desktop ? ['--preset=desktop'] : []),
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {stdio: ['ignore', 'inherit', 'inherit'], env: {...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? '/usr/bin/chromium'}})
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code} for ${url}`))))
  })
}
