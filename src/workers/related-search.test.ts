import assert from 'node:assert/strict'
import test from 'node:test'
import {relatedArrays} from '../../test/helpers/related-arrays.js'
import {sampleArticles} from '../../test/helpers/sample-articles.js'
import {buildArchive, indexArticles} from '../indexes/build-archive.js'
import {RelatedSearch} from './related-search.js'

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
    assert.ok(relatedArrays(related).filter((list) => list.length === 5).length > 2500, 'most articles have five related ones in this sample')
  })
}

test('a search whose worker thread is stopped still finds every list', async () => {
  const articles = sampleArticles()
  const indexed = indexArticles(articles, settings)
  const search = RelatedSearch.start(indexed.archive.articles, indexed.allTopics, true)
  assert.throws(() => search.lists, /asked for before they were found/)
  search.stop()
  assert.deepEqual(await search.finish(), buildArchive(articles, settings).archive.related)
  assert.equal(search.lists.size, 3000)
})

for (const onThread of [false, true]) {
  test(`a search from the memo of the one before finds what buildArchive finds (${onThread ? 'with' : 'without'} a worker thread)`, async () => {
    const articles = sampleArticles()
    const first = indexArticles(articles, settings)
    const before = RelatedSearch.start(first.archive.articles, first.allTopics, onThread)
    assert.equal(before.memo, undefined, 'no memo before the lists are found')
    await before.finish()
    const changed = [...articles.slice(1), {...(articles[0] as (typeof articles)[0]), source: 'added.txt', file: 'seeds/added.txt'}]
    const indexed = indexArticles(changed, settings)
    const again = RelatedSearch.start(indexed.archive.articles, indexed.allTopics, onThread, undefined, before.memo)
    assert.deepEqual(await again.finish(), buildArchive(changed, settings).archive.related)
  })
}
