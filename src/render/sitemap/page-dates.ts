import type {Archive} from '../../indexes/archive.js'
import type {IsoDate} from '../../model/article.js'
import {paginate} from '../paginate.js'
import {archiveUrl, dayUrl, homeUrl, monthUrl, topicUrl, topicsUrl, yearUrl} from '../urls.js'

/** Page sizes of the paginated lists, as in the config. */
export interface ListSizes {
  readonly pageSize: number
  readonly archivePageSize: number
}

/**
 * When each page last changed, from the content alone: an article page's
 * date is the article's; a list page's is that of the newest article it
 * shows. URL path → `YYYY-MM-DD`.
 * Note: this follows the paging of `list-pages.ts` (the same `paginate`); a
 * page kind added there without a rule here gets no `lastmod`, which
 * `sitemap.test.ts` catches.
 */
export function pageDates(archive: Archive, sizes: ListSizes): Map<string, IsoDate> {
  const dates = new Map<string, IsoDate>()
  const {articles} = archive
  const newest = (items: readonly number[]): IsoDate | undefined => (items[0] === undefined ? undefined : articles[items[0]]?.date)
  const setList = (url: string, items: readonly number[], size?: number): void => {
    for (const page of size === undefined ? [{url, items}] : paginate(url, items, size)) {
      const date = newest(page.items)
      if (date) dates.set(page.url, date)
    }
  }
  for (const article of articles) dates.set(article.url, article.date)
  setList(homeUrl, articles.map((_, index) => index), sizes.pageSize)
  for (const [year, items] of archive.years) setList(yearUrl(year), items)
  for (const [month, items] of archive.months) setList(monthUrl(month), items)
  for (const [day, items] of archive.days) setList(dayUrl(day), items, sizes.archivePageSize)
  const first = articles[0]
  if (first) dates.set(archiveUrl, first.date)
  let topicsNewest: IsoDate | undefined
  for (const topic of archive.topics.values()) {
    setList(topicUrl(topic.slug), topic.articles, sizes.pageSize)
    const date = newest(topic.articles)
    if (date && (!topicsNewest || date > topicsNewest)) topicsNewest = date
  }
  // Note: an index with no topic yet describes the archive as of its newest article, so it takes that article's date.
  const topicsDate = topicsNewest ?? first?.date
  if (topicsDate) dates.set(topicsUrl, topicsDate)
  return dates
}
