import {repairMojibake} from './repair-mojibake.js'

/** Characters after which a straight quote opens a quotation. */
const opensAfter = new Set([' ', '\t', '\n', '(', '[', '{', '<', '\u2014', '\u2013', '-', '/', '\u201C', '\u2018', '\u00A0', ''])

/**
 * Typeset one piece of prose: repair mojibake, then curl straight quotes,
 * turn `--` into an em dash, a spaced hyphen into a spaced en dash, `...`
 * into an ellipsis and a full stop typed twice at the end of a sentence into
 * one. Words, digits and their order never change.
 *
 * `before` and `after` are the source characters around the piece (`''` at
 * the edges of a paragraph), so a quote next to a split point still curls the
 * right way. Every step is a single linear pass.
 */
export function typeset(raw: string, before = '', after = ''): string {
  let value = repairMojibake(raw)
  // Note: each replacement is guarded by a plain `includes`, and none uses
  // lookbehind, which V8 runs slowly at every position of the string.
  if (value.includes('--')) value = value.replace(/ ?--+ ?/g, emDash)
  if (value.includes(' - ')) value = value.replace(/ - /g, (dash, offset: number, whole: string) => (isWordEdge(whole, offset - 1) && isWordEdge(whole, offset + 3) ? ' \u2013 ' : dash))
  if (value.includes('..')) value = value.replace(/\.{2,}/g, (dots, offset: number, whole: string) => (dots.length === 3 ? '\u2026' : dots.length === 2 && isDoubledStop(whole, offset, after) ? '.' : dots))
  return curlQuotes(value, before, after)
}

/**
 * Whether the `..` at `offset` is a full stop typed twice at the end of a
 * sentence (`near Winnemucca, Nev..`, `told parliament..`): after a word or a
 * closing bracket or quote, before a space or the end of the paragraph. Note:
 * `C..Joseph` is left alone, since which of the two was meant is not known.
 */
function isDoubledStop(whole: string, offset: number, after: string): boolean {
  const next = whole[offset + 2] ?? after.slice(0, 1)
  return /[\p{L}\p{N})\]"'\u2019\u201D]/u.test(whole[offset - 1] ?? '') && (next === '' || /\s/.test(next))
}

/** `a -- b` → `a — b`, `a--b` → `a—b` between words; any other run of hyphens stays (`4.65  --` in a table). */
function emDash(dash: string, offset: number, whole: string): string {
  if (dash.replace(/ /g, '') !== '--') return dash
  if (!isWordEdge(whole, offset - 1) || !isWordEdge(whole, offset + dash.length)) return dash
  if (dash.startsWith(' ') || dash.endsWith(' ')) return ' \u2014 '
  return /[A-Za-z]/.test(whole[offset - 1] ?? '') && /[A-Za-z]/.test(whole[offset + 2] ?? '') ? '\u2014' : dash
}

/** Whether the character at `index` can stand next to a dash between words: not a space, not another hyphen, not the edge. */
function isWordEdge(whole: string, index: number): boolean {
  const char = whole[index]
  return char !== undefined && char !== ' ' && char !== '-'
}

/**
 * Curl `"` and `'` by their neighbours: a quote after a space or an opening
 * bracket opens, any other closes; an apostrophe inside or after a word, or
 * before a two-digit year (`'87`), is `’`.
 */
export function curlQuotes(value: string, before = '', after = ''): string {
  if (!value.includes('"') && !value.includes("'")) return value
  // Note: the text between quotes is copied a run at a time; one character at
  // a time made a string per character (87 MB in a build of 10,000 articles).
  let result = ''
  let copied = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code !== 0x22 && code !== 0x27) continue
    const previous = index > 0 ? (value[index - 1] ?? '') : before.slice(-1)
    const next = index + 1 < value.length ? (value[index + 1] ?? '') : after.slice(0, 1)
    const opening = opensAfter.has(previous) && next !== '' && !/\s/.test(next)
    result += value.slice(copied, index)
    if (code === 0x22) {
      result += opening ? '\u201C' : '\u201D'
    } else {
      const elidedYear = /^\d\d(?!\d)/.test(value.slice(index + 1, index + 4))
      result += opening && !elidedYear ? '\u2018' : '\u2019'
    }
    copied = index + 1
  }
  return result + value.slice(copied)
}
