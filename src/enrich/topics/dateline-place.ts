import {gazetteer} from './gazetteer.js'
import {nameKey} from './name-key.js'
import {organisationWords} from './name-words.js'
import {regionAbbreviations} from './region-abbreviations.js'
import type {CompiledRules} from './topic-rules.js'

/** What a dateline's place names: the place itself and, for a city or province, its country. */
export interface DatelineTopic {
  readonly name: string
  readonly kind: 'place' | 'organisation' | 'person'
  /** Note: present, undefined, where there is none, so that all have one shape (see `namePhrase`). */
  readonly country: string | undefined
}

/**
 * Resolve a dateline's place as written (`BAHIA BLANCA`, `IRVINE, Calif.`,
 * `CALGARY, Alberta`, `WOLFSBURG, West Germany`) to a canonical place and
 * its country. A region after the comma picks among cities of one name
 * (`RICHMOND, Va.`); a place the data does not know is still offered, in
 * title case.
 */
export function resolveDatelinePlace(text: string, rules: CompiledRules): DatelineTopic | undefined {
  const comma = text.indexOf(',')
  const cityPart = (comma === -1 ? text : text.slice(0, comma)).trim()
  const regionPart = comma === -1 ? '' : text.slice(comma + 1).trim()
  const cityKey = nameKey(cityPart)
  if (cityKey === '' || !/\p{L}/u.test(cityKey)) return undefined
  const alias = rules.aliases.get(cityKey)
  if (alias) return {name: alias.name, kind: alias.kind, country: undefined}
  const {places, cities, provinces} = gazetteer()

  if (regionPart !== '') {
    const regionKey = nameKey(regionPart)
    const regionPlace = places.get(regionKey)
    const regionCountry = regionPlace?.level === 'country' ? regionPlace.name : undefined
    const provinceName = regionAbbreviations.get(regionKey.replaceAll(' ', '')) ?? provinces.get(regionKey)?.name
    const province = provinceName === undefined ? undefined : provinces.get(nameKey(provinceName))
    const city = (cities.get(cityKey) ?? []).find((candidate) =>
      (regionCountry !== undefined && candidate.country === regionCountry) ||
      (provinceName !== undefined && nameKey(candidate.province) === nameKey(provinceName)))
    const country = regionCountry ?? province?.country ?? city?.country
    return {name: city?.name ?? asWritten(cityPart), kind: 'place', country: country || undefined}
  }

  const place = places.get(cityKey)
  if (place) return {name: place.name, kind: 'place', country: place.country || undefined}
  const words = cityKey.split(' ')
  if (words.length > 1 && organisationWords.has(words[words.length - 1]!)) return {name: asWritten(cityPart), kind: 'organisation', country: undefined}
  return {name: asWritten(cityPart), kind: 'place', country: undefined}
}

/** `BAHIA BLANCA` → `Bahia Blanca`; mixed case stays as written. */
function asWritten(text: string): string {
  if (text !== text.toUpperCase()) return text
  return text.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}
