import assert from 'node:assert/strict'
import {test} from 'node:test'
import {makeArticle} from '../../test/helpers/make-article.js'
import type {Archive, PlacedArticle} from '../indexes/archive.js'
import type {Page} from './page.js'
import {pageClashes, pageClashProblem} from './page-clashes.js'
import {RelatedLists} from '../indexes/related-lists.js'

const article: PlacedArticle = {...makeArticle('feed.md', '2024-05-01', {slug: 'feed.xml'}), url: '/feed.xml'}
const archive: Archive = {articles: [article], days: new Map(), months: new Map(), years: new Map(), topics: new Map(), related: RelatedLists.none}
const page = (url: string, template: string, index?: number): Page => ({url, template, from: [], view: () => ({}), ...(index === undefined ? {} : {article: index})})

test("a clash names the article's slug and what the site puts on its path: a page, or else a feed or sitemap", () => {
  const onFeed = pageClashProblem('feed.xml', [page('/topics/', 'topics.html'), page('/feed.xml', 'article.html', 0)], archive)
  assert.equal(onFeed.rule, 'output-path-collision')
  assert.deepEqual([onFeed.file, onFeed.place], [article.slugAt.file, article.slugAt.place])
  assert.match(onFeed.message, /^the slug "feed\.xml" gives \/feed\.xml, where the site puts a feed or sitemap of the site;/)
  const twoPages = pageClashProblem('feed.xml', [page('/feed.xml', 'search.html'), page('/feed.xml', 'article.html', 0)], archive)
  assert.match(twoPages.message, /where the site puts the search page;/)
})

test('pages the site makes itself on one path are a bug, not a problem of the content', () => {
  assert.throws(() => pageClashProblem('topics/index.html', [page('/topics/', 'topics.html'), page('/topics/', 'topic.html')], archive), /two files of the site were made for topics\/index\.html/)
})

test('planned pages clash where an article page has the output path of another page, once per path', () => {
  const clashes = pageClashes([page('/topics/', 'topics.html'), page('/feed.xml', 'article.html', 0), page('/2024/', 'year.html'), page('/topics/', 'article.html', 0), page('/topics/', 'search.html')], archive)
  assert.deepEqual(
    clashes.map((clash) => clash.message),
    ['the slug "feed.xml" gives /topics/, where the site puts the topic index and the search page; one would replace the other'],
  )
  assert.deepEqual(pageClashes([page('/topics/', 'topics.html'), page('/feed.xml', 'article.html', 0)], archive), [])
})
