import {daysInMonth, isCalendarDate, suggestIsoDate} from '../adapters/dates.js'
import {findKey} from '../adapters/front-matter.js'
import {fail} from '../problems/content-error.js'
import {fileStart, type SourcePoint} from '../problems/source-point.js'
import type {ParsedSource} from '../parse/parsed-source.js'
import type {IsoDate} from './article.js'

/** The last year an article may carry: later ones are typos (`20244`, `2204`). Fixed, so builds never depend on the clock. */
export const latestYear = 2100
/** The first year an article may carry. */
export const earliestYear = 1000

/**
 * The article's day: the front matter's `date` wins over the seed's date line.
 *
 * @throws {ContentError} `date-missing`, `date-invalid` or `date-in-future`, at the date's place.
 */
export function readDate(parsed: ParsedSource): IsoDate {
  const {file, frontMatter} = parsed
  const given = frontMatter?.data['date']
  if (frontMatter && given !== undefined && (given !== null || !parsed.dateLine)) {
    const at = findKey(frontMatter, 'date')
    if (given === null) fail('date-missing', {file, place: at}, '`date` is empty')
    if (typeof given !== 'string') {
      fail('date-invalid', {file, place: at}, `\`date\` is ${describe(given)}, not a date written as YYYY-MM-DD`)
    }
    return checkDate(file, given.trim(), at, '`date`')
  }
  if (parsed.dateLine) return checkDate(file, parsed.dateLine.value, parsed.dateLine.at, 'the date line')
  const message = frontMatter
    ? 'the front matter has no `date`, and the text does not start with `date YYYY-MM-DD`'
    : 'the seed does not start with `date YYYY-MM-DD`'
  return fail('date-missing', {file, place: fileStart}, message)
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function checkDate(file: string, value: string, place: SourcePoint, what: string): IsoDate {
  if (value === '') fail('date-missing', {file, place}, `${what} is empty`)
  if (!isCalendarDate(value)) fail('date-invalid', {file, place}, `${what} is "${value}": ${whyNotADate(value)}`)
  const year = Number(value.slice(0, 4))
  if (year > latestYear || year < earliestYear) {
    fail('date-in-future', {file, place}, `${what} is "${value}": the year ${year} is outside ${earliestYear}–${latestYear}`)
  }
  return value as IsoDate
}

/** Why a value is not a `YYYY-MM-DD` calendar day, in the author's terms. */
function whyNotADate(value: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!parts) {
    const suggestion = suggestIsoDate(value)
    return suggestion ? `it is not written as YYYY-MM-DD; write "${suggestion}"` : 'it is not written as YYYY-MM-DD'
  }
  const month = Number(parts[2])
  const day = Number(parts[3])
  if (month < 1 || month > 12) return `there is no month ${parts[2]}`
  const days = daysInMonth(value.slice(0, 7))
  const monthName = `${monthNames[month - 1]} ${parts[1]}`
  if (day < 1) return 'there is no day 00'
  return month === 2 && day === 29 ? `${parts[1]} is not a leap year, so ${monthName} has 28 days` : `${monthName} has ${days} days`
}

/** A value's type in the words of a YAML author. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'empty'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return `the text "${value}"`
  return `${typeof value === 'boolean' ? 'the boolean' : 'the number'} ${String(value)}`
}
