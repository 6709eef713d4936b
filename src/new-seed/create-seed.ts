import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {isCalendarDate} from '../adapters/dates.js'
import {deriveSlug} from '../enrich/derive-slug.js'
import {toDisplayPath} from '../load/display-path.js'
import {earliestYear, latestYear} from '../model/read-date.js'
import {placeholderText} from './placeholder.js'

/** What `news-archive new` is asked for. */
export interface NewSeedRequest {
  readonly cwd: string
  /** The seeds folder, as the user gave it (relative to `cwd`). */
  readonly seedsDir: string
  readonly title: string
  /** `YYYY-MM-DD`. */
  readonly date: string
}

/** Thrown when the date given is not a calendar day written `YYYY-MM-DD`. */
export class SeedDateError extends Error {
  override readonly name = 'SeedDateError'
}

/** Thrown when no free file name was found (a hundred seeds with one title on one day). */
export class SeedExistsError extends Error {
  override readonly name = 'SeedExistsError'
}

/** Numbered names tried before giving up. */
const maxAttempts = 100

/**
 * Today's date on this machine's calendar, `YYYY-MM-DD`.
 * Note: the one place news-archive reads the clock. It only names a new seed
 * and fills in its date; builds never read it.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The front matter and placeholder body of a new seed. */
export function seedText(title: string, date: string): string {
  // Note: JSON strings are valid YAML double-quoted scalars, so any title is safe here.
  return ['---', `title: ${JSON.stringify(title.trim())}`, `date: ${date}`, '---', '', placeholderText, ''].join('\n')
}

/**
 * Create a seed for a new article in the seeds folder, named
 * `YYYY-MM-DD-<slug>.md` so that seeds sort by date, and return its path as
 * the user would type it. Never overwrites: a taken name gets `-2`, `-3`….
 *
 * @throws {SeedDateError} When `date` is not a calendar day.
 */
export async function createSeed(request: NewSeedRequest): Promise<string> {
  if (!isCalendarDate(request.date)) throw new SeedDateError(`--date "${request.date}" is not a calendar day written YYYY-MM-DD, for example 2024-11-18`)
  // Note: the build refuses these years (a typo, mostly), so a seed with one would not build.
  const year = Number(request.date.slice(0, 4))
  if (year < earliestYear || year > latestYear) throw new SeedDateError(`--date "${request.date}": the year ${year} is outside ${earliestYear}–${latestYear}`)
  const dir = path.resolve(request.cwd, request.seedsDir)
  await mkdir(dir, {recursive: true})
  const slug = deriveSlug(request.title)
  const text = seedText(request.title, request.date)
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const name = `${request.date}-${slug}${attempt === 1 ? '' : `-${attempt}`}.md`
    try {
      await writeFile(path.join(dir, name), text, {flag: 'wx'})
      return toDisplayPath(request.seedsDir, name)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new SeedExistsError(`every name for "${request.title}" on ${request.date} is taken in ${request.seedsDir}/; choose another title`)
}

