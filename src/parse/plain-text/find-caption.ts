import {lastSentenceStart} from './sentence-ends.js'

/** A photo caption and credit glued to the end of a paragraph, as offsets into its text. */
export interface CaptionMatch {
  /** Where the caption starts (0 when the whole paragraph is the caption). */
  readonly captionStart: number
  /** Where the caption ends and its credit (or the credit's bracket) starts. */
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
const bracketedCredit =
  /\((?:(?:photo(?:graph)?|picture|image|pic)(?: credit)?|credits?) ?: ?([^()]{1,100})\)$|\(((?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|XINHUA|Xinhua)\/[^()]{1,80})\)$/i
/** A wire credit without brackets after a caption's full stop: `… January 8, 2025. REUTERS/Ringo Chiu/File Photo`. */
const bareWireCredit = /(?<=[.!?]["”’)]? )((?:REUTERS|AFP|EPA|EPA-EFE|XINHUA)\/\p{Lu}[\p{L}\p{M}.'’ -]{1,60}(?:\/(?:File Photo|File|Pool|Illustration|Handout))*)$/u

/** Sentences that only make sense as part of the caption before them. */
const captionTail = /^(?:picture|photo|image|file photo|photograph) (?:taken|shot|released|obtained|courtesy)\b|^file photo\b|^\(?REUTERS\//i

/**
 * Find a photo caption with its credit at the end of `value`: the credit
 * (bracketed, or a bare `REUTERS/Name` after the caption's full stop) and the
 * sentence before it, or the two sentences before it when the last one is
 * only `Picture taken …`. A paragraph that is one sentence and a credit is
 * all caption.
 */
export function findCaption(value: string): CaptionMatch | undefined {
  const tailStart = Math.max(0, value.length - window)
  const tail = value.slice(tailStart)
  let creditStart: number
  let creditEnd: number
  let captionEnd: number
  const bracketed = value.endsWith(')') ? bracketedCredit.exec(tail) : null
  if (bracketed) {
    const words = bracketed[1] ?? bracketed[2] ?? ''
    captionEnd = tailStart + bracketed.index
    creditEnd = captionEnd + bracketed[0].length - 1
    creditStart = creditEnd - words.length
  } else {
    const bare = tail.includes('/') ? bareWireCredit.exec(tail) : null
    if (!bare) return undefined
    captionEnd = creditStart = tailStart + bare.index
    creditEnd = value.length
  }
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
