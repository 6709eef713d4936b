import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {test} from 'node:test'
import {readCorpus, repoRoot} from '../../test/helpers/corpus.js'
import {loadTemplates, TemplateError} from '../adapters/liquid.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive} from '../indexes/build-archive.js'
import {processSettings, processSources} from '../process-sources.js'
import {pageTemplates, planPages} from '../render/render-site.js'
import {siteUrls} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {PageRenderer} from './page-renderer.js'

const source = {dirs: [path.join(repoRoot, 'templates')], pageNames: pageTemplates}

/** Every page of a small corpus site, as template + view. */
async function samplePages(): Promise<{url: string; template: string; view: object}[]> {
  const sources = readCorpus(60).map(({file, text}) => {
    const bytes = Buffer.from(text)
    return {path: file, file: `seeds/${file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
  })
  const {articles} = await processSources(sources, processSettings(defaultConfig, undefined))
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  const views = new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl))
  return [...planPages(archive, views)].map((page) => ({url: page.url, template: page.template, view: page.view()}))
}

async function renderAll(pages: readonly {url: string; template: string; view: object}[], workers: number, mainThread: boolean): Promise<Map<string, string>> {
  const html = new Map<string, string>()
  const renderer = PageRenderer.start(loadTemplates(source.dirs, source.pageNames), source, workers, mainThread)
  for (const page of pages) await renderer.submit(page.template, page.view, (text) => html.set(page.url, text))
  await renderer.finish()
  return html
}

test('a worker renders every page byte for byte as the main thread does', {timeout: 120_000}, async () => {
  const pages = await samplePages()
  assert.ok(pages.length > 60, 'articles and listings')
  const here = await renderAll(pages, 0, true)
  const there = await renderAll(pages, 1, false)
  assert.equal(here.size, pages.length)
  assert.deepEqual(there, here)
})

test('a template mistake found in a worker is a TemplateError with its place', {timeout: 120_000}, async () => {
  const renderer = PageRenderer.start(loadTemplates(source.dirs, source.pageNames), source, 1, false)
  // Note: strictVariables makes a view without the variables the template uses a template mistake.
  for (let index = 0; index < 16; index++) await renderer.submit('article.html', {}, () => undefined)
  await assert.rejects(renderer.finish(), (error: unknown) => {
    assert.ok(error instanceof TemplateError, String(error))
    assert.ok(error.line >= 1 && error.file.endsWith('.html'))
    return true
  })
})
