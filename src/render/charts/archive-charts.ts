import {daysInMonth, weekday} from '../../adapters/dates.js'
import {levelScale} from '../../adapters/scale.js'
import type {Archive, TopicEntry} from '../../indexes/archive.js'
import type {IsoDate} from '../../model/article.js'
import {dayUrl, monthUrl, topicUrl} from '../urls.js'
import type {ViewBuilder} from '../views.js'
import {calendarChart, type CalendarLabels, type DayCount} from './calendar.js'
import {monthNumber, monthOfNumber} from './months.js'
import {shareBar, sparklineChart} from './sparkline.js'
import {empty, type Markup} from './svg.js'
import {timelineChart} from './timeline.js'

/** Shades in heatmaps and calendars (plus 0 for no articles). */
const levels = 4

/** The archive overview's picture: articles per month across all years. */
export function archiveTimeline(archive: Archive, views: ViewBuilder): {svg: Markup; caption: string} {
  const months = [...archive.months].map(([month, items]) => ({month, count: items.length, href: views.urls.href(monthUrl(month))}))
  const busiest = months.reduce<(typeof months)[number] | undefined>((best, item) => (!best || item.count > best.count ? item : best), undefined)
  const first = months[0]
  const last = months.at(-1)
  return {
    svg: timelineChart(months, {
      tooltip: (month, count) => `${views.monthLabel(month)}: ${views.articleCount(count)}`,
      shortMonth: (month) => views.shortMonthName(month),
      count: (value) => views.number(value),
    }),
    caption: first && last && busiest
      ? `Articles per month, ${views.monthLabel(first.month)} to ${views.monthLabel(last.month)}. The busiest month was ${views.monthLabel(busiest.month)}, with ${views.articleCount(busiest.count)}.`
      : '',
  }
}

/** One month of a year's heatmap, with its heading link. */
export interface HeatmapMonthView {
  readonly name: string
  readonly iso: string
  /** Empty when the month has no articles (and so no page). */
  readonly href: string
  readonly count: number
  /** `1,764 articles`. */
  readonly countLabel: string
  readonly svg: Markup
}

/** A row of the year's table: one month, a cell per day of the month. */
export interface YearTableRow {
  readonly name: string
  readonly href: string
  readonly cells: readonly {readonly count: number; readonly href: string; readonly label: string}[]
}

/**
 * The year page's picture: twelve small month calendars shaded by articles per
 * day on one shared scale, each day linking to its page; and the same figures
 * as a table (months by days of the month).
 */
