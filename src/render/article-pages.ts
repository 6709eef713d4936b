import type {Archive, PlacedArticle} from '../indexes/archive.js'
import type {IsoDate} from '../model/article.js'
import {newsArticle} from './json-ld.js'
import type {Page, PageInputs} from './page.js'
import {dayUrl, monthUrl, yearUrl} from './urls.js'
import type {ViewBuilder} from './views.js'

/** The template of article pages, which tells them from list pages. */
export const articleTemplate = 'article.html'

/**
 * One page per article: body, topics, previous/next by date, related articles,
 * `NewsArticle` JSON-LD and OpenGraph article tags.
 */
export function* articlePages(archive: Archive, views: ViewBuilder): Generator<Page> {
  for (let index = 0; index < archive.articles.length; index++) yield new ArticlePage(archive, views, index)
}

/**
 * Article `article`'s page. Note: one object per page, its parts worked out
 * when asked for: a dev build that adds one seed to 100,000 articles plans
 * every page, and made an object, two closures and their context apiece
 * (64-125 ms of such a build's own time in profiles, the collector's aside).
 */
class ArticlePage implements Page {
  constructor(
    private readonly archive: Archive,
    private readonly views: ViewBuilder,
    readonly article: number,
  ) {}

  get template(): string {
    return articleTemplate
  }

  get url(): string {
    return this.entry.url
  }

  get from(): readonly string[] {
    return [this.entry.file]
  }

  get lastmod(): IsoDate {
    return this.entry.date
  }

  private get entry(): PlacedArticle {
    return this.archive.articles[this.article] as PlacedArticle
  }

  private get hasNewer(): boolean {
    return this.article > 0
  }

  private get hasOlder(): boolean {
    return this.article + 1 < this.archive.articles.length
  }

  // Note: the view costs as much as rendering the page, so the page is keyed by what it is made from, which must
  // name everything the view below shows (`render/page-inputs.test.ts` and the incremental property test
  // check it): the seed (as `articleSeedKey` names it), and the article's own topic spellings, which other
  // articles can change (see `joinSurnames`). No other part can hold a NUL (hashes, paths, a slug; the
  // spellings are JSON), so joined by it they are unambiguous.
  inputs(): PageInputs {
    const {entry: article, hasNewer, hasOlder} = this
    return {
      text: [article.hash, article.source, article.file, article.slug, hasNewer ? 'newer' : '', hasOlder ? 'older' : '', JSON.stringify(article.topics.map((topic) => topic.name))].join('\0'),
      cards: shownCards(this.article, hasNewer, hasOlder, this.archive.related.of(this.article)),
    }
  }

  view(): object {
    const {archive, views, entry: article, article: index} = this
    const card = views.card(index)
    const newer = this.hasNewer ? views.card(index - 1) : null
    const older = this.hasOlder ? views.card(index + 1) : null
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
      related: archive.related.of(index).map((other) => views.card(other)),
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
