import {formatDate} from '../adapters/dates.js'
import type {SiteConfig} from '../config/site-config.js'
import type {Archive, PlacedArticle} from '../indexes/archive.js'
import type {TopicKind} from '../model/article.js'
import {breadcrumbList, toJsonLd, type JsonLd} from './json-ld.js'
import {archiveUrl, homeUrl, searchUrl, siteFeedUrl, topicUrl, topicsUrl, type SiteUrls} from './urls.js'

/** A link as templates show it. */
export interface LinkView {
  readonly name: string
  readonly href: string
}

/** A topic on an article: linked when the topic has a page. */
export interface TopicLinkView {
  readonly name: string
  readonly kind: TopicKind
  /** Empty when the topic has too few articles for a page. */
  readonly href: string
}

/** An article in a listing. */
export interface ArticleCardView {
  readonly title: string
  readonly href: string
  readonly dateIso: string
  readonly dateLabel: string
  readonly summary: string
  readonly readingMinutes: number
  readonly wordCount: number
  readonly topics: readonly TopicLinkView[]
}

/** OpenGraph `article:` properties of an article page. */
export interface OgArticleView {
  /** `YYYY-MM-DD`. */
  readonly publishedTime: string
  /** Empty when the article has no subject topic. */
  readonly section: string
  readonly tags: readonly string[]
}

/** What a page passes to `ViewBuilder.meta`. */
export interface MetaOptions {
  readonly title: string
  /** Defaults to the site's description. */
  readonly description?: string
  /** Site-relative URL path of the page. */
  readonly url: string
  readonly crumbs?: readonly {readonly name: string; readonly url: string}[]
  /** Makes the page an OpenGraph `article`. */
  readonly article?: OgArticleView
  /** The page's own schema.org object (a `NewsArticle`, a `WebSite`). */
  readonly jsonLd?: JsonLd
  readonly noindex?: boolean
  readonly feeds?: PageMetaView['feeds']
}

/** What every page's `<head>` and header need. */
export interface PageMetaView {
  readonly title: string
  readonly description: string
  readonly url: string
  readonly canonical: string
  readonly ogType: 'website' | 'article'
  /** OpenGraph article properties; null on pages that are not articles. */
  readonly article: OgArticleView | null
  /** Home first; `current` marks the crumb that is this page. */
  readonly breadcrumbs: readonly (LinkView & {readonly current: boolean})[]
  /** Serialised JSON-LD, already safe inside `<script>`; empty for none. */
  readonly jsonLd: string
  readonly feeds: readonly {readonly title: string; readonly href: string; readonly type: string}[]
  readonly noindex: boolean
}

/** Site-wide values, the same on every page. */
export interface SiteView {
  readonly title: string
  readonly description: string
  readonly language: string
  readonly homeHref: string
  readonly archiveHref: string
  readonly topicsHref: string
  readonly searchHref: string
  readonly assetsHref: string
  readonly feedHref: string
  readonly atomHref: string
  readonly jsonFeedHref: string
}

/** Turns archive data into view models. Cards are built once per article and reused by every listing. */
export class ViewBuilder {
  /** Cards made so far: a build that keeps most pages needs few of them. */
  private readonly cards: (ArticleCardView | undefined)[]
  private readonly cardIndexes = new Map<object, number>()
  private readonly numberFormat: Intl.NumberFormat
  /** Date labels already formatted: archive pages ask for the same days and months many times. */
  private readonly labels = new Map<string, string>()
  readonly site: SiteView

  /**
   * `bodyOf` gives an article's body HTML; by default the article's own
   * `bodyHtml` (the build passes one that reads stored bodies from the cache).
   */
  constructor(
    readonly archive: Archive,
    readonly config: SiteConfig,
    readonly urls: SiteUrls,
    private readonly bodyOf: (article: PlacedArticle) => string = (article) => article.bodyHtml,
  ) {
    this.numberFormat = numberFormatFor(config.locale)
    this.cards = new Array(archive.articles.length)
    this.site = {
      title: config.title,
      description: config.description,
      language: config.language,
      homeHref: urls.href(homeUrl),
      archiveHref: urls.href(archiveUrl),
      topicsHref: urls.href(topicsUrl),
      searchHref: urls.href(searchUrl),
      assetsHref: urls.href('/assets/'),
      feedHref: urls.href(siteFeedUrl('rss')),
      atomHref: urls.href(siteFeedUrl('atom')),
      jsonFeedHref: urls.href(siteFeedUrl('json')),
    }
  }

  /** The listing card of article `index`. */
  card(index: number): ArticleCardView {
    let card = this.cards[index]
    if (card === undefined) {
      const article = this.archive.articles[index]
      if (!article) throw new Error(`no article ${index}`)
      card = this.toCard(article)
      this.cards[index] = card
      this.cardIndexes.set(card, index)
    }
    return card
  }

