import {bandScale, countScale, type BandScale} from '../../adapters/scale.js'
import {monthsBetween} from './months.js'
import {chartSvg, empty, linkedMark, tag, text, type Markup} from './svg.js'

/** One month of the archive and where its page is. */
export interface MonthCount {
  /** `YYYY-MM`. */
  readonly month: string
  readonly count: number
  /** Link to the month's archive page; empty for no link. */
  readonly href: string
}

/** Words the chart needs, in the site's language. */
export interface TimelineLabels {
  /** `March 1987: 1,234 articles`, for a bar's tooltip. */
  tooltip(month: string, count: number): string
  /** A short month name for the axis (`Mar`). */
  shortMonth(month: string): string
  /** A count for the axis (`1,000`). */
  count(value: number): string
}

const height = 200
const margin = {top: 12, right: 8, bottom: 40, left: 48}
/** Slot width per month, in CSS pixels: wide enough to aim at, narrow enough for decades. */
const slot = {min: 3, max: 48, target: 480}

/**
 * Articles per month across the whole archive, as linked bars on a time axis:
 * every calendar month from the first to the last has a slot, so gaps show.
 * Months with articles link to their page. The figures are also on the page
 * as a list, so the chart is hidden from assistive technology.
 */
export function timelineChart(months: readonly MonthCount[], labels: TimelineLabels): Markup {
  const first = months[0]
  const last = months.at(-1)
  if (!first || !last) return empty
  const keys = monthsBetween(first.month, last.month)
  const step = Math.max(slot.min, Math.min(slot.max, Math.floor(slot.target / keys.length)))
  const plotWidth = step * keys.length
  const width = margin.left + plotWidth + margin.right
  const x = bandScale(keys, [margin.left, margin.left + plotWidth], step >= 8 ? 0.2 : 0)
  const max = Math.max(...months.map((item) => item.count))
  const y = countScale(max, [height - margin.bottom, margin.top])
  const grid = y.ticks(3).map((value) =>
    tag('g', {class: 'tick'},
      tag('line', {x1: margin.left, x2: margin.left + plotWidth, y1: y(value), y2: y(value), class: 'grid'}),
      tag('text', {x: margin.left - 6, y: y(value), dy: '0.32em', 'text-anchor': 'end', class: 'axis'}, text(labels.count(value))),
    ),
  )
  const bars = months.filter((item) => item.count > 0).map((item) => {
    const top = Math.min(y(item.count), height - margin.bottom - 1)
    const bar = tag('rect', {x: x(item.month), y: top, width: Math.max(1, x.bandwidth), height: height - margin.bottom - top, class: 'bar'})
    return item.href ? linkedMark(item.href, labels.tooltip(item.month, item.count), bar) : tag('g', {}, bar, tag('title', {}, text(labels.tooltip(item.month, item.count))))
  })
  return chartSvg(
    {width, height, className: `chart chart-timeline${width > 760 ? ' chart-wide' : ''}`},
    ...grid,
    tag('line', {x1: margin.left, x2: margin.left + plotWidth, y1: height - margin.bottom, y2: height - margin.bottom, class: 'baseline'}),
    ...bars,
    ...axisLabels(keys, step, x, labels),
  )
}

/** Month names under the bars when there is room, and years under those (every n-th year when crowded). */
function axisLabels(keys: readonly string[], step: number, x: BandScale, labels: TimelineLabels): Markup[] {
  const below = height - margin.bottom
  const roomy = step >= 24
  const marks: Markup[] = []
  if (roomy) {
    for (const key of keys) marks.push(tag('text', {x: x(key) + x.bandwidth / 2, y: below + 14, 'text-anchor': 'middle', class: 'axis'}, text(labels.shortMonth(key))))
  }
  const every = Math.max(1, Math.ceil(yearLabelWidth / (12 * step)))
  let lastX = -Infinity
  for (const [index, key] of keys.entries()) {
    const first = index === 0
    if (!first && !(key.endsWith('-01') && Number(key.slice(0, 4)) % every === 0)) continue
    const left = x(key)
    if (left - lastX < yearLabelWidth) continue
    lastX = left
    marks.push(tag('line', {x1: left, x2: left, y1: below, y2: below + (roomy ? 20 : 6), class: 'tick-mark'}))
    marks.push(tag('text', {x: left + 2, y: below + (roomy ? 32 : 18), class: 'axis axis-year'}, text(key.slice(0, 4))))
  }
  return marks
}

/** Room one year label needs, in CSS pixels. */
const yearLabelWidth = 40
