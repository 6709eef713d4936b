import {packedMap} from '../../packed-lists.js'
import {findDateline, type DatelineMatch} from './find-dateline.js'
import {joinLines, readParagraphs, sliceRun, type TextRun} from './read-blocks.js'
import {isDataRow, isLabelLine, joiningWords, readRow, type Row} from './read-row.js'
import {readWireMarker, type WireMarker} from './read-wire-marker.js'

/**
 * What one block of the body is, before neighbours are looked at:
 * - `row`: a line of figures (a table row);
 * - `section`: a label that heads rows of figures (`Year`, `LORD ABBETT … FUND`);
 * - `label`: a short unpunctuated line: a subheading or a table's row label,
 *   depending on its neighbours;
 * - `marker`: wire furniture (`MORE`, a sign-off, a byline, a wire headline);
 * - `prose`: a paragraph.
 */
export type BlockKind = 'row' | 'section' | 'label' | 'marker' | 'prose'

/** One block of the body: a paragraph, or one line of a paragraph that holds rows of figures. */
export interface StoryBlock {
  readonly kind: BlockKind
  readonly run: TextRun
  /** How it reads as a table row (`row` and `section` blocks). */
  readonly row?: Row
  readonly marker?: WireMarker
  /** The dateline before this block's text, when this block opens the story. */
  readonly dateline?: {readonly run: TextRun; readonly match: DatelineMatch}
}

/**
 * Read the body of `text` from `start` into blocks: paragraphs (soft wraps
 * joined), furniture found, the dateline split off the first story
 * paragraph, and paragraphs whose lines are rows of figures split into one
 * block per line.
 */
export function readStoryBlocks(text: string, start: number): StoryBlock[] {
  const paragraphs = joinBrokenSentences(packedMap(readParagraphs(text, start), (lines) => joinLines(text, lines)), text)
  const blocks: StoryBlock[] = []
  let storyStarted = false
  paragraphs.forEach((whole, index) => {
    const marker = readWireMarker(whole.value, index, paragraphs.length)
    // Note: an all-capitals first paragraph that opens with a dateline is the story, not its headline.
    const isHeadline = marker === 'wire-headline' && findDateline(whole.value) === undefined
    if (marker && (marker === 'continued' || marker === 'signoff' || (!storyStarted && (marker !== 'wire-headline' || isHeadline)))) {
      blocks.push({kind: 'marker', run: whole, marker})
      return
    }
    const trailer = index === paragraphs.length - 1 ? findTrailer(whole) : undefined
    const run = trailer ? trailer.story : whole
    if (!storyStarted) {
      storyStarted = true
      const match = findDateline(run.value)
      if (match) {
        const dateline = {run: sliceRun(run, 0, match.end), match}
        const rest = sliceRun(run, match.end, run.value.length)
        const restBlocks = rest.value === '' ? [] : splitRows(rest)
        const first = restBlocks[0]
        if (first) restBlocks[0] = {...first, dateline}
        else restBlocks.push({kind: 'prose', run: rest, dateline})
        blocks.push(...restBlocks)
      } else blocks.push(...splitRows(run))
    } else blocks.push(...splitRows(run))
    if (trailer) blocks.push(trailer.marker)
  })
  return blocks
}

/**
 * Paragraphs with a sentence broken across a blank line joined back into
 * one: wire copy has `<Starrex Mining Corp Ltd> said a sharp` / `rise in its
 * share price…`. A paragraph that ends on a letter or comma followed by one
 * that starts in lower case is one paragraph, unless either side is a row of
 * figures (`Shr 10 cts vs 14 cts` / `net 531,896 vs 727,781` stay rows).
 */
function joinBrokenSentences(paragraphs: readonly TextRun[], text: string): TextRun[] {
  const joined: TextRun[] = []
  for (const paragraph of paragraphs) {
    const previous = joined[joined.length - 1]
    if (previous && continuesSentence(previous, paragraph, joined.length === 1)) {
      joined[joined.length - 1] = joinLines(text, [...previous.lines, ...paragraph.lines])
    } else joined.push(paragraph)
  }
  return joined
}

