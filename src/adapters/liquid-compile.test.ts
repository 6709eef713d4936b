import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import fc from 'fast-check'
import {readCorpus} from '../../test/helpers/corpus.js'
import {defaultConfig} from '../config/site-config.js'
import {buildArchive} from '../indexes/build-archive.js'
import {packageRoot} from '../options.js'
import {processSettings, processSource} from '../process-sources.js'
import {pageTemplates, planPages} from '../render/render-site.js'
import {siteUrls} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {compileOptions, createEngine, loadTemplates, TemplateError} from './liquid.js'
import {compileTemplates, type CompiledTemplate} from './liquid-compile.js'

const builtIn = path.join(packageRoot, 'templates')

/** Templates written to a folder of their own, searched before the built-in one (for the card partial). */
const dir = mkdtempSync(path.join(tmpdir(), 'liquid-compile-'))
after(() => rmSync(dir, {recursive: true, force: true}))

function writeTemplates(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
}

/** The same template rendered compiled and by LiquidJS alone; an error is reported as `error`. */
function renderBoth(name: string, view: object): {compiled: string | 'error' | 'not compiled'; liquid: string | 'error'} {
  const reference = createEngine([dir, builtIn], false)
  let liquid: string | 'error'
  try {
    liquid = reference.renderSync(reference.parseFileSync(name), view) as string
  } catch {
    liquid = 'error'
  }
  const engine = createEngine([dir, builtIn])
  const fast = compileTemplates(engine.parseFileSync(name), compileOptions(engine))
  if (!fast) return {compiled: 'not compiled', liquid}
  try {
    return {compiled: fast(view), liquid}
  } catch {
    return {compiled: 'error', liquid}
  }
}

test('every built-in page template renders compiled', () => {
  const templates = loadTemplates([builtIn], pageTemplates)
  assert.deepEqual([...templates.compiledNames].sort(), [...pageTemplates].sort())
})

