/** A dateline at the start of a paragraph, as offsets into that paragraph's text. */
export interface DatelineMatch {
  /** Where the dateline starts (after stray wire noise such as `****`). */
  readonly start: number
  /** Where its text ends, before the separating dash. */
  readonly textEnd: number
  /** Where the place ends (`PORTLAND, Ore.` in `PORTLAND, Ore., Feb 26`). */
  readonly placeEnd: number
  /** Where the story's text starts, after the dash and its spaces. */
  readonly end: number
}

/** Only the start of a paragraph is searched, so a huge paragraph costs nothing. */
const window = 160

/** The dash that ends a dateline: `-`, `--`, `–` or `—`, followed by a space or the end. */
const separator = /[-\u2013\u2014]{1,2}(?= |$)/g
/** Wire noise before a dateline: `****`, or a stray letter (`c CHICAGO`). */
const noisePattern = /^(?:\*+|[a-z0-9] (?=[A-Z]{3}))/
/** `, Reuter` or ` (Reuters)` just before the dash. */
const creditPattern = /,? ?\(?Reuters?\)?$/
/** The date at the end of the dateline: `Feb 26`, `March 2O`, `April, 13`, `2 March`. */
const datePattern = /(?:^|[ ,.])(?:- )?([A-Za-z]{3,9}\.?,? ?\d[\dO]{0,2}|\d{1,2} [A-Za-z]{3,9}\.?)$/
/** A date and a second dash right after a first one: `March 4 - `. */
const lateDatePattern = /^(([A-Za-z]{3,9})\.? \d[\dO]?),? ?[-\u2013\u2014]{1,2}(?: |$)/
/** One comma-separated part of a place: one to five words. */
const placePart = /^[A-Za-z][A-Za-z.'&/}-]*(?: [A-Za-z][A-Za-z.'&/-]*){0,4}$/

const monthPrefix = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|nar|mac|abr)/i
const weekday = /^(?:mon|tue|wed|thu|fri|sat|sun)\b/i
/** A lead word that starts a phrase, not a place (`As of April 7 -`). */
const notPlace = /^(?:as|at|on|in|by|for|from|to|a|an) /i
/**
 * Market reports label their tables like datelines (`WHEAT -`, `COPPER GRADE
 * A -`, `FOB RIVER - CLOSE`); these words never start a dateline without a date.
 */
const marketLabel =
  /\b(?:wheat|corn|soybeans?|barley|oats|sorghum|copper|lead|zinc|tin|nickel|silver|gold|platinum|aluminium|aluminum|cocoa|coffee|sugar|cotton|rubber|gradings?|grade|fob|cif|close|exchs?|opening|open|spot|futures)\b/i
/** A trailing qualifier that is only a month (`SYDNEY, April -`): part of the date, not the place. */
const trailingMonth = /,\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+[a-z0-9])?$/i

/**
 * Find a wire dateline at the start of `value`: `BAHIA BLANCA, Feb 26 -`,
 * `PORTLAND, Ore., Feb 26 -`, `TOKYO -`, `March 2O`, `Feb 26-`,
 * `WASHINGTON, March 12, Reuter -`, `KYIV, Nov 18 (Reuters) -`.
 *
 * A dateline without a date must be in capitals (`TOKYO -`) or carry
 * `(Reuters)`, so `Federal Express Corp - New York` is not one.
 */
export function findDateline(value: string): DatelineMatch | undefined {
  const head = value.slice(0, window)
  separator.lastIndex = 0
  for (let tries = 0; tries < 3; tries++) {
    const dash = separator.exec(head)
    if (!dash) return undefined
    const found = readDateline(head, dash.index, dash.index + dash[0].length)
    if (found) return found
  }
  return undefined
}

/** Read `head.slice(0, dashStart)` as a dateline, or `undefined`. */
function readDateline(head: string, dashStart: number, dashEnd: number): DatelineMatch | undefined {
  const start = noisePattern.exec(head)?.[0].length ?? 0
  let textEnd = dashStart
  while (textEnd > start && (head[textEnd - 1] === ' ' || head[textEnd - 1] === ',')) textEnd--
  let rest = head.slice(start, textEnd)
  const credit = creditPattern.exec(rest)
  if (credit && /reuter/i.test(credit[0])) rest = rest.slice(0, credit.index)
  const date = datePattern.exec(rest)
  if (date) {
    const month = /[A-Za-z]{3,}/.exec(date[1] ?? '')?.[0] ?? ''
    if (!monthPrefix.test(month)) return undefined
    rest = rest.slice(0, date.index)
  }
  const place = rest.replace(/[\s,.-]+$/, (tail) => (tail.startsWith('.') ? '.' : ''))
  const parts = place.split(/ ?, ?/)
  if (parts.length === 0 || parts.length > 4 || !parts.every((part) => placePart.test(part))) return undefined
  if (weekday.test(place) || notPlace.test(place)) return undefined
  const hasCredit = credit !== null && /reuter/i.test(credit[0])
  if (!date && !hasCredit && (!isCapitalPlace(place) || marketLabel.test(place))) return undefined
  const placeEnd = start + place.replace(trailingMonth, '').length
  const end = head[dashEnd] === ' ' ? dashEnd + 1 : dashEnd
  // Note: `CHEVY CHASE, Md., - March 4 - Geico`: the date can follow a stray dash.
  const lateDate = date ? null : lateDatePattern.exec(head.slice(end))
  if (lateDate && monthPrefix.test(lateDate[2] ?? '')) {
    return {start, textEnd: end + (lateDate[1] ?? '').length, placeEnd, end: end + lateDate[0].length}
  }
  return {start, textEnd, placeEnd, end}
}

/** Whether the place's first part (before any comma) is in capitals: `TOKYO`, `WOODBRIDGE, N.J.`. */
function isCapitalPlace(text: string): boolean {
  const first = text.split(',')[0] ?? ''
  const letters = first.replace(/[^A-Za-z]/g, '')
  return letters.length >= 2 && letters === letters.toUpperCase()
}
