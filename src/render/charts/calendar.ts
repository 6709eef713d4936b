import {calendarWeeks} from './months.js'
import {chartSvg, linkedMark, tag, text, type Markup} from './svg.js'

/** A day that has articles, and where its page is. */
export interface DayCount {
  readonly count: number
  readonly href: string
}

/** Words and shades the calendar needs. */
export interface CalendarLabels {
  /** `18 November 2024: 12 articles`, for a day's tooltip. */
  tooltip(day: string, count: number): string
  /** Short weekday names, Monday first (7 of them); only the large calendar shows them. */
  readonly weekdays: readonly string[]
  /** The shade of a count: 0 for none, then 1 … 4. Shared by all months of a year so they compare. */
  level(count: number): number
}

/** The month to draw: `YYYY-MM`, its length and the weekday of its first day (0 = Sunday). */
export interface CalendarMonth {
  readonly month: string
  readonly days: number
  readonly firstWeekday: number
}

const sizes = {
  small: {cell: 15, gap: 2, header: 0},
  large: {cell: 44, gap: 4, header: 22},
} as const

/**
 * A month as a calendar grid, Monday first, each day shaded by how many
 * articles it has; days with articles link to their day page. `small` is one
 * of the year page's twelve heatmap months; `large` is the month page's
 * calendar with day numbers and counts. The page lists the same days and
 * counts as text, so the chart is hidden from assistive technology.
 */
export function calendarChart(month: CalendarMonth, counts: ReadonlyMap<string, DayCount>, labels: CalendarLabels, size: keyof typeof sizes): Markup {
  const {cell, gap, header} = sizes[size]
  const weeks = calendarWeeks(month.month, month.days, month.firstWeekday)
  const width = 7 * cell + 6 * gap
  // Note: small calendars are always six weeks tall, so the twelve months of a year line up.
  const rows = size === 'small' ? 6 : weeks.length
  const height = header + rows * cell + (rows - 1) * gap
  const marks: Markup[] = []
  if (header > 0) {
    labels.weekdays.forEach((name, column) => {
      marks.push(tag('text', {x: column * (cell + gap) + cell / 2, y: 14, 'text-anchor': 'middle', class: 'axis'}, text(name)))
    })
  }
  weeks.forEach((week, row) => {
    week.forEach((day, column) => {
      if (day === null) return
      const x = column * (cell + gap)
      const y = header + row * (cell + gap)
      const found = counts.get(day)
      const count = found?.count ?? 0
      const level = labels.level(count)
      const shapes = [tag('rect', {x, y, width: cell, height: cell, rx: size === 'small' ? 2 : 4, class: `day heat-${level}`})]
      if (size === 'large') {
        shapes.push(tag('text', {x: x + 5, y: y + 14, class: `day-number on-heat-${level}`}, text(String(Number(day.slice(8))))))
        if (count > 0) shapes.push(tag('text', {x: x + cell - 5, y: y + cell - 7, 'text-anchor': 'end', class: `day-count on-heat-${level}`}, text(String(count))))
      }
      const group = shapes.length === 1 ? (shapes[0] as Markup) : tag('g', {}, ...shapes)
      marks.push(found && found.href !== '' && count > 0 ? linkedMark(found.href, labels.tooltip(day, count), group) : group)
    })
  })
  return chartSvg({width, height, className: `chart chart-calendar chart-calendar-${size}`}, ...marks)
}