  /** Article `index`'s body as HTML. */
  body(index: number): string {
    const article = this.archive.articles[index]
    if (!article) throw new Error(`no article ${index}`)
    return this.bodyOf(article)
  }

  /** The index of the article whose card `value` is, if it is one (`card` made it). */
  cardIndexOf(value: object): number | undefined {
    return this.cardIndexes.get(value)
  }

  /** A `YYYY-MM-DD` day as readers see it, in the configured format (`18 November 2024`). */
  dateLabel(isoDay: string): string {
    return this.memo(`d${isoDay}`, () => formatDate(isoDay, this.config.dateFormat, this.config.locale))
  }

  /** A `YYYY-MM` month with its year (`November 2024`). */
  monthLabel(isoMonth: string): string {
    return this.memo(`m${isoMonth}`, () => formatDate(`${isoMonth}-01`, 'MMMM YYYY', this.config.locale))
  }

  /** A `YYYY-MM` month's name alone (`November`). */
  monthName(isoMonth: string): string {
    return this.memo(`n${isoMonth}`, () => formatDate(`${isoMonth}-01`, 'MMMM', this.config.locale))
  }

  /** A short month name for chart axes (`Mar`). */
  shortMonthName(isoMonth: string): string {
    return formatDate(`${isoMonth}-01`, 'MMM', this.config.locale)
  }

  /** Short weekday names, Monday first. */
  weekdayNames(): string[] {
    // Note: 1 January 2024 was a Monday.
    return Array.from({length: 7}, (_, index) => formatDate(`2024-01-0${index + 1}`, 'dd', this.config.locale))
  }

  /** A number with the locale's digit grouping (`19,043`). */
  number(value: number): string {
    return this.numberFormat.format(value)
  }

  /** `No articles`, `1 article`, `19,043 articles`. */
  articleCount(count: number): string {
    if (count === 0) return 'No articles'
    return `${this.number(count)} ${count === 1 ? 'article' : 'articles'}`
  }

  /** An article's topics, each linked when the topic has a page. */
  topicLinks(article: PlacedArticle): TopicLinkView[] {
    return article.topics.map((topic) => ({
      name: this.archive.topics.get(topic.slug)?.name ?? topic.name,
      kind: topic.kind,
      href: this.archive.topics.has(topic.slug) ? this.urls.href(topicUrl(topic.slug)) : '',
    }))
  }

  /**
   * Page metadata for `<head>` and the breadcrumb trail. `crumbs` are
   * site-relative paths with names; Home is added first. A page with crumbs
   * gets a `BreadcrumbList` in its JSON-LD, after the page's own `jsonLd`.
   */
  meta(options: MetaOptions): PageMetaView {
    const crumbs = [{name: 'Home', url: homeUrl}, ...(options.crumbs ?? [])]
    const trail = crumbs.length > 1 ? [breadcrumbList(crumbs.map((crumb) => ({name: crumb.name, url: this.urls.absolute(crumb.url)})))] : []
    const structured = [...(options.jsonLd ? [options.jsonLd] : []), ...trail]
    return {
      title: options.title,
      description: options.description ?? this.config.description,
      url: options.url,
      canonical: this.urls.absolute(options.url),
      ogType: options.article ? 'article' : 'website',
      article: options.article ?? null,
      // Note: an article's trail ends at its day, which is not the page itself.
      breadcrumbs: crumbs.length > 1 ? crumbs.map((crumb, index) => ({name: crumb.name, href: this.urls.href(crumb.url), current: index === crumbs.length - 1 && !options.article})) : [],
      jsonLd: structured.length === 0 ? '' : toJsonLd(structured.length === 1 ? (structured[0] as JsonLd) : structured),
      feeds: options.feeds ?? [],
      noindex: options.noindex ?? false,
    }
  }

  private memo(key: string, make: () => string): string {
    let label = this.labels.get(key)
    if (label === undefined) {
      label = make()
      this.labels.set(key, label)
    }
    return label
  }

  private toCard(article: PlacedArticle): ArticleCardView {
    return {
      title: article.title,
      href: this.urls.href(article.url),
      dateIso: article.date,
      dateLabel: this.dateLabel(article.date),
      summary: article.summary,
      readingMinutes: article.readingMinutes,
      wordCount: article.wordCount,
      topics: this.topicLinks(article),
    }
  }
}

/** Digit grouping for a dayjs locale name; English when Intl does not know it. */
function numberFormatFor(locale: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale)
  } catch {
    return new Intl.NumberFormat('en')
  }
}
