import assert from 'node:assert/strict'
import {test} from 'node:test'
import {makeArticle} from '../../test/helpers/make-article.js'
import type {Topic, TopicKind} from '../model/article.js'
import type {PlacedArticle} from './archive.js'
import {groupByTopic} from './group-by-topic.js'

/** One article per topic list, in order, each placed at its own URL. */
function articlesWith(...topicLists: readonly (readonly Topic[])[]): PlacedArticle[] {
  return topicLists.map((topics, index) => ({...makeArticle(`${index}.txt`, '2024-01-01', {topics}), url: `/${index}/`}))
}

const found = (name: string, kind: TopicKind = 'organisation'): Topic => ({name, slug: 'opec', kind, origin: 'derived'})

test('a topic is shown under the spelling and kind most of its articles use, whichever came first', () => {
  const entry = groupByTopic(articlesWith([found('Opec', 'place')], [found('OPEC')], [found('OPEC')], [found('O.P.E.C.', 'place')], [found('OPEC')]), 1).topics.get('opec')
  assert.deepEqual([entry?.name, entry?.kind, entry?.articles], ['OPEC', 'organisation', [0, 1, 2, 3, 4]])
})

test('a tie between spellings or kinds goes to the smaller one, so the choice does not depend on order', () => {
  for (const order of [
    [found('Opec', 'subject'), found('OPEC', 'place')],
    [found('OPEC', 'place'), found('Opec', 'subject')],
  ]) {
    const entry = groupByTopic(articlesWith(...order.map((topic) => [topic])), 1).topics.get('opec')
    assert.deepEqual([entry?.name, entry?.kind], ['OPEC', 'place'])
  }
})

test('a spelling seen first and most often wins over one that comes later', () => {
  const entry = groupByTopic(articlesWith([found('Opec')], [found('Opec')], [found('OPEC')]), 1).topics.get('opec')
  assert.equal(entry?.name, 'Opec')
})

test('a topic with one spelling keeps it', () => {
  const entry = groupByTopic(articlesWith([found('Opec')], [found('Opec')]), 1).topics.get('opec')
  assert.deepEqual([entry?.name, entry?.kind, entry?.articles], ['Opec', 'organisation', [0, 1]])
})
