import {leadingFunctionWords, nameConnectors} from './name-words.js'
import {Shape, type Token} from './tokenize.js'

/** Share of all-caps words from which a paragraph counts as all-caps wire copy. */
const capsShare = 0.6
/** Fewest words for a line to count as a title-case headline. */
const minHeadlineWords = 4

/**
 * Whether a paragraph's capitals carry no information: all-caps wire copy
 * (`SAO PAULO, MARCH 9 - THE FOLLOWING RAINFALL...`) or a title-case line
 * (`U.S. Army Delays Missile Purchase`). Such text is read only for names
 * known already, so not every capitalised word becomes a topic.
 */
export function isCaseless(tokens: readonly Token[]): boolean {
  let words = 0
  let upper = 0
  let lowerContent = 0
  for (const token of tokens) {
    if (token.text.length < 2) continue
    words++
    if (token.shape === Shape.Upper) upper++
    else if (token.shape === Shape.Lower && lowerContent === 0 && !nameConnectors.has(token.key) && !leadingFunctionWords.has(token.key)) lowerContent++
  }
  if (words === 0) return false
  if (upper >= 2 && upper / words >= capsShare) return true
  return words >= minHeadlineWords && lowerContent === 0
}
