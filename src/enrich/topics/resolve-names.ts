import type {TopicKind} from '../../model/article.js'
import {packedFlatMap, packedMap} from '../../packed-lists.js'
import {changedPhrase, namePhrase, type NamePhrase} from './find-names.js'
import {isPersonName, surnameKey} from './person-names.js'
import type {KnownName} from './known-names.js'
import {nameKey} from './name-key.js'
import {
  capitalNoise, genericWords, isInitial, legalSuffixes, looseAdjectives, nameConnectors, newspaperWords, organisationWords, personTitles, titleQualifiers, tradeWords,
} from './name-words.js'
import type {TopicTally} from './topic-tally.js'
import {Gap, keysOf, Shape, type Token} from './tokenize.js'

/**
 * A name phrase with where it stands and what it is worth there. Note:
 * written as literals with these fields in this order, never copied with a
 * spread, so that all have one shape (see `namePhrase`).
 */
export interface PlacedPhrase {
  readonly phrase: NamePhrase
  /** Running position in the article, for ties and for "the full name came first". */
  readonly order: number
  /** Weight of the paragraph it stands in (the title and lead count more). */
  readonly weight: number
}

type EntityKind = Exclude<TopicKind, 'subject'>

/** What an article's names came to, for reading its all-caps parts. */
export type ArticleNames = ReadonlyMap<string, {readonly name: string; readonly kind: EntityKind}>

/** Longest all-caps word read as an acronym (`NASDAQ`, `UNCTAD`); longer ones are shouted words. */
const maxAcronymLength = 6
/** Share of a city's or province's weight that its country gets. */
const countryShare = 0.5

/**
 * Decide what each name of an article's mixed-case text refers to, looking
 * at the article as a whole: a later `Miller` is the `Matthew Miller` named
 * before, `EC` and `the Community` are the `European Community`, `Columbia`
 * is `Columbia Gas System`; a sentence's first word counts only if it is
 * capitalised elsewhere too. Adds every mention to `tally` and returns the names found,
 * by key, for reading the article's all-caps text.
 *
 * @param midSentenceCapitals Keys of words written with a capital inside a sentence somewhere in the article.
 */