test('every page of a corpus sample renders byte for byte as LiquidJS renders it, with cards kept or not', () => {
  const settings = processSettings(defaultConfig, undefined)
  const articles = readCorpus(400).flatMap(({file, text}) => {
    const bytes = new TextEncoder().encode(text)
    const {article} = processSource({path: file, file: `seeds/${file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}, settings)
    return article ? [article] : []
  })
  const {archive} = buildArchive(articles, {permalink: defaultConfig.permalink, minTopicArticles: 2, drafts: false})
  const views = new ViewBuilder(archive, defaultConfig, siteUrls(defaultConfig.baseUrl))
  // The compiled closures are called directly: a page they gave up on would throw here, not fall back.
  const compiledBy = (engine: ReturnType<typeof createEngine>) => new Map<string, CompiledTemplate | undefined>(pageTemplates.map((name) => [name, compileTemplates(engine.parseFileSync(name), compileOptions(engine))]))
  const compiled = compiledBy(createEngine([builtIn]))
  // Note: one card object per article, shown at heading level 2 on day pages and 3 on topic pages and under related articles.
  const keptCards = compiledBy(createEngine([builtIn], true, true))
  const reference = createEngine([builtIn], false)
  const byTemplate = new Map<string, number>()
  for (const page of planPages(archive, views)) {
    const view = page.view()
    const expected = reference.renderSync(reference.parseFileSync(page.template), view) as string
    const render = compiled.get(page.template)
    assert.ok(render, page.template)
    assert.equal(render(view), expected, page.url)
    assert.equal(keptCards.get(page.template)?.(view), expected, page.url)
    byTemplate.set(page.template, (byTemplate.get(page.template) ?? 0) + 1)
  }
  // The sample reaches every kind of page, so every template was compared.
  assert.deepEqual([...byTemplate.keys()].sort(), [...pageTemplates].sort())
})

/** Snippets covering each construct the compiler handles, with LiquidJS's own whitespace control. */
const snippets: Record<string, string> = {
  'output.html': '<p title="{{ a }}">{{ b }}|{{ a | raw }}|{{ items }}</p>',
  'lists.html': '{{ items.first }}|{{ items.last }}|{{ items[0] }}',
  'props.html': '{{ obj.name }}|{{ obj["name"] }}',
  'sizes.html': '{{ a.size }} {{ items.size }} {{ obj.size }}',
  'if.html': '{% if a == b %}same{% elsif a != "" and b %}and{% elsif a or b %}or{% else %}none{% endif %}\n  {%- if a > b %}gt{% endif -%}\n  {% if a < 3 %}lt{% endif %}{% if b >= a %}ge{% endif %}{% if b <= 2 %}le{% endif %}{% if items == obj %}eq{% endif %}{% if not a %}na{% endif %}{% if true %}t{% endif %}{% if false %}f{% endif %}',
  'unless.html': '{% unless a %}no a{% elsif b %}b{% else %}else{% endunless %}',
  'for.html': '<ul>\n{%- for item in items %}\n  <li>{{ forloop.index }}/{{ forloop.length }}{% if forloop.first %} first{% endif %}{% unless forloop.last %},{% endunless %} {{ item }} {{ forloop.rindex0 }}</li>\n{%- else %}\n  <li>none</li>\n{%- endfor %}\n</ul>{% for x in a %}[{{ x }}]{% endfor %}{% for pair in obj %}{{ pair[0] }}={{ pair[1] }};{% endfor %}',
  'nested.html': '{% for item in items %}{% for other in items %}{{ forloop.index0 }}{{ other }}{% endfor %}:{{ forloop.index }}{% endfor %}',
  'loop.html': '{% for item in a %}{{ forloop }}|{% if forloop == forloop %}={% endif %}{% endfor %}',
  'render.html': '{% render "partials/arg.html", value: a, flag %}|{% render "partials/arg.html", value: b, flag: false %}',
  'partials/arg.html': '{{ value }}{% if flag %}!{% endif %}',
  'partials/leak.html': '{{ a }}',
  'leak.html': '{% render "partials/leak.html" %}',
  'layout.html': '<main>{% block main %}default main{% endblock %}</main><aside>{% block aside %}default {{ a }}{% endblock %}</aside>',
  'child.html': '{% layout "layout.html" %}ignored {% block main %}child {{ b }}{% endblock %} ignored',
  'comment.html': '{% comment %}{{ nothing }}{% endcomment %}{{ a }}',
  // Note: text that would end or break a string in the compiled code if it were not quoted as JSON.
  'text.html': 'He said "hi", \\ `${a}` \' */\u2028\u2029\n</script>{{ a }}\\n',
  'card.html': '<ol>{% for item in items %}{{ item | card: 3 | raw }}{% endfor %}</ol>',
}

/** Values a view may hold, including ones that need escaping and ones Liquid treats specially. */
const value = fc.oneof(
  fc.constantFrom('', '<b>"x" & \'y\'</b>', 'plain', '0', 'false'),
  fc.integer({min: -3, max: 5}),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.constantFrom('<i>', 'a', ''), fc.integer({min: 0, max: 3})), {maxLength: 4}),
  fc.record({name: fc.constantFrom('n<1>', 'm'), size: fc.integer({min: 0, max: 2})}, {requiredKeys: ['name']}),
)
const card = fc.record({href: fc.constantFrom('/a/', '/"b"/'), title: fc.constantFrom('T & t', 'U'), dateIso: fc.constant('1987-02-26'), dateLabel: fc.constant('26 Feb'), readingMinutes: fc.nat(5), summary: fc.constantFrom('', 'S <s>'), topics: fc.array(fc.record({name: fc.constantFrom('Oil', 'Gold & co'), href: fc.constantFrom('', '/t/oil/')}), {maxLength: 2})})
const view = fc.record({a: value, b: value, items: fc.oneof(value, fc.array(card, {maxLength: 3})), obj: value}, {requiredKeys: []})

test('compiled snippets render as LiquidJS renders them, and fail where LiquidJS fails', () => {
  writeTemplates(snippets)
  const names = Object.keys(snippets).filter((name) => !name.startsWith('partials/') && name !== 'layout.html')
  for (const name of names) assert.notEqual(renderBoth(name, {}).compiled, 'not compiled', name)
  const rendered = new Set<string>()
  fc.assert(
    fc.property(fc.constantFrom(...names), view, (name, data) => {
      const {compiled, liquid} = renderBoth(name, data)
      assert.equal(compiled, liquid, name)
      if (liquid !== 'error') rendered.add(name)
    }),
    {numRuns: 1500},
  )
  // Every snippet rendered at least once, so none was compared on errors alone.
  assert.deepEqual([...rendered].sort(), names.filter((name) => name !== 'leak.html').sort())
})

test('template text and property names with quotes, backslashes and line separators render as LiquidJS renders them', () => {
  writeTemplates({'quoted.html': `{{ o['a"b'] }}|{{ o["c'\`\${d}"] }}|{% if o['a"b'] %}\u2028\\{{ o.e }}{% endif %}`})
  const view = {o: {'a"b': '<x>', "c'`${d}": 'y & z', e: '"'}}
  assert.deepEqual(renderBoth('quoted.html', view), {compiled: '&lt;x&gt;|y &amp; z|\u2028\\&#34;', liquid: '&lt;x&gt;|y &amp; z|\u2028\\&#34;'})
})

test('templates outside the compiled subset are left to LiquidJS and still render', () => {
  const outside: Record<string, [string, string]> = {
    'assign.html': ['{% assign x = "<y>" %}{{ x }}', '&lt;y&gt;'],
    'filter.html': ['{{ "a" | upcase }}', 'A'],
    'limit.html': ['{% for x in items limit: 1 %}{{ x }}{% endfor %}', '1'],
    'super.html': ['{% layout "layout.html" %}{% block main %}[{{ block.super }}]{% endblock %}', '<main>[default main]</main><aside>default </aside>'],
    'nil.html': ['{% if a == nil %}nil{% endif %}', 'nil'],
    'range.html': ['{% for i in (1..2) %}{{ i }}{% endfor %}', '12'],
    // LiquidJS's own loop breaks on this name and reports an error.
    'loopname.html': ['{% for forloop in items %}{{ forloop }}{% endfor %}', 'error'],
  }
  writeTemplates({...snippets, ...Object.fromEntries(Object.entries(outside).map(([name, [text]]) => [name, text]))})
  const templates = loadTemplates([dir, builtIn], Object.keys(outside))
  assert.deepEqual(templates.compiledNames, [])
  for (const [name, [, expected]] of Object.entries(outside)) {
    const render = (): string => templates.render(name, {a: null, items: [1, 2]})
    if (expected === 'error') assert.throws(render, TemplateError, name)
    else assert.equal(render(), expected, name)
  }
})

test('a missing variable in a compiled template is reported as LiquidJS reports it, with its line', () => {
  writeTemplates({'missing.html': '<p>\n{{ a }}\n{{ article.title }}</p>'})
  const templates = loadTemplates([dir, builtIn], ['missing.html'])
  assert.deepEqual(templates.compiledNames, ['missing.html'])
  assert.throws(
    () => templates.render('missing.html', {a: 1, article: {}}),
    (error: unknown) => error instanceof TemplateError && error.line === 3 && /undefined variable: article\.title/.test(error.message),
  )
})