export function yearHeatmap(archive: Archive, views: ViewBuilder, year: string): {months: HeatmapMonthView[]; table: YearTableRow[]; caption: string} {
  const counts = dayCounts(archive, views, Array.from({length: 12}, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`))
  const max = Math.max(0, ...[...counts.values()].map((day) => day.count))
  const labels = calendarLabels(views, levelScale(max, levels))
  const months: HeatmapMonthView[] = []
  const table: YearTableRow[] = []
  for (let number = 1; number <= 12; number++) {
    const month = `${year}-${String(number).padStart(2, '0')}`
    const length = daysInMonth(month)
    const href = archive.months.has(month) ? views.urls.href(monthUrl(month)) : ''
    const count = archive.months.get(month)?.length ?? 0
    months.push({name: views.monthName(month), iso: month, href, count, countLabel: views.articleCount(count), svg: calendarChart({month, days: length, firstWeekday: weekday(`${month}-01`)}, counts, labels, 'small')})
    // Note: the table has a row only for months with articles, to keep the page small.
    if (href !== '') table.push({
      name: views.monthName(month),
      href,
      cells: Array.from({length}, (_, index) => {
        const day = `${month}-${String(index + 1).padStart(2, '0')}`
        const found = counts.get(day)
        return {count: found?.count ?? 0, href: found?.href ?? '', label: found ? labels.tooltip(day, found.count) : ''}
      }),
    })
  }
  const busiest = [...counts].reduce<[string, DayCount] | undefined>((best, item) => (!best || item[1].count > best[1].count ? item : best), undefined)
  const activeDays = counts.size
  const caption = busiest
    ? `Articles per day in ${year}: ${views.articleCount(archive.years.get(year)?.length ?? 0)} on ${views.number(activeDays)} ${activeDays === 1 ? 'day' : 'days'}. The stronger the colour, the more articles; the busiest was ${views.dateLabel(busiest[0])}, with ${views.articleCount(busiest[1].count)}.`
    : ''
  return {months, table, caption}
}

/** The month page's calendar: each day with its number and count, linking to its day page. */
export function monthCalendar(archive: Archive, views: ViewBuilder, month: string): {svg: Markup; caption: string} {
  const counts = dayCounts(archive, views, [month])
  const max = Math.max(0, ...[...counts.values()].map((day) => day.count))
  const svg = calendarChart({month, days: daysInMonth(month), firstWeekday: weekday(`${month}-01`)}, counts, calendarLabels(views, levelScale(max, levels)), 'large')
  const caption = `Articles per day in ${views.monthLabel(month)}: ${views.articleCount(archive.months.get(month)?.length ?? 0)} on ${views.number(counts.size)} ${counts.size === 1 ? 'day' : 'days'}.`
  return {svg, caption}
}

/** Fewest months a topic's sparkline spans, so one or two bars do not fill the chart. */
const minCoverageMonths = 12

/**
 * A topic's coverage: a sparkline of articles per month over the topic's own
 * span (at least a year, ending at its newest article), and the figures as rows.
 * Note: the topic's own span, not the archive's: then only the topic's
 * articles shape its page, and the first article of a new month elsewhere
 * does not change (and re-render) every topic page.
 */
export function topicCoverage(archive: Archive, views: ViewBuilder, entry: TopicEntry): {svg: Markup; rows: {name: string; iso: string; count: number}[]} {
  const counts = new Map<string, number>()
  for (const index of entry.articles) {
    const month = archive.articles[index]?.date.slice(0, 7)
    if (month) counts.set(month, (counts.get(month) ?? 0) + 1)
  }
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, count]) => ({name: views.monthLabel(month), iso: month, count}))
  const busiest = rows.reduce<(typeof rows)[number] | undefined>((best, row) => (!best || row.count > best.count ? row : best), undefined)
  const last = rows.at(-1)?.iso
  const oldest = rows[0]?.iso
  if (!last || !oldest || !busiest) return {svg: empty, rows}
  const first = monthOfNumber(Math.min(monthNumber(oldest), monthNumber(last) - minCoverageMonths + 1))
  const label = `Articles about ${entry.name} per month, ${views.monthLabel(first)} to ${views.monthLabel(last)}; most in ${busiest.name} (${views.number(busiest.count)}).`
  return {svg: sparklineChart({first, last, counts, label, tooltip: (month, count) => `${views.monthLabel(month)}: ${views.articleCount(count)}`}), rows}
}

/** Topics seen with a topic, each with a bar for its share; the bars are decorative, the counts are text. */
export function relatedTopics(archive: Archive, views: ViewBuilder, entry: TopicEntry): {name: string; href: string; count: number; bar: Markup}[] {
  const max = Math.max(0, ...entry.related.map((other) => other.count))
  return entry.related.map((other) => {
    const topic = archive.topics.get(other.slug)
    return {name: topic?.name ?? other.slug, href: topic ? views.urls.href(topicUrl(other.slug)) : '', count: other.count, bar: shareBar(other.count, max)}
  })
}

/** Days with articles in the given months, looked up day by day (cheap however large the archive). */
function dayCounts(archive: Archive, views: ViewBuilder, months: readonly string[]): Map<string, DayCount> {
  const counts = new Map<string, DayCount>()
  for (const month of months) {
    if (!archive.months.has(month)) continue
    for (let number = 1, length = daysInMonth(month); number <= length; number++) {
      const day = `${month}-${String(number).padStart(2, '0')}` as IsoDate
      const items = archive.days.get(day)
      if (items) counts.set(day, {count: items.length, href: views.urls.href(dayUrl(day))})
    }
  }
  return counts
}

function calendarLabels(views: ViewBuilder, level: (count: number) => number): CalendarLabels {
  return {tooltip: (day, count) => `${views.dateLabel(day)}: ${views.articleCount(count)}`, weekdays: views.weekdayNames(), level}
}
