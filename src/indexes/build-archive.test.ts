import test from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import type {IsoDate, Topic} from '../model/article.js'
import {makeArticle} from '../../test/helpers/make-article.js'
import {buildArchive, type IndexSettings} from './build-archive.js'
import {compareArticles} from './compare-articles.js'

const settings: IndexSettings = {permalink: '/:year/:month/:day/:slug/', minTopicArticles: 1, drafts: false}

const article = makeArticle

const topic = (name: string, origin: Topic['origin'] = 'derived'): Topic => ({name, slug: name.toLowerCase().replace(/\W+/g, '-'), kind: 'place', origin})

test('orders articles newest first, then by source path', () => {
  const {archive} = buildArchive([article('b.txt', '2024-01-01'), article('c.txt', '2024-02-01'), article('a.txt', '2024-01-01')], settings)
  assert.deepEqual(archive.articles.map((item) => item.source), ['c.txt', 'a.txt', 'b.txt'])
})

test('gives colliding derived slugs a suffix from their own hash; the first by path keeps the plain URL', () => {
  const {archive, problems} = buildArchive([article('b.txt', '2024-01-01', {hash: 'bbbbbbbbbb'}), article('a.txt', '2024-01-01', {hash: 'aaaaaaaaaa'})], settings)
  assert.deepEqual(problems, [])
  const urls = Object.fromEntries(archive.articles.map((item) => [item.source, item.url]))
  assert.equal(urls['a.txt'], '/2024/01/01/budget-passes/')
  assert.equal(urls['b.txt'], '/2024/01/01/budget-passes-bbbbbb/')
})

test('reports two given slugs on one URL, naming both files', () => {
  const given = {slugOrigin: 'given' as const}
  const {problems} = buildArchive([article('a.txt', '2024-01-01', given), article('b.txt', '2024-01-01', given)], settings)
  assert.deepEqual(problems.map((item) => [item.rule, item.file, item.related.map((other) => other.file)]), [['url-collision', 'seeds/b.txt', ['seeds/a.txt']]])
})

test('on one URL, the first given slug keeps it, a later given one is left out, and derived ones take suffixes', () => {
  const given = {slugOrigin: 'given' as const}
  const {archive, problems} = buildArchive(
    [
      article('a.txt', '2024-01-01', {hash: 'aaaaaaaaaa'}),
      article('b.txt', '2024-01-01', {...given, hash: 'bbbbbbbbbb'}),
      article('c.txt', '2024-01-01', {...given, hash: 'cccccccccc'}),
      article('d.txt', '2024-01-02', {hash: 'dddddddddd'}),
      article('e.txt', '2024-01-01', {hash: 'eeeeeeeeee'}),
    ],
    settings,
  )
  assert.deepEqual(problems.map((item) => [item.rule, item.file]), [['url-collision', 'seeds/c.txt']])
  assert.deepEqual(Object.fromEntries(archive.articles.map((item) => [item.source, [item.slug, item.url]])), {
    'a.txt': ['budget-passes-aaaaaa', '/2024/01/01/budget-passes-aaaaaa/'],
    'b.txt': ['budget-passes', '/2024/01/01/budget-passes/'],
    'd.txt': ['budget-passes', '/2024/01/02/budget-passes/'],
    'e.txt': ['budget-passes-eeeeee', '/2024/01/01/budget-passes-eeeeee/'],
  })
})

test('fills every placeholder of a permalink pattern, wherever it stands and however often', () => {
  const {archive} = buildArchive([article('a.txt', '2024-03-09', {slug: 'vote-counted'})], {...settings, permalink: '/news/:year/:slug/:year-:month-:day/:slug/'})
  assert.equal(archive.articles[0]?.url, '/news/2024/vote-counted/2024-03-09/vote-counted/')
})

test('publishes an exact duplicate once and warns, naming both files', () => {
  const {archive, problems} = buildArchive([article('a.txt', '2024-01-01', {hash: 'same'}), article('b.txt', '2024-01-01', {hash: 'same'})], settings)
  assert.equal(archive.articles.length, 1)
  assert.deepEqual(problems.map((item) => [item.rule, item.severity, item.file, item.related[0]?.file]), [['duplicate-content', 'warning', 'seeds/b.txt', 'seeds/a.txt']])
})

test('leaves drafts out unless asked', () => {
  const input = [article('a.txt', '2024-01-01', {draft: true})]
  assert.equal(buildArchive(input, settings).archive.articles.length, 0)
  assert.equal(buildArchive(input, {...settings, drafts: true}).archive.articles.length, 1)
})

