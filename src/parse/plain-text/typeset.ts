import {repairMojibake} from './repair-mojibake.js'

/** Characters after which a straight quote opens a quotation. */
const opensAfter = new Set([' ', '\t', '\n', '(', '[', '{', '<', '\u2014', '\u2013', '-', '/', '\u201C', '\u2018', '\u00A0', ''])

/**
 * Typeset one piece of prose: repair mojibake, then curl straight quotes,
 * turn `--` into an em dash, a spaced hyphen into a spaced en dash and `...`
 * into an ellipsis. Words, digits and their order never change.
 *
 * `before` and `after` are the source characters around the piece (`''` at
 * the edges of a paragraph), so a quote next to a split point still curls the
 * right way. Every step is a single linear pass.
 */
export function typeset(raw: string, before = '', after = ''): string {
  const value = repairMojibake(raw)
  return curlQuotes(
    value
      .replace(/(?<=\S) -- ?(?=\S)|(?<=[A-Za-z])--(?=[A-Za-z])/g, (dash) => (dash.startsWith(' ') ? ' \u2014 ' : '\u2014'))
      .replace(/(?<=\S) - (?=\S)/g, ' \u2013 ')
      .replace(/(?<!\.)\.\.\.(?!\.)/g, '\u2026'),
    before,
    after,
  )
}

/**
 * Curl `"` and `'` by their neighbours: a quote after a space or an opening
 * bracket opens, any other closes; an apostrophe inside or after a word, or
 * before a two-digit year (`'87`), is `’`.
 */
export function curlQuotes(value: string, before = '', after = ''): string {
  if (!value.includes('"') && !value.includes("'")) return value
  let result = ''
  for (let index = 0; index < value.length; index++) {
    const char = value[index] ?? ''
    if (char !== '"' && char !== "'") {
      result += char
      continue
    }
    const previous = index > 0 ? (value[index - 1] ?? '') : before.slice(-1)
    const next = index + 1 < value.length ? (value[index + 1] ?? '') : after.slice(0, 1)
    const opening = opensAfter.has(previous) && next !== '' && !/\s/.test(next)
    if (char === '"') {
      result += opening ? '\u201C' : '\u201D'
    } else {
      const elidedYear = /^\d\d(?!\d)/.test(value.slice(index + 1, index + 4))
      result += opening && !elidedYear ? '\u2018' : '\u2019'
    }
  }
  return result
}
