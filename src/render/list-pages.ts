import type {Archive, PlacedArticle, TopicEntry} from '../indexes/archive.js'
import type {IsoDate} from '../model/article.js'
import {archiveTimeline, monthCalendar, relatedTopics, topicCoverage, yearHeatmap} from './charts/archive-charts.js'
import {feedLinks} from './feeds/site-feeds.js'
import {webSite} from './json-ld.js'
import type {Page, PageInputs} from './page.js'
import {paginate, type ListPage} from './paginate.js'
import {archiveUrl, dayUrl, homeUrl, monthUrl, notFoundUrl, searchUrl, siteFeedUrl, topicFeedUrl, topicUrl, topicsUrl, yearUrl} from './urls.js'
import type {ViewBuilder} from './views.js'

const allIndexes = (archive: Archive): number[] => archive.articles.map((_, index) => index)

/**
 * The newest article any of `entries` holds; undefined when there are none.
 * Note: the topic index is dated by it, or with no topic yet by the archive's
 * newest article, since it then describes the archive as of that one.
 */
function newestOfTopics(entries: readonly TopicEntry[]): number | undefined {
  let newest: number | undefined
  for (const entry of entries) {
    const first = entry.articles[0]
    if (first !== undefined && (newest === undefined || first < newest)) newest = first
  }
  return newest
}

/** A list page's `lastmod` (see `Page`): the date of the newest article of `items` (newest first), if any. */
function newestDate(archive: Archive, items: readonly number[]): {lastmod?: IsoDate} {
  const newest = items[0] === undefined ? undefined : archive.articles[items[0]]
  return newest ? {lastmod: newest.date} : {}
}

/** The home page (newest articles) and its numbered pages. */
export function* homePages(archive: Archive, views: ViewBuilder): Generator<Page> {
  const pages = paginate(homeUrl, allIndexes(archive), views.config.pageSize)
  for (const list of pages) {
    yield {
      url: list.url,
      template: 'home.html',
      from: [],
      ...newestDate(archive, list.items),
      view: () => ({
        site: views.site,
        page: views.meta({
          title: list.number ? `Page ${list.number}` : views.config.title,
          url: list.url,
          ...(list.number ? {crumbs: [{name: `Page ${list.number}`, url: list.url}]} : {jsonLd: webSite(views.config, views.urls.absolute(homeUrl), views.urls.absolute(searchUrl))}),
          // Note: base.html links the RSS feed on every page; the home page adds the other formats.
          feeds: feedLinks(views, views.config.title, ['atom', 'json'], siteFeedUrl),
        }),
        articles: list.items.map((index) => views.card(index)),
        pageNumber: list.number ?? 0,
        newerHref: list.newer ? views.urls.href(list.newer) : '',
        olderHref: list.older ? views.urls.href(list.older) : '',
        // Note: counts appear on the front page only, so a new article does not
        // change (and re-render) every numbered page of the home list.
        years: list.number ? [] : [...archive.years].reverse().map(([year, items]) => ({name: year, href: views.urls.href(yearUrl(year)), count: views.number(items.length)})),
        total: list.number ? 0 : archive.articles.length,
        totalLabel: list.number ? '' : views.articleCount(archive.articles.length),
      }),
      // Note: a large archive has thousands of home pages, whose views cost more to build than their inputs to name.
      inputs: () => ({
        text: JSON.stringify([list.number ?? 0, list.newer ?? '', list.older ?? '', list.number ? null : [archive.articles.length, counted([...archive.years])]]),
        cards: list.items,
      }),
    }
  }
}

/**
 * Entries of an ascending map grouped by the first `length` characters of their
 * keys (`YYYY-MM` of a day), in one pass, so date pages stay linear in the archive.
 */
function groupByPrefix<V>(map: ReadonlyMap<string, V>, length: number): Map<string, [string, V][]> {
  const groups = new Map<string, [string, V][]>()
  for (const entry of map) {
    const prefix = entry[0].slice(0, length)
    const group = groups.get(prefix)
    if (group) group.push(entry)
    else groups.set(prefix, [entry])
  }
  return groups
}

