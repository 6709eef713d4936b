import assert from 'node:assert/strict'
import test from 'node:test'
import {defaultConfig} from '../config/site-config.js'
import type {Archive, PlacedArticle, TopicEntry} from '../indexes/archive.js'
import type {IsoDate} from '../model/article.js'
import {topicPages} from './list-pages.js'
import {siteUrls} from './urls.js'
import {ViewBuilder} from './views.js'
import {RelatedLists} from '../indexes/related-lists.js'

/** An archive of one article holding every topic, `[slug, name]` in slug order. */
function archiveOf(topics: readonly (readonly [string, string])[]): Archive {
  const articles = [{date: '2024-03-02', url: '/a/0/', topics: []} as unknown as PlacedArticle]
  const entries = topics.map(([slug, name]): [string, TopicEntry] => [slug, {name, slug, kind: 'subject', articles: [0], related: []}])
  return {
    articles,
    days: new Map([['2024-03-02' as IsoDate, [0]]]),
    months: new Map([['2024-03', [0]]]),
    years: new Map([['2024', [0]]]),
    topics: new Map(entries),
    related: RelatedLists.none,
  }
}

/** The topic index's names, letter by letter. */
function indexNames(archive: Archive): string[] {
  const index = topicPages(archive, new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl))).next().value
  const view = index?.view() as {letters: {topics: {name: string}[]}[]}
  return view.letters.flatMap((letter) => letter.topics.map((topic) => topic.name))
}

test('the topic index lists names as readers sort them, case and accents aside, ties by slug; a renamed topic moves', () => {
  const topics = [['a-ecu', 'écu'], ['b-ecu', 'Ecu'], ['dollar', 'dollar'], ['zloty', 'Crown']] as const
  assert.deepEqual(indexNames(archiveOf(topics)), ['Crown', 'dollar', 'écu', 'Ecu'])
  // Note: the same topics again, then one renamed: the order kept from the call before must not be taken over.
  assert.deepEqual(indexNames(archiveOf(topics)), ['Crown', 'dollar', 'écu', 'Ecu'])
  assert.deepEqual(indexNames(archiveOf([['a-ecu', 'écu'], ['b-ecu', 'Ecu'], ['dollar', 'dollar'], ['zloty', 'Zloty']])), ['dollar', 'écu', 'Ecu', 'Zloty'])
  assert.deepEqual(indexNames(archiveOf([['a-ecu', 'écu'], ['dollar', 'dollar']])), ['dollar', 'écu'])
})
