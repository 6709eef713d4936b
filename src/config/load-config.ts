import {readFile} from 'node:fs/promises'
import {loadDateLocale} from '../adapters/dates.js'
import {fail} from '../problems/content-error.js'
import {fileStart, pointAt, type SourcePoint} from '../problems/source-point.js'
import {defaultConfig, feedFormatNames, type FeedFormatName, type SiteConfig} from './site-config.js'

/** What is known about the config file before reading it. */
export interface ConfigSource {
  /** Path on disk, or undefined to use the defaults. */
  readonly path?: string
  /** How the path is shown in problems. */
  readonly display: string
  /** `--base-url` from the command line, which wins over the file. */
  readonly baseUrl?: string
}

/**
 * Read and check the config file, filling in defaults.
 *
 * @throws {ContentError} `config-invalid` naming the key's line, for every kind of mistake.
 */
export async function loadConfig(source: ConfigSource): Promise<SiteConfig> {
  let text = '{}'
  if (source.path !== undefined) {
    try {
      text = await readFile(source.path, 'utf8')
    } catch (error) {
      fail('config-invalid', {file: source.display, place: fileStart}, `the config file could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`)
    }
  }
  const config = parseConfig(source.display, text)
  return source.baseUrl === undefined ? config : {...config, baseUrl: checkBaseUrl(source.baseUrl, () => fail('config-invalid', {file: '--base-url', place: fileStart}, `"${source.baseUrl}" is not an absolute http(s) URL`))}
}

type Reader<T> = (value: unknown, key: string) => T

/**
 * Check a config file's JSON text.
 *
 * @throws {ContentError} `config-invalid` at the line of the offending key.
 */
export function parseConfig(file: string, text: string): SiteConfig {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))
    const reason = (error as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')
    fail('config-invalid', {file, place: position ? pointAt(text, Number(position[1])) : fileStart}, `the config file is not valid JSON: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`)
  }
  const at = (key: string): SourcePoint => keyPoint(text, key)
  const bad = (key: string, message: string): never => fail('config-invalid', {file, place: at(key)}, `\`${key}\` ${message}`)
  const object = (value: unknown, key: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bad(key, 'should be an object of settings')
    return value as Record<string, unknown>
  }
  const string: Reader<string> = (value, key) => (typeof value === 'string' && value.trim() !== '' ? value : bad(key, `should be non-empty text, not ${JSON.stringify(value)}`))
  const count = (min: number, max: number): Reader<number> => (value, key) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : bad(key, `should be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`)
  const feedFormatList: Reader<readonly FeedFormatName[]> = (value, key) => {
    const formats = feedFormatNames as readonly unknown[]
    if (!Array.isArray(value) || value.some((item) => !formats.includes(item)) || new Set(value).size !== value.length) {
      return bad(key, `should be a list of feed formats from ${feedFormatNames.map((name) => `"${name}"`).join(', ')}, each once, not ${JSON.stringify(value)}`)
    }
    // Note: the file's order does not matter; pages list the feeds in one order.
    return feedFormatNames.filter((name) => value.includes(name))
  }
  const boolean: Reader<boolean> = (value, key) => (typeof value === 'boolean' ? value : bad(key, `should be true or false, not ${JSON.stringify(value)}`))

  const root = object(data, '(top level)')
  const readers: Record<keyof SiteConfig, Reader<unknown>> = {
    title: string,
    description: string,
    baseUrl: (value, key) => checkBaseUrl(string(value, key), () => bad(key, `should be an absolute http(s) URL such as "https://news.example.org/", not ${JSON.stringify(value)}`)),
    language: (value, key) => (typeof value === 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value) ? value : bad(key, `should be a language tag such as "en" or "pt-BR", not ${JSON.stringify(value)}`)),
    locale: (value, key) => (typeof value === 'string' && loadDateLocale(value) ? value : bad(key, `should be a dayjs locale such as "en", "de" or "fr", not ${JSON.stringify(value)}`)),
    dateFormat: string,
    pageSize: count(1, 1000),
    archivePageSize: count(1, 10000),
    permalink: (value, key) => checkPermalink(string(value, key), (message) => bad(key, message)),
    feedSize: count(1, 1000),
    feedContent: (value, key) => (value === 'full' || value === 'summary' ? value : bad(key, `should be "full" or "summary", not ${JSON.stringify(value)}`)),
    topics: (value, key) => {
      const topics = object(value, key)
      const readersOfTopics = {max: count(0, 50), minArticles: count(1, 100000), addExtracted: boolean, file: string, feeds: feedFormatList}
      return {...defaultConfig.topics, ...readKnown(topics, readersOfTopics, (name) => bad(`${key}.${name}`, 'is not a setting; see "Configuration" in the README'), key)}
    },
    search: (value, key) => readKnown(object(value, key), {maxFragments: count(1, 100_000_000)}, (name) => bad(`${key}.${name}`, 'is not a setting; see "Configuration" in the README'), key),
    publisher: (value, key) => {
      const publisher = object(value, key)
      const url = (inner: unknown, name: string) => checkBaseUrl(string(inner, name), () => bad(name, 'should be an absolute http(s) URL'))
      return {...defaultConfig.publisher, ...readKnown(publisher, {name: string, url}, (name) => bad(`${key}.${name}`, 'is not a setting; see "Configuration" in the README'), key)}
    },
    maxSeedBytes: count(1000, 1_000_000_000),
  }
  const given = readKnown(root, readers, (key) => bad(key, `is not a setting; did you mean one of ${suggest(key, Object.keys(readers))}?`))
  return {...defaultConfig, ...given} as SiteConfig
}

function readKnown(object: Record<string, unknown>, readers: Record<string, Reader<unknown>>, unknown: (key: string) => never, prefix?: string): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(object)) {
    const reader = readers[key]
    if (!reader) unknown(key)
    else result[key] = reader(value, prefix ? `${prefix}.${key}` : key)
  }
  return result
}

/** An absolute http(s) URL, normalised to end in `/`. */
function checkBaseUrl(value: string, bad: () => never): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return bad()
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') bad()
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

/** A permalink must make one distinct folder per article per day. */
function checkPermalink(value: string, bad: (message: string) => never): string {
  if (!value.startsWith('/') || !value.endsWith('/')) bad(`is "${value}": it should start and end with "/", like "/:year/:month/:day/:slug/"`)
  if (!value.includes(':slug')) bad(`is "${value}": it needs ":slug" so that every article has its own URL`)
  const unknownToken = /:(?!year\b|month\b|day\b|slug\b)[a-z]+/i.exec(value)
  if (unknownToken) bad(`uses "${unknownToken[0]}"; the tokens are :year, :month, :day and :slug`)
  if (/\.\.|\\|\/\//.test(value)) bad(`is "${value}": it may not contain "..", "\\" or "//"`)
  if (['/topics/', '/archive/', '/search/', '/page/'].some((reserved) => value.startsWith(reserved))) bad(`is "${value}": it would clash with the site's own pages`)
  return value
}

/** The place of `"key"` (its last dotted part) in JSON text, or the file start. */
function keyPoint(text: string, key: string): SourcePoint {
  const name = key.split('.').at(-1) ?? key
  const index = text.indexOf(`"${name}"`)
  return index === -1 ? fileStart : pointAt(text, index)
}

function suggest(key: string, keys: readonly string[]): string {
  const lower = key.toLowerCase()
  const close = keys.filter((candidate) => candidate.toLowerCase().includes(lower.slice(0, 4)) || lower.includes(candidate.toLowerCase().slice(0, 4)))
  return (close.length > 0 ? close : keys).map((name) => `"${name}"`).join(', ')
}
