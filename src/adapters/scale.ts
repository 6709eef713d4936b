import {scaleBand, scaleLinear, scaleQuantize, scaleSymlog} from 'd3-scale'

// Note: d3-scale (about 30 KB with d3-array, d3-time and d3-interpolate) gives
// charts nice round ticks and calendar-aware time axes; hand-rolled tick maths
// is where charts usually go wrong.

/** Maps a count to a position; `ticks` are round values inside the domain. */
export interface LinearScale {
  (value: number): number
  /** Round values for gridlines, about `count` of them, ascending. */
  ticks(count: number): number[]
  /** The upper end of the domain after rounding it up to a nice value. */
  readonly top: number
}

/**
 * A linear scale from `[0, max]` to `range`, with the domain rounded up to a
 * nice value (`max` 97 → 100) so the top gridline is a round number.
 */
export function countScale(max: number, range: readonly [number, number]): LinearScale {
  const scale = scaleLinear().domain([0, Math.max(1, max)]).range([...range]).nice(4)
  const map = ((value: number) => scale(value)) as LinearScale
  map.ticks = (count) => scale.ticks(count)
  Object.defineProperty(map, 'top', {value: scale.domain()[1] as number})
  return map
}

/** Places equal slots, one per key, with a gap between them. */
export interface BandScale {
  /** Left edge of the bar of `key`; NaN for an unknown key. */
  (key: string): number
  /** Width of one bar, without the gap. */
  readonly bandwidth: number
  /** Distance from one slot to the next. */
  readonly step: number
}

/** Equal slots for `keys` (in order) across `range`, with `padding` (0–1) of each slot left empty. */
export function bandScale(keys: readonly string[], range: readonly [number, number], padding: number): BandScale {
  const scale = scaleBand<string>().domain(keys).range([...range]).paddingInner(padding).paddingOuter(padding / 2)
  const map = ((key: string) => scale(key) ?? Number.NaN) as BandScale
  Object.defineProperty(map, 'bandwidth', {value: scale.bandwidth()})
  Object.defineProperty(map, 'step', {value: scale.step()})
  return map
}

/**
 * Sorts counts into `levels` shades (1 … `levels`; 0 for no articles) on a
 * symmetric-log scale up to `max`, so that one very busy day does not wash
 * out every other day.
 */
export function levelScale(max: number, levels: number): (count: number) => number {
  const spread = scaleSymlog().domain([0, Math.max(1, max)]).range([0, 1]).clamp(true)
  const shade = scaleQuantize<number>().domain([0, 1]).range(Array.from({length: levels}, (_, index) => index + 1))
  return (count) => (count <= 0 ? 0 : shade(spread(count)))
}
