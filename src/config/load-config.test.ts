import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ContentError} from '../problems/content-error.js'
import {parseConfig} from './load-config.js'
import {defaultConfig} from './site-config.js'

/** The problem `parseConfig` reports for `text`, as `line:column message`. */
function problemOf(text: string): string {
  try {
    parseConfig('news-archive.config.json', text)
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error))
    assert.equal(error.problem.rule, 'config-invalid')
    return `${error.problem.place.line}:${error.problem.place.column} ${error.problem.message}`
  }
  return 'no problem'
}

const mistakes = [
  {text: '{\n  "title": "News",\n}', expected: /^3:1 the config file is not valid JSON: /},
  {text: '[]', expected: /^1:1 `\(top level\)` should be an object of settings$/},
  {text: '{\n  "pagesize": 10\n}', expected: /^2:3 `pagesize` is not a setting; did you mean one of "pageSize"/},
  {text: '{\n  "pageSize": "20"\n}', expected: /^2:3 `pageSize` should be a whole number from 1 to 1000, not "20"$/},
  {text: '{\n  "pageSize": 0\n}', expected: /^2:3 `pageSize` should be a whole number from 1 to 1000, not 0$/},
  {text: '{\n  "baseUrl": "javascript:alert(1)//"\n}', expected: /^2:3 `baseUrl` should be an absolute http\(s\) URL/},
  {text: '{\n  "baseUrl": "news.example.org"\n}', expected: /^2:3 `baseUrl` should be an absolute http\(s\) URL/},
  {text: '{\n  "permalink": "/../:slug/"\n}', expected: /^2:3 `permalink` is "\/\.\.\/:slug\/": it may not contain/},
  {text: '{\n  "permalink": "/:year/:month/"\n}', expected: /^2:3 `permalink` is .*: it needs ":slug"/},
  {text: '{\n  "permalink": "/topics/:slug/"\n}', expected: /^2:3 `permalink` is .*: it would clash with the site's own pages$/},
  {text: '{\n  "language": "en; script"\n}', expected: /^2:3 `language` should be a language tag/},
  {text: '{\n  "locale": "../../etc"\n}', expected: /^2:3 `locale` should be a dayjs locale/},
  {text: '{\n  "topics": {"max": -1}\n}', expected: /^2:14 `topics.max` should be a whole number from 0 to 50, not -1$/},
  {text: '{\n  "topics": {"colour": 1}\n}', expected: /^2:14 `topics.colour` is not a setting/},
  {text: '{\n  "topics": {"feeds": ["rss", "atom", "rss"]}\n}', expected: /^2:14 `topics.feeds` should be a list of feed formats from "rss", "atom", "json", each once, not \["rss","atom","rss"\]$/},
  {text: '{\n  "topics": {"feeds": "rss"}\n}', expected: /^2:14 `topics.feeds` should be a list of feed formats/},
] as const

for (const example of mistakes) {
  test(`config ${JSON.stringify(example.text)}`, () => {
    assert.match(problemOf(example.text), example.expected)
  })
}

test('an empty object gives the defaults; a base URL gets its final slash', () => {
  assert.deepEqual(parseConfig('c.json', '{}'), defaultConfig)
  assert.equal(parseConfig('c.json', '{"baseUrl": "https://news.example.org/archive"}').baseUrl, 'https://news.example.org/archive/')
})

test('topic feeds: any formats, in one order whatever the file says; none at all is allowed', () => {
  assert.deepEqual(parseConfig('c.json', '{"topics": {"feeds": ["json", "rss"]}}').topics.feeds, ['rss', 'json'])
  assert.deepEqual(parseConfig('c.json', '{"topics": {"feeds": []}}').topics.feeds, [])
})
