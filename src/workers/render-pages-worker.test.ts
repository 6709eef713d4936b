import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {after, test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {readCorpus} from '../../test/helpers/corpus.js'
import {loadTemplates} from '../adapters/liquid.js'
import {ArticleStore, articleSeedKey} from '../cache/article-store.js'
import {PageKeys} from '../cache/page-keys.js'
import {templateKeys} from '../cache/template-keys.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive, type IndexSettings} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
import {packageRoot} from '../options.js'
import {processSettings, processSource} from '../process-sources.js'
import {articleTemplate} from '../render/article-pages.js'
import {pageTemplates, planPages, renderPage} from '../render/render-site.js'
import {siteUrls} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {PageClaims} from './page-claims.js'
import {PageWorker} from './page-worker.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await removeDir(dir)
})

/** Corpus articles as a clean build leaves them: saved to the store, their bodies left in its file. */
async function storedArticles(count: number): Promise<{store: ArticleStore; articles: Article[]}> {
  const dir = await makeTempDir('news-archive-page-worker-')
  dirs.push(dir)
  const store = ArticleStore.empty(path.join(dir, 'seed-results.ndjson'), 'fp')
  const settings = processSettings(defaultConfig, undefined)
  const articles = readCorpus(count).flatMap(({file, text}) => {
    const bytes = new TextEncoder().encode(text)
    const {article} = processSource({path: file, file: `seeds/${file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}, settings)
    return article ? [article] : []
  })
  const stored = store.add(articles.map(articleSeedKey), articles.map((article) => ({article, problems: []})))
  await store.save(new Set(articles.map(articleSeedKey)))
  return {store, articles: stored.flatMap((result) => (result.article ? [result.article] : []))}
}

test('a page worker renders every page, article pages with their stored bodies, as the main thread does', async () => {
  const {store, articles} = await storedArticles(60)
  const indexSettings: IndexSettings = {permalink: defaultConfig.permalink, minTopicArticles: defaultConfig.topics.minArticles, drafts: false}
  const {archive} = buildArchive(articles, indexSettings)
  const views = new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl), (article) => store.body(articleSeedKey(article)) ?? article.bodyHtml)
  const templateDirs = [path.join(packageRoot, 'templates')]
  const keysOfTemplates = templateKeys(templateDirs, pageTemplates)
  const keys = new PageKeys(archive, views, 'site', keysOfTemplates)
  const templates = loadTemplates(templateDirs, pageTemplates)
  const pages = [...planPages(archive, views)]
  const bodies = store.shareBodies(articles.map(articleSeedKey))
  assert.ok(bodies)

  // The main thread claims nothing here, so the worker renders every page.
  const claims = PageClaims.create(pages.length)
  const worker = PageWorker.start({articles, bodies, indexSettings, config: defaultConfig, templateDirs, templateKeys: keysOfTemplates, siteKey: 'site', reusable: [], claims: claims.buffer, pageCount: pages.length})
  const decoder = new TextDecoder()
  const seen = new Set<number>()
  try {
    while (!worker.done) {
      await worker.arrival()
      for (const batch of worker.take()) {
        for (const sent of batch) {
          const page = pages[sent.index]
          assert.ok(page && sent.html)
          assert.equal(sent.key, keys.key(page).key, page.url)
          assert.equal(decoder.decode(sent.html), renderPage(page, templates).contents, page.url)
          seen.add(sent.index)
        }
        claims.wroteBatch()
      }
    }
  } finally {
    await worker.close()
    store.close()
  }
  assert.equal(seen.size, pages.length)
  const articlePages = pages.filter((page) => page.template === articleTemplate)
  assert.equal(articlePages.length, archive.articles.length)
  // A body the worker could not read would leave the article page's body empty.
  const sample = articlePages[0]
  assert.ok(sample)
  assert.match(renderPage(sample, templates).contents.toString(), /<div class="body">\n<p>/)
})
