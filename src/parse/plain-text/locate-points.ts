import type {Point, Position} from 'unist'

/** Turns 0-based offsets in one text into unist points and positions. */
export interface PointLocator {
  /** The point at a 0-based `offset`: `line` and `column` 1-based, as unist wants. */
  point(offset: number): Point
  /** The position from `start` up to (not including) `end`. */
  position(start: number, end: number): Position
}

/**
 * A locator for `text`. Line starts are found once (`\n`, `\r\n` and `\r`
 * end a line, as in unist), then each lookup is a binary search.
 */
export function locatePoints(text: string): PointLocator {
  const lineStarts = [0]
  if (text.includes('\r')) {
    const endings = /\r\n?|\n/g
    for (let match = endings.exec(text); match !== null; match = endings.exec(text)) lineStarts.push(match.index + match[0].length)
  } else {
    // Note: the common case, LF only, without a regular expression: this runs on every seed.
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1)
  }
  const point = (offset: number): Point => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1, offset}
  }
  return {point, position: (start, end) => ({start: point(start), end: point(end)})}
}
