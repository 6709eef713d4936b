import {lastSentenceStart} from './sentence-ends.js'

/** A photo caption and credit glued to the end of a paragraph, as offsets into its text. */
export interface CaptionMatch {
  /** Where the caption starts (0 when the whole paragraph is the caption). */
  readonly captionStart: number
  /** Where the caption ends and the credit's bracket opens. */
  readonly captionEnd: number
  /** The credit's own words, without `(credit:` and `)`: `[start, end)`. */
  readonly credit: readonly [number, number]
}

/** Only the end of a paragraph is searched for a credit. */
const window = 200

/**
 * `(credit: X)`, `(Photo: X)`, `(Photo credit: X)`, `(Image: X)`, `(Picture: X)`
 * or a wire credit `(REUTERS/Name)`, at the very end of a paragraph.
 */
const creditPattern =
  /\((?:(?:photo(?:graph)?|picture|image|pic)(?: credit)?|credits?) ?: ?([^()]{1,100})\)$|\(((?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|XINHUA|Xinhua)\/[^()]{1,80})\)$/i

/** Sentences that only make sense as part of the caption before them. */
const captionTail = /^(?:picture|photo|image|file photo|photograph) (?:taken|shot|released|obtained|courtesy)\b|^file photo\b|^\(?REUTERS\//i

/**
 * Find a photo caption with its credit at the end of `value`: the credit in
 * brackets and the sentence before it (two sentences when the last one is
 * only `Picture taken …`). A paragraph of one or two short sentences ending in
 * a credit is all caption.
 */
export function findCaption(value: string): CaptionMatch | undefined {
  if (!value.endsWith(')')) return undefined
  const tailStart = Math.max(0, value.length - window)
  const match = creditPattern.exec(value.slice(tailStart))
  if (!match) return undefined
  const bracket = tailStart + match.index
  const words = match[1] ?? match[2] ?? ''
  const creditEnd = bracket + match[0].length - 1
  const creditStart = creditEnd - words.length
  let captionEnd = bracket
  while (captionEnd > 0 && value[captionEnd - 1] === ' ') captionEnd--
  if (captionEnd === 0) return undefined
  let captionStart = lastSentenceStart(value, captionEnd)
  if (captionStart > 0 && captionTail.test(value.slice(captionStart, captionEnd))) {
    captionStart = lastSentenceStart(value, trimEnd(value, captionStart))
  }
  return {captionStart, captionEnd, credit: [creditStart, creditEnd]}
}

function trimEnd(value: string, end: number): number {
  let index = end
  while (index > 0 && value[index - 1] === ' ') index--
  return index
}

const lowerWords = new Set(['via', 'and', 'of', 'the', 'for', 'by', 'from', 'at', 'in', 'on', 'de', 'du', 'la', 'le', 'van', 'von'])
/** Agency and organisation names that stay in capitals. */
const acronyms = new Set(
  'KCNA ANSA TASS WAFA SANA IRNA NASA NATO NOAA USGS IAEA UNHCR UNICEF UNRWA JAXA WANA MENA ANTARA BERNAMA KYODO EFE AFP EPA UPI ANP DPA GPO IDF TPS BBC CNN NYT'.split(' '),
)

/**
 * Put an all-capitals credit in title-ish case, keeping its words:
 * `KCNA VIA REUTERS` → `KCNA via Reuters`, `GETTY IMAGES` → `Getty Images`.
 * Words of up to three letters, words without vowels and known acronyms stay
 * in capitals. A credit
 * that already has lower-case letters is returned as it is.
 */
export function toCreditCase(credit: string): string {
  if (/\p{Ll}/u.test(credit)) return credit
  return credit.replace(/\p{L}[\p{L}\d']*/gu, (word, offset: number) => {
    const lower = word.toLowerCase()
    if (offset > 0 && lowerWords.has(lower)) return lower
    const letters = word.replace(/[^\p{L}]/gu, '')
    if (acronyms.has(word) || letters.length <= 3 || !/[AEIOUY]/.test(letters)) return word
    return word.charAt(0) + lower.slice(1)
  })
}
