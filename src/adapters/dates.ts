import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc.js'
import customParseFormat from 'dayjs/plugin/customParseFormat.js'
import localizedFormat from 'dayjs/plugin/localizedFormat.js'
import {createRequire} from 'node:module'

// Note: without customParseFormat the strict flag is ignored and 2024-02-30 passes as 1 March.
dayjs.extend(utc)
dayjs.extend(customParseFormat)
dayjs.extend(localizedFormat)

const require = createRequire(import.meta.url)

/**
 * Whether `text` is a real calendar day written `YYYY-MM-DD` (proleptic
 * Gregorian; for the years 1000–2100 that articles may carry, exactly what
 * dayjs's strict parse says). Note: worked out by arithmetic, since every
 * seed's date is checked and dayjs's strict parse cost more than the rest
 * of reading the date. Years 0000–0099 count as such (dayjs reads them as
 * 1900–1999); callers refuse them by their year.
 */
export function isCalendarDate(text: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!parts) return false
  const month = Number(parts[2])
  const day = Number(parts[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= monthLength(Number(parts[1]), month)
}

/** Days in `month` (1–12) of `year`. */
function monthLength(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Ways of writing a day that people use instead of `YYYY-MM-DD`, and that can be read without guessing. */
const wordyFormats = ['D MMM YYYY', 'D MMMM YYYY', 'MMM D, YYYY', 'MMMM D, YYYY', 'MMM D YYYY', 'MMMM D YYYY', 'D. MMMM YYYY', 'YYYY/MM/DD', 'YYYY.MM.DD']

/**
 * The `YYYY-MM-DD` form of a day written another unambiguous way
 * (`18 Nov 2024`, `November 18, 2024`, `2024/11/18`), for a hint; undefined
 * when `text` is not such a day. `11/18/2024` is ambiguous and gets none.
 */
export function suggestIsoDate(text: string): string | undefined {
  for (const format of wordyFormats) {
    const day = dayjs.utc(text.trim(), format, true)
    if (day.isValid()) return day.format('YYYY-MM-DD')
  }
  return undefined
}

/**
 * Load a dayjs locale by its name (`en`, `de`, `fr-ca`). Returns false when
 * dayjs has no such locale.
 */
export function loadDateLocale(name: string): boolean {
  if (name === 'en') return true
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,4})?$/.test(name)) return false
  try {
    require(`dayjs/locale/${name}.js`)
    return true
  } catch {
    return false
  }
}

/** Format a `YYYY-MM-DD` day (UTC) with a dayjs format string in a loaded locale. */
export function formatDate(isoDay: string, format: string, locale: string): string {
  return dayjs.utc(isoDay, 'YYYY-MM-DD', true).locale(locale).format(format)
}

/** The day after/before `isoDay` in `YYYY-MM-DD` (UTC). */
export function addDays(isoDay: string, days: number): string {
  return dayjs.utc(isoDay, 'YYYY-MM-DD', true).add(days, 'day').format('YYYY-MM-DD')
}

/** 0 = Sunday … 6 = Saturday, for a `YYYY-MM-DD` day. */
export function weekday(isoDay: string): number {
  return dayjs.utc(isoDay, 'YYYY-MM-DD', true).day()
}

/** Days in the month of a `YYYY-MM` or `YYYY-MM-DD` string. */
export function daysInMonth(isoMonth: string): number {
  return monthLength(Number(isoMonth.slice(0, 4)), Number(isoMonth.slice(5, 7)))
}
