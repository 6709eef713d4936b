import test from 'node:test'
import assert from 'node:assert/strict'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {findAllFiles} from '../src/adapters/glob.js'
import {build} from '../src/build.js'
import type {BuildOptions} from '../src/options.js'
import {checkFidelity} from '../src/quality/fidelity.js'
import {repoRoot} from './helpers/corpus.js'

/** The temporary folders `buildInto` made, removed when the tests are done (whether they passed or not). */
const outRoots: string[] = []
test.after(async () => {
  for (const root of outRoots) await rm(root, {recursive: true, force: true})
})

/** Build `seedsDir` under `cwd` into a fresh temporary folder with the real pipeline; returns the folder. */
async function buildInto(cwd: string, seedsDir: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'news-archive-pages-'))
  outRoots.push(root)
  const outDir = path.join(root, 'dist')
  const options: BuildOptions = {cwd, seedsDir, outDir, check: false, drafts: false, skipInvalid: false}
  const result = await build(options)
  assert.equal(result.wrote, true, `the build wrote nothing: ${result.problems.map((item) => item.message).join('; ')}`)
  return outDir
}

/** Every `<script>` element of a page: its attributes and its text. */
function scripts(html: string): {attributes: string; text: string}[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((match) => ({attributes: match[1] ?? '', text: match[2] ?? ''}))
}

/** The parsed JSON-LD objects of a page (a top-level array is flattened). */
function jsonLd(html: string): Record<string, unknown>[] {
  return scripts(html)
    .filter((script) => /type="application\/ld\+json"/.test(script.attributes))
    .flatMap((script) => {
      const data = JSON.parse(script.text) as Record<string, unknown> | Record<string, unknown>[]
      return Array.isArray(data) ? data : [data]
    })
}

const example = (async () => {
  const outDir = await buildInto(repoRoot, 'seeds')
  const files = (await findAllFiles(outDir)).sort()
  const articleFile = files.find((file) => /^2024\/11\/18\/[a-z0-9-]+\/index\.html$/.test(file))
  assert.ok(articleFile, 'the example article has a page under /2024/11/18/')
  return {outDir, files, article: await readFile(path.join(outDir, articleFile), 'utf8'), articleFile}
})()

test('the example site has every kind of page', async () => {
  const {outDir, files, articleFile, article} = await example
  const pages = files.filter((file) => file.endsWith('.html') && !file.startsWith('topics/') && !file.startsWith('pagefind/'))
  assert.deepEqual(pages, ['2024/11/18/index.html', articleFile, '2024/11/index.html', '2024/index.html', '404.html', 'archive/index.html', 'index.html', 'search/index.html'].sort())
  // Note: a topic found in the text gets its page from two articles on, so the one example article's topics have none.
  assert.deepEqual(files.filter((file) => file.startsWith('topics/')), ['topics/index.html'])
  assert.match(await readFile(path.join(outDir, 'topics/index.html'), 'utf8'), /No topic has a page yet\.<\/p>\s*<p>A person, place, organisation or subject found in the text gets a page when it is in at least 2 articles; a topic given in front matter always gets one\.<\/p>/)
  for (const asset of ['assets/site.css', 'assets/favicon.svg']) assert.ok(files.includes(asset), asset)
  // The article still names its topics, without links, and search can still filter by them.
  assert.match(article, /<li><span data-pagefind-filter="topic">Ukraine<\/span><\/li>/)
  assert.doesNotMatch(article, /href="\/topics\/ukraine\/"/)
})

test('the topic index says when a topic found in the text gets a page, as the config sets it', async () => {
  for (const [minArticles, wording] of [[1, 'when it is in an article;'], [3, 'when it is in at least 3 articles;']] as const) {
    const cwd = await mkdtemp(path.join(tmpdir(), 'news-archive-topics-'))
    try {
      await cp(path.join(repoRoot, 'seeds'), path.join(cwd, 'seeds'), {recursive: true})
      await writeFile(path.join(cwd, 'news-archive.config.json'), JSON.stringify({topics: {minArticles}}))
      const outDir = await buildInto(cwd, 'seeds')
      const index = await readFile(path.join(outDir, 'topics/index.html'), 'utf8')
      assert.ok(index.includes(`a page ${wording} a topic given in front matter always gets one.`), `minArticles ${minArticles}`)
      // Note: with 1, the example article's topics have pages, listed A–Z; with 3, none.
      assert.equal(index.includes('<a href="/topics/ukraine/">Ukraine</a>'), minArticles === 1)
    } finally {
      await rm(cwd, {recursive: true, force: true})
    }
  }
})

test('the example article shows its headline, date, subheading and photo caption with credit', async () => {
  const {article} = await example
  assert.match(article, /<h1[^>]*>[^<]{20,}<\/h1>/)
  assert.match(article, /<time datetime="2024-11-18"[^>]*>18 November 2024<\/time>/)
  assert.match(article, /<h2>Adding fuel to the fire<\/h2>/)
  const figure = /<figure[^>]*>([\s\S]*?)<\/figure>/.exec(article)?.[1] ?? ''
  assert.match(figure, /<figcaption>North Korean leader Kim Jong Un attends[\s\S]*July 2, 2024\./)
  assert.match(figure, /<span class="credit">KCNA via Reuters<\/span>/i)
  assert.match(article, /class="dek" data-pagefind-meta="summary">The United States said on Monday/)
  assert.match(article, /data-pagefind-filter="year:2024"/)
})

