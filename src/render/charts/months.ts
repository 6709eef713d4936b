/** Every month from `first` to `last` (both `YYYY-MM`, inclusive), ascending; empty when `last` is before `first`. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = []
  let year = Number(first.slice(0, 4))
  let month = Number(first.slice(5, 7))
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7))
  while (year * 12 + month <= end) {
    months.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return months
}

/**
 * The days of a month's calendar grid, week by week, weeks starting on Monday
 * (ISO 8601): `null` pads the first and last week. `firstWeekday` is the
 * weekday of the 1st (0 = Sunday … 6 = Saturday).
 */
export function calendarWeeks(month: string, days: number, firstWeekday: number): (string | null)[][] {
  const lead = (firstWeekday + 6) % 7
  const cells: (string | null)[] = [...Array.from({length: lead}, () => null), ...Array.from({length: days}, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`)]
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (string | null)[][] = []
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7))
  return weeks
}

/** Months since year 0 of a `YYYY-MM` month, to count months between two. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1
}

/** The `YYYY-MM` month of a month number (see `monthNumber`). */
export function monthOfNumber(number: number): string {
  return `${String(Math.floor(number / 12)).padStart(4, '0')}-${String((number % 12) + 1).padStart(2, '0')}`
}
