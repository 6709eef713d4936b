import type {Blockquote, Heading, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import type {Dateline} from '../../model/article.js'
import {buildFigureBlocks} from './build-figure-blocks.js'
import type {TableLine} from './build-table.js'
import {findCaption, toCreditCase} from './find-caption.js'
import {isSubheading} from './is-subheading.js'
import {locatePoints, type PointLocator} from './locate-points.js'
import type {TextRun} from './read-blocks.js'
import {isPeriodLabel} from './read-row.js'
import {readStoryBlocks, type StoryBlock} from './read-story-blocks.js'
import {runPosition, spanText, toPhrasing} from './to-phrasing.js'

/** A plain-text body as mdast, with the dateline found at its start. */
export interface PlainTextBody {
  readonly tree: Root
  readonly dateline?: Dateline
}

/**
 * Build the mdast of a plain-text seed body directly (never by parsing it as
 * Markdown, so `*`, `#`, `1999.` and `<Reuters>` stay text).
 *
 * `text` is the whole file text; the body starts at 0-based offset `start`
 * (just after `date YYYY-MM-DD `). Every position is a position in `text`.
 *
 * What is recognised, and how it renders:
 * - paragraphs (blank-line separated; single newlines are soft wraps) → `p`;
 * - the dateline opening the story → `<span class="dateline">`, also returned;
 * - rows of wire figures → `<table class="data-table">` (figures in
 *   `td.num`, row labels in `th`), or preformatted text (a `code` node,
 *   `<pre><code class="aligned">`) when the columns cannot be recovered;
 * - a short unpunctuated line between a paragraph and prose (or a table) → `h2`;
 * - a photo caption and credit glued to a paragraph's end → a following
 *   `<figure class="photo"><figcaption>… <span class="credit">…</span>`;
 * - `MORE`, sign-offs, bylines and wire headlines → `p.continued`,
 *   `p.signoff`, `p.byline`, `p.wire-headline`;
 * - tickers such as `<SRD>` → `<span class="ticker">`.
 */
export function plainTextToMdast(text: string, start: number): PlainTextBody {
  const locate = locatePoints(text)
  const blocks = readStoryBlocks(text, start)
  const tables = findTables(blocks)
  const children: RootContent[] = []
  let dateline: Dateline | undefined
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    if (!block) continue
    if (block.dateline) {
      dateline = toDateline(block.dateline.run, block.dateline.match)
    }
    const tableEnd = tables.get(index)
    if (tableEnd !== undefined) {
      if (block.dateline) children.push(datelineParagraph(block, locate, false))
      const lines = blocks.slice(index, tableEnd).map((line): TableLine => ({run: line.run, row: line.row ?? {kind: 'section', cells: [[0, line.run.value.length]]}}))
      children.push(...buildFigureBlocks(lines, locate))
      index = tableEnd - 1
      continue
    }
    if (block.kind === 'marker' && block.marker) {
      children.push(paragraph(toPhrasing(block.run, 0, block.run.value.length, locate), block.run, locate, block.marker))
      continue
    }
    if (!block.dateline && isHeadingAt(blocks, index, tables, children)) {
      const heading: Heading = {type: 'heading', depth: 2, children: toPhrasing(block.run, 0, block.run.value.length, locate), position: runPosition(block.run, 0, block.run.value.length, locate)}
      children.push(heading)
      continue
    }
    children.push(...proseNodes(block, locate))
  }
  const root: Root = {type: 'root', children}
  if (blocks.length > 0) root.position = locate.position(start, text.length)
  return dateline ? {tree: root, dateline} : {tree: root}
}

/**
 * Where tables start, mapped to where they end (exclusive): runs of two or
 * more figure rows, with the section and label lines between them. A section
 * line just before the rows belongs to the table when it is a period
 * (`Year`), opens the story, or follows something other than prose.
 */
function findTables(blocks: readonly StoryBlock[]): Map<number, number> {
  const tables = new Map<number, number>()
  const isTableKind = (block: StoryBlock | undefined): boolean => block?.kind === 'row' || block?.kind === 'section' || block?.kind === 'label'
  let index = 0
  while (index < blocks.length) {
    if (!isTableKind(blocks[index])) {
      index++
      continue
    }
    let end = index
    while (end < blocks.length && isTableKind(blocks[end])) end++
    let last = end
    while (last > index && blocks[last - 1]?.kind !== 'row') last--
    let first = index
    while (first < last && blocks[first]?.kind !== 'row' && !opensTable(blocks, first)) first++
    const rows = blocks.slice(first, last).filter((block) => block.kind === 'row').length
    if (rows >= 2) tables.set(first, last)
    index = end
  }
  return tables
}

function opensTable(blocks: readonly StoryBlock[], index: number): boolean {
  const block = blocks[index]
  if (!block) return false
  if (block.dateline) return true
  if (block.kind !== 'section') return false
  const previous = blocks[index - 1]
  return isPeriodLabel(block.run.value) || previous === undefined || previous.kind !== 'prose'
}