export function resolveNames(found: readonly PlacedPhrase[], midSentenceCapitals: ReadonlySet<string>, tally: TopicTally): ArticleNames {
  const placed = joinCompanies(splitPeople(found))
  const people = new Map<string, {name: string; order: number}[]>()
  const organisations = new Map<string, string>()
  const acronyms = new Map<string, string>()
  // Note: the last word of an organisation's name (`Community`, `Fund`), or '' when it ends several of them.
  const heads = new Map<string, string>()
  const singles = new Map<string, number>()
  const names = new Map<string, {name: string; kind: EntityKind}>()

  for (const {phrase} of placed) {
    const key = phrase.known === undefined ? loneSurname(phrase.tokens) : undefined
    if (key !== undefined) singles.set(key, (singles.get(key) ?? 0) + 1)
  }
  // A word that is a person once (`President Reagan`) is one throughout (`Reagan said`).
  const personWords = new Set<string>()
  for (const {phrase} of placed) {
    if (phrase.known || phrase.tokens.length !== 1) continue
    const token = phrase.tokens[0]!
    if (token.shape === Shape.Upper) continue
    if (phrase.kind === 'person' || (phrase.cue === 'person' && isPersonName([token.key]))) personWords.add(token.key)
  }
  // People first: a title, a cue, or a surname used alone elsewhere makes a multi-word name a person.
  // Note: so does the surname of a person named with a title or a cue before (`Eugene Gruenberg, Michael Gruenberg`).
  const cuedSurnames = new Set<string>()
  for (const {phrase, order} of placed) {
    if (phrase.known || phrase.tokens.length < 2 || phrase.kind === 'organisation' || phrase.kind === 'place') continue
    const keys = keysOf(phrase.tokens)
    const surname = surnameKey(keys)
    const cued = phrase.kind === 'person' || (phrase.cue === 'person' && isPersonName(keys))
    const isPerson = cued || ((singles.has(surname) || cuedSurnames.has(surname)) && isPersonName(keys))
    if (!isPerson) continue
    if (cued) cuedSurnames.add(surname)
    const list = people.get(surname) ?? []
    const name = display(phrase.tokens)
    if (!list.some((person) => person.name === name)) list.push({name, order})
    people.set(surname, list)
  }
  const addHead = (tokens: readonly Token[], name: string): void => {
    const head = tokens[tokens.length - 1]!.key
    if (organisationWords.has(head)) heads.set(head, heads.has(head) && heads.get(head) !== name ? '' : name)
  }
  for (const {phrase} of placed) {
    // Note: a known organisation (a topics-file alias) is named back by its last word too.
    if (phrase.known?.kind === 'organisation' && phrase.tokens.length > 1) addHead(phrase.tokens, phrase.known.name)
    if (phrase.known) continue
    // Note: a company named by one word (`Chrysler Corp`, `AB Volvo <VOLV.ST>`) before `Chrysler Motors` is what the word means alone.
    if (phrase.tokens.length === 1 && phrase.kind === 'organisation' && !organisations.has(phrase.tokens[0]!.key)) organisations.set(phrase.tokens[0]!.key, display(phrase.tokens))
    if (phrase.tokens.length < 2) continue
    if (phrase.kind === 'person' || phrase.kind === 'place' || isCountedPerson(phrase, people)) continue
    const name = display(phrase.tokens)
    const first = phrase.tokens[0]!.key
    if (!organisations.has(first) && !genericWords.has(first) && !looseAdjectives.has(first)) organisations.set(first, name)
    if (phrase.kind === 'organisation') {
      for (let length = 2; length < phrase.tokens.length; length++) {
        const prefix = nameKey(display(phrase.tokens.slice(0, length)))
        if (!organisations.has(prefix)) organisations.set(prefix, name)
      }
    }
    const acronym = initialsOf(phrase.tokens)
    if (acronym.length >= 2 && !acronyms.has(acronym)) acronyms.set(acronym, name)
    addHead(phrase.tokens, name)
  }

  const add = (name: string, kind: EntityKind, weight: number, order: number, derived = false): void => {
    tally.add(name, kind, weight, order, derived)
    if (weight >= 0.5) names.set(nameKey(name), {name, kind})
  }
  for (const {phrase, order, weight} of placed) {
    const w = weight * phrase.weight
    if (phrase.known) {
      const single = phrase.tokens.length === 1 ? phrase.tokens[0]!.key : undefined
      const level = phrase.known.place?.level
      // Note: `Columbia said` after `Columbia Gas System Inc` is the company, not the city.
      const organisation = single !== undefined && (level === 'city' || level === 'province') ? organisations.get(single) : undefined
      if (organisation) add(organisation, 'organisation', w, order)
      else addKnown(phrase.known, phrase.tokens, w, order, people, add)
      continue
    }
    const keys = keysOf(phrase.tokens)
    if (phrase.tokens.length > 1) {
      const longer = phrase.kind === 'place' ? undefined : organisations.get(nameKey(display(phrase.tokens)))
      if (longer && !isCountedPerson(phrase, people)) {
        add(longer, 'organisation', w, order) // `Computer Terminal` after `Computer Terminal Systems Inc`
        continue
      }
      const person = personFor(surnameKey(keys), order, people)
      // Note: `De Croo said` after `Herman De Croo`: a surname with its particle.
      const surname = loneSurname(phrase.tokens) !== undefined
      if (phrase.kind !== 'organisation' && phrase.kind !== 'place' && person && (surname || isCountedPerson(phrase, people))) add(person, 'person', w, order)
      else add(display(phrase.tokens), phrase.kind === 'place' ? 'place' : 'organisation', w, order)
      continue
    }
    const token = phrase.tokens[0]!
    const key = token.key
    if (token.text.length < 2) continue
    if (phrase.sentenceStart && !midSentenceCapitals.has(key) && phrase.cue !== 'person') continue
    // Note: `the Community` after `European Community`, `the Fund` after `International Monetary Fund`.
    const named = token.shape === Shape.Capital ? heads.get(key) : undefined
    if (named) {
      add(named, 'organisation', w, order)
      continue
    }
    if (genericWords.has(key) || looseAdjectives.has(key) || legalSuffixes.has(key) || nameConnectors.has(key) || capitalNoise.has(key)) continue
    const person = personFor(key, order, people)
    if (person) {
      add(person, 'person', w, order)
      continue
    }
    // Note: a lone acronym (`EC`) is itself, not the first word of `EC Commission`.
    const organisation = token.shape === Shape.Upper ? acronyms.get(key) : organisations.get(key)
    if (organisation) {
      add(organisation, 'organisation', w, order)
      continue
    }
    const cue = personWords.has(key) ? 'person' : phrase.cue === 'person' && (token.shape === Shape.Upper || !isPersonName([key])) ? undefined : phrase.cue
    const kind: EntityKind | undefined = cue ?? phrase.kind ?? ((token.shape === Shape.Upper && key.length <= maxAcronymLength) || (singles.get(key) ?? 0) >= 2 ? 'organisation' : undefined)
    if (kind) add(display(phrase.tokens), kind, w, order)
  }
  for (const [surname, list] of people) {
    if (list.length === 1) names.set(surname, {name: list[0]!.name, kind: 'person'})
  }
  for (const [key, name] of acronyms) {
    if (key.length >= 3 && names.has(nameKey(name))) names.set(key, {name, kind: 'organisation'})
  }
  return names
}

