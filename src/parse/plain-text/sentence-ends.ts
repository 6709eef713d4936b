/**
 * Words that end with a full stop without ending a sentence: titles,
 * company suffixes, months. Compared in lower case, without the stop.
 */
const abbreviations = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col maj capt sgt st jr sr inc corp co ltd plc no nos vs jan feb mar apr jun jul aug sep sept oct nov dec ave blvd mt ft pres gov dept est approx'.split(
    ' ',
  ),
)

/**
 * Whether a full stop at `index` in `value` ends a sentence, judged by the
 * word it ends: not after an abbreviation (`Gov.`), an initial (`F.`) or an
 * initialism (`U.S.`).
 */
export function endsSentence(value: string, index: number): boolean {
  const char = value[index]
  if (char === '!' || char === '?') return true
  if (char !== '.') return false
  let start = index
  while (start > 0 && !/\s/.test(value[start - 1] ?? ' ')) start--
  const word = value.slice(start, index).replace(/^["'“‘(]+/, '')
  if (word === '') return false
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false
  return !abbreviations.has(word.toLowerCase())
}

/**
 * Where the last sentence that ends at `end` starts: just after the previous
 * `. ` / `! ` / `? ` (closing quotes and brackets allowed) that is followed by
 * a capital, a digit or an opening quote; `0` when there is none.
 * Scans backwards once, so it is linear in the paragraph's length.
 */
export function lastSentenceStart(value: string, end: number): number {
  for (let index = end - 2; index > 0; index--) {
    if (value[index] !== ' ') continue
    let stop = index - 1
    while (stop > 0 && /["'”’)\]]/.test(value[stop] ?? '')) stop--
    if (!/[.!?]/.test(value[stop] ?? '')) continue
    let next = index
    while (value[next] === ' ') next++
    if (!/["“‘(\p{Lu}\d]/u.test(value[next] ?? '')) continue
    if (endsSentence(value, stop)) return next
  }
  return 0
}
