import type {Archive} from '../indexes/archive.js'
import {newsArticle} from './json-ld.js'
import type {Page} from './page.js'
import {dayUrl, monthUrl, yearUrl} from './urls.js'
import type {ViewBuilder} from './views.js'

/** The template of article pages, which tells them from list pages. */
export const articleTemplate = 'article.html'

/**
 * One page per article: body, topics, previous/next by date, related articles,
 * `NewsArticle` JSON-LD and OpenGraph article tags.
 */
export function* articlePages(archive: Archive, views: ViewBuilder): Generator<Page> {
  const {articles} = archive
  for (let index = 0; index < articles.length; index++) {
    const article = articles[index]
    if (!article) continue
    yield {
      url: article.url,
      template: articleTemplate,
      from: [article.file],
      view: () => {
        const card = views.card(index)
        const newer = index > 0 ? views.card(index - 1) : null
        const older = index + 1 < articles.length ? views.card(index + 1) : null
        const year = article.date.slice(0, 4)
        const month = article.date.slice(0, 7)
        const section = article.topics.find((topic) => topic.kind === 'subject')?.name ?? ''
        return {
          site: views.site,
          page: views.meta({
            title: article.title,
            description: article.summary,
            url: article.url,
            article: {publishedTime: article.date, section, tags: article.topics.map((topic) => topic.name)},
            crumbs: [
              {name: year, url: yearUrl(year)},
              {name: views.monthName(month), url: monthUrl(month)},
              {name: String(Number(article.date.slice(8, 10))), url: dayUrl(article.date)},
            ],
            jsonLd: newsArticle(article, views.urls.absolute(article.url), views.config),
          }),
          // Note: the card last, so no key is added after a spread (see `assignUrls`): in a script,
          // 100,000 views with the card first took 1.6 s, and 0.05-0.17 s this way. No key here is
          // also one of the card's, which would now win.
          article: {
            bodyHtml: views.body(index),
            dayHref: views.urls.href(dayUrl(article.date)),
            year,
            dateline: article.dateline?.text ?? '',
            place: article.dateline?.place ?? '',
            author: article.author ?? '',
            publisher: article.publisher ?? '',
            titleDerived: article.titleOrigin === 'derived',
            ...card,
          },
          newer,
          older,
          related: (archive.related[index] ?? []).map((other) => views.card(other)),
        }
      },
    }
  }
}