test('every sentence of the example seed is on its article page, in source order, and nothing else is in its body', async () => {
  const {article} = await example
  const [seed] = (await findAllFiles(path.join(repoRoot, 'seeds'))).filter((file) => file.endsWith('.txt'))
  assert.ok(seed)
  const text = await readFile(path.join(repoRoot, 'seeds', seed), 'utf8')
  const body = /<div class="body">([\s\S]*?)<\/div>\s*<\/article>/.exec(article)?.[1] ?? ''
  const result = checkFidelity(text.replace(/^\uFEFF?\s*date \S+ /, ''), body)
  assert.equal(result.ok, true, result.firstDifference)
  assert.ok(body.length > 2000, `the body is on the page (${body.length} characters)`)
})

test('the example article carries NewsArticle and BreadcrumbList JSON-LD, canonical URL and OpenGraph', async () => {
  const {article} = await example
  const [news, trail] = jsonLd(article)
  assert.equal(news?.['@type'], 'NewsArticle')
  const keywords = news?.['keywords'] as string[]
  assert.ok(keywords.includes('Ukraine') && keywords.includes('Russia'), `keywords: ${keywords.join(', ')}`)
  assert.equal(news?.['datePublished'], '2024-11-18')
  assert.equal(news?.['isAccessibleForFree'], true)
  assert.equal(trail?.['@type'], 'BreadcrumbList')
  assert.deepEqual((trail?.['itemListElement'] as {name: string}[]).map((item) => item.name), ['Home', '2024', 'November', '18'])
  const canonical = /<link rel="canonical" href="([^"]+)">/.exec(article)?.[1]
  assert.equal((news?.['mainEntityOfPage'] as {'@id': string})['@id'], canonical)
  assert.match(article, new RegExp(`<meta property="og:url" content="${canonical}">`))
  assert.match(article, /<meta property="og:type" content="article">/)
  assert.match(article, /<meta property="article:published_time" content="2024-11-18">/)
  assert.match(article, /<meta name="twitter:card" content="summary">/)
  assert.match(article, /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>\s*<li><a href="\/">Home<\/a><\/li><li><a href="\/2024\/">2024<\/a><\/li><li><a href="\/2024\/11\/">November<\/a><\/li><li><a href="\/2024\/11\/18\/">18<\/a><\/li><\/ol><\/nav>/)
})

test('archive pages carry a BreadcrumbList; no page loads anything from another host', async () => {
  const {outDir, files} = await example
  const month = await readFile(path.join(outDir, '2024/11/index.html'), 'utf8')
  assert.deepEqual((jsonLd(month)[0]?.['itemListElement'] as {name: string}[]).map((item) => item.name), ['Home', '2024', 'November'])
  assert.match(month, /<svg [^>]*class="chart chart-calendar chart-calendar-large"/)
  assert.match(month, /<a href="\/2024\/11\/18\/" tabindex="-1">/, 'the calendar links the day')
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const html = await readFile(path.join(outDir, file), 'utf8')
    assert.doesNotMatch(html, /\sstyle=/, `${file} has an inline style, which the Content-Security-Policy blocks`)
    assert.doesNotMatch(html, /<(?:link|script|img|iframe)\b[^>]*\s(?:src|href)="(?:https?:)?\/\/(?!localhost:8080\/)/i, `${file} loads something from another host`)
  }
})

test('#5: a title that closes the script element yields JSON-LD that parses and no script that runs', async () => {
  const cwd = await mkdtemp(path.join(tmpdir(), 'news-archive-hostile-'))
  try {
    const title = '</script><script>alert(1)</script>'
    await mkdir(path.join(cwd, 'seeds'))
    await writeFile(path.join(cwd, 'seeds', 'hostile.md'), `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-11-18\ntopics: ["<script>alert(2)</script>"]\n---\nThe body of an article whose title tries to break out of the page.\n`)
    const outDir = await buildInto(cwd, 'seeds')
    const files = (await findAllFiles(outDir)).filter((file) => file.endsWith('.html'))
    const articleFile = files.find((file) => /^2024\/11\/18\/[^/]+\/index\.html$/.test(file))
    assert.ok(articleFile)
    for (const file of files) {
      const html = await readFile(path.join(outDir, file), 'utf8')
      const found = scripts(html)
      assert.equal(html.match(/<script\b/gi)?.length ?? 0, found.length, `${file}: every script element is one the templates made`)
      for (const script of found) {
        if (/type="application\/ld\+json"/.test(script.attributes)) assert.doesNotMatch(script.text, /</, `${file}: JSON-LD holds no markup`)
        else assert.equal(script.text.trim(), '', `${file}: a script with code inline`)
      }
      jsonLd(html)
    }
    const html = await readFile(path.join(outDir, articleFile), 'utf8')
    assert.equal(jsonLd(html)[0]?.['headline'], title)
    assert.match(html, /<h1[^>]*>&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/)
  } finally {
    await rm(cwd, {recursive: true, force: true})
  }
})