function continuesSentence(before: TextRun, after: TextRun, opensStory: boolean): boolean {
  if (!/[\p{L},]$/u.test(before.value) || !/^\p{Ll}/u.test(after.value)) return false
  const lastLine = lineRun(before, before.lines.length - 1).value
  const dateline = opensStory && before.lines.length === 1 ? findDateline(lastLine) : undefined
  const tail = dateline ? lastLine.slice(dateline.end) : lastLine
  if (tail.split(' ').length < 3 || readRow(tail) !== undefined) return false
  return readRow(lineRun(after, 0).value) === undefined
}

/** A `Reuter` sign-off or `MORE` marker glued to the end of the last paragraph, after its final full stop. */
const gluedTrailer = /[.!?"”] +(REUTERS?|Reuters?|MORE)$/

/** Split a glued sign-off or `MORE` off the end of `run`: the story part and the marker block. */
function findTrailer(run: TextRun): {story: TextRun; marker: StoryBlock} | undefined {
  const tailStart = Math.max(0, run.value.length - 16)
  const match = gluedTrailer.exec(run.value.slice(tailStart))
  if (!match) return undefined
  const word = match[1] ?? ''
  const storyEnd = tailStart + match.index + 1
  const marker: StoryBlock = {kind: 'marker', run: sliceRun(run, run.value.length - word.length, run.value.length), marker: word === 'MORE' ? 'continued' : 'signoff'}
  return {story: sliceRun(run, 0, storyEnd), marker}
}

/** Longest line of label-and-figures read as a row inside a paragraph of several lines; longer lines are wrapped prose. */
const maxRowLineLength = 55

/**
 * One paragraph as blocks. A paragraph of several lines that are all rows of
 * figures or labels (at least two rows) is a table typed without blank lines,
 * so each line becomes its own block; so does each line of a run of two or
 * more column-aligned lines inside prose. Any other paragraph is one block.
 */
function splitRows(run: TextRun): StoryBlock[] {
  if (run.lines.length < 2) return [classify(run)]
  const lines = packedMap(run.lines, (_, index) => lineRun(run, index))
  const rows = packedMap(lines, (line) => readRow(line.value))
  const dataCount = rows.filter((row) => isDataRow(row)).length
  // Note: hard-wrapped prose is not rows: its lines run to the wrap width, end on
  // `and`, `of` or a comma, or go on in lower case.
  const wrapped = lines.some((line, index) => {
    if (rows[index]?.kind === 'grid') return false
    return (index < lines.length - 1 && (endsMidPhrase(line.value) || line.value.length > maxRowLineLength)) || (index > 0 && /^\p{Ll}/u.test(line.value))
  })
  if (dataCount >= 2 && !wrapped && rows.every((row, index) => row !== undefined || isLabelLine(lines[index]?.value ?? ''))) {
    return packedMap(lines, (line) => classify(line))
  }
  const isGrid = packedMap(rows, (row) => row?.kind === 'grid')
  if (isGrid.filter(Boolean).length < 2) return [classify(run)]
  const blocks: StoryBlock[] = []
  let proseStart = -1
  const flushProse = (end: number): void => {
    if (proseStart === -1) return
    blocks.push(classify(sliceRun(run, run.starts[proseStart] ?? 0, (run.starts[end - 1] ?? 0) + lineLength(run, end - 1))))
    proseStart = -1
  }
  lines.forEach((line, index) => {
    const inGridRun = isGrid[index] && (isGrid[index - 1] === true || isGrid[index + 1] === true)
    if (inGridRun) {
      flushProse(index)
      blocks.push(classify(line))
    } else if (proseStart === -1) proseStart = index
  })
  flushProse(lines.length)
  return blocks
}

function endsMidPhrase(line: string): boolean {
  return /[,;(-]$/.test(line) || joiningWords.test(line.slice(line.lastIndexOf(' ') + 1))
}

function lineRun(run: TextRun, index: number): TextRun {
  const start = run.starts[index] ?? 0
  return sliceRun(run, start, start + lineLength(run, index))
}

function lineLength(run: TextRun, index: number): number {
  const line = run.lines[index]
  return line ? line.end - line.start : 0
}

function classify(run: TextRun): StoryBlock {
  const row = readRow(run.value)
  if (row) return {kind: row.kind === 'section' ? 'section' : 'row', run, row}
  return {kind: isLabelLine(run.value) ? 'label' : 'prose', run}
}
