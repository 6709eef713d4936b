import test from 'node:test'
import assert from 'node:assert/strict'
import {defaultConfig} from '../config/site-config.js'
import type {Archive, PlacedArticle, TopicEntry} from '../indexes/archive.js'
import type {IsoDate} from '../model/article.js'
import {planPages} from './render-site.js'
import {siteUrls} from './urls.js'
import {ViewBuilder} from './views.js'
import {RelatedLists} from '../indexes/related-lists.js'

/** URL → `lastmod` of every page planned for `archive`, with list pages of `pageSize` (day pages of `archivePageSize`). */
function pageDates(archive: Archive, sizes: {pageSize: number; archivePageSize: number}): Map<string, string | undefined> {
  const config = {...defaultConfig, ...sizes}
  return new Map([...planPages(archive, new ViewBuilder(archive, config, siteUrls(config.baseUrl)))].map((page) => [page.url, page.lastmod]))
}

/** Five articles, newest first, on four days; one topic holding the three oldest. */
const dates = ['2024-03-02', '2024-03-01', '2024-03-01', '2024-02-10', '2023-12-31'] as IsoDate[]
const articles = dates.map((date, index) => ({date, url: `/a/${index}/`, topics: []}) as unknown as PlacedArticle)
const topic: TopicEntry = {name: 'Oil', slug: 'oil', kind: 'subject', articles: [2, 3, 4], related: []}
const archive: Archive = {
  articles,
  days: new Map<IsoDate, number[]>([['2023-12-31' as IsoDate, [4]], ['2024-02-10' as IsoDate, [3]], ['2024-03-01' as IsoDate, [1, 2]], ['2024-03-02' as IsoDate, [0]]]),
  months: new Map([['2023-12', [4]], ['2024-02', [3]], ['2024-03', [0, 1, 2]]]),
  years: new Map([['2023', [4]], ['2024', [0, 1, 2, 3]]]),
  topics: new Map([['oil', topic]]),
  related: RelatedLists.none,
}

test('each page is dated by the newest article it shows, page by page', () => {
  const byUrl = pageDates(archive, {pageSize: 2, archivePageSize: 1})
  const cases: [string, string][] = [
    ['/a/3/', '2024-02-10'],
    ['/', '2024-03-02'],
    // Home pages count from the oldest: /page/1/ holds the two oldest, /page/3/ the newest one.
    ['/page/1/', '2024-02-10'],
    ['/page/2/', '2024-03-01'],
    ['/page/3/', '2024-03-02'],
    ['/2023/', '2023-12-31'],
    ['/2024/', '2024-03-02'],
    ['/2024/03/', '2024-03-02'],
    ['/2024/03/01/', '2024-03-01'],
    ['/2024/03/01/page/1/', '2024-03-01'],
    ['/archive/', '2024-03-02'],
    ['/topics/', '2024-03-01'],
    ['/topics/oil/', '2024-03-01'],
    ['/topics/oil/page/1/', '2024-02-10'],
  ]
  for (const [url, date] of cases) assert.equal(byUrl.get(url), date, url)
  for (const [url, date] of byUrl) assert.equal(date === undefined, url === '/search/' || url === '/404.html', `${url} has a date unless no sitemap lists it`)
})

test('an empty archive dates nothing', () => {
  const empty: Archive = {articles: [], days: new Map(), months: new Map(), years: new Map(), topics: new Map(), related: RelatedLists.none}
  const byUrl = pageDates(empty, {pageSize: 20, archivePageSize: 100})
  assert.ok(byUrl.size > 0, 'an empty archive still has a home page')
  for (const [url, date] of byUrl) assert.equal(date, undefined, url)
})

test('a topic index with no topic yet is dated by the newest article', () => {
  const bare: Archive = {...archive, topics: new Map()}
  assert.equal(pageDates(bare, {pageSize: 2, archivePageSize: 1}).get('/topics/'), '2024-03-02')
})
