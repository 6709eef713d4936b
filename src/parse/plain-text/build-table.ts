import type {Code, PhrasingContent, Table, TableCell, TableRow} from 'mdast'
import {packedMap} from '../../packed-lists.js'
import type {PointLocator} from './locate-points.js'
import type {TextRun} from './read-blocks.js'
import {isValueToken, type Row} from './read-row.js'
import {repairMojibake} from './repair-mojibake.js'
import {runPosition, toPhrasing} from './to-phrasing.js'

/** One line of a block of figures: its text and how it reads as a row. */
export interface TableLine {
  readonly run: TextRun
  readonly row: Row
}

/**
 * Turn consecutive rows of wire figures into a table when their columns can
 * be recovered, otherwise into a preformatted block that keeps the spacing.
 *
 * Columns are recovered when every column-aligned (`grid`) row has the same
 * number of cells; label-and-value rows (`Shr 28 cts vs 22 cts`,
 * `Pay April 30`) are padded to the widest row. A header row (words, or
 * years, over rows of figures) may lack the first column's label.
 */
export function buildTable(lines: readonly TableLine[], locate: PointLocator): Table | Code {
  const shape = tableShape(lines)
  if (!shape) return buildAligned(lines, locate)
  const {columns, header} = shape
  const rows: TableRow[] = packedMap(lines, (line, index) => {
    const isFirst = index === 0
    if (line.row.kind === 'section') return sectionRow(line, columns, locate)
    const cells = packedMap(line.row.cells, ([start, end], cellIndex): TableCell => {
      const text = line.run.value.slice(start, end)
      const children = toPhrasing(line.run, start, end, locate, 'figures')
      if (index === header) return cell(children, 'th', {scope: 'col', ...(isNumeric(text) ? {className: ['num']} : {})})
      if (cellIndex === 0 && /\p{L}/u.test(text)) return cell(children, 'th', {scope: 'row'})
      // Note: mdast-util-to-hast makes the first row a header row of `th`;
      // a first row of figures is data, so its cells are named `td`.
      return cell(children, isFirst ? 'td' : undefined, isNumeric(text) ? {className: ['num']} : {})
    })
    const missing = columns - cells.length
    if (missing > 0) {
      const blanks = Array.from({length: missing}, () => cell([], index === header ? 'th' : isFirst ? 'td' : undefined, index === header ? {scope: 'col'} : {}))
      // Note: a header without a label for the first column (`TODAY  PREV`
      // over `Wheat  1.20  1.18`) sits over the value columns.
      if (index === header) cells.unshift(...blanks)
      else cells.push(...blanks)
    }
    return {type: 'tableRow', children: cells, position: lineSpan(line, locate)}
  })
  return {
    type: 'table',
    children: rows,
    data: {hProperties: {className: ['data-table']}},
    position: spanOf(lines, locate),
  }
}

/** The number of columns, and which row (if any) is a header, or `undefined` when columns cannot be recovered. */
function tableShape(lines: readonly TableLine[]): {columns: number; header: number} | undefined {
  const data = lines.filter((line) => line.row.kind !== 'section')
  const grids = data.filter((line) => line.row.kind === 'grid')
  const columns = data.reduce((widest, line) => Math.max(widest, line.row.cells.length), 1)
  const firstData = lines.findIndex((line) => line.row.kind !== 'section')
  const first = lines[firstData]
  const header = first && first.row.kind === 'grid' && isHeaderRow(first) && data.length > 1 ? firstData : -1
  if (grids.length === 0) return {columns, header}
  for (const [index, line] of lines.entries()) {
    if (line.row.kind === 'section') continue
    const count = line.row.cells.length
    if (count === columns) continue
    if (index === header && count === columns - 1) continue
    if (line.row.kind === 'grid') return undefined
    // Note: a label-and-value row inside a grid of other widths cannot be placed.
    if (count !== 2 || columns > 3) return undefined
  }
  return {columns, header}
}

/** A row of column titles: words, years (`1987`, `1986/87`) and dates (`4/2/87`), no other figures. */
function isHeaderRow(line: TableLine): boolean {
  return line.row.cells.every(([start, end]) => {
    const text = line.run.value.slice(start, end)
    return !/\d/.test(text) || /^(?:(?:19|20)\d\d(?:\/\d\d)?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)$/.test(text)
  })
}

function sectionRow(line: TableLine, columns: number, locate: PointLocator): TableRow {
  const children = toPhrasing(line.run, 0, line.run.value.length, locate, 'figures')
  return {
    type: 'tableRow',
    // Note: a section label heads the rows below it, across every column.
    children: [cell(children, 'th', columns > 1 ? {scope: 'colgroup', colSpan: columns} : {scope: 'row'})],
    position: lineSpan(line, locate),
  }
}

function cell(children: PhrasingContent[], hName: 'td' | 'th' | undefined, hProperties: Record<string, string | number | string[]>): TableCell {
  const data = {...(hName ? {hName} : {}), ...(Object.keys(hProperties).length > 0 ? {hProperties} : {})}
  return {type: 'tableCell', children, ...(Object.keys(data).length > 0 ? {data} : {})}
}

/** Whether a cell holds a figure (`1.8 BILL`, `vs 22 cts`, `nil`, `--`) rather than a word label. */
function isNumeric(text: string): boolean {
  return /\d/.test(text) || /^(?:--+|unch|even)$/i.test(text) || text.split(' ').some((word) => isValueToken(word))
}

/**
 * Rows whose columns cannot be recovered, as preformatted text (an mdast
 * `code` node: `<pre><code class="aligned">`), one source line per line, so
 * every line keeps its spacing.
 */
function buildAligned(lines: readonly TableLine[], locate: PointLocator): Code {
  const texts: string[] = []
  for (const line of lines) {
    for (let index = 0; index < line.run.lines.length; index++) {
      const start = line.run.starts[index] ?? 0
      const source = line.run.lines[index]
      if (source) texts.push(repairMojibake(line.run.value.slice(start, start + (source.end - source.start))))
    }
  }
  return {type: 'code', value: texts.join('\n'), data: {hProperties: {className: ['aligned']}}, position: spanOf(lines, locate)}
}

function lineSpan(line: TableLine, locate: PointLocator): NonNullable<Table['position']> {
  return runPosition(line.run, 0, line.run.value.length, locate)
}

function spanOf(lines: readonly TableLine[], locate: PointLocator): NonNullable<Table['position']> {
  const first = lines[0]
  const last = lines[lines.length - 1]
  if (!first || !last) return locate.position(0, 0)
  return {start: lineSpan(first, locate).start, end: lineSpan(last, locate).end}
}
