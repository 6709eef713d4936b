import test from 'node:test'
import assert from 'node:assert/strict'
import {topicSlug} from './topic-slug.js'

test('topic names become URL segments', () => {
  const table: [name: string, slug: string][] = [
    ['United States', 'united-states'], ['São Paulo', 'sao-paulo'], ["Moody's Investors Service", 'moodys-investors-service'],
    ['Linda Thomas-Greenfield', 'linda-thomas-greenfield'], ['!!!', ''],
    ['International Coffee Organisation', 'international-coffee-organization'], ['Exchange Stabilization Fund', 'exchange-stabilization-fund'],
  ]
  for (const [name, slug] of table) assert.equal(topicSlug(name), slug, name)
})
