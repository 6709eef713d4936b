/** Longest summary, in characters (about two sentences of a news lead). */
const maxSummaryLength = 200

/**
 * One or two complete sentences of the lead, at most about 200 characters.
 * A single first sentence that is longer is cut at a word boundary and ends
 * with an ellipsis. The dateline and ticker symbols (`<BP>`) are left out.
 *
 * `lead` may hold more than one paragraph (blank-line separated): the first
 * that has text after its dateline is used.
 */
export function deriveSummary(lead: string): string {
  return summaryOfLine(leadText(lead))
}

/** `deriveSummary` of the lead whose `leadText` is `text`. */
export function summaryOfLine(text: string): string {
  if (text === '') return ''
  const [first = '', second] = splitSentences(text)
  if (first.length > maxSummaryLength) return cutAtWord(first, maxSummaryLength - 1) + '\u2026'
  if (second !== undefined && first.length + 1 + second.length <= maxSummaryLength) return `${first} ${second}`
  return first
}

/**
 * The lead's first paragraph with text, as one line: dateline, ticker symbols,
 * the brackets of wire company names (`<Exco International Plc>`) and spaces
 * before closing punctuation removed.
 */
export function leadText(lead: string): string {
  for (const paragraph of lead.split(/\n\s*\n/)) {
    const text = stripDateline(paragraph.replace(/\s+/g, ' ').trim())
      // Note: a symbol between two full stops (`Association.<ICGS.L>.`) leaves one of them, not two, and the
      // wire's space before the punctuation after a symbol (`Guinness Plc <GUIN.L> , the`) goes with it.
      .replace(/(\.?) ?<[A-Z][A-Z0-9.&-]{0,11}>(?: (?=[,;:.)]))?(\.?)/g, (_symbol, before: string, after: string) => before || after)
      .replace(/<([^<>]{1,80})>/g, '$1')
      // Note: the wire's stray spaces before closing punctuation (`the Navy said .`, `(ICO )`) would show in a headline.
      .replace(/ +([,.;:)])(?= |$)/g, '$1')
      .replace(/\( +/g, '(')
      .trim()
    if (/[\p{L}\p{N}]/u.test(text)) return text
  }
  return ''
}

const months = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|nar|mac|abr)[a-z]*\.?,? ?\d[\dO]{0,2}$|^\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/i
/** A place: capitalised words, optionally with comma-separated qualifiers (`PORTLAND, Ore.`). */
const place = /^\**[\p{L}][\p{L}.'&/}-]*(?: [\p{L}][\p{L}.'&/-]*){0,4}(?: ?, ?[\p{L}][\p{L}.']*(?: [\p{L}][\p{L}.']*){0,2}){0,3}$/u

/**
 * Remove a wire dateline from the start of `text`: `BAHIA BLANCA, Feb 26 -`,
 * `TOKYO -`, `KYIV, Nov 18 (Reuters) –`, or the dash the dateline left
 * behind (`– Showers continued…`). A place without a date counts only when
 * it is in capitals or credits Reuters.
 */
export function stripDateline(text: string): string {
  const bare = /^[-\u2013\u2014]+ +/.exec(text)
  if (bare) return text.slice(bare[0].length)
  const dash = /[-\u2013\u2014]{1,2}(?: |$)/.exec(text.slice(0, 160))
  if (!dash || dash.index === 0) return text
  let prefix = text.slice(0, dash.index).replace(/[ ,]+$/, '')
  const credit = /,? ?\(?Reuters?\)?$/.exec(prefix)
  if (credit) prefix = prefix.slice(0, credit.index)
  const parts = prefix.split(/ ?, ?/)
  const date = parts.length > 1 && months.test(parts[parts.length - 1] ?? '')
  const spaced = /^(.*) ((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d[\dO]{0,2})$/i.exec(prefix)
  const placeText = date ? parts.slice(0, -1).join(', ') : spaced ? (spaced[1] ?? '') : prefix
  if (!place.test(placeText.replace(/[ ,.]+$/, ''))) return text
  const capitals = placeText.split(',')[0] ?? ''
  if (!date && !spaced && !credit && (capitals !== capitals.toUpperCase() || !/\p{Lu}{2}/u.test(capitals))) return text
  return text.slice(dash.index + dash[0].length).trimStart()
}

/** Words that end with a full stop without ending a sentence. */
const abbreviations = new Set(
  'mr mrs ms messrs dr prof gen sen sens rep reps gov lt col maj capt sgt adm cmdr hon rev st jr sr wm geo chas thos jas jos benj robt alex fried ing inc corp co cos ltd plc bros mfg intl natl assn no nos vs jan feb mar apr jun jul aug sep sept oct nov dec ave blvd mt ft pres dept est approx ala ariz ark calif colo conn fla ill kan kans ky md mass mich minn miss mont neb nev okla ore pa tenn tex va vt wash wis wyo'.split(' '),
)

/**
 * Split text into sentences at `.`, `!` or `?` (closing quotes and brackets
 * allowed) followed by a space and a capital, digit or opening quote. A full
 * stop after an abbreviation (`Gov.`), an initial (`F.`) or an initialism
 * (`U.S.`) does not end a sentence.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  const boundary = /[.!?]["'”’)\]]* +(?=["“‘(\p{Lu}\d])/gu
  let start = 0
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    if (match[0][0] === '.' && !endsSentenceAt(text, match.index)) continue
    const end = match.index + match[0].trimEnd().length
    sentences.push(text.slice(start, end))
    start = match.index + match[0].length
  }
  if (start < text.length) sentences.push(text.slice(start).trim())
  return sentences.filter((sentence) => sentence !== '')
}

function endsSentenceAt(text: string, stop: number): boolean {
  let start = stop
  while (start > 0 && text[start - 1] !== ' ') start--
  const word = text.slice(start, stop).replace(/^["'“‘(]+/, '')
  if (word === '' || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false
  return !abbreviations.has(word.toLowerCase())
}

/** Words a cut text must not end on. */
export const danglingWords = new Set(
  'a an the and or but nor of to in on at by for from with as into onto than that which who whom whose it its they their he his she her we our you your my this these those there is are was were be been being has have had will would could should can may might not also very more most said says about over under after before between per vs so such some any every both nearly almost roughly approximately only just including if whether because while when where'.split(
    ' ',
  ),
)

/**
 * `text` cut to at most `max` characters at a word boundary, without a
 * dangling function word or trailing punctuation. Never cuts inside a word;
 * a first word longer than `max` is kept whole.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return trimTail(text)
  let end = text.lastIndexOf(' ', max)
  while (end > 0) {
    const candidate = trimTail(text.slice(0, end))
    const lastWord = (candidate.slice(candidate.lastIndexOf(' ') + 1) ?? '').toLowerCase()
    if (candidate !== '' && !danglingWords.has(lastWord)) return candidate
    end = text.lastIndexOf(' ', end - 1)
  }
  const space = text.indexOf(' ')
  const firstWord = space === -1 ? text : text.slice(0, space)
  // Note: a "word" longer than the whole limit (a run of a million letters, a
  // pasted URL) is cut where the limit falls: no title or summary may grow with it.
  return firstWord.length <= max ? trimTail(firstWord) : `${firstWord.slice(0, max - 1)}\u2026`
}

/** Remove trailing punctuation that would dangle at a cut: `,`, `;`, `:`, dashes, an opening quote or bracket. */
export function trimTail(text: string): string {
  return text.replace(/[\s,;:\-\u2013\u2014“‘"'(]+$/u, '')
}
