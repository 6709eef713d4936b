import {countScale} from '../../adapters/scale.js'
import {monthNumber} from './months.js'
import {chartSvg, empty, formatNumber, tag, text, type Markup} from './svg.js'

/** What a sparkline shows: a count per `YYYY-MM` month over the archive's span. */
export interface SparklineData {
  /** First and last month of the axis (the whole archive's span, so topics compare). */
  readonly first: string
  readonly last: string
  /** Month → count; months not in the map have none. */
  readonly counts: ReadonlyMap<string, number>
  /** The text alternative, e.g. `Articles about Ukraine per month, February to October 1987; most in March 1987 (45).` */
  readonly label: string
  /** `March 1987: 45 articles`, for a bar's tooltip. */
  tooltip(month: string, count: number): string
}

const height = 56
const baseline = height - 4

/**
 * A small bar chart of articles per month, without axes: how coverage of a
 * topic rose and fell. It is an image with a text alternative; the page lists
 * the figures too. Only months with articles make markup, so a topic seen in
 * a few months of a fifty-year archive stays small.
 */
export function sparklineChart(data: SparklineData): Markup {
  const start = monthNumber(data.first)
  const span = monthNumber(data.last) - start + 1
  if (span <= 0) return empty
  const step = Math.max(2, Math.min(24, Math.floor(480 / span)))
  const width = step * span
  // Note: slots are equal, so a bar's place is arithmetic; a band scale over
  // every month of a long archive would cost more than the chart, once per topic page.
  const gap = step >= 6 ? step * 0.25 : 0
  const y = countScale(Math.max(0, ...data.counts.values()), [baseline, 4])
  const bars: Markup[] = []
  for (const [key, count] of [...data.counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const index = monthNumber(key) - start
    if (count <= 0 || index < 0 || index >= span) continue
    const top = Math.min(y(count), baseline - 1.5)
    bars.push(tag('rect', {x: index * step + gap / 2, y: top, width: Math.max(1, step - gap), height: baseline - top, class: 'bar'}, tag('title', {}, text(data.tooltip(key, count)))))
  }
  // Note: the sparkline stretches to the width of its column (it has no text to distort), so its height stays put.
  return chartSvg(
    {width, height, className: 'chart chart-sparkline', label: data.label, stretch: true},
    tag('line', {x1: 0, x2: width, y1: baseline, y2: baseline, class: 'baseline'}),
    ...bars,
  )
}

/** A short bar showing `value` out of `max`, for lists (e.g. topics seen together). Decorative: the number is shown beside it. */
export function shareBar(value: number, max: number): Markup {
  const filled = max > 0 ? Math.max(2, (value / max) * shareWidth) : 0
  // Note: built from a fixed string and a number, on every topic page ten times, so it skips `tag`.
  return `${shareStart}${formatNumber(filled)}${shareEnd}` as Markup
}

const shareWidth = 96
const [shareStart, shareEnd] = chartSvg(
  {width: shareWidth, height: 10, className: 'chart chart-share'},
  tag('rect', {x: 0, y: 1, width: shareWidth, height: 8, rx: 2, class: 'track'}),
  tag('rect', {x: 0, y: 1, width: 12345, height: 8, rx: 2, class: 'bar'}),
).split('12345') as [string, string]
