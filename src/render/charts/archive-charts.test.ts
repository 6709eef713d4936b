import test from 'node:test'
import assert from 'node:assert/strict'
import {defaultConfig} from '../../config/site-config.js'
import {buildArchive} from '../../indexes/build-archive.js'
import {makeArticle} from '../../../test/helpers/make-article.js'
import type {Article} from '../../model/article.js'
import {siteUrls} from '../urls.js'
import {ViewBuilder} from '../views.js'
import {topicCoverage} from './archive-charts.js'

function article(source: string, date: string, topics: readonly string[]): Article {
  return makeArticle(source, date, {slug: `story-${source.replace(/\W/g, '')}`, topics: topics.map((name) => ({name, slug: name.toLowerCase(), kind: 'place', origin: 'given'}))})
}

/** The coverage of topic `slug` in an archive of `articles`. */
function coverageOf(articles: readonly Article[], slug: string): ReturnType<typeof topicCoverage> {
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: false})
  const entry = archive.topics.get(slug)
  assert.ok(entry, slug)
  return topicCoverage(archive, new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl)), entry)
}

const articles = [article('a.txt', '1987-03-02', ['Oslo']), article('b.txt', '1987-03-20', ['Oslo', 'Lima']), article('c.txt', '1988-06-01', ['Lima'])]

test("a topic's sparkline spans its own months, at least a year, ending at its newest article", () => {
  const oslo = coverageOf(articles, 'oslo')
  assert.match(String(oslo.svg), /aria-label="Articles about Oslo per month, April 1986 to March 1987; most in March 1987 \(2\)\."/)
  assert.deepEqual(oslo.rows, [{name: 'March 1987', iso: '1987-03', count: 2}])
  const lima = coverageOf(articles, 'lima')
  assert.match(String(lima.svg), /aria-label="Articles about Lima per month, March 1987 to June 1988;/)
  assert.equal(String(lima.svg).match(/<rect /g)?.length, 2, 'one bar per month with articles')
})

test("a new month elsewhere in the archive leaves a topic's coverage as it was", () => {
  const before = coverageOf(articles, 'oslo')
  const after = coverageOf([...articles, article('d.txt', '2037-12-31', ['Lima'])], 'oslo')
  assert.deepEqual(after, before)
})
