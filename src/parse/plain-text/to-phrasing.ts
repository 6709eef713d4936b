import type {PhrasingContent, Text} from 'mdast'
import type {PointLocator} from './locate-points.js'
import {sourceOffset, type TextRun} from './read-blocks.js'
import {repairMojibake} from './repair-mojibake.js'
import {curlQuotes, typeset} from './typeset.js'

/** A wire ticker symbol in angle brackets: `<BP>`, `<CRAA.S>`, `<FIAT.MI>`. */
const tickerPattern = /<[A-Z][A-Z0-9.&-]{0,11}>/g

/** How text is set: `prose` gets full typography, `figures` (tables) only quotes and mojibake repair. */
export type Setting = 'prose' | 'figures'

/**
 * The phrasing nodes for `run.value` from `from` to `to`: text, with each
 * ticker as its own text node rendered `<span class="ticker">` (a text node,
 * so the sanitiser keeps it visible). Positions point into the source file.
 */
export function toPhrasing(run: TextRun, from: number, to: number, locate: PointLocator, setting: Setting = 'prose'): PhrasingContent[] {
  const nodes: PhrasingContent[] = []
  const piece = run.value.slice(from, to)
  let textStart = from
  tickerPattern.lastIndex = 0
  for (let match = tickerPattern.exec(piece); match !== null; match = tickerPattern.exec(piece)) {
    const start = from + match.index
    const end = start + match[0].length
    if (start > textStart) nodes.push(toText(run, textStart, start, locate, setting))
    nodes.push(spanText(match[0], 'ticker', runPosition(run, start, end, locate)))
    textStart = end
  }
  if (to > textStart) nodes.push(toText(run, textStart, to, locate, setting))
  return nodes
}

/** A text node that renders as `<span class="…">`. */
export function spanText(value: string, className: string, position?: Text['position']): Text {
  return {
    type: 'text',
    value,
    data: {hName: 'span', hProperties: {className: [className]}},
    ...(position ? {position} : {}),
  }
}

/** The source position of `run.value` from `from` to `to`. */
export function runPosition(run: TextRun, from: number, to: number, locate: PointLocator): NonNullable<Text['position']> {
  const end = to > from ? sourceOffset(run, to - 1) + 1 : sourceOffset(run, from)
  return locate.position(sourceOffset(run, from), end)
}

function toText(run: TextRun, from: number, to: number, locate: PointLocator, setting: Setting): Text {
  const raw = run.value.slice(from, to)
  const before = run.value[from - 1] ?? ''
  const after = run.value[to] ?? ''
  const value = setting === 'prose' ? typeset(raw, before, after) : curlQuotes(repairMojibake(raw), before, after)
  return {type: 'text', value, position: runPosition(run, from, to, locate)}
}
