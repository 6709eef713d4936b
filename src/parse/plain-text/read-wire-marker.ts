import {isAllCaps} from './read-row.js'

/**
 * Paragraphs that are wire furniture rather than story, by the class they
 * render with: `continued` for a `MORE` marker, `signoff` for `Reuter` or
 * `(Reporting by …; Editing by …)`, `byline` for `By Jane Smith`,
 * `wire-headline` for an all-capitals headline above the story.
 */
export type WireMarker = 'continued' | 'signoff' | 'byline' | 'wire-headline'

const more = /^(?:more|MORE|More)[.…]?$/
/** `Reuter`, `REUTER`, `Reuters`, with the wire's trailing noise (`REUTER11:43/VB`, `Reuter TAW`, `^M`). */
const reuter = /^(?:--? ?)?\(?(?:Reuters?|REUTERS?)\)?(?:\.{1,3}|[\d: /^A-Z]{0,12})$/
const credits = /^\(?(?:(?:Additional )?[Rr]eporting|Writing|Editing|Compiled|Reporting and writing|Research|Graphics?) by\b/
/** `By Jane Smith`, `By JANE SMITH, Reuters`, `By Jane Smith and John Doe`. */
const byline =
  /^By (?:\p{Lu}[\p{L}.'-]*)(?: (?:\p{Lu}[\p{L}.'-]*|de|van|von|der|al|bin|da|di|la|le)){1,4}(?:(?:,| and) \p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,4})?$/u

/**
 * What furniture the paragraph `value` is, if any. `index` is its place among
 * `count` paragraphs: bylines and wire headlines only open a story, sign-offs
 * only close one.
 */
export function readWireMarker(value: string, index: number, count: number): WireMarker | undefined {
  if (value.length <= 5 && more.test(value)) return 'continued'
  const last = index >= count - 2
  if (last && value.length <= 32 && reuter.test(value)) return 'signoff'
  if (value.length <= 400 && credits.test(value) && index > 0) return 'signoff'
  if (index <= 2 && value.length <= 80 && byline.test(value)) return 'byline'
  if (index === 0 && count > 1 && isWireHeadline(value)) return 'wire-headline'
  return undefined
}

/** An all-capitals line of two or more words, no final full stop, not a row of figures or a table header (`MAR8 -- --`). */
function isWireHeadline(value: string): boolean {
  if (value.length > 120 || /[.:;,]$/.test(value) || /\s{2}|--/.test(value) || /\p{L}\d|\d\p{L}/u.test(value)) return false
  const words = value.split(' ')
  if (words.length < 2) return false
  const digits = value.replace(/\D/g, '').length
  return isAllCaps(value) && digits <= 4
}