/** Neighbours of the key at `position` in an ascending list of keys. */
function neighbours<K>(keys: readonly K[], position: number): {previous?: K; next?: K} {
  const previous = keys[position - 1]
  const next = keys[position + 1]
  return {...(previous === undefined ? {} : {previous}), ...(next === undefined ? {} : {next})}
}

/** Cards a year page shows: its newest articles. */
const latestOfYear = 10
/** Cards a month page shows per day. */
const headlinesOfDay = 3

/** Each day (or month) of `lists` with its number of articles: what the date pages' charts are drawn from. */
function counted(lists: readonly [string, readonly number[]][] | undefined): [string, number][] {
  return (lists ?? []).map(([key, list]) => [key, list.length])
}

/**
 * Year, month and day archives, each linking to its neighbours.
 * Note: every page has `inputs()`. The year, month and archive pages each
 * draw a chart, so their views cost far more to build than their inputs to
 * name; a build that adds one article to a large archive keys them all and
 * renders only the few whose counts or cards it changes.
 */
export function* datePages(archive: Archive, views: ViewBuilder): Generator<Page> {
  const link = (name: string, url: string | undefined) => (url ? {name, href: views.urls.href(url)} : null)
  const years = [...archive.years.keys()]
  const daysByYear = groupByPrefix(archive.days, 4)
  for (const [position, [year, items]] of [...archive.years].entries()) {
    const {previous, next} = neighbours(years, position)
    yield {
      url: yearUrl(year),
      template: 'year.html',
      from: [],
      ...newestDate(archive, items),
      view: () => {
        const heatmap = yearHeatmap(archive, views, year)
        return {
          site: views.site,
          page: views.meta({title: year, description: `${views.articleCount(items.length)} from ${year}, day by day.`, url: yearUrl(year), crumbs: [{name: year, url: yearUrl(year)}]}),
          year,
          count: items.length,
          countLabel: views.articleCount(items.length),
          heatmap,
          days: Array.from({length: 31}, (_, index) => index + 1),
          previous: link(previous ?? '', previous && yearUrl(previous)),
          next: link(next ?? '', next && yearUrl(next)),
          latest: items.slice(0, latestOfYear).map((index) => views.card(index)),
        }
      },
      inputs: () => ({
        text: JSON.stringify([previous ?? '', next ?? '', items.length, counted(daysByYear.get(year))]),
        cards: items.slice(0, latestOfYear),
      }),
    }
  }
  const monthKeys = [...archive.months.keys()]
  const daysByMonth = groupByPrefix(archive.days, 7)
  for (const [position, [month, items]] of [...archive.months].entries()) {
    const {previous, next} = neighbours(monthKeys, position)
    const year = month.slice(0, 4)
    const days = daysByMonth.get(month) ?? []
    yield {
      url: monthUrl(month),
      template: 'month.html',
      from: [],
      ...newestDate(archive, items),
      view: () => ({
        site: views.site,
        page: views.meta({
          title: views.monthLabel(month),
          description: `${views.articleCount(items.length)} from ${views.monthLabel(month)}, day by day.`,
          url: monthUrl(month),
          crumbs: [
            {name: year, url: yearUrl(year)},
            {name: views.monthName(month), url: monthUrl(month)},
          ],
        }),
        month: {iso: month, label: views.monthLabel(month), count: items.length, countLabel: views.articleCount(items.length)},
        calendar: monthCalendar(archive, views, month),
        days: days.map(([day, list]) => ({
          iso: day,
          label: views.dateLabel(day),
          href: views.urls.href(dayUrl(day)),
          count: list.length,
          countLabel: views.articleCount(list.length),
          headlines: list.slice(0, headlinesOfDay).map((index) => views.card(index)),
          more: Math.max(0, list.length - headlinesOfDay),
        })),
        previous: link(previous ? views.monthLabel(previous) : '', previous && monthUrl(previous)),
        next: link(next ? views.monthLabel(next) : '', next && monthUrl(next)),
      }),
      inputs: () => ({
        text: JSON.stringify([previous ?? '', next ?? '', items.length, counted(days)]),
        cards: days.flatMap(([, list]) => list.slice(0, headlinesOfDay)),
      }),
    }
  }
  const dayKeys = [...archive.days.keys()]
  const daysByMonthDay = new Map<string, string[]>()
  for (const day of dayKeys) daysByMonthDay.set(day.slice(5), [...(daysByMonthDay.get(day.slice(5)) ?? []), day])
  for (const [position, [day, items]] of [...archive.days].entries()) {
    const {previous, next} = neighbours(dayKeys, position)
    const year = day.slice(0, 4)
    const month = day.slice(0, 7)
    const onThisDay = (daysByMonthDay.get(day.slice(5)) ?? []).filter((other) => other !== day)
    for (const list of paginate(dayUrl(day), items, views.config.archivePageSize)) {
      yield {
        url: list.url,
        template: 'day.html',
        from: [],
        ...newestDate(archive, list.items),
        view: () => ({
          site: views.site,
          page: views.meta({
            title: list.number ? `${views.dateLabel(day)}, page ${list.number}` : views.dateLabel(day),
            description: `${views.articleCount(items.length)} from ${views.dateLabel(day)}.`,
            url: list.url,
            crumbs: [
              {name: year, url: yearUrl(year)},
              {name: views.monthName(month), url: monthUrl(month)},
              {name: String(Number(day.slice(8))), url: dayUrl(day)},
            ],
          }),
          day: {iso: day, label: views.dateLabel(day), count: items.length, countLabel: views.articleCount(items.length)},
          articles: list.items.map((index) => views.card(index)),
          newerHref: list.newer ? views.urls.href(list.newer) : '',
          olderHref: list.older ? views.urls.href(list.older) : '',
          previous: link(previous ? views.dateLabel(previous) : '', previous && dayUrl(previous)),
          next: link(next ? views.dateLabel(next) : '', next && dayUrl(next)),
          onThisDay: onThisDay.map((other) => ({name: other.slice(0, 4), href: views.urls.href(dayUrl(other)), count: views.number(archive.days.get(other as typeof day)?.length ?? 0)})),
        }),
        // Note: together, a large archive's day pages show every article's card, which cost more to build than to name.
        inputs: () => ({
          text: JSON.stringify([list.number ?? 0, list.newer ?? '', list.older ?? '', items.length, previous ?? '', next ?? '', onThisDay.map((other) => [other, archive.days.get(other as typeof day)?.length ?? 0])]),
          cards: list.items,
        }),
      }
    }
  }
  const monthsByYear = groupByPrefix(archive.months, 4)
  yield {
    url: archiveUrl,
    template: 'archive.html',
    from: [],
    ...newestDate(archive, [0]),
    view: () => ({
      site: views.site,
      page: views.meta({title: 'Archive', description: `All ${views.articleCount(archive.articles.length)}, by year and month.`, url: archiveUrl, crumbs: [{name: 'Archive', url: archiveUrl}]}),
      total: archive.articles.length,
      totalLabel: views.articleCount(archive.articles.length),
      timeline: archiveTimeline(archive, views),
      years: [...archive.years].reverse().map(([year, list]) => ({
        name: year,
        href: views.urls.href(yearUrl(year)),
        count: list.length,
        countLabel: views.articleCount(list.length),
        months: (monthsByYear.get(year) ?? []).map(([month, items]) => ({name: views.monthName(month), iso: month, href: views.urls.href(monthUrl(month)), count: views.number(items.length)})),
      })),
    }),
    // Note: the years and their counts are those of the months.
    inputs: () => ({text: JSON.stringify([archive.articles.length, counted([...archive.months])]), cards: []}),
  }
}

