/**
 * How a short line of wire copy reads as a table row:
 * - `versus`: `Shr 28 cts vs 22 cts` → label, this period, `vs` the last;
 * - `grid`: columns separated by runs of spaces (`SEARS   4.9   1.8 BILL`);
 * - `pair`: a label and a short value (`Pay April 30`, `Net 52.9 mln`);
 * - `section`: a label with no value that heads the rows below it
 *   (`Year`, `Six mths`, `LORD ABBETT U.S. GOVERNMENT SECURITIES FUND`).
 */
export type RowKind = 'versus' | 'grid' | 'pair' | 'section'

/** A line read as a table row: its kind and its cells as offsets into the line. */
export interface Row {
  readonly kind: RowKind
  /** `[start, end)` of each cell in the line, in order; empty cells have `start === end`. */
  readonly cells: ReadonlyArray<readonly [number, number]>
}

/** Longest line read as a `grid` row; longer lines are prose. */
const maxGridLength = 160
/** Longest line read as a `versus` row. */
const maxVersusLength = 100
/** Longest line read as a `pair` or `section` row. */
const maxPairLength = 64

const numberWords = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred'.split(
    ' ',
  ),
)
const noValueWords = new Set(['nil', 'na', 'n.a.', 'n.a', 'n/a', 'unch', 'none'])
const months = new Set(
  'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december'.split(' '),
)

/**
 * Words that make a line a sentence rather than a row or a label: finite
 * verbs that news copy uses all the time.
 */
const sentenceWords =
  /\b(?:said|says|say|is|are|was|were|has|have|had|will|would|could|should|can|did|does|do|rose|fell|expects|expected|reported|reports|increased|decreased|declined|agreed|added|told|plans|announced|include|includes|included|comprised|comprises)\b/i

/** Words that join a phrase to what follows: a line ending in one is wrapped prose, and no label ends in one. */
export const joiningWords = /^(?:and|or|of|to|in|on|at|by|for|from|with|the|a|an|its|their|including|than|as|that|which)$/i

/** `Year`, `Six mths`, `Qtr ended Jan 31`, `Jan 31 end`, `First half`, `12 mths to Dec 31`. */
const periodLabel =
  /^(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|fiscal|latest|current|prior|full|half|nine|six|three|twelve|\d{1,2})[ -])?(?:qtr|quarter|half|year|yr|mths?|months?|weeks?|wks?)(?:[ -](?:ended|ending|end|to|thru|through)\b.{0,30})?$|^[A-Z][a-z]{2,8}\.? \d{1,2} end$/i

/** Read `line` (one trimmed line) as a table row, or `undefined` when it is prose. */
export function readRow(line: string): Row | undefined {
  if (line.length > maxGridLength) return undefined
  const grid = readGrid(line)
  if (grid) return grid
  if (line.length > maxVersusLength) return undefined
  const tokens = tokenize(line)
  return readVersus(line, tokens) ?? readPair(line, tokens) ?? readSection(line, tokens)
}

/** Whether a row holds data (values), rather than a section label. */
export function isDataRow(row: Row | undefined): boolean {
  return row !== undefined && row.kind !== 'section'
}

/**
 * Whether `line` could label the rows below it inside a table: short, no
 * final punctuation, not a sentence (`HRW wheat`, `Soybean Meal`).
 */
export function isLabelLine(line: string): boolean {
  if (line.length > maxPairLength || /[.?!,;]$/.test(line) || sentenceWords.test(line)) return false
  const digits = line.replace(/\D/g, '').length
  const letters = line.replace(/[^\p{L}]/gu, '').length
  return /^["'“‘(]?\p{L}/u.test(line) && letters >= 2 && digits * 3 <= letters && line.split(' ').length <= 8
}

/** Whether `line` is a period label such as `Year` or `Nine mths` (a section row in earnings tables). */
export function isPeriodLabel(line: string): boolean {
  return line.length <= 40 && periodLabel.test(line)
}

interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
}

function tokenize(line: string): Token[] {
  const tokens: Token[] = []
  const pattern = /\S+/g
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    tokens.push({text: match[0], start: match.index, end: match.index + match[0].length})
  }
  return tokens
}

/** Whether a token is a value: a number, a number word, `nil`, `N.A.`. Ordinals (`4th`) are not. */
export function isValueToken(token: string): boolean {
  if (/^[-+(]?[$£]?\.?\d/.test(token)) {
    const last = token.charCodeAt(token.length - 1)
    return (last >= 0x30 && last <= 0x39) || !/^\d+(?:st|nd|rd|th)$/i.test(token)
  }
  const word = token.toLowerCase().replace(/[,;)]+$/, '')
  return numberWords.has(word) || noValueWords.has(word)
}

/** Index of the first token that starts the value part; never 0 (a row starts with its label). */
function valueStart(tokens: readonly Token[]): number {
  for (let index = 1; index < tokens.length; index++) {
    const text = tokens[index]?.text ?? ''
    const next = tokens[index + 1]?.text
    if (isValueToken(text)) return index
    // Note: `Pay April 30`: a month followed by a value is the value (a date).
    if (next !== undefined && months.has(text.toLowerCase().replace(/\.$/, '')) && isValueToken(next)) return index
    if (/^(?:loss|profit|not)$/i.test(text) && next !== undefined && (isValueToken(next) || /^(?:available|given|applicable)$/i.test(next))) {
      return index
    }
  }
  return -1
}

