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
    const hasNewer = index > 0
    const hasOlder = index + 1 < articles.length
    yield {
      url: article.url,
      template: articleTemplate,
      from: [article.file],
      lastmod: article.date,
      article: index,
      // Note: the view costs as much as rendering the page, so the page is keyed by what it is made from, which must
      // name everything the view below shows (`render/page-inputs.test.ts` and the incremental property test
      // check it): the seed (as `articleSeedKey` names it), and the article's own topic spellings, which other
      // articles can change (see `joinSurnames`). No other part can hold a NUL (hashes, paths, a slug; the
      // spellings are JSON), so joined by it they are unambiguous.
      inputs: () => ({
        text: [article.hash, article.source, article.file, article.slug, hasNewer ? 'newer' : '', hasOlder ? 'older' : '', JSON.stringify(article.topics.map((topic) => topic.name))].join('\0'),
        cards: shownCards(index, hasNewer, hasOlder, archive.related[index] ?? []),
      }),
      view: () => {
        const card = views.card(index)
        const newer = hasNewer ? views.card(index - 1) : null
        const older = hasOlder ? views.card(index + 1) : null
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

/** The articles whose cards article `index`'s page shows: its own, the newer and older ones', and the related ones'. */
function shownCards(index: number, hasNewer: boolean, hasOlder: boolean, related: readonly number[]): number[] {
  const cards = [index]
  if (hasNewer) cards.push(index - 1)
  if (hasOlder) cards.push(index + 1)
  for (const other of related) cards.push(other)
  return cards
}
