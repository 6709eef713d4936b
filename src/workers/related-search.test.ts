import assert from 'node:assert/strict'
import test from 'node:test'
import {makeArticle} from '../../test/helpers/make-article.js'
import {buildArchive, indexArticles} from '../indexes/build-archive.js'
import type {Topic} from '../model/article.js'
import {RelatedSearch} from './related-search.js'

/** 3,000 articles over a month, each with one to four of 40 topics, picked by a fixed pseudo-random sequence. */
function sampleArticles(): ReturnType<typeof makeArticle>[] {
  const topics = Array.from({length: 40}, (_, index): Topic => ({name: `Topic ${index}`, slug: `topic-${index}`, kind: 'subject', origin: 'derived'}))
  let state = 12345
  const next = (below: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state % below
  }
  return Array.from({length: 3000}, (_, index) => {
    const picked = new Set(Array.from({length: 1 + next(4)}, () => next(40)))
    return makeArticle(`a${String(index).padStart(4, '0')}.txt`, `2024-01-${String(1 + next(28)).padStart(2, '0')}`, {topics: [...picked].map((topic) => topics[topic] as Topic)})
  })
}

const settings = {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false}

for (const [label, onThread, help] of [
  ['on this thread', false, true],
  ['on a worker thread and this one', true, true],
  ['on the worker thread alone', true, false],
] as const) {
  test(`the related articles found ${label} are those buildArchive finds`, async () => {
    const articles = sampleArticles()
    const indexed = indexArticles(articles, settings)
    const related = await RelatedSearch.start(indexed.archive.articles, indexed.allTopics, onThread).finish(help)
    assert.deepEqual(related, buildArchive(articles, settings).archive.related)
    assert.ok(related.filter((list) => list.length === 5).length > 2500, 'most articles have five related ones in this sample')
  })
}

test('a search whose worker thread is stopped still finds every list', async () => {
  const articles = sampleArticles()
  const indexed = indexArticles(articles, settings)
  const search = RelatedSearch.start(indexed.archive.articles, indexed.allTopics, true)
  assert.throws(() => search.lists, /asked for before they were found/)
  search.stop()
  assert.deepEqual(await search.finish(), buildArchive(articles, settings).archive.related)
  assert.equal(search.lists.length, 3000)
})
