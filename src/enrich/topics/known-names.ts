import type {TopicKind} from '../../model/article.js'
import {gazetteer, type Place} from './gazetteer.js'
import type {CompiledRules} from './topic-rules.js'

/** An entity the extractor knows by name before reading the article. */
export interface KnownName {
  readonly name: string
  readonly kind: Exclude<TopicKind, 'subject'>
  /** For places: the place, with its level and country. */
  readonly place?: Place
}

/** Smallest city that a capitalised word in running text may name. */
const minCityInText = 50_000
/** Smallest city that a word of all-caps text may name (`MOBILE`, `READING` are words too). */
const minCityInCaps = 1_000_000

/**
 * Look up the words `keys[start..end)` (each a `nameKey`) as one name: the
 * topics file's aliases first, then the gazetteer. In all-caps text only
 * countries, regions and big cities count.
 */
export function lookUpName(rules: CompiledRules, keys: readonly string[], start: number, end: number, caseless: boolean): KnownName | undefined {
  const key = end - start === 1 ? keys[start]! : keys.slice(start, end).join(' ')
  const alias = rules.aliases.get(key)
  if (alias) return alias
  const place = gazetteer().places.get(key)
  if (place === undefined) return undefined
  if (place.level === 'city' && place.population < (caseless ? minCityInCaps : minCityInText)) return undefined
  if (place.level === 'province' && caseless) return undefined
  return {name: place.name, kind: 'place', place}
}

/** Most words in any name `lookUpName` can find. */
export function maxNameWords(rules: CompiledRules): number {
  return Math.max(gazetteer().maxWords, rules.aliasMaxWords)
}
