import type {TopicKind} from '../../model/article.js'
import {gazetteer, type Place} from './gazetteer.js'
import {nameKey} from './name-key.js'
import {regionAbbreviations} from './region-abbreviations.js'
import type {CompiledRules} from './topic-rules.js'

/** An entity the extractor knows by name before reading the article. */
export interface KnownName {
  readonly name: string
  readonly kind: Exclude<TopicKind, 'subject'>
  /**
   * For places: the place, with its level and country. Note: present,
   * undefined, in every other name, so that all have one shape (see `namePhrase`).
   */
  readonly place: Place | undefined
}

/** Smallest city that a capitalised word in running text may name. */
const minCityInText = 50_000
/** Smallest city that a word of all-caps text may name (`MOBILE`, `READING` are words too). */
const minCityInCaps = 1_000_000

/**
 * Look up one name by its key (`nameKey`s of its words joined by spaces):
 * the topics file's aliases first, then the gazetteer. In all-caps text only
 * countries, regions and big cities count.
 */
export function lookUpKey(rules: CompiledRules, key: string, caseless: boolean): KnownName | undefined {
  const alias = rules.aliases.get(key)
  if (alias) return alias
  const place = gazetteer().places.get(key)
  if (place === undefined) return undefined
  if (place.level === 'city' && place.population < (caseless ? minCityInCaps : minCityInText)) return undefined
  if (place.level === 'province' && caseless) return undefined
  return knownPlace(place)
}

/** The US state or Canadian province that a wire abbreviation (`calif`, `n y`, `ont`) names. */
export function knownRegionAbbreviation(key: string): KnownName | undefined {
  const name = regionAbbreviations.get(key.replaceAll(' ', ''))
  const place = name === undefined ? undefined : gazetteer().provinces.get(nameKey(name))
  return place === undefined ? undefined : knownPlace(place)
}

function knownPlace(place: Place): KnownName {
  let known = knownPlaces.get(place)
  if (known === undefined) {
    known = {name: place.name, kind: 'place', place}
    knownPlaces.set(place, known)
  }
  return known
}

/** One `KnownName` per place, made on first use. */
const knownPlaces = new WeakMap<Place, KnownName>()

/**
 * The longest known name that starts at `keys[start]` and ends before
 * `limit`, growing one word at a time while some name goes on that way.
 */
export function longestKnownName(rules: CompiledRules, keys: readonly string[], start: number, limit: number, caseless: boolean): {known: KnownName; end: number} | undefined {
  const {prefixes} = gazetteer()
  let found: {known: KnownName; end: number} | undefined
  let key = keys[start]!
  for (let end = start + 1; end <= limit; end++) {
    if (end > start + 1) key += ` ${keys[end - 1]!}`
    const known = lookUpKey(rules, key, caseless)
    if (known) found = {known, end}
    if (!prefixes.has(key) && !rules.aliasPrefixes.has(key)) break
  }
  return found
}
