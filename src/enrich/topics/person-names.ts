import {
  calendarWords, genericWords, joiningWords, keptTitles, legalSuffixes, nameConnectors, nameSuffixes, nonTopicWords, organisationWords,
  personTitles, placeWords, titleQualifiers,
} from './name-words.js'

/** First words of organisations' names that go on with `of` (`Bank of Japan`, `Ministry of Finance`). */
export const orgLeadWords: ReadonlySet<string> = new Set(['bank', 'ministry', 'university', 'institute', 'department', 'council', 'commission',
  'committee', 'board', 'bureau', 'federation', 'association', 'organisation', 'organization', 'league', 'union',
  'party', 'court', 'office', 'agency', 'fund', 'chamber', 'society', 'academy', 'college', 'school', 'church'])
const nameParticles = new Set(['de', 'da', 'di', 'du', 'del', 'der', 'van', 'von', 'den', 'la', 'le', 'al', 'bin', 'ibn', 'y'])

/** The key of a person's surname: the last word, before a suffix (`L.C. Duncan Jr` → `duncan`). */
export function surnameKey(keys: readonly string[]): string {
  const last = keys.length - 1
  return last > 1 && nameSuffixes.has(keys[last]!) ? keys[last - 1]! : keys[last]!
}

/**
 * Where a job title stands before a person's name in a run
 * (`Japanese Finance Minister Kiichi Miyazawa`): the words before the
 * title (`prefix`), the first word of the name (`name`) and the end of the
 * name (`end`): the run's end, or an `of` or `and` after a name of two
 * words or more (`Leader Robert Dole of Kansas`, `Chairman Paul Volcker and
 * Japanese`), where what follows is another name.
 */
export function splitAtTitle(keys: readonly string[]): {prefix: number; name: number; end: number} | undefined {
  for (let title = keys.length - 2; title >= 0; title--) {
    if (!personTitles.has(keys[title]!)) continue
    let name = title + 1
    while (name < keys.length && (nameConnectors.has(keys[name]!) || titleQualifiers.has(keys[name]!) || personTitles.has(keys[name]!))) name++
    let end = name
    while (end < keys.length && keys[end] !== 'of' && keys[end] !== 'and') end++
    // Note: cut off at `of` or `and`, a name needs two words (not `Executive Life of New York`, `Cardinal Savings and Loan`).
    if (name >= end || !isPersonName(keys.slice(name, end)) || (end < keys.length && end - name < 2)) continue
    if (keptTitles.has(keys[title]!) && name === end - 1) name = title
    let prefix = title
    while (prefix > 0 && (titleQualifiers.has(keys[prefix - 1]!) || personTitles.has(keys[prefix - 1]!))) prefix--
    return {prefix, name, end}
  }
  return undefined
}

/** One to four name words, with particles (`de`, `van`) and suffixes (`Jr`) allowed. */
export function isPersonName(keys: readonly string[]): boolean {
  let names = 0
  for (const [index, key] of keys.entries()) {
    if (nameParticles.has(key) && index > 0 && index < keys.length - 1) continue
    if (nameSuffixes.has(key) && index > 1) continue
    if (organisationWords.has(key) || genericWords.has(key) || legalSuffixes.has(key) || placeWords.has(key) ||
      calendarWords.has(key) || nameConnectors.has(key) || nonTopicWords.has(key)) return false
    names++
  }
  return names >= 1 && names <= 4
}

/**
 * How many words lead up to the name in `Shares of ChemLawn` (a
 * sentence's first word and a connector) or `Chairman of Ford` (a title
 * and a connector, with no qualifier after it: `Secretary of State George
 * Shultz` keeps its title for `splitAtTitle`). 0 when there are none.
 */
export function leadThrough(keys: readonly string[], sentenceStart: boolean): number {
  let index = 0
  while (index < keys.length && (personTitles.has(keys[index]!) || titleQualifiers.has(keys[index]!))) index++
  const titled = index > 0 && keys.slice(0, index).some((key) => personTitles.has(key))
  if (index === 0 && sentenceStart && !orgLeadWords.has(keys[0]!) && !organisationWords.has(keys[0]!)) index = 1
  else if (!titled) return 0
  if (keys[index] !== 'of' && keys[index] !== 'for' && keys[index] !== 'at') return 0
  let name = index + 1
  // Note: a particle after the `of` belongs to the name (`Shares of Du Pont`).
  while (name < keys.length && joiningWords.has(keys[name]!)) name++
  if (name >= keys.length || titleQualifiers.has(keys[name]!) || personTitles.has(keys[name]!)) return 0
  return name
}