/**
 * `entries` (in slug order) in the order of their names as English readers
 * sort them (case and accents aside), ties by slug. Note: the topic index is
 * made again in every build that changes a topic's count, which is nearly
 * every one; its view took 48 ms of its own in a profile of a dev build at
 * 100,000 articles, most of it sorting 30,000 names with a collator, so the
 * order is kept for the next build, which takes it over when every topic
 * has the same slug and name.
 */
function byName(entries: readonly TopicEntry[]): TopicEntry[] {
  const kept = lastNameOrder
  if (kept !== undefined && kept.slugs.length === entries.length && entries.every((entry, at) => entry.slug === kept.slugs[at] && entry.name === kept.names[at])) {
    return kept.order.map((at) => entries[at] as TopicEntry)
  }
  // Note: one collator for the whole sort; `localeCompare` with options makes one per comparison.
  const collator = new Intl.Collator('en', {sensitivity: 'base'})
  const order = entries.map((_, at) => at)
  order.sort((a, b) => {
    const first = entries[a] as TopicEntry
    const second = entries[b] as TopicEntry
    return collator.compare(first.name, second.name) || (first.slug < second.slug ? -1 : 1)
  })
  lastNameOrder = {slugs: entries.map((entry) => entry.slug), names: entries.map((entry) => entry.name), order}
  return order.map((at) => entries[at] as TopicEntry)
}