test('groups by day, month, year and topic, and finds related articles by shared topics', () => {
  const {archive} = buildArchive(
    [
      article('a.txt', '2024-01-01', {slug: 'a', topics: [topic('Russia'), topic('Ukraine')]}),
      article('b.txt', '2024-01-02', {slug: 'b', topics: [topic('Russia'), topic('Ukraine')]}),
      article('c.txt', '2024-02-01', {slug: 'c', topics: [topic('Chile')]}),
    ],
    settings,
  )
  assert.deepEqual([...archive.years.keys()], ['2024'])
  assert.deepEqual([...archive.months.keys()], ['2024-01', '2024-02'])
  assert.deepEqual([...archive.days.keys()], ['2024-01-01', '2024-01-02', '2024-02-01'])
  assert.deepEqual([...archive.topics.keys()], ['chile', 'russia', 'ukraine'])
  assert.deepEqual(archive.topics.get('russia')?.related, [{slug: 'ukraine', count: 2}])
  const indexOf = (source: string) => archive.articles.findIndex((item) => item.source === source)
  assert.deepEqual(archive.related.of(indexOf('a.txt')), [indexOf('b.txt')])
  assert.deepEqual(archive.related.of(indexOf('c.txt')), [])
})

test('a topic found in fewer than minTopicArticles articles gets no page; a given one always does', () => {
  const {archive} = buildArchive(
    [
      article('a.txt', '2024-01-01', {slug: 'a', topics: [topic('Russia'), topic('Chile'), topic('Elections', 'given')]}),
      article('b.txt', '2024-01-02', {slug: 'b', topics: [topic('Russia')]}),
    ],
    {...settings, minTopicArticles: 2},
  )
  assert.deepEqual([...archive.topics.keys()], ['elections', 'russia'])
  assert.deepEqual(archive.topics.get('russia')?.related, [{slug: 'elections', count: 1}])
})

test('related topics are the companions with a page: those without one do not take their places', () => {
  const withPage = ['Z1', 'Z2', 'Z3', 'Z4', 'Z5', 'Z6'].map((name) => topic(name))
  // Note: these sort first, so they would fill the ten places if counted.
  const withoutPage = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((name) => topic(name))
  const {archive} = buildArchive(
    [
      article('a.txt', '2024-01-01', {slug: 'a', topics: [topic('Russia'), ...withPage]}),
      article('b.txt', '2024-01-02', {slug: 'b', topics: [topic('Russia'), ...withoutPage]}),
      article('c.txt', '2024-01-03', {slug: 'c', topics: withPage}),
    ],
    {...settings, minTopicArticles: 2},
  )
  assert.deepEqual(archive.topics.get('russia')?.related.map((other) => other.slug), ['z1', 'z2', 'z3', 'z4', 'z5', 'z6'])
})

test('reports two different given spellings of one topic slug', () => {
  const {problems} = buildArchive(
    [article('a.txt', '2024-01-01', {slug: 'a', topics: [topic('Elections', 'given')]}), article('b.txt', '2024-01-02', {slug: 'b', topics: [{...topic('Elections', 'given'), name: 'ELECTIONS'}]})],
    settings,
  )
  assert.deepEqual(problems.map((item) => item.rule), ['topic-slug-collision'])
})

test('the archive does not depend on the order of its input', () => {
  const names = ['Russia', 'Ukraine', 'Chile', 'Japan']
  const list = Array.from({length: 12}, (_, index) =>
    article(`${String(index).padStart(2, '0')}.txt`, `2024-0${1 + (index % 3)}-0${1 + (index % 4)}`, {hash: `h${index}`, slug: index % 2 === 0 ? 'same' : `s${index}`, topics: [topic(names[index % 4] as string), topic(names[(index + 1) % 4] as string)]}),
  )
  const expected = buildArchive(list, settings)
  fc.assert(
    fc.property(fc.shuffledSubarray(list, {minLength: list.length}), (shuffled) => {
      assert.deepEqual(buildArchive(shuffled, settings), expected)
    }),
    {numRuns: 50},
  )
})

test('articles are in the order of compareArticles, and each day, month and year lists its articles in that order, keys ascending', () => {
  const day = fc.tuple(fc.integer({min: 1986, max: 1988}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 28}))
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-zA-Z0-9_/-]{1,8}$/), day), {selector: ([source]) => source, maxLength: 60}), (items) => {
      const list = items.map(([source, [year, month, date]], index) => article(`${source}.txt`, `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}` as IsoDate, {hash: `h${index}`, slug: `s${index}`}))
      const {archive} = buildArchive(list, settings)
      const expected = [...list].sort(compareArticles)
      assert.deepEqual(archive.articles.map((item) => item.source), expected.map((item) => item.source))
      for (const [groups, length] of [[archive.days, 10], [archive.months, 7], [archive.years, 4]] as const) {
        const naive = new Map<string, number[]>()
        expected.forEach((item, index) => naive.set(item.date.slice(0, length), [...(naive.get(item.date.slice(0, length)) ?? []), index]))
        assert.deepEqual([...groups], [...naive].sort(([a], [b]) => (a < b ? -1 : 1)))
      }
    }),
    {numRuns: 200},
  )
})
