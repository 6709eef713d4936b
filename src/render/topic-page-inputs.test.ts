import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {readCorpus} from '../../test/helpers/corpus.js'
import {PageKeys} from '../cache/page-keys.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
import {processSettings, processSources} from '../process-sources.js'
import {topicPages} from './list-pages.js'
import {siteUrls} from './urls.js'
import {ViewBuilder} from './views.js'

/** URL → [key from the page's inputs, its view as JSON] for every topic page of a site of `articles`. */
function topicPageKeys(articles: readonly Article[]): Map<string, [string, string]> {
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  const config = {...defaultConfig, pageSize: 3}
  const views = new ViewBuilder(archive, config, siteUrls(config.baseUrl))
  const keys = new PageKeys(archive, views, 'site', new Map())
  const pages = new Map<string, [string, string]>()
  for (const page of topicPages(archive, views)) {
    if (!page.inputs) continue
    pages.set(page.url, [keys.key(page).key, JSON.stringify(page.view())])
  }
  return pages
}

/** A topic that some other topic's front page shows only as a related topic: none of its cards is in it. */
function hiddenRelated(articles: readonly Article[]): string {
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  for (const entry of archive.topics.values()) {
    const onCards = new Set(entry.articles.slice(0, 3).flatMap((index) => archive.articles[index]?.topics.map((topic) => topic.slug) ?? []))
    const hidden = entry.related.find((other) => !onCards.has(other.slug))
    if (hidden) return hidden.slug
  }
  throw new Error('no topic is related without being on the cards')
}

/**
 * The articles with one moved back to its topic's oldest day: the topic's
 * count, dates and front-page cards stay, its articles per month change.
 */
function withMiddleMoved(articles: readonly Article[]): Article[] {
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  for (const entry of archive.topics.values()) {
    const oldest = archive.articles[entry.articles.at(-1) as number]?.date
    if (!oldest) continue
    // Note: past the front page's three cards, so only the month counts tell the change.
    const middle = entry.articles.slice(3, -1).find((index) => archive.articles[index]?.date.slice(0, 7) !== oldest.slice(0, 7))
    const moved = middle === undefined ? undefined : archive.articles[middle]
    if (moved) return articles.map((article) => (article.source === moved.source ? {...article, date: oldest} : article))
  }
  throw new Error('no topic has an article to move between months')
}

test("a topic page's inputs change exactly when its view does: adding, editing and removing articles", async () => {
  // Note: every 150th story, so the sample spans the corpus's months.
  const sources = readCorpus().filter((_, index) => index % 150 === 0).map((article) => {
    const bytes = new TextEncoder().encode(article.text)
    return {path: article.file, file: `seeds/${article.file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
  })
  const {articles} = await processSources(sources, processSettings(defaultConfig, undefined))
  const base = topicPageKeys(articles.slice(1))
  // Note: the newest article added, two removed, one moved to an older date, and a topic spelled anew that
  // another topic's front page names only among its related topics, not on its cards.
  const first = articles[0] as Article
  const renamed = articles.map((article) => ({...article, topics: article.topics.map((topic) => (topic.slug === hiddenRelated(articles) ? {...topic, name: topic.name.toUpperCase()} : topic))}))
  let compared = 0
  let kept = 0
  for (const variant of [articles, articles.slice(2), [...articles.slice(1), {...first, date: '1999-01-01' as Article['date']}], renamed.slice(1), withMiddleMoved(articles.slice(1))]) {
    for (const [url, [key, view]] of topicPageKeys(variant)) {
      const old = base.get(url)
      if (!old) continue
      compared++
      assert.equal(old[0] === key, old[1] === view, `${url}: inputs and view change together`)
      if (old[0] === key) kept++
    }
  }
  assert.ok(compared > 500 && kept > compared / 2, `${kept} of ${compared} topic pages kept`)
})