/** The order `byName` gave last, with the slugs and names it was given. */
let lastNameOrder: {readonly slugs: readonly string[]; readonly names: readonly string[]; readonly order: readonly number[]} | undefined

/** The template of a topic's pages. */
export const topicTemplate = 'topic.html'

/** The topic index (A–Z with counts, by kind) and one paginated page per topic. */
export function* topicPages(archive: Archive, views: ViewBuilder): Generator<Page> {
  const entries = [...archive.topics.values()]
  yield {
    url: topicsUrl,
    template: 'topics.html',
    from: [],
    ...newestDate(archive, [newestOfTopics(entries) ?? 0]),
    view: () => {
      const letters = new Map<string, {name: string; href: string; count: number; kind: string}[]>()
      const sorted = byName(entries)
      for (const entry of sorted) {
        const letter = /^[a-z]/i.test(entry.slug) ? (entry.slug[0] as string).toUpperCase() : '#'
        const list = letters.get(letter) ?? []
        list.push({name: entry.name, href: views.urls.href(topicUrl(entry.slug)), count: entry.articles.length, kind: entry.kind})
        letters.set(letter, list)
      }
      return {
        site: views.site,
        page: views.meta({
          title: 'Topics',
          description: entries.length ? `${entries.length} topics: people, places, organisations and subjects.` : 'People, places, organisations and subjects get a page here once articles are about them.',
          url: topicsUrl,
          crumbs: [{name: 'Topics', url: topicsUrl}],
        }),
        count: entries.length,
        // Note: the index says when a topic found in the text gets its page.
        minArticles: views.config.topics.minArticles,
        letters: [...letters].map(([letter, topics]) => ({letter, topics})),
      }
    },
    // Note: the index changes with nearly every new article (a topic's count), so it is rendered anyway; naming its
    // inputs spares spelling out its whole view for the key.
    inputs: () => ({text: JSON.stringify(entries.map((entry) => [entry.slug, entry.name, entry.articles.length, entry.kind])), cards: []}),
  }
  const shared = {archive, views, months: undefined as Int32Array | undefined}
  for (const entry of entries) {
    for (const list of paginate(topicUrl(entry.slug), entry.articles, views.config.pageSize)) yield new TopicListPage(shared, entry, list)
  }
}

/**
 * One page of a topic's list. Note: one object per page, its parts worked
 * out when asked for, as `ArticlePage` is: a large archive has tens of
 * thousands of these, which a dev build plans every time.
 */
class TopicListPage implements Page {
  readonly topicList: {readonly slug: string; readonly list: ListPage}
  declare readonly lastmod?: IsoDate

  constructor(
    private readonly shared: {readonly archive: Archive; readonly views: ViewBuilder; months: Int32Array | undefined},
    private readonly entry: TopicEntry,
    private readonly list: ListPage,
  ) {
    this.topicList = {slug: entry.slug, list}
    const {lastmod} = newestDate(shared.archive, list.items)
    if (lastmod !== undefined) this.lastmod = lastmod
  }

  get url(): string {
    return this.list.url
  }

  get template(): string {
    return topicTemplate
  }

  get from(): readonly string[] {
    return []
  }

