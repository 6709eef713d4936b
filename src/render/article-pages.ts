import type {Archive} from '../indexes/archive.js'
import type {Page} from './page.js'
import {dayUrl, monthUrl, yearUrl} from './urls.js'
import type {ViewBuilder} from './views.js'

/** One page per article: body, topics, previous/next by date, related articles, NewsArticle JSON-LD. */
export function* articlePages(archive: Archive, views: ViewBuilder): Generator<Page> {
  const {articles} = archive
  for (let index = 0; index < articles.length; index++) {
    const article = articles[index]
    if (!article) continue
    yield {
      url: article.url,
      template: 'article.html',
      from: [article.file],
      view: () => {
        const card = views.card(index)
        const newer = index > 0 ? views.card(index - 1) : null
        const older = index + 1 < articles.length ? views.card(index + 1) : null
        const year = article.date.slice(0, 4)
        const month = article.date.slice(0, 7)
        const canonical = views.urls.absolute(article.url)
        const jsonLd = {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: article.title,
          description: article.summary,
          datePublished: article.date,
          dateModified: article.date,
          keywords: article.topics.map((topic) => topic.name),
          wordCount: article.wordCount,
          isAccessibleForFree: true,
          mainEntityOfPage: {'@type': 'WebPage', '@id': canonical},
          url: canonical,
          ...(article.author ? {author: {'@type': 'Person', name: article.author}} : {}),
          ...(article.dateline ? {contentLocation: {'@type': 'Place', name: article.dateline.place}} : {}),
          ...(article.subheadings.length > 0 ? {articleSection: article.topics.find((topic) => topic.kind === 'subject')?.name} : {}),
          publisher: {'@type': 'Organization', name: views.config.publisher.name, ...(views.config.publisher.url ? {url: views.config.publisher.url} : {})},
        }
        return {
          site: views.site,
          page: views.meta({
            title: article.title,
            description: article.summary,
            url: article.url,
            ogType: 'article',
            crumbs: [
              {name: year, url: yearUrl(year)},
              {name: views.monthName(month), url: monthUrl(month)},
              {name: String(Number(article.date.slice(8, 10))), url: dayUrl(article.date)},
            ],
            jsonLd,
          }),
          article: {
            ...card,
            bodyHtml: article.bodyHtml,
            dayHref: views.urls.href(dayUrl(article.date)),
            dateline: article.dateline?.text ?? '',
            author: article.author ?? '',
            publisher: article.publisher ?? '',
            titleDerived: article.titleOrigin === 'derived',
          },
          newer,
          older,
          related: (archive.related[index] ?? []).map((other) => views.card(other)),
        }
      },
    }
  }
}
