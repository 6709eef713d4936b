import type {Archive} from '../indexes/archive.js'
import {articleTemplate} from '../render/article-pages.js'
import type {Page} from '../render/page.js'
import type {ViewBuilder} from '../render/views.js'
import {articleSeedKey} from './article-store.js'
import {fingerprint} from './hash.js'

/**
 * The key of each page of a site: a fingerprint of everything the page is
 * rendered from. Two builds that give a page the same key render the same
 * bytes for it, so an incremental build renders only pages whose key changed.
 *
 * - Every key includes `siteKey` (generator, config, site-wide view values)
 *   and the key of the page's template with its layouts and partials.
 * - An article's card is keyed by what it is made from (`articleInputs`),
 *   not by its view: a build that keeps most pages makes few cards.
 * - A list page without `inputs()` (years, months, the archive, the topic
 *   index…) is keyed by its whole view model, serialised with each article
 *   card replaced by the card's own key.
 * - An article page is keyed without building its view, which would cost as
 *   much as rendering it: by its seed (bytes, path, and through `siteKey` the
 *   settings that made the article), its URL and slug, and the cards it
 *   shows: its own, the newer and older articles' and the related ones'.
 *   Note: this list must name everything `render/article-pages.ts` puts in the
 *   view; `test/incremental.property.test.ts` checks it.
 * - A page that offers `inputs()` (text naming everything its view is made
 *   from, cheaper to make than the view) is keyed by that instead: topic,
 *   home and day pages, the most numerous list pages, which together show
 *   every article's card many times over; their views cost more to build
 *   than their inputs cost to name. `render/list-page-inputs.test.ts`
 *   checks that inputs and view change together.
 */
export class PageKeys {
  private readonly cardKeys: (string | undefined)[]
  private readonly articleIndexes = new Map<string, number>()

  constructor(
    private readonly archive: Archive,
    private readonly views: ViewBuilder,
    private readonly siteKey: string,
    private readonly templateKeys: ReadonlyMap<string, string>,
  ) {
    this.cardKeys = new Array(archive.articles.length)
    archive.articles.forEach((article, index) => this.articleIndexes.set(article.url, index))
  }

  /** The key of `page`, and its view model when working out the key needed it (so it is built once). */
  key(page: Page): {key: string; view?: object} {
    const templateKey = this.templateKeys.get(page.template) ?? `unknown-template:${page.template}`
    const index = page.template === articleTemplate ? this.articleIndexes.get(page.url) : undefined
    if (index !== undefined && page.from.length === 1 && page.from[0] === this.archive.articles[index]?.file) {
      return {key: fingerprint(this.siteKey, templateKey, page.url, this.articleInputs(index))}
    }
    if (page.inputs) return {key: fingerprint(this.siteKey, templateKey, page.url, 'inputs', page.inputs((card) => this.cardKey(card)))}
    const view = page.view()
    return {key: fingerprint(this.siteKey, templateKey, page.url, this.viewText(view)), view}
  }

  /** The key of article `index`'s listing card, which its feed entry is made from too. */
  cardKey(index: number): string {
    let key = this.cardKeys[index]
    if (key === undefined) {
      key = fingerprint(articleInputs(this.archive, index))
      this.cardKeys[index] = key
    }
    return key
  }

  private articleInputs(index: number): string {
    const article = this.archive.articles[index]
    if (!article) throw new Error(`no article ${index}`)
    const neighbour = (other: number): string => (other >= 0 && other < this.archive.articles.length ? this.cardKey(other) : '-')
    const related = (this.archive.related[index] ?? []).map((other) => this.cardKey(other))
    return [articleSeedKey(article), article.slug, article.url, this.cardKey(index), neighbour(index - 1), neighbour(index + 1), ...related].join('\n')
  }

  /** The page's view as JSON, with cards (shared objects) replaced by their keys. */
  private viewText(view: object): string {
    const site = this.views.site
    return JSON.stringify(view, (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null) return value
      if (value === site) return '<site>'
      const card = this.views.cardIndexOf(value)
      return card === undefined ? value : `<card ${this.cardKey(card)}>`
    })
  }
}

/**
 * Everything an article's card and feed entry are made from besides the
 * site-wide settings: its seed (bytes, path and file; through the site key,
 * the settings that made its article), its URL, and for each of its topics
 * the name its topic page spells it with, or that it has no page.
 * Note: this list must name everything `ViewBuilder.card` and `feedEntry`
 * read; `test/incremental.property.test.ts` checks it.
 */
function articleInputs(archive: Archive, index: number): string {
  const article = archive.articles[index]
  if (!article) throw new Error(`no article ${index}`)
  const topics = article.topics.map((topic) => archive.topics.get(topic.slug)?.name ?? `\u0001${topic.name}`)
  return [articleSeedKey(article), article.url, ...topics].join('\u0000')
}
