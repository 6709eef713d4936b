import type {SiteConfig} from '../config/site-config.js'
import type {Article} from '../model/article.js'

/** A schema.org object, ready to serialise. */
export type JsonLd = Readonly<Record<string, unknown>>

/**
 * Serialise structured data for a `<script type="application/ld+json">`.
 * Note: `<`, `>` and `&` become `\u003c`… so no text (a `</script>` in a
 * title) can close the script element; U+2028/2029 are escaped for old parsers.
 * The result is still JSON and parses to the same data.
 */
export function toJsonLd(data: JsonLd | readonly JsonLd[]): string {
  // Note: one pass over the text, which holds every article page's title and summary.
  return JSON.stringify(data).replace(unsafeInScript, (character) => scriptEscapes[character] as string)
}

const unsafeInScript = /[<>&\u2028\u2029]/g
const scriptEscapes: Readonly<Record<string, string>> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'}

/** A `BreadcrumbList` from the site's home to this page; `url`s are absolute. */
export function breadcrumbList(crumbs: readonly {readonly name: string; readonly url: string}[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({'@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url})),
  }
}

/** The site as a `WebSite`, with its search page, for the home page. `url` and `searchUrl` are absolute. */
export function webSite(config: SiteConfig, url: string, searchUrl: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: config.title,
    description: config.description,
    url,
    inLanguage: config.language,
    publisher: publisher(config),
    potentialAction: {'@type': 'SearchAction', target: `${searchUrl}?q={search_term_string}`, 'query-input': 'required name=search_term_string'},
  }
}

/**
 * A schema.org `NewsArticle` for an article page at the absolute URL `url`.
 * `articleSection` is the article's first subject topic, when it has one.
 */
export function newsArticle(article: Article, url: string, config: SiteConfig): JsonLd {
  const section = article.topics.find((topic) => topic.kind === 'subject')?.name
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: article.date,
    // Note: seeds carry one date; an archived article is not updated after it is published.
    dateModified: article.date,
    inLanguage: config.language,
    keywords: article.topics.map((topic) => topic.name),
    ...(section === undefined ? {} : {articleSection: section}),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    mainEntityOfPage: {'@type': 'WebPage', '@id': url},
    url,
    ...(article.author ? {author: {'@type': 'Person', name: article.author}} : {}),
    ...(article.dateline ? {contentLocation: {'@type': 'Place', name: article.dateline.place}} : {}),
    ...(article.publisher ? {sourceOrganization: {'@type': 'Organization', name: article.publisher}} : {}),
    publisher: publisher(config),
  }
}

function publisher(config: SiteConfig): JsonLd {
  return {'@type': 'Organization', name: config.publisher.name, ...(config.publisher.url ? {url: config.publisher.url} : {})}
}
