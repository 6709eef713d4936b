/** One source line without its surrounding whitespace: `text.slice(start, end)`. */
export interface SourceLine {
  readonly start: number
  readonly end: number
}

/**
 * A run of text read from the seed, with a map back to the source: either a
 * paragraph (its lines joined by single spaces, as soft wraps) or one line.
 */
export interface TextRun {
  /** The text, lines joined with one space. */
  readonly value: string
  /** The lines it was joined from, in order. */
  readonly lines: readonly SourceLine[]
  /** Start of each line within `value`, parallel to `lines`. */
  readonly starts: readonly number[]
}

/**
 * Split the body of `text` (from offset `start`) into paragraphs: runs of
 * lines separated by blank lines (lines of only whitespace count as blank).
 * Each line is trimmed; `\n`, `\r\n` and `\r` all end a line.
 */
export function readParagraphs(text: string, start: number): SourceLine[][] {
  const paragraphs: SourceLine[][] = []
  let current: SourceLine[] = []
  let lineStart = start
  const hasCarriageReturn = text.includes('\r', start)
  for (;;) {
    const lineEnd = hasCarriageReturn ? nextLineEnd(text, lineStart) : indexOrEnd(text, lineStart)
    const line = trimLine(text, lineStart, lineEnd)
    if (line) current.push(line)
    else if (current.length > 0) {
      paragraphs.push(current)
      current = []
    }
    if (lineEnd >= text.length) break
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1)
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

/** Join lines into one run, soft wraps becoming single spaces. */
export function joinLines(text: string, lines: readonly SourceLine[]): TextRun {
  const starts: number[] = []
  let value = ''
  for (const line of lines) {
    if (value !== '') value += ' '
    starts.push(value.length)
    value += text.slice(line.start, line.end)
  }
  return {value, lines, starts}
}

/** The part of `run` from `from` to `to` (offsets in `run.value`), as its own run. */
export function sliceRun(run: TextRun, from: number, to: number): TextRun {
  const lines: SourceLine[] = []
  const starts: number[] = []
  for (let index = 0; index < run.lines.length; index++) {
    const line = run.lines[index]
    const lineStart = run.starts[index]
    if (line === undefined || lineStart === undefined) continue
    const lineEnd = lineStart + (line.end - line.start)
    if (lineEnd <= from || lineStart >= to) continue
    const cutStart = Math.max(from, lineStart)
    const cutEnd = Math.min(to, lineEnd)
    starts.push(cutStart - from)
    lines.push({start: line.start + (cutStart - lineStart), end: line.start + (cutEnd - lineStart)})
  }
  return {value: run.value.slice(from, to), lines, starts}
}

/**
 * The source offset of `index` in `run.value`. An index on a joining space
 * maps to the end of the line before it; `index === value.length` maps to
 * the end of the last line.
 */
export function sourceOffset(run: TextRun, index: number): number {
  let low = 0
  let high = run.starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((run.starts[middle] ?? 0) <= index) low = middle
    else high = middle - 1
  }
  const line = run.lines[low]
  if (line === undefined) return 0
  return Math.min(line.start + index - (run.starts[low] ?? 0), line.end)
}

function indexOrEnd(text: string, from: number): number {
  const index = text.indexOf('\n', from)
  return index === -1 ? text.length : index
}

/** Where the line starting at `from` ends: at the next `\n` or `\r`, or the end of the text. */
function nextLineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || code === 0x0d) return index
  }
  return text.length
}

function trimLine(text: string, start: number, end: number): SourceLine | undefined {
  let from = start
  let to = end
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  return from < to ? {start: from, end: to} : undefined
}

/** Whitespace as JavaScript's `\s` knows it, including no-break space and BOM. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}
