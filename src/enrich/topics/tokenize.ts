import {nameKey} from './name-key.js'
import {personTitles} from './name-words.js'

/** How a word is written. */
export const Shape = {
  /** `said`, `de` */
  Lower: 0,
  /** `Russia`, `McDonald`, `U.S.-made` */
  Capital: 1,
  /** `OPEC`, `KCNA`, `U.S.` (two or more letters, all capitals) */
  Upper: 2,
} as const
export type Shape = (typeof Shape)[keyof typeof Shape]

/** What stands between a word and the one before it. */
export const Gap = {
  /** Only spaces: the two words can belong to one name. */
  Space: 0,
  /** A comma, semicolon, dash, bracket or quote. */
  Break: 1,
  /** The end of a sentence. */
  Stop: 2,
} as const
export type Gap = (typeof Gap)[keyof typeof Gap]

/** One word of a paragraph. */
export interface Token {
  /** As written, without a possessive ending (`Russia` for `Russia's`). */
  readonly text: string
  /** `nameKey` of `text`. */
  readonly key: string
  readonly shape: Shape
  readonly gap: Gap
  /** First word of a sentence (or of the paragraph). */
  readonly sentenceStart: boolean
  /** Written with a possessive ending (`Russia's`, `Workers'`). */
  readonly possessive: boolean
  /** Followed directly by a full stop (`Corp.`, `Mr.`, or the end of a sentence). */
  readonly dotAfter: boolean
  /** Inside `<...>`: Reuters marks company names and tickers so. */
  readonly bracketed: boolean
  /** Position in the paragraph's token list (0-based). */
  readonly index: number
}

const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'ft', 'corp', 'inc', 'co', 'ltd', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov',
  'lt', 'col', 'capt', 'sgt', 'prof', 'rev', 'no', 'vs', 'adm', 'cmdr', 'maj', 'messrs', 'bros', 'dept', 'univ', 'alex',
  'calif', 'conn', 'mass', 'fla', 'ill', 'mich', 'minn', 'penn', 'tenn', 'wash', 'wis', 'okla', 'ore', 'ariz', 'colo',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'est', 'etc',
])

/** The keys of `tokens` (`tokens.map((token) => token.key)`), always a packed array (see `packedMap`). */
export function keysOf(tokens: readonly Token[]): string[] {
  const keys: string[] = []
  for (let index = 0; index < tokens.length; index++) keys.push((tokens[index] as Token).key)
  return keys
}

/** The keys of `tokens` joined by spaces, as names are looked up (`lookUpKey`), without an array of them. */
export function joinedKey(tokens: readonly Token[]): string {
  let key = ''
  for (let index = 0; index < tokens.length; index++) key += index === 0 ? (tokens[index] as Token).key : ` ${(tokens[index] as Token).key}`
  return key
}

/**
 * `owner` with its possessive ending written into its text (`Moody's`), as a
 * word of a name. Note: made as `tokenize` makes every token, with the same
 * fields in the same order, so all tokens have one shape; a copy made with
 * a spread has another, and V8's optimized code that meets it is thrown
 * away (see `namePhrase`).
 */
export function withPossessiveText(owner: Token): Token {
  const {key, shape, gap, sentenceStart, dotAfter, bracketed, index} = owner
  return {text: `${owner.text}'s`, key, shape, gap, sentenceStart, possessive: false, dotAfter, bracketed, index}
}

/** Words that open a bracketed credit or byline, whose contents are skipped (`(credit: KCNA VIA REUTERS)`). */
const creditOpeners = /^(?:credit|credits|photo|photos|picture|reporting|writing|editing|additional reporting|source)\b/i

/**
 * Split a paragraph into words, in one pass over its characters (no
 * regular expression runs over the whole text, so any length is linear).
 * Numbers, punctuation and bracketed credits are not returned; what they
 * leave behind is kept in the next word's `gap`.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const length = text.length
  let gap: Gap = Gap.Stop
  let sentenceStart = true
  let bracketDepth = 0
  let index = 0
  while (index < length) {
    const code = text.charCodeAt(index)
    if (isWordChar(code, text, index)) {
      const end = wordEnd(text, index)
      if (isDigit(code)) {
        // Note: numbers leave no token; they only keep names apart.
        if (gap !== Gap.Stop) gap = Gap.Break
        sentenceStart = false
        index = end
        continue
      }
      let wordEndAt = end
      let next = end
      let possessive = false
      let plural = false
      const last = text.charCodeAt(end - 1)
      if ((last === 0x73 || last === 0x53) && end - index > 2 && isApostrophe(text.charCodeAt(end - 2))) {
        wordEndAt = end - 2
        possessive = true
      } else if ((last === 0x73 || last === 0x53) && isApostrophe(codeAt(text, end)) && !isLetterAt(text, end + 1)) {
        // Note: a plural possessive (`Workers' Party`) stays in the word, so
        // the name can go on; only the key drops the apostrophe.
        plural = true
        next = end + 1
      }
      let bare = text.slice(index, wordEndAt)
      // Note: `US-made`, `Bahamas-based`: the name is the part before a lower-case ending;
      // but `Under-secretary` is a title, whole.
      const ending = code < 0x61 && !personTitles.has(bare.toLowerCase()) ? lowerCaseEnding(bare) : -1
      if (ending !== -1) {
        bare = bare.slice(0, ending)
        possessive = false
        plural = false
      }
      describe(bare)
      const shape = described.shape
      const key = described.key
      const word = plural ? `${bare}'` : bare
      const dotAfter = ending === -1 && codeAt(text, next) === 0x2e && !word.endsWith('.')
      tokens.push({text: word, key, shape, gap, sentenceStart, possessive, dotAfter, bracketed: bracketDepth > 0, index: tokens.length})
      gap = ending === -1 ? Gap.Space : Gap.Break
      sentenceStart = false
      if (dotAfter) {
        next += 1
        if (endsSentence(key, shape)) {
          gap = Gap.Stop
          sentenceStart = true
        } else if (!isSpace(codeAt(text, next))) {
          gap = Gap.Break
        }
      }
      index = next
      continue
    }
    if (isSpace(code)) {
      index++
      continue
    }
    if (code === 0x28 /* ( */) {
      const close = closingParenthesis(text, index)
      if (close !== -1 && creditOpeners.test(text.slice(index + 1, Math.min(close, index + 40)).trimStart())) {
        index = close + 1
        gap = gap === Gap.Stop ? Gap.Stop : Gap.Break
        continue
      }
    }
    if (code === 0x3c /* < */) bracketDepth++
    else if (code === 0x3e /* > */) bracketDepth = Math.max(0, bracketDepth - 1)
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a /* . ! ? : */) {
      gap = Gap.Stop
      sentenceStart = true
      bracketDepth = 0
    } else if (gap !== Gap.Stop) {
      gap = Gap.Break
    }
    index++
  }
  return tokens
}

