import {repairMojibake} from '../parse/plain-text/repair-mojibake.js'

/** The outcome of comparing a source body with its rendering. */
export interface FidelityResult {
  /** Whether every word, number and quotation mark of the source appears in the rendering, in order, and nothing else does. */
  readonly ok: boolean
  /** Where the two first differ, with a few words of context from each side. */
  readonly firstDifference?: string
}

/** Words around the first difference shown in the report. */
const context = 6

/**
 * Check that rendering lost, added and reordered nothing: the source's words,
 * numbers and quotation marks must equal the rendered text's, in order.
 *
 * Both sides are reduced to tokens (runs of letters and digits, plus `"`),
 * compared without regard to case. Tags are stripped (as word breaks) and
 * entities decoded on the rendered side. What the parser changes on purpose
 * counts as equal: curly and straight quotes, dashes, ellipses, repaired
 * mojibake, the letter case of a credit, and the label of a photo credit
 * (`(credit: X)` renders as the credit `X`; the label is ignored on both sides).
 */
export function checkFidelity(sourceBody: string, renderedHtml: string): FidelityResult {
  const source = tokens(dropCreditLabels(repairMojibake(sourceBody)))
  const rendered = tokens(dropCreditLabels(htmlToText(renderedHtml)))
  const length = Math.min(source.length, rendered.length)
  let index = 0
  while (index < length && source[index] === rendered[index]) index++
  if (index === source.length && index === rendered.length) return {ok: true}
  const show = (list: readonly string[]): string => {
    const from = Math.max(0, index - context)
    const before = list.slice(from, index).join(' ')
    const at = list[index] ?? '(end)'
    return `${before} [${at}] ${list.slice(index + 1, index + 1 + context).join(' ')}`.trim()
  }
  return {ok: false, firstDifference: `word ${index + 1}: source has “${show(source)}”, rendering has “${show(rendered)}”`}
}

/** The visible text of sanitised HTML: tags become spaces, entities are decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
}

const namedEntities: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0'}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#[xX]([\da-fA-F]+)|#(\d+)|([a-zA-Z]+));/g, (entity, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16))
    if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10))
    return namedEntities[name ?? ''] ?? entity
  })
}

/** `(credit: X)`, `(Photo: X)`, `(Photo credit: X)` → `(X)`: the label is markup, the credit is content. */
function dropCreditLabels(text: string): string {
  return text.replace(/\((?:(?:photo(?:graph)?|picture|image|pic)(?: credit)?|credits?) ?: ?/gi, '(')
}

function tokens(text: string): string[] {
  return (text.normalize('NFKC').replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').toLowerCase().match(/[\p{L}\p{N}]+|"/gu) ?? []) as string[]
}
