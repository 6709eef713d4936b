import type {Heading, Paragraph, RootContent} from 'mdast'
import {buildTable, type TableLine} from './build-table.js'
import type {PointLocator} from './locate-points.js'
import {isPeriodLabel} from './read-row.js'
import {runPosition, toPhrasing} from './to-phrasing.js'

/** How many lines at the end of a block of figures may be split off to save its table. */
const maxTrailingLines = 2

/**
 * Turn a block of figure rows into a table, or into as much table as its
 * columns allow:
 * 1. the whole block as one table, when its columns line up;
 * 2. else, when only the last line or two break the columns (`TOTAL SALES
 *    3792`, `Contract in 50 bags`), the table followed by those lines as
 *    paragraphs;
 * 3. else, when capitalised titles divide it (`SOYBEANS`, `CORN`), each
 *    titled part on its own: the title as a subheading, then its rows;
 * 4. else one preformatted block that keeps the spacing.
 */
export function buildFigureBlocks(lines: readonly TableLine[], locate: PointLocator): RootContent[] {
  const whole = buildTable(lines, locate)
  if (whole.type === 'table') return [whole]
  for (let cut = 1; cut <= maxTrailingLines && countRows(lines.slice(0, -cut)) >= 2; cut++) {
    const table = buildTable(lines.slice(0, -cut), locate)
    if (table.type === 'table') return [table, ...lines.slice(-cut).map((line) => lineBlock(line, 'paragraph', locate))]
  }
  const parts = splitAtTitles(lines)
  if (parts.length < 2) return [whole]
  return parts.flatMap(({title, rows}) => [
    ...(title ? [lineBlock(title, 'heading', locate)] : []),
    ...(countRows(rows) > 0 ? buildFigureBlocks(rows, locate) : rows.map((line) => lineBlock(line, 'paragraph', locate))),
  ])
}

function countRows(lines: readonly TableLine[]): number {
  return lines.filter((line) => line.row.kind !== 'section').length
}

/**
 * A title: a capitalised section line (not a period such as `Year`) with rows
 * after it. Note: not one that ends in a hyphen or a comma, the first half of
 * a row's label wrapped onto two lines (`ST.CHRISTOPHER-`, then `NEVIS  nil  6,300`).
 */
function isTitle(lines: readonly TableLine[], index: number): boolean {
  const line = lines[index]
  const next = lines[index + 1]
  return line?.row.kind === 'section' && next !== undefined && next.row.kind !== 'section' && !isPeriodLabel(line.run.value) && !/\p{Ll}/u.test(line.run.value) && !/[-,&/]$/.test(line.run.value)
}

function splitAtTitles(lines: readonly TableLine[]): Array<{title?: TableLine; rows: TableLine[]}> {
  const parts: Array<{title?: TableLine; rows: TableLine[]}> = [{rows: []}]
  lines.forEach((line, index) => {
    if (isTitle(lines, index)) parts.push({title: line, rows: []})
    else parts[parts.length - 1]?.rows.push(line)
  })
  return parts.filter((part) => part.title !== undefined || part.rows.length > 0)
}

function lineBlock(line: TableLine, type: 'heading' | 'paragraph', locate: PointLocator): Heading | Paragraph {
  const children = toPhrasing(line.run, 0, line.run.value.length, locate)
  const position = runPosition(line.run, 0, line.run.value.length, locate)
  return type === 'heading' ? {type: 'heading', depth: 2, children, position} : {type: 'paragraph', children, position}
}