/** Where the word starting at `start` ends: letters and digits, joined by `'`, `-`, `&` and the dots of `U.S.`. */
function wordEnd(text: string, start: number): number {
  let index = start
  let segment = 0
  let initials = true
  let dotted = false
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (isWordChar(code, text, index)) {
      index++
      segment++
      continue
    }
    const nextIsWord = index + 1 < text.length && isWordChar(text.charCodeAt(index + 1), text, index + 1)
    if ((code === 0x2e || code === 0x2c) && isDigit(codeAt(text, index - 1)) && isDigit(codeAt(text, index + 1))) {
      index++ // 1.5, 11,000
      continue
    }
    if (code === 0x2e /* . */) {
      if (segment === 1 && isLetterAt(text, index - 1)) {
        if (nextIsWord && isLetterAt(text, index + 1) && !isLetterAt(text, index + 2)) {
          dotted = true
          index++
          segment = 0
          continue
        }
        if (dotted && initials) return index + 1
      }
      return index
    }
    if (segment === 0 || !nextIsWord) return index
    if (code === 0x27 || code === 0x2019 || code === 0x2d || code === 0x26 /* ' ’ - & */) {
      if (code === 0x26 && !(isUpperAt(text, index - 1) && isUpperAt(text, index + 1))) return index
      initials = false
      index++
      segment = 0
      continue
    }
    return index
  }
  return index
}

/** Where `-` and a lower-case part start in a capitalised word (`Bahamas-based` → 7), or -1. */
function lowerCaseEnding(word: string): number {
  for (let hyphen = word.indexOf('-'); hyphen !== -1; hyphen = word.indexOf('-', hyphen + 1)) {
    const code = word.charCodeAt(hyphen + 1)
    if (code >= 0x61 && code <= 0x7a) return hyphen
  }
  return -1
}

/** The `)` closing the `(` at `open`, looked for within a credit's length; -1 when there is none. */
function closingParenthesis(text: string, open: number): number {
  const end = Math.min(text.length, open + 300)
  for (let index = open + 1; index < end; index++) {
    if (text.charCodeAt(index) === 0x29) return index
  }
  return -1
}

/**
 * `text.charCodeAt(index)`, or -1 before or past the text. Note: the first
 * time `charCodeAt` reads past the end (as the tokenizer does at the end of
 * most paragraphs), V8 throws its optimized code away ("out of bounds") and
 * compiles it again.
 */
function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

function endsSentence(key: string, shape: Shape): boolean {
  if (key.length === 1 && shape !== Shape.Lower) return false // an initial: `John F. Kennedy`
  return !abbreviations.has(key)
}

/** What `describe` found; reused so that no object is made per word. */
const described: {shape: Shape; key: string} = {shape: Shape.Lower, key: ''}

/** A word's shape and key, in one pass over its characters, into `described`. */
function describe(word: string): void {
  let letters = 0
  let lower = 0
  let plain = true
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code >= 0x61 && code <= 0x7a) {
      letters++
      lower++
    } else if (code >= 0x41 && code <= 0x5a) {
      letters++
    } else if (code > 0x7f) {
      plain = false
      const char = word[index]!
      if (char !== char.toUpperCase()) {
        letters++
        lower++
      } else if (char !== char.toLowerCase()) {
        letters++
      }
    } else if (code === 0x2e) {
      plain = false
    }
  }
  const shape = lower === 0 && letters >= 2 ? Shape.Upper : startsUpper(word) ? Shape.Capital : Shape.Lower
  described.shape = shape
  described.key = plain ? (shape === Shape.Lower && lower === letters ? word : word.toLowerCase()) : nameKey(word)
}

function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 0x80) return code >= 0x41 && code <= 0x5a
  const first = word[0]!
  return first !== first.toLowerCase()
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019
}

function isWordChar(code: number, text: string, index: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return true
  if (code < 0xc0) return false
  return /[\p{L}\p{M}\p{N}]/u.test(text[index]!)
}

function isLetterAt(text: string, index: number): boolean {
  const code = codeAt(text, index)
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return true
  return code >= 0xc0 && /\p{L}/u.test(text[index]!)
}

function isUpperAt(text: string, index: number): boolean {
  const code = codeAt(text, index)
  return code >= 0x41 && code <= 0x5a
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0
}
