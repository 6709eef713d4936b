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
  // Note: lookups mostly move forward through the text, so start from the
  // line of the previous lookup and fall back to a binary search on a jump.
  let last = 0
  const point = (offset: number): Point => {
    let line = last
    if ((lineStarts[line] ?? 0) > offset || (lineStarts[line + 2] ?? Infinity) <= offset) {
      let low = 0
      let high = lineStarts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((lineStarts[middle] ?? 0) <= offset) low = middle
        else high = middle - 1
      }
      line = low
    } else if ((lineStarts[line + 1] ?? Infinity) <= offset) line++
    last = line
    return {line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1, offset}
  }
  return {point, position: (start, end) => ({start: point(start), end: point(end)})}
}
