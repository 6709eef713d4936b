import type {Article} from '../model/article.js'
import type {PlacedArticle} from './archive.js'

/**
 * The articles one call of `assignUrls` placed, in the order it was given
 * them (by source path), each one's URL under `pattern` before any suffix,
 * and each one's placing (undefined where it was left out); with what the
 * next call needs to place only the articles added or removed since (see
 * `reassignUrls`). Good for one call only: the next takes it over and
 * changes it.
 */
export interface Placings {
  readonly pattern: string
  readonly articles: readonly Article[]
  readonly urls: readonly string[]
  readonly placed: readonly (PlacedArticle | undefined)[]
  /**
   * Every URL before any suffix that an article has. Note: the values are
   * what the call that made the map needed (an article's index); later calls
   * only ask which URLs are held.
   */
  readonly held: Map<string, number>
  /** The URLs before any suffix that two or more articles have, with those articles in source path order. */
  readonly shared: Map<string, Article[]>
  /** The slug and URL of each article given a suffix. */
  readonly suffixes: Map<Article, {readonly slug: string; readonly url: string}>
  /** The URLs given out with a suffix. */
  readonly suffixed: Set<string>
  /** Whether some suffix is longer than the shortest (see `uniqueUrl`): one was taken. */
  readonly longSuffix: boolean
  readonly problemCount: number
}

/** The URL of a date and slug under a permalink pattern. */
export type Permalink = (date: string, slug: string) => string

/** Characters of an article's hash a suffix starts with (see `uniqueUrl`). */
export const shortestSuffix = 6

/**
 * A permalink pattern (`/:year/:month/:day/:slug/`) split once into its text
 * and its placeholders, so each article's URL is one concatenation.
 * Note: this fills the pattern as replacing each placeholder in turn would.
 * No filled-in text is read again as a placeholder there either: a date's
 * parts are digits, and `:slug` comes last. Nor does a slug (letters,
 * digits, hyphens) hold a `$`, which `replace` would have read specially.
 */
export function compilePermalink(pattern: string): Permalink {
  const parts = pattern.split(/(:year|:month|:day|:slug)/)
  return (date, slug) => {
    let url = ''
    for (const part of parts) {
      if (part === ':year') url += date.slice(0, 4)
      else if (part === ':month') url += date.slice(5, 7)
      else if (part === ':day') url += date.slice(8, 10)
      else if (part === ':slug') url += slug
      else url += part
    }
    return url
  }
}

/** The slug of `article` with a suffix of the first `length` characters of its hash, and its URL. */
export function suffixedUrl(permalinkFor: Permalink, article: Article, length: number): {slug: string; url: string} {
  const slug = `${article.slug}-${article.hash.slice(0, length)}`
  return {slug, url: permalinkFor(article.date, slug)}
}

/**
 * `article` placed at `url` with `slug`: `lent` (what an earlier call made of
 * the same object) when that has the same URL and slug.
 */
export function placingOf(article: Article, url: string, slug: string, lent: PlacedArticle | undefined): PlacedArticle {
  // Note: `url` first (an article has no `url` of its own for the spread to overwrite). When a
  // key is added after a spread (`{...article, url}`, or through `Object.assign`), V8 copies
  // the object the slow way: in a script, each copy took 800 bytes instead of 220, and
  // copying 100,000 articles 0.5 s instead of 0.12-0.17 s.
  return lent !== undefined && lent.url === url && lent.slug === slug ? lent : {url, ...article, slug}
}
