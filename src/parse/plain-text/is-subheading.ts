/** Longest line read as a subheading, in characters. */
const maxLength = 70
const maxWords = 10

/** Words a heading never ends on: it would be a wrapped or cut sentence (`Seed, Feed and`). */
const danglingWords = new Set(
  'a an the and or but nor of to in on at by for from with as into than that which who its their his her our your'.split(' '),
)

/**
 * Finite verbs that make a short line a sentence without its full stop
 * (`Terms were not disclosed`) rather than a heading.
 */
const sentenceWords =
  /\b(?:said|says|is|are|was|were|has|have|had|will|would|could|should|can|did|does|rose|fell|expects|reported|told|declined|agreed|added|included|includes|comprised)\b/i

/**
 * Whether one short line reads as a subheading on its own: a capitalised
 * phrase of one to ten words, no final punctuation, not a sentence, not a
 * line of figures. The caller also checks its neighbours (never first, and
 * followed by prose).
 */
export function isSubheading(value: string): boolean {
  if (value.length < 3 || value.length > maxLength) return false
  if (!/^["“‘'(]?\p{Lu}/u.test(value)) return false
  const bare = value.replace(/["'”’)\]]+$/, '')
  if (/[.,;:!?\-–—=/&+(]$/.test(bare) || /\s{2}|\t/.test(value)) return false
  if (/^\(.*\)$/.test(value)) return false
  const words = value.split(' ')
  if (words.length > maxWords) return false
  const lastWord = (words[words.length - 1] ?? '').toLowerCase().replace(/["'”’)\]]+$/, '')
  if (danglingWords.has(lastWord)) return false
  if (sentenceWords.test(value) || /^notes?\b/i.test(value) || /\bvs\.?\b/i.test(value)) return false
  if (pastVerbWithObject.test(value)) return false
  // Note: a year may appear in a heading; any other figure makes it a data line.
  if (/\d/.test(value.replace(/\b(?:19|20)\d\d(?:\/\d\d)?\b/g, ''))) return false
  return value.replace(/[^\p{L}]/gu, '').length >= 3
}

/** A past-tense verb and its object after the subject (`Bild am Sonntag released the text`): a sentence. */
const pastVerbWithObject = /\S \p{Ll}{2,}ed (?:the|a|an|its|his|her|their|that|to|by|on|in)\b/u
