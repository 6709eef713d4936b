import test from 'node:test'
import assert from 'node:assert/strict'
import {toJsonFeed} from './json-feed.js'
import type {FeedChannel, FeedEntry} from './feed-types.js'

const channel: FeedChannel = {
  title: 'News "and" views',
  description: 'Stories\nand more',
  language: 'en',
  pageUrl: 'https://news.example.org/',
  selfUrl: 'https://news.example.org/feed.json',
  updated: '2024-11-18',
  publisher: {name: 'Example Press', url: 'https://press.example.org/'},
}

/** Entries with what JSON must escape: quotes, backslashes, line breaks and separators. */
const entries: FeedEntry[] = [
  {
    title: 'A "quoted" \\ title',
    url: 'https://news.example.org/2024/11/18/a/',
    date: '2024-11-18',
    summary: 'Line one\nline two\u2028',
    contentHtml: '<p>Body\n  with "markup"</p>',
    author: 'Jane Doe',
    topics: [{name: 'Trade', slug: 'trade'}],
  },
  {title: 'Plain', url: 'https://news.example.org/2024/11/17/b/', date: '2024-11-17', summary: 'Short.', topics: []},
]

test('JSON Feed: the text JSON.stringify would indent, with every item in order', () => {
  for (const count of [0, 1, 2]) {
    const text = toJsonFeed(channel, entries.slice(0, count))
    const feed = JSON.parse(text) as {items: {id: string; title: string; summary: string; content_html?: string; content_text?: string; tags?: string[]}[]}
    assert.equal(text, `${JSON.stringify(feed, null, 2)}\n`, `${count} items`)
    assert.deepEqual(
      feed.items.map((item) => item.id),
      entries.slice(0, count).map((entry) => entry.url),
    )
  }
  const [first, second] = (JSON.parse(toJsonFeed(channel, entries)) as {items: Record<string, unknown>[]}).items
  assert.equal(first?.['title'], entries[0]?.title)
  assert.equal(first?.['summary'], entries[0]?.summary)
  assert.equal(first?.['content_html'], entries[0]?.contentHtml)
  assert.deepEqual(first?.['tags'], ['Trade'])
  assert.equal(second?.['content_text'], 'Short.')
  assert.equal(second?.['tags'], undefined)
})
