import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import fc from 'fast-check'
import {loadMarkdown} from '../adapters/markdown.js'
import {defaultConfig} from '../config/site-config.js'
import {processSettings, processSource} from '../process-sources.js'
import {rules} from '../problems/rules.js'

await loadMarkdown()

const settings = processSettings(defaultConfig, undefined)

/** Run the parser and model on `bytes` as the seed `seeds/a.<ext>`. */
function processBytes(bytes: Uint8Array, extension: 'txt' | 'md' = 'txt') {
  return processSource({path: `a.${extension}`, file: `seeds/a.${extension}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}, settings)
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Text shaped like a seed, so front matter, the date line and the body are all reached often. */
const seedLike = fc
  .tuple(
    fc.constantFrom('', '', '---', '---', '---yaml', '---toml', '--- ', '----'),
    fc.array(fc.oneof(fc.string(), fc.constantFrom('title: T', 'date: 2024-02-29', 'date: 2024-02-30', 'topics: [a, b]', 'slug: ../x', 'draft: yes', 'tags: 5', '  - x', '\t- y', 'a: "b', '? x', '&a [*a]')), {maxLength: 6}),
    fc.constantFrom('---', '', '--- '),
    fc.constantFrom(' date 2024-11-18 ', ' date 2024-11-18 ', '', 'date 2024-13-01 ', ' date ', '\ufeff date 2024-11-18 ', 'Date: 1987-03-01 '),
    fc.string({unit: 'grapheme', maxLength: 200}),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([open, lines, close, dateLine, body, newline]) => [open, ...lines, close, `${dateLine}${body}`].join(newline))

/** A plain-text seed with a good date line and any text after it, so most become articles. */
const plainSeed = fc
  .tuple(fc.constantFrom('2024-11-18', '1987-02-29', '2000-02-29'), fc.string({unit: 'grapheme', maxLength: 300}), fc.constantFrom('', '\n\nA second paragraph.'))
  .map(([day, text, more]) => ` date ${day} ${text}${more}`)

/** Any bytes: random, UTF-8 text, or text shaped like a seed. */
const anySeed = fc.oneof(
  {arbitrary: fc.uint8Array({maxLength: 300}), weight: 1},
  {arbitrary: fc.string({unit: 'binary', maxLength: 300}).map(utf8), weight: 1},
  {arbitrary: seedLike.map(utf8), weight: 4},
  {arbitrary: plainSeed.map(utf8), weight: 4},
)

test('any bytes give an article, or an error problem that points into the file; nothing else is thrown', () => {
  fc.assert(
    fc.property(anySeed, fc.constantFrom('txt', 'md') as fc.Arbitrary<'txt' | 'md'>, (bytes, extension) => {
      const result = processBytes(bytes, extension)
      const errors = result.problems.filter((problem) => problem.severity === 'error')
      assert.equal(result.article === undefined, errors.length > 0, 'an article exactly when there is no error')
      assert.ok(errors.length <= 1, 'one error stops the seed')
      const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length
      for (const problem of result.problems) {
        assert.ok(problem.rule in rules, `a catalogued rule: ${problem.rule}`)
        assert.equal(problem.file, `seeds/a.${extension}`)
        assert.ok(problem.place.line >= 1 && problem.place.line <= lines, `line ${problem.place.line} of ${lines}: ${problem.message}`)
        assert.ok(problem.place.column >= 1)
        assert.ok(problem.message.trim() !== '')
      }
      if (result.article) {
        assert.match(result.article.date, /^\d{4}-\d{2}-\d{2}$/)
        assert.match(result.article.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'the slug is one safe URL segment')
        assert.ok(result.article.title.trim() !== '')
      }
    }),
    {numRuns: 400},
  )
})

test('a bad date in front matter is reported on the line that holds it', () => {
  fc.assert(
    fc.property(fc.nat(12), fc.integer({min: 13, max: 99}), fc.boolean(), (extraKeys, month, quoted) => {
      const value = quoted ? `"2024-${month}-01"` : `2024-${month}-01`
      const lines = ['---', 'title: T', ...Array.from({length: extraKeys}, (_, index) => `summary${index}: v`), `date: ${value}`, '---', 'Body.']
      const [problem] = processBytes(utf8(lines.join('\n')), 'md').problems.filter((item) => item.severity === 'error')
      assert.equal(problem?.rule, 'date-invalid')
      assert.ok(lines[(problem?.place.line ?? 0) - 1]?.startsWith('date:'))
      assert.equal(problem?.place.column, 7)
    }),
  )
})

test('title, date, topics and slug written in front matter come back as written', () => {
  const title = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.'-]{0,60}$/).filter((text) => text.trim() === text && !/ {2}/.test(text))
  const day = fc.date({min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true}).map((date) => date.toISOString().slice(0, 10))
  const topic = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/).filter((name) => !/ {2}/.test(name))
  const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/)
  fc.assert(
    fc.property(title, day, fc.uniqueArray(topic, {maxLength: 4, selector: (name) => name.toLowerCase()}), slug, (given, date, topics, path) => {
      const text = ['---', `title: ${JSON.stringify(given)}`, `date: ${JSON.stringify(date)}`, `topics: ${JSON.stringify(topics)}`, `slug: ${path}`, '---', 'The body of the article.'].join('\n')
      const {article, problems} = processBytes(utf8(text), 'md')
      assert.deepEqual(problems, [])
      assert.equal(article?.title, given)
      assert.equal(article?.titleOrigin, 'given')
      assert.equal(article?.date, date)
      assert.equal(article?.slug, path)
      assert.deepEqual(article?.topics.filter((item) => item.origin === 'given').map((item) => item.name), topics)
    }),
  )
})

test('`---js` front matter is rejected, and its code never runs', () => {
  const marker = `ran-${process.pid}`
  const globals = globalThis as Record<string, unknown>
  for (const fence of ['---js', '---javascript', '--- js']) {
    const text = [fence, `{ title: (globalThis[${JSON.stringify(marker)}] = "ran"), date: "2024-03-01" }`, '---', 'Body.'].join('\n')
    const {article, problems} = processBytes(utf8(text), 'md')
    assert.equal(article, undefined, fence)
    assert.deepEqual(problems.map((problem) => `${problem.place.line}:${problem.place.column} ${problem.rule}`), ['1:4 front-matter-language'], fence)
    assert.equal(globals[marker], undefined, `${fence}: the code did not run`)
  }
})
