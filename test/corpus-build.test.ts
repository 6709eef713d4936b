// The whole real corpus builds: every article parses, every article page is
// written, every date with articles has its day page, and no internal link on
// any page is broken. The corpus is read from ../shared at test time, never copied.
import assert from 'node:assert/strict'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test} from 'node:test'
import {build} from '../src/build.js'
import {readCorpus} from './helpers/corpus.js'

/** Every file below `dir`, `/`-separated and relative. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

test('the whole Reuters corpus builds into a complete site with no broken internal link', {timeout: 30 * 60 * 1000}, async (t) => {
  const corpus = readCorpus()
  const dir = await mkdtemp(path.join(tmpdir(), 'news-archive-corpus-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  await mkdir(path.join(dir, 'seeds'))
  for (const article of corpus) await writeFile(path.join(dir, 'seeds', article.file), article.text)

  const result = await build({cwd: dir, seedsDir: 'seeds', outDir: 'dist', check: false, drafts: false, skipInvalid: false, search: false})
  const errors = result.problems.filter((problem) => problem.severity === 'error')
  assert.deepEqual(errors, [], 'every corpus article parses')
  const distinctTexts = new Set(corpus.map((article) => article.text)).size
  const duplicates = result.problems.filter((problem) => problem.rule === 'duplicate-content').length
  assert.equal(duplicates, corpus.length - distinctTexts, 'every exact repeat is reported once')
  assert.equal(result.articles, distinctTexts, 'every distinct article is published')
  t.diagnostic(`${corpus.length} seeds, ${result.articles} articles, ${duplicates} exact repeats published once`)

  const out = path.join(dir, 'dist')
  const files = new Set(await listFiles(out))
  const articlePages = [...files].filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file) && !/\/page\/\d+\/index\.html$/.test(file))
  assert.equal(articlePages.length, result.articles, 'one page per article')
  const days = new Set(corpus.map((article) => /date (\d{4})-(\d{2})-(\d{2})/.exec(article.text)?.slice(1).join('/')))
  for (const day of days) assert.ok(files.has(`${day}/index.html`), `a day page for ${day}`)

  // Every href and src of every page leads to a file of the site.
  const broken: string[] = []
  let links = 0
  for (const file of [...files].filter((name) => name.endsWith('.html'))) {
    const html = await readFile(path.join(out, file), 'utf8')
    for (const match of html.matchAll(/\s(?:href|src)="([^"#?]*)[^"]*"/g)) {
      const url = match[1] as string
      if (!url.startsWith('/')) continue
      links++
      const target = url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1)
      if (!files.has(decodeURIComponent(target))) broken.push(`${file} → ${url}`)
    }
  }
  t.diagnostic(`${files.size} files, ${links} internal links checked`)
  assert.deepEqual(broken.slice(0, 20), [], 'no internal link is broken')
})
