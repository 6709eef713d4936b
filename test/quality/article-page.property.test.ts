import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {test} from 'node:test'
import fc from 'fast-check'
import {loadTemplates} from '../../src/adapters/liquid.js'
import {loadMarkdown} from '../../src/adapters/markdown.js'
import {defaultConfig} from '../../src/config/site-config.js'
import {buildArchive} from '../../src/indexes/build-archive.js'
import {packageRoot} from '../../src/options.js'
import {processSettings, processSource} from '../../src/process-sources.js'
import {articleTemplate} from '../../src/render/article-pages.js'
import {pageTemplates, planPages, renderPage} from '../../src/render/render-site.js'
import {siteUrls} from '../../src/render/urls.js'
import {ViewBuilder} from '../../src/render/views.js'
import {readPage} from './read-page.js'
import {validateHtml} from './validate-html.js'

await loadMarkdown()

/**
 * For any text an author (or an attacker) can put in a seed, the article page
 * rendered through the real templates is valid HTML and holds nothing that
 * runs script: the body is sanitised, every other value escaped.
 */

const templates = loadTemplates([path.join(packageRoot, 'templates')], pageTemplates)
const settings = processSettings(defaultConfig, undefined)

/** The rendered article page of one seed, or undefined when the seed is not an article. */
function articlePage(file: string, text: string): string | undefined {
  const bytes = new TextEncoder().encode(text)
  const {article} = processSource({path: file, file: `seeds/${file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}, settings)
  if (!article) return undefined
  const {archive} = buildArchive([article], {permalink: defaultConfig.permalink, minTopicArticles: 1, drafts: true})
  const views = new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl))
  for (const page of planPages(archive, views)) if (page.template === articleTemplate) return renderPage(page, templates).contents.toString()
  return undefined
}

/** Pieces attackers and unlucky editors use: markup, script URLs, template syntax, entities, bidi and zero-width characters. */
const tricky = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](  JaVaScRiPt:alert(1))',
  '![x](javascript:alert(1))',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<!--',
  ']]>',
  '{{ site.title }}',
  '{% raw %}',
  '&amp;',
  '&',
  '"',
  "'",
  '`',
  '<',
  '>',
  '\u202e',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\u0000',
  '\u000b',
  '\u001b[31m',
  '<p style="background:url(javascript:alert(1))">',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<base href="//evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
)

/** Text made of ordinary words, any characters and tricky pieces. */
const anyText = fc
  .array(fc.oneof({arbitrary: tricky, weight: 3}, {arbitrary: fc.string({unit: 'grapheme', maxLength: 12}), weight: 2}, {arbitrary: fc.constantFrom('Budget', 'vote', '.', ' ', '\n', '\n\n', '* ', '# ', '1999. '), weight: 3}), {minLength: 1, maxLength: 25})
  .map((parts) => parts.join(''))

/** Text on one line, for front-matter values. */
const oneLine = anyText.map((text) => text.replace(/[\n\r\u2028\u2029]/g, ' '))

/** A seed: front matter values and body from `anyText`, as plain text or Markdown. */
const anySeed = fc.record({
  kind: fc.constantFrom('txt', 'md'),
  title: fc.option(oneLine, {nil: undefined}),
  summary: fc.option(oneLine, {nil: undefined}),
  author: fc.option(oneLine, {nil: undefined}),
  topics: fc.option(fc.array(oneLine, {maxLength: 3}), {nil: undefined}),
  body: anyText,
})

/** What a generated seed holds. */
interface SeedParts {
  readonly kind: string
  readonly title: string | undefined
  readonly summary: string | undefined
  readonly author: string | undefined
  readonly topics: string[] | undefined
  readonly body: string
}

function seedText(seed: SeedParts): string {
  const fields = [
    'date: "2024-11-18"',
    ...(['title', 'summary', 'author'] as const).filter((key) => seed[key] !== undefined).map((key) => `${key}: ${JSON.stringify(seed[key])}`),
    ...(seed.topics === undefined ? [] : [`topics: ${JSON.stringify(seed.topics)}`]),
  ]
  // Note: JSON strings are YAML strings, so the front matter is always valid YAML; what varies is what the values hold.
  return ['---', ...fields, '---', seed.body].join('\n')
}

test('any text gives an article page that is valid HTML and runs no script', () => {
  let pages = 0
  fc.assert(
    fc.property(anySeed, (seed) => {
      const html = articlePage(`a.${seed.kind}`, seedText(seed))
      if (html === undefined) return
      pages++
      assert.deepEqual(validateHtml(html, 'article.html'), [], 'valid HTML')
      assert.deepEqual(readPage(html).scriptRisks, [], 'nothing that runs script')
    }),
    {numRuns: 150},
  )
  assert.ok(pages >= 100, `${pages} of 150 seeds became article pages`)
})

test('each tricky piece alone, in every field, is shown as text', () => {
  for (const piece of fc.sample(tricky, {numRuns: 200, seed: 1}).filter((value, index, all) => all.indexOf(value) === index)) {
    const html = articlePage('a.md', seedText({kind: 'md', title: piece, summary: piece, author: piece, topics: [piece], body: `Text ${piece} more text.`}))
    if (html === undefined) continue
    assert.deepEqual(readPage(html).scriptRisks, [], piece)
    assert.deepEqual(validateHtml(html, 'article.html'), [], piece)
  }
})
