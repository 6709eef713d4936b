import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {readCorpus} from '../../../test/helpers/corpus.js'
import {PageKeys} from '../../cache/page-keys.js'
import {defaultConfig, type SiteConfig} from '../../config/site-config.js'
import {buildArchive} from '../../indexes/build-archive.js'
import type {Article} from '../../model/article.js'
import {processSettings, processSources} from '../../process-sources.js'
import {siteUrls} from '../urls.js'
import {ViewBuilder} from '../views.js'
import {feedFiles} from './site-feeds.js'

/**
 * Path → [inputs, bytes] of every feed of a site made of `articles`: the
 * deferred (topic) feeds, and with `all` the site's feeds too (inputs empty).
 */
function siteFeeds(articles: readonly Article[], {keepEntries = false, config = defaultConfig, all = false}: {keepEntries?: boolean; config?: SiteConfig; all?: boolean} = {}): Map<string, [string, string]> {
  const {archive} = buildArchive(articles, {permalink: config.permalink, minTopicArticles: 1, drafts: false})
  const views = new ViewBuilder(archive, config, siteUrls(config.baseUrl))
  const feeds = new Map<string, [string, string]>()
  // Note: the entries are keyed as a build keys them, by their cards' keys.
  const keys = new PageKeys(archive, views, '', new Map())
  for (const file of feedFiles(archive, views, (index) => keys.cardKey(index), {keepEntries})) {
    if ('make' in file) feeds.set(file.path, [file.inputs(), String(file.make())])
    else if (all) feeds.set(file.path, ['', String(file.contents)])
  }
  return feeds
}

/** The first `count` corpus articles, as a build makes them. */
async function corpusArticles(count: number): Promise<readonly Article[]> {
  const sources = readCorpus(count).map((article) => {
    const bytes = new TextEncoder().encode(article.text)
    return {path: article.file, file: `seeds/${article.file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
  })
  return (await processSources(sources, processSettings(defaultConfig, undefined))).articles
}

test("a topic feed's inputs change exactly when its bytes do, so an added article leaves most feeds to be kept", async () => {
  const articles = await corpusArticles(81)
  const before = siteFeeds(articles.slice(0, -1))
  const after = siteFeeds(articles)
  let kept = 0
  for (const [path, [inputs, bytes]] of after) {
    const old = before.get(path)
    if (!old) continue
    assert.equal(old[0] === inputs, old[1] === bytes, `${path}: inputs and bytes change together`)
    if (old[0] === inputs) kept++
  }
  assert.ok(kept > before.size * 0.9, `${kept} of ${before.size} topic feeds kept`)
})

test('feeds are the same bytes whether each entry is written once and kept or again for each feed', async () => {
  const articles = await corpusArticles(81)
  const config: SiteConfig = {...defaultConfig, topics: {...defaultConfig.topics, feeds: ['rss', 'atom', 'json']}}
  const made = siteFeeds(articles, {config, all: true})
  const kept = siteFeeds(articles, {config, all: true, keepEntries: true})
  assert.deepEqual([...kept], [...made])
  // Note: the kept entries are worth checking only if articles are in more than one feed of a format.
  const rssItems = [...made].filter(([path]) => path.endsWith('/feed.xml')).reduce((count, [, [, bytes]]) => count + bytes.split('<item>').length - 1, 0)
  assert.ok(rssItems > articles.length, `${rssItems} RSS items for ${articles.length} articles`)
  for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'topics/earnings/feed.xml', 'topics/earnings/atom.xml', 'topics/earnings/feed.json']) assert.ok(made.has(path), path)
})