/**
 * Join a place and the word after it into the company the article names
 * elsewhere with a company ending: `American Express` after `American
 * Express Co`, not `American` (United States) and `Express`; `Nippon Life`
 * after `Nippon Life Insurance Co`.
 */
function joinCompanies(placed: readonly PlacedPhrase[]): PlacedPhrase[] {
  const companies = new Set<string>()
  for (const {phrase} of placed) {
    if (phrase.kind !== 'organisation') continue
    // Note: and its leading words, for `Nippon Life` after `Nippon Life Insurance Co`.
    for (let length = 2; length <= phrase.tokens.length; length++) companies.add(nameKey(display(phrase.tokens.slice(0, length))))
  }
  if (companies.size === 0) return [...placed]
  const joined: PlacedPhrase[] = []
  for (let index = 0; index < placed.length; index++) {
    const item = placed[index]!
    const next = placed[index + 1]
    if (item.phrase.known?.kind === 'place' && next && !next.phrase.known && next.order === item.order + item.phrase.tokens.length &&
      next.phrase.tokens[0]!.gap === Gap.Space && !item.phrase.tokens[item.phrase.tokens.length - 1]!.possessive) {
      const tokens = [...item.phrase.tokens, ...next.phrase.tokens]
      if (companies.has(nameKey(display(tokens)))) {
        joined.push({phrase: namePhrase(tokens, 1, item.phrase.sentenceStart, undefined, 'organisation', undefined), order: item.order, weight: item.weight})
        index++
        continue
      }
    }
    joined.push(item)
  }
  return joined
}

/**
 * Split names that hold people the scanner could not separate:
 * `Baker and Volcker` into two, and `Treasury Secertary James Baker` into
 * its prefix and `James Baker` when `Baker` stands alone elsewhere.
 */
