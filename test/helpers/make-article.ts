import type {Article, IsoDate} from '../../src/model/article.js'

/** An `Article` as the enrich stage makes it, with plain defaults, for tests of the stages after it. */
export function makeArticle(source: string, date: string, overrides: Partial<Article> = {}): Article {
  return {
    source,
    file: `seeds/${source}`,
    hash: `hash-${source}`.padEnd(64, '0'),
    date: date as IsoDate,
    title: 'Budget passes',
    titleOrigin: 'derived',
    summary: 'Summary.',
    summaryOrigin: 'derived',
    slug: 'budget-passes',
    slugOrigin: 'derived',
    slugAt: {file: `seeds/${source}`, place: {line: 1, column: 1}},
    draft: false,
    bodyHtml: '<p>Text.</p>',
    subheadings: [],
    figures: [],
    wordCount: 1,
    readingMinutes: 1,
    topics: [],
    ...overrides,
  }
}
