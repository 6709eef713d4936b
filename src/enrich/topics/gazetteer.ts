import {formerCountries, otherPlaceNames} from './former-names.js'
import {readCities, readCountries} from './geo-data.js'
import {nameKey} from './name-key.js'
import {genericWords} from './name-words.js'

/** How large a place is: a country and a continent stand alone, a city or province lies in a country. */
export type PlaceLevel = 'country' | 'region' | 'province' | 'city'

/** A place that a name or demonym in the text can mean. */
export interface Place {
  /** Canonical name, shown as the topic (`United States`, `Bahía Blanca`). */
  readonly name: string
  readonly level: PlaceLevel
  /**
   * Canonical name of the country a city or province lies in. Note: present,
   * undefined, in countries, regions and cities of no known country, so
   * that all places have one shape (see `namePhrase`).
   */
  readonly country: string | undefined
  /** Province of a city, as the city data spells it; empty when unknown. */
  readonly province: string
  /** People living there; `Infinity` for countries and regions. */
  readonly population: number
}

/** Every place name the extractor knows, by `nameKey`. */
export interface Gazetteer {
  /** The most likely place for a name: countries before regions before cities before provinces. */
  readonly places: ReadonlyMap<string, Place>
  /** Every city of a name, most populous first, for datelines (`RICHMOND, Va.`). */
  readonly cities: ReadonlyMap<string, readonly Place[]>
  /** Provinces and states by name (`california`, `alberta`). */
  readonly provinces: ReadonlyMap<string, Place>
  /** Every leading part of a name of several words (`new`, `new south` for `New South Wales`). */
  readonly prefixes: ReadonlySet<string>
  /** Most words in any name, for longest-match lookups. */
  readonly maxWords: number
}

const rank: Record<PlaceLevel, number> = {country: 0, region: 1, city: 2, province: 3}

let built: Gazetteer | undefined

/**
 * The gazetteer, built from the geographic packages on first use and kept
 * for the life of the process (or worker thread): about 50 ms, once.
 */
export function gazetteer(): Gazetteer {
  built ??= buildGazetteer()
  return built
}

function buildGazetteer(): Gazetteer {
  const places = new Map<string, Place>()
  const cities = new Map<string, Place[]>()
  const provinces = new Map<string, Place>()
  const countryNames = new Map<string, string>()
  let maxWords = 1

  const offer = (name: string, place: Place, priority = 0, onlyIfNew = false): void => {
    if (hasNonLatin(name)) return
    const key = nameKey(name)
    if (key.length < 2 || (onlyIfNew && places.has(key))) return
    const old = places.get(key)
    if (old === undefined || better(place, old, priority)) places.set(key, place)
    if (priority > 0) preferred.add(place)
    maxWords = Math.max(maxWords, key.split(' ').length)
  }
  const preferred = new Set<Place>()
  const better = (place: Place, old: Place, priority: number): boolean => {
    if (rank[place.level] !== rank[old.level]) return rank[place.level] < rank[old.level]
    if (priority > 0 && !preferred.has(old)) return true
    return place.population > old.population
  }

  const countries = readCountries()
  // Note: independent countries first, so that a shared demonym (`Dutch`,
  // `American`) means the country rather than a territory.
  countries.sort((a, b) => Number(b.independent) - Number(a.independent) || a.name.localeCompare(b.name, 'en'))
  const regions = new Set<string>()
  for (const country of countries) {
    const place: Place = {name: country.name, level: 'country', country: undefined, province: '', population: Infinity}
    countryNames.set(country.code, country.name)
    offer(country.name, place, 1)
    for (const name of country.otherNames) {
      // Note: two-letter ISO codes (`IN`, `AS`) are words in all-caps text; only `US` is kept.
      if (name.length <= 2 && name.toUpperCase() === country.code && country.code !== 'US') continue
      offer(name, place, 0, true)
    }
    for (const demonym of country.demonyms.filter((name) => name.trim() !== '')) {
      offer(demonym, place, 0, true)
      const plural = pluralOf(demonym)
      if (plural !== demonym) offer(plural, place, 0, true)
    }
    for (const region of [country.region, country.subregion]) if (region !== '') regions.add(region)
  }
  for (const extra of formerCountries) {
    const place: Place = {name: extra.name, level: 'country', country: undefined, province: '', population: Infinity}
    for (const name of [extra.name, ...extra.names]) offer(name, place, 1)
  }
  for (const region of regions) offer(region, {name: region, level: 'region', country: undefined, province: '', population: Infinity})

  const provinceTotals = new Map<string, Map<string, number>>()
  for (const city of readCities()) {
    const country = countryNames.get(city.countryCode)
    const shortName = city.name.split(',')[0]!.trim()
    const place: Place = {name: shortName, level: 'city', country, province: city.province, population: city.population}
    for (const name of new Set([shortName, city.asciiName.split(',')[0]!.trim()])) {
      const key = nameKey(name)
      if (key === '') continue
      const list = cities.get(key) ?? []
      list.push(place)
      cities.set(key, list)
      offer(name, place)
    }
    if (city.province !== '' && country) {
      const totals = provinceTotals.get(city.province) ?? new Map<string, number>()
      totals.set(country, (totals.get(country) ?? 0) + city.population)
      provinceTotals.set(city.province, totals)
    }
  }
  for (const list of cities.values()) list.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'en'))

  for (const [province, totals] of provinceTotals) {
    const key = nameKey(province)
    if (genericWords.has(key) || /^(centre|center|nord|sud|ouest|est|capital)\b/.test(key)) continue
    const [country, population] = [...totals].sort((a, b) => b[1] - a[1])[0]!
    const place: Place = {name: province, level: 'province', country, province, population}
    provinces.set(key, place)
    offer(province, place)
  }
  for (const extra of otherPlaceNames) {
    const known = places.get(nameKey(extra.name))
    const place: Place = known ?? {name: extra.name, level: extra.country ? 'province' : 'region', country: extra.country || undefined, province: '', population: Infinity}
    for (const name of [extra.name, ...extra.names]) offer(name, place, 1)
  }
  return {places, cities, provinces, prefixes: prefixesOf(places.keys()), maxWords: Math.min(maxWords, 6)}
}

/** Every leading part of the multi-word keys: `a`, `a b` for `a b c`. */
export function prefixesOf(keys: Iterable<string>): Set<string> {
  const prefixes = new Set<string>()
  for (const key of keys) {
    for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1)) prefixes.add(key.slice(0, space))
  }
  return prefixes
}

/** `Iraqi` → `Iraqis`; `Swiss`, `British`, `French` stay as they are. */
function pluralOf(demonym: string): string {
  return /(s|sh|ch|x|z)$/i.test(demonym) ? demonym : `${demonym}s`
}

function hasNonLatin(key: string): boolean {
  for (let index = 0; index < key.length; index++) {
    if (key.charCodeAt(index) > 0x24f) return true
  }
  return false
}