function splitPeople(placed: readonly PlacedPhrase[]): PlacedPhrase[] {
  const singles = new Set<string>()
  for (const {phrase} of placed) {
    // Note: a known name is no surname (`Canada` in `Merrill Lynch Canada Inc` is no `Lynch Canada`).
    const key = phrase.known === undefined ? loneSurname(phrase.tokens) : undefined
    if (key !== undefined) singles.add(key)
  }
  return packedFlatMap(placed, (item) => {
    const {phrase} = item
    if (phrase.known || phrase.tokens.length < 3 || phrase.kind === 'place') return [item]
    const keys = keysOf(phrase.tokens)
    const and = keys.indexOf('and')
    if (phrase.kind === undefined && and > 0 && !keys.includes('of')) {
      const parts = [phrase.tokens.slice(0, and), phrase.tokens.slice(and + 1)]
      if (parts.every((part) => part.length > 0 && part.length <= 3 && part.every((token) => token.text.length > 1) && isPersonName(keysOf(part)))) {
        return packedMap(parts, (tokens) => ({phrase: changedPhrase(phrase, {tokens}), order: item.order + tokens[0]!.index - phrase.tokens[0]!.index, weight: item.weight}))
      }
    }
    const tail = keys.slice(-2)
    // Note: `New York Times` and `Georgia Power` end in a title or a trade, not in a person (`York Times`).
    const titled = phrase.kind === 'organisation' && (newspaperWords.has(tail[1]!) || tradeWords.has(tail[1]!))
    if (phrase.kind !== 'person' && !titled && singles.has(tail[1]!) && isPersonName(tail) && !nameConnectors.has(keys[keys.length - 3]!)) {
      // Note: a middle initial belongs to the name before it (`Martin T. Sosnoff`, not `T Sosnoff`).
      const start = isInitial(phrase.tokens[keys.length - 2]!.text) ? keys.length - 3 : keys.length - 2
      const person = phrase.tokens.slice(start)
      const rest = phrase.tokens.slice(0, start)
      const restKeys = keysOf(rest)
      const kept = restKeys.every((key) => genericWords.has(key) || nameConnectors.has(key) || titleQualifiers.has(key) || personTitles.has(key)) ? [] : [{phrase: changedPhrase(phrase, {tokens: rest}), order: item.order, weight: item.weight}]
      return [...kept, {phrase: changedPhrase(phrase, {tokens: person, kind: 'person'}), order: item.order + rest.length, weight: item.weight}]
    }
    return [item]
  })
}

function addKnown(known: KnownName, tokens: readonly Token[], weight: number, order: number,
  people: ReadonlyMap<string, readonly {name: string; order: number}[]>, add: (name: string, kind: EntityKind, weight: number, order: number, derived?: boolean) => void): void {
  const place = known.place
  // Note: `Jackson` the city is `Jesse Jackson` in an article that names him.
  if (place && place.level !== 'country' && place.level !== 'region' && tokens.length === 1) {
    const person = personFor(tokens[0]!.key, order, people)
    if (person) {
      add(person, 'person', weight, order)
      return
    }
  }
  add(known.name, known.kind, weight, order)
  if (place?.country && place.country !== place.name) add(place.country, 'place', weight * countryShare, order, true)
}

/** The person a surname means at `order`: the last one named in full before it, else the first one named. */
function personFor(surname: string, order: number, people: ReadonlyMap<string, readonly {name: string; order: number}[]>): string | undefined {
  const list = people.get(surname)
  if (list === undefined) return undefined
  let chosen = list[0]!
  for (const person of list) if (person.order <= order) chosen = person
  return chosen.name
}

function isCountedPerson(phrase: NamePhrase, people: ReadonlyMap<string, readonly {name: string}[]>): boolean {
  const name = display(phrase.tokens)
  return people.get(surnameKey(keysOf(phrase.tokens)))?.some((person) => person.name === name) ?? false
}

/** The key of a name of one word, or of one word after particles (`De Croo`, `van Ommeren`): what a surname used alone looks like. */
function loneSurname(tokens: readonly Token[]): string | undefined {
  const last = tokens[tokens.length - 1]!
  return tokens.slice(0, -1).every((token) => nameConnectors.has(token.key)) ? last.key : undefined
}

/** `International Monetary Fund` → `imf`; `Organisation of Petroleum Exporting Countries` → `opec`. */
function initialsOf(tokens: readonly Token[]): string {
  let initials = ''
  for (const token of tokens) {
    if (nameConnectors.has(token.key)) continue
    initials += token.key[0] ?? ''
  }
  return initials
}

/** A name as shown: its words as written, without a trailing plural-possessive apostrophe. */
export function display(tokens: readonly Token[]): string {
  const text = tokens.map((token) => token.text).join(' ')
  return text.endsWith("'") ? text.slice(0, -1) : text
}
