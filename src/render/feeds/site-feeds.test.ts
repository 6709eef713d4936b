import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {readCorpus} from '../../../test/helpers/corpus.js'
import {PageKeys} from '../../cache/page-keys.js'
import {defaultConfig} from '../../config/site-config.js'
import {buildArchive} from '../../indexes/build-archive.js'
import type {Article} from '../../model/article.js'
import {processSettings, processSources} from '../../process-sources.js'
import {siteUrls} from '../urls.js'
import {ViewBuilder} from '../views.js'
import {feedFiles} from './site-feeds.js'

/** Path → [inputs, bytes] of every deferred (topic) feed of a site made of `articles`. */
function topicFeeds(articles: readonly Article[]): Map<string, [string, string]> {
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  const views = new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl))
  const feeds = new Map<string, [string, string]>()
  // Note: the entries are keyed as a build keys them, by their cards' keys.
  const keys = new PageKeys(archive, views, '', new Map())
  for (const file of feedFiles(archive, views, (index) => keys.cardKey(index))) if ('make' in file) feeds.set(file.path, [file.inputs, String(file.make())])
  return feeds
}

test("a topic feed's inputs change exactly when its bytes do, so an added article leaves most feeds to be kept", async () => {
  const sources = readCorpus(81).map((article) => {
    const bytes = new TextEncoder().encode(article.text)
    return {path: article.file, file: `seeds/${article.file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
  })
  const {articles} = await processSources(sources, processSettings(defaultConfig, undefined))
  const before = topicFeeds(articles.slice(0, -1))
  const after = topicFeeds(articles)
  let kept = 0
  for (const [path, [inputs, bytes]] of after) {
    const old = before.get(path)
    if (!old) continue
    assert.equal(old[0] === inputs, old[1] === bytes, `${path}: inputs and bytes change together`)
    if (old[0] === inputs) kept++
  }
  assert.ok(kept > before.size * 0.9, `${kept} of ${before.size} topic feeds kept`)
})
