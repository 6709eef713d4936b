import {cutAtWord, danglingWords, leadText, splitSentences, trimTail} from './summary.js'

/** Headline length bounds, in characters. */
const minLength = 40
const maxLength = 90

/**
 * Words that start a new clause: a headline may stop just before them
 * (`Brazil suspends interest payments | after talks fail`).
 */
const clauseWords = new Set(
  'which who after while because although though as when but amid following despite where whereas since until unless before if'.split(' '),
)
/** What follows `up to` when it gives an amount (`up to 1 mln`, `up to $5`, `up to one third`). */
const upToAmount = /^\s*(?:[\d$\u00a3\u20ac]|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half)\b)/i

/** Words that start a phrase: stopping before one ends the headline at the end of a phrase. */
const phraseWords = new Set('of in on at by for from with to into over under against between about and or than through during without within across per'.split(' '))

/**
 * A headline of about 40–90 characters from the lead: its first sentence,
 * cut at the best word boundary that leaves 40 to 90 characters. A boundary
 * at the end of a clause (before `,`, `;`, ` - ` or a word such as `which`,
 * `after`, `since`) beats one at the end of a phrase (before `of`, `in`,
 * `for`…), which beats any other; among equals the longest wins. It never
 * cuts inside a word and never ends on a dangling `and`, `of`, `the`, `a`,
 * `to`, `in` or a comma. The dateline is removed; an all-capitals lead is
 * sentence-cased (acronyms such as `U.S.`, `OPEC`, `GNP` are kept). A first
 * sentence shorter than 40 characters is used as it is.
 */
export function deriveHeadline(lead: string): string {
  return headlineOfLine(leadText(lead))
}

/** `deriveHeadline` of the lead whose `leadText` is `text`. */
export function headlineOfLine(text: string): string {
  if (text === '') return ''
  if (!/\p{Ll}/u.test(text)) text = toSentenceCase(text)
  else if (/^\p{Ll}/u.test(text)) text = text.charAt(0).toUpperCase() + text.slice(1)
  const sentence = splitSentences(text)[0] ?? text
  const bare = sentence.replace(/[.!?]+$/, (stop) => (stop === '.' ? '' : stop))
  if (bare.length <= maxLength) return trimTail(bare)
  return bestCut(bare) ?? cutAtWord(bare, maxLength)
}

/** The best prefix of `text` ending at a word boundary, 40–90 characters long, or `undefined`. */
function bestCut(text: string): string | undefined {
  const words = /\S+/g
  let best: {text: string; score: number} | undefined
  for (let match = words.exec(text); match !== null && match.index <= maxLength + 1; match = words.exec(text)) {
    if (match.index === 0) continue
    const before = text.slice(0, match.index).trimEnd()
    const candidate = trimTail(before.replace(/ [-\u2013\u2014]+$/, ''))
    if (candidate.length < minLength || candidate.length > maxLength) continue
    const lastWord = candidate.slice(candidate.lastIndexOf(' ') + 1).toLowerCase()
    const next = match[0].toLowerCase().replace(/[,;:]$/, '')
    // Note: `to buy up to 1 mln shares` must not end `to buy up` (but `will be set up to examine` may end `set up`).
    if (danglingWords.has(lastWord) || (lastWord === 'up' && next === 'to' && upToAmount.test(text.slice(match.index + match[0].length)))) continue
    const score = /[,;:]$/.test(before) || /[-\u2013\u2014]$/.test(before) || clauseWords.has(next) ? 3 : phraseWords.has(next) ? 2 : 1
    if (!best || score >= best.score) best = {text: candidate, score}
  }
  return best?.text
}

/** Short words that are ordinary words, not acronyms, when a lead is in capitals. */
const commonShortWords = new Set(
  'a an the and or but nor of to in on at by for from with as is are was be it its he she we they you his her our us up out off all any one two six ten new old oil gas tax set cut buy bid net due end low top may can not no yes has had did get got see sees say put run win won lose hit key big sea air war law aid pay ask own via per pct mln bln dlr cts shr qtr vs rise fall year week day month bank deal plan says seen sale sell buys cuts sets talk rate'.split(
    ' ',
  ),
)
/** Acronyms of four letters or more that stay in capitals. */
const longAcronyms = new Set('OPEC GATT NATO USDA NYSE NASD AMEX CFTC NASA IATA OECD ASEAN UNCTAD COMECON EFTA FDIC SEC NYMEX COMEX LIFFE USSR'.split(' '))
const properWords = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday i'.split(' '),
)

/**
 * Sentence-case an all-capitals text, keeping what looks like an acronym:
 * dotted initialisms (`U.S.`), short words that are not ordinary English
 * (`EC`, `IMF`, `GNP`), words without vowels, and known acronyms (`OPEC`).
 * Months, weekdays and `I` stay capitalised; the first letter is capitalised.
 */
export function toSentenceCase(text: string): string {
  const cased = text.replace(/[\p{L}\p{N}][\p{L}\p{N}.'&-]*/gu, (word) => {
    const letters = word.replace(/[^\p{L}]/gu, '')
    if (letters === '') return word
    const lower = word.toLowerCase()
    const bare = lower.replace(/[.'&-]+$/, '')
    if (/^(?:\p{L}\.)+\p{L}?\.?$/u.test(word) || longAcronyms.has(word.replace(/[^\p{L}]/gu, ''))) return word
    if (letters.length <= 3 && !commonShortWords.has(bare)) return word
    if (!/[AEIOUY]/.test(letters)) return word
    if (properWords.has(bare)) return lower.charAt(0).toUpperCase() + lower.slice(1)
    return lower
  })
  return cased.replace(/^([^\p{L}]*)(\p{Ll})/u, (_, prefix: string, letter: string) => prefix + letter.toUpperCase())
}
