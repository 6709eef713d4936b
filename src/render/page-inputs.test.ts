import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {readCorpus} from '../../test/helpers/corpus.js'
import {PageKeys} from '../cache/page-keys.js'
import {defaultConfig} from '../config/site-config.js'
import type {Archive} from '../indexes/archive.js'
import {buildArchive} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
import {processSettings, processSources} from '../process-sources.js'
import {articlePages} from './article-pages.js'
import {datePages, homePages, topicPages} from './list-pages.js'
import type {Page} from './page.js'
import {siteUrls} from './urls.js'
import {ViewBuilder} from './views.js'

type SitePages = (archive: Archive, views: ViewBuilder) => Iterable<Page>

/** URL → [key from the page's inputs, its view as JSON] for every page `sitePages` makes with inputs for a site of `articles`. */
function inputPageKeys(articles: readonly Article[], sitePages: SitePages): Map<string, [string, string]> {
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  // Note: pages this small give the sample numbered home, topic and day pages.
  const config = {...defaultConfig, pageSize: 3, archivePageSize: 1}
  const views = new ViewBuilder(archive, config, siteUrls(config.baseUrl))
  const keys = new PageKeys(archive, views, 'site', new Map())
  const pages = new Map<string, [string, string]>()
  for (const page of sitePages(archive, views)) {
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
    if (moved) return articles.map((article) => (article.source === moved.source ? {...article, date: oldest, hash: otherHash(article)} : article))
  }
  throw new Error('no topic has an article to move between months')
}

/**
 * The kinds of page that have inputs, how many of their pages the variants below must compare at least, and the
 * share of those that must be kept. Note: moving an article to the oldest date shifts every home page by one.
 */
const pagesWithInputs: readonly [string, SitePages, number, number][] = [
  ['article', articlePages, 500, 1 / 2],
  ['topic', topicPages, 500, 1 / 2],
  ['home', homePages, 100, 1 / 3],
  ['day', dayPages, 100, 1 / 2],
  ['year, month and archive', calendarPages, 40, 1 / 4],
]

/** The day pages alone of the date pages. */
function* dayPages(archive: Archive, views: ViewBuilder): Generator<Page> {
  for (const page of datePages(archive, views)) if (page.template === 'day.html') yield page
}

/** The date pages other than the day pages: years, months and the archive. */
function* calendarPages(archive: Archive, views: ViewBuilder): Generator<Page> {
  for (const page of datePages(archive, views)) if (page.template !== 'day.html') yield page
}

for (const [name, sitePages, atLeast, keptShare] of pagesWithInputs) {
  test(`each ${name} page's inputs change exactly when its view does: adding, editing and removing articles`, async () => {
    const sampled = await sampleArticles()
    // Note: two copies on one article's day in another year, so its day page lists that year "on this day", and that
    // day has numbered pages (one article each).
    const echoDay = `1999${(sampled[1] as Article).date.slice(4)}` as Article['date']
    // Note: four articles on one day of a month no other article is in, and three on another day; moving the fourth
    // (last in either day's order) to the other day changes both days' counts, but neither the month's count nor the
    // three headlines of each day that its page shows.
    const quiet = ['x1', 'x2', 'x3', 'z', 'y1', 'y2', 'y3'].map((name, at) => echo(sampled[4 + at] as Article, `1998-03-${name.startsWith('y') ? 20 : 10}` as Article['date'], `quiet-${name}`))
    const articles = [...sampled, echo(sampled[1] as Article, echoDay, 'echo-b'), echo(sampled[2] as Article, echoDay, 'echo-c'), ...quiet]
    const movedInMonth = articles.map((article) => (article.source === 'quiet-z' ? {...article, date: '1998-03-20' as Article['date'], hash: otherHash(article)} : article))
    const base = inputPageKeys(articles.slice(1), sitePages)
    // Note: the newest article added, two removed, one moved to an older date, a topic spelled anew that
    // another topic's front page names only among its related topics, not on its cards, and a third article
    // on the echoed day, first in its order: the first one's day page shows it only in the count "on this
    // day", and the echoed day's second page only in its link to a newer page.
    const first = articles[0] as Article
    const hidden = hiddenRelated(articles)
    const renamed = articles.map((article) => ({...article, topics: article.topics.map((topic) => (topic.slug === hidden ? {...topic, name: topic.name.toUpperCase()} : topic))}))
    const variants = [
      articles,
      articles.slice(2),
      [...articles.slice(1), {...first, date: '1999-01-01' as Article['date']}],
      renamed.slice(1),
      withMiddleMoved(articles.slice(1)),
      [...articles.slice(1), echo(sampled[3] as Article, echoDay, 'echo-a')],
      movedInMonth.slice(1),
    ]
    let compared = 0
    let kept = 0
    for (const variant of variants) {
      for (const [url, [key, view]] of inputPageKeys(variant, sitePages)) {
        const old = base.get(url)
        if (!old) continue
        compared++
        assert.equal(old[0] === key, old[1] === view, `${url}: inputs and view change together`)
        if (old[0] === key) kept++
      }
    }
    assert.ok(compared > atLeast && kept > compared * keptShare, `${kept} of ${compared} ${name} pages kept`)
  })
}

/** A copy of `article` as another seed `source`, with other bytes, dated `date`. */
function echo(article: Article, date: Article['date'], source: string): Article {
  return {...article, source, file: `seeds/${source}`, hash: otherHash(article), date}
}

/** A hash for `article`'s seed with other bytes (a date is read from the seed's bytes). */
function otherHash(article: Article): string {
  return createHash('sha256').update(`changed ${article.hash}`).digest('hex')
}

let sample: Promise<Article[]> | undefined

/** Every 150th story of the corpus, processed, so the sample spans the corpus's months. */
function sampleArticles(): Promise<Article[]> {
  sample ??= (async () => {
    const sources = readCorpus().filter((_, index) => index % 150 === 0).map((article) => {
      const bytes = new TextEncoder().encode(article.text)
      return {path: article.file, file: `seeds/${article.file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
    })
    return [...(await processSources(sources, processSettings(defaultConfig, undefined))).articles]
  })()
  return sample
}