  view(): object {
    const {entry, list} = this
    const {archive, views} = this.shared
    const url = topicUrl(entry.slug)
    const newest = archive.articles[entry.articles[0] as number]
    const oldest = archive.articles[entry.articles.at(-1) as number]
    const feeds = feedLinks(views, entry.name, views.config.topics.feeds, (format) => topicFeedUrl(entry.slug, format))
    return {
      site: views.site,
      page: views.meta({
        title: list.number ? `${entry.name}, page ${list.number}` : entry.name,
        description: list.number ? `Articles about ${entry.name}, page ${list.number}.` : `${views.articleCount(entry.articles.length)} about ${entry.name}.`,
        url: list.url,
        crumbs: [
          {name: 'Topics', url: topicsUrl},
          {name: entry.name, url},
        ],
        feeds,
      }),
      // Note: counts, dates, pictures and related topics are on the topic's front
      // page only; its numbered pages are plain lists, so a new article does not
      // change (and re-render) every one of them.
      topic: list.number
        ? {name: entry.name, kind: entry.kind, count: 0, countLabel: '', feeds, firstDate: '', firstIso: '', lastDate: '', lastIso: ''}
        : {
            name: entry.name,
            kind: entry.kind,
            count: entry.articles.length,
            countLabel: views.articleCount(entry.articles.length),
            feeds,
            firstDate: oldest ? views.dateLabel(oldest.date) : '',
            firstIso: oldest?.date ?? '',
            lastDate: newest ? views.dateLabel(newest.date) : '',
            lastIso: newest?.date ?? '',
          },
      coverage: list.number ? null : topicCoverage(archive, views, entry),
      related: list.number ? [] : relatedTopics(archive, views, entry),
      articles: list.items.map((index) => views.card(index)),
      pageNumber: list.number ?? 0,
      newerHref: list.newer ? views.urls.href(list.newer) : '',
      olderHref: list.older ? views.urls.href(list.older) : '',
    }
  }

  inputs(): PageInputs {
    const {entry, list, shared} = this
    return {
      text: JSON.stringify([entry.name, entry.kind, list.number ?? 0, list.newer ?? '', list.older ?? '', list.number ? null : topicFrontInputs(shared.archive, entry, (shared.months ??= monthNumbers(shared.archive)))]),
      cards: list.items,
    }
  }
}

/**
 * What a topic's front page shows beyond its cards: its count, first and
 * last dates, articles per month (the sparkline), and the related topics
 * with their counts and names as their own pages spell them.
 */
function topicFrontInputs(archive: Archive, entry: TopicEntry, monthOf: Int32Array): unknown[] {
  // Note: the articles are in date order, so each month's are together and are counted in one run; a month's
  // name is cut from a date only where a run starts, since the topics together list every article many times.
  const months: [string, number][] = []
  let run: [string, number] | undefined
  let runMonth = -1
  for (const index of entry.articles) {
    const month = monthOf[index] as number
    if (run !== undefined && month === runMonth) run[1]++
    else {
      runMonth = month
      months.push((run = [(archive.articles[index] as PlacedArticle).date.slice(0, 7), 1]))
    }
  }
  const dateOf = (index: number | undefined): string => (index === undefined ? '' : (archive.articles[index]?.date ?? ''))
  return [entry.articles.length, dateOf(entry.articles[0]), dateOf(entry.articles.at(-1)), months, entry.related.map((other) => [other.slug, other.count, archive.topics.get(other.slug)?.name ?? null])]
}

/**
 * Each article's month as a number, by article index: the same number for
 * the articles of one month, a different one for each month. Note: the
 * topics' front pages count their articles by month, which at 100,000
 * articles is half a million steps; numbers in one array are far quicker to
 * compare than each article's date, and are read off the archive's months
 * rather than cut from 100,000 dates.
 */
function monthNumbers(archive: Archive): Int32Array {
  const months = new Int32Array(archive.articles.length)
  let number = 0
  for (const items of archive.months.values()) {
    number++
    for (const index of items) months[index] = number
  }
  return months
}

/** The search page and the 404 page. */
export function* utilityPages(views: ViewBuilder): Generator<Page> {
  yield {
    url: searchUrl,
    template: 'search.html',
    from: [],
    view: () => ({site: views.site, page: views.meta({title: 'Search', url: searchUrl, crumbs: [{name: 'Search', url: searchUrl}]})}),
  }
  yield {
    url: notFoundUrl,
    template: '404.html',
    from: [],
    view: () => ({site: views.site, page: views.meta({title: 'Page not found', url: notFoundUrl, noindex: true})}),
  }
}