function readVersus(line: string, tokens: readonly Token[]): Row | undefined {
  const vs = tokens.findIndex((token, index) => index > 0 && /^vs\.?$/i.test(token.text))
  if (vs < 1 || tokens.length > 16 || vs === tokens.length - 1) return undefined
  if (sentenceWords.test(line) || /^notes?\b/i.test(line)) return undefined
  const after = tokens.slice(vs + 1)
  const hasValue = (list: readonly Token[]): boolean => list.some((token) => isValueToken(token.text) || /^not$/i.test(token.text))
  if (!hasValue(tokens.slice(0, vs)) && !hasValue(after)) return undefined
  const first = valueStart(tokens.slice(0, vs))
  const labelEnd = first === -1 ? vs : first
  const vsToken = tokens[vs]
  const lastToken = tokens[tokens.length - 1]
  if (!vsToken || !lastToken) return undefined
  const label: readonly [number, number] = [0, tokens[labelEnd - 1]?.end ?? 0]
  const current: readonly [number, number] =
    labelEnd < vs ? [tokens[labelEnd]?.start ?? 0, tokens[vs - 1]?.end ?? 0] : [vsToken.start, vsToken.start]
  return {kind: 'versus', cells: [label, current, [vsToken.start, lastToken.end]]}
}

function readPair(line: string, tokens: readonly Token[]): Row | undefined {
  if (line.length > maxPairLength || tokens.length < 2 || tokens.length > 8) return undefined
  if (/[.?!:;]$/.test(line) || sentenceWords.test(line) || isPeriodLabel(line)) return undefined
  const first = valueStart(tokens)
  if (first === -1) return undefined
  if (joiningWords.test(tokens[first - 1]?.text ?? '')) return undefined
  const lastLabel = tokens[first - 1]
  const value = tokens[first]
  const last = tokens[tokens.length - 1]
  if (!lastLabel || !value || !last) return undefined
  return {kind: 'pair', cells: [[0, lastLabel.end], [value.start, last.end]]}
}

function readSection(line: string, tokens: readonly Token[]): Row | undefined {
  if (isPeriodLabel(line)) return {kind: 'section', cells: [[0, line.length]]}
  if (line.length > maxPairLength || tokens.length > 8) return undefined
  if (/[.?!,;:]$/.test(line) || sentenceWords.test(line) || !/^[\p{Lu}\d("'“‘]/u.test(line)) return undefined
  // Note: only an all-caps line with no digits is sure to be a section title;
  // mixed-case short lines may be subheadings, decided by their neighbours.
  if (!isAllCaps(line) || /\d/.test(line)) return undefined
  return {kind: 'section', cells: [[0, line.length]]}
}

/** Whether the letters of `text` are all capitals (and there are at least three). */
export function isAllCaps(text: string): boolean {
  let capitals = 0
  for (const char of text) {
    if (char >= 'a' && char <= 'z') return false
    if (char >= 'A' && char <= 'Z') capitals++
    else if (char !== char.toUpperCase()) return false
  }
  return capitals >= 3
}

/**
 * Columns separated by two or more spaces or a tab. Two spaces after a
 * sentence's full stop before a capitalised word are sentence spacing, not a
 * column gap.
 */
function readGrid(line: string): Row | undefined {
  let cells: Array<readonly [number, number]> = []
  const gaps = /\s{2,}|\t/g
  let cellStart = 0
  for (let match = gaps.exec(line); match !== null; match = gaps.exec(line)) {
    const before = line[match.index - 1] ?? ''
    const after = line.slice(match.index + match[0].length, match.index + match[0].length + 2)
    if (/[.!?:;,]/.test(before) && /^[A-Z][a-z]/.test(after)) continue
    cells.push([cellStart, match.index])
    cellStart = match.index + match[0].length
  }
  if (cells.length === 0) return undefined
  cells.push([cellStart, line.length])
  if (cells.some(([start, end]) => end - start > 48)) return undefined
  cells = cells.flatMap((cell, index) => splitFigures(line, cell, index === 0))
  const hasDigit = /\d/.test(line)
  if (!hasDigit && cells.length < 3 && !isAllCaps(line)) return undefined
  if (sentenceWords.test(line)) return undefined
  return {kind: 'grid', cells}
}

/** A figure: a number (`1,001,900`, `-0.5`, `10.2-x`), a fraction (`3/4`, `1 1/2`), or `nil`. */
const figure = /^(?:-{2,}|[-+(]?[$£]?\d[\d,.]*(?:-[a-zA-Z]{1,2})?\)?|\d+\/\d+|nil|n\.?a\.?)$/i

/**
 * Split one gap-separated cell where single spaces separate figures that are
 * really columns: `3,684.1 1,591.4` → two cells; in the first cell, a label
 * followed by a figure (`Corn 1,001,900`) → label and figure. A whole number
 * followed by a fraction (`280 3/4`) stays one figure.
 */
function splitFigures(line: string, [start, end]: readonly [number, number], isFirst: boolean): Array<readonly [number, number]> {
  const tokens = tokenize(line.slice(start, end)).map((token) => ({...token, start: token.start + start, end: token.end + start}))
  if (tokens.length < 2) return [[start, end]]
  const isFigure = tokens.map((token) => figure.test(token.text))
  const parts: Array<readonly [number, number]> = []
  let partStart = start
  for (let index = 1; index < tokens.length; index++) {
    const previous = tokens[index - 1]
    const token = tokens[index]
    if (!previous || !token) continue
    const fraction = /^\d+\/\d+$/.test(token.text) && /^\d+$/.test(previous.text)
    const betweenFigures = isFigure[index - 1] && isFigure[index] && !fraction
    const afterLabel = isFirst && !isFigure[index - 1] && isFigure.slice(index).every(Boolean) && /^\p{L}/u.test(line.slice(partStart, previous.end))
    if (betweenFigures || afterLabel) {
      parts.push([partStart, previous.end])
      partStart = token.start
    }
  }
  parts.push([partStart, end])
  return parts
}
