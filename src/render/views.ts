import {formatDate} from '../adapters/dates.js'
import type {SiteConfig} from '../config/site-config.js'
import type {Archive, PlacedArticle} from '../indexes/archive.js'
import type {TopicKind} from '../model/article.js'
import {toJsonLd} from './json-ld.js'
import {archiveUrl, homeUrl, searchUrl, topicUrl, topicsUrl, type SiteUrls} from './urls.js'

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

/** What every page's `<head>` and header need. */
export interface PageMetaView {
  readonly title: string
  readonly description: string
  readonly url: string
  readonly canonical: string
  readonly ogType: 'website' | 'article'
  readonly breadcrumbs: readonly LinkView[]
  /** Serialised JSON-LD, already safe inside `<script>`. */
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
  private readonly cards: ArticleCardView[]
  readonly site: SiteView

  constructor(
    readonly archive: Archive,
    readonly config: SiteConfig,
    readonly urls: SiteUrls,
  ) {
    this.cards = archive.articles.map((article) => this.toCard(article))
    this.site = {
      title: config.title,
      description: config.description,
      language: config.language,
      homeHref: urls.href(homeUrl),
      archiveHref: urls.href(archiveUrl),
      topicsHref: urls.href(topicsUrl),
      searchHref: urls.href(searchUrl),
      assetsHref: urls.href('/assets/'),
      feedHref: urls.href('/feed.xml'),
      atomHref: urls.href('/atom.xml'),
      jsonFeedHref: urls.href('/feed.json'),
    }
  }

  /** The listing card of article `index`. */
  card(index: number): ArticleCardView {
    return this.cards[index] as ArticleCardView
  }

  dateLabel(isoDay: string): string {
    return formatDate(isoDay, this.config.dateFormat, this.config.locale)
  }

  monthLabel(isoMonth: string): string {
    return formatDate(`${isoMonth}-01`, 'MMMM YYYY', this.config.locale)
  }

  monthName(isoMonth: string): string {
    return formatDate(`${isoMonth}-01`, 'MMMM', this.config.locale)
  }

  topicLinks(article: PlacedArticle): TopicLinkView[] {
    return article.topics.map((topic) => ({
      name: this.archive.topics.get(topic.slug)?.name ?? topic.name,
      kind: topic.kind,
      href: this.archive.topics.has(topic.slug) ? this.urls.href(topicUrl(topic.slug)) : '',
    }))
  }

  /** Page metadata; `crumbs` are site-relative paths with names, Home is added first. */
  meta(options: {title: string; description?: string; url: string; crumbs?: readonly {name: string; url: string}[]; ogType?: 'website' | 'article'; jsonLd?: object; noindex?: boolean; feeds?: PageMetaView['feeds']}): PageMetaView {
    const crumbs = [{name: 'Home', url: homeUrl}, ...(options.crumbs ?? [])]
    const breadcrumbList = {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((crumb, index) => ({'@type': 'ListItem', position: index + 1, name: crumb.name, item: this.urls.absolute(crumb.url)})),
    }
    const jsonLd = options.jsonLd ? [options.jsonLd, breadcrumbList] : breadcrumbList
    return {
      title: options.title,
      description: options.description ?? this.config.description,
      url: options.url,
      canonical: this.urls.absolute(options.url),
      ogType: options.ogType ?? 'website',
      breadcrumbs: crumbs.length > 1 ? crumbs.map((crumb) => ({name: crumb.name, href: this.urls.href(crumb.url)})) : [],
      jsonLd: toJsonLd(jsonLd),
      feeds: options.feeds ?? [],
      noindex: options.noindex ?? false,
    }
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