/**
 * A subheading: a heading-like line that is not the first block, follows a
 * finished paragraph (not one cut mid-sentence) or a table, does not follow
 * another heading, and is followed by a table or by prose that starts like a
 * sentence.
 */
function isHeadingAt(blocks: readonly StoryBlock[], index: number, tables: ReadonlyMap<number, number>, done: readonly RootContent[]): boolean {
  const block = blocks[index]
  if (!block || (block.kind !== 'label' && block.kind !== 'section' && block.kind !== 'prose')) return false
  if (index === 0 || done.length === 0 || done[done.length - 1]?.type === 'heading') return false
  if (!isSubheading(block.run.value)) return false
  const previous = blocks[index - 1]
  if (previous?.kind === 'prose' && !/[.!?:"'”’)]$/.test(previous.run.value)) return false
  const next = blocks[index + 1]
  if (!next) return false
  // Note: a line between a table (or figures) and a table is a label inside figures, not a heading.
  if (tables.has(index + 1) && (previous?.kind !== 'prose' || previous.dateline !== undefined)) return false
  return (next.kind === 'prose' && next.run.value.length > 60 && /^["“‘(]?[\p{Lu}\d]/u.test(next.run.value)) || tables.has(index + 1)
}

/** A prose block: a paragraph (with the dateline when it opens the story), and a figure when a caption is glued to its end. */
function proseNodes(block: StoryBlock, locate: PointLocator): RootContent[] {
  const run = block.run
  const caption = findCaption(run.value)
  if (!caption) return [block.dateline ? datelineParagraph(block, locate, true) : paragraph(toPhrasing(run, 0, run.value.length, locate), run, locate)]
  const nodes: RootContent[] = []
  if (caption.captionStart > 0 || block.dateline) {
    let textEnd = caption.captionStart
    while (textEnd > 0 && run.value[textEnd - 1] === ' ') textEnd--
    const before = toPhrasing(run, 0, textEnd, locate)
    nodes.push(block.dateline ? datelineParagraph(block, locate, textEnd > 0, textEnd) : paragraph(before, run, locate, undefined, textEnd))
  }
  nodes.push(figure(run, caption, locate))
  return nodes
}

function figure(run: TextRun, caption: NonNullable<ReturnType<typeof findCaption>>, locate: PointLocator): Blockquote {
  const [creditStart, creditEnd] = caption.credit
  const credit = spanText(toCreditCase(run.value.slice(creditStart, creditEnd).trim()), 'credit', runPosition(run, creditStart, creditEnd, locate))
  const position = runPosition(run, caption.captionStart, run.value.length, locate)
  const figcaption: Paragraph = {
    type: 'paragraph',
    children: [...toPhrasing(run, caption.captionStart, caption.captionEnd, locate), {type: 'text', value: ' '}, credit],
    data: {hName: 'figcaption'},
    position,
  }
  return {type: 'blockquote', children: [figcaption], data: {hName: 'figure', hProperties: {className: ['photo']}}, position}
}

/**
 * The story's first paragraph: the dateline span, the dash, then its text
 * (up to `end`). Without text (a table follows), the dash is left out.
 */
function datelineParagraph(block: StoryBlock, locate: PointLocator, withText: boolean, end = block.run.value.length): Paragraph {
  const dateline = block.dateline
  if (!dateline) return paragraph(toPhrasing(block.run, 0, end, locate), block.run, locate)
  const {run, match} = dateline
  const children: PhrasingContent[] = []
  // Note: `****` before a dateline is wire transmission noise with no words,
  // so it is left out; any other stray text before it (`c CHICAGO`) is kept.
  if (match.start > 0 && !/^\*+$/.test(run.value.slice(0, match.start))) {
    children.push(...toPhrasing(run, 0, match.start, locate))
  }
  const dash = /[\u2013\u2014]/.exec(run.value.slice(match.textEnd, match.end))?.[0] ?? '\u2013'
  const spanValue = run.value.slice(match.start, match.textEnd) + (withText ? ` ${dash}` : '')
  const spanEnd = withText ? run.value.slice(0, match.end).trimEnd().length : match.textEnd
  children.push(spanText(spanValue, 'dateline', runPosition(run, match.start, spanEnd, locate)))
  if (withText) {
    children.push({type: 'text', value: ' '}, ...toPhrasing(block.run, 0, end, locate))
  }
  const first = runPosition(run, 0, run.value.length, locate)
  const last = withText ? runPosition(block.run, 0, end, locate) : first
  return {type: 'paragraph', children, position: {start: first.start, end: last.end}}
}

function paragraph(children: PhrasingContent[], run: TextRun, locate: PointLocator, className?: string, end = run.value.length): Paragraph {
  return {
    type: 'paragraph',
    children,
    ...(className ? {data: {hProperties: {className: [className]}}} : {}),
    position: runPosition(run, 0, end, locate),
  }
}

function toDateline(run: TextRun, match: {start: number; textEnd: number; placeEnd: number}): Dateline {
  const collapse = (value: string): string => value.replace(/\s+/g, ' ').trim()
  return {text: collapse(run.value.slice(match.start, match.textEnd)), place: collapse(run.value.slice(match.start, match.placeEnd))}
}
