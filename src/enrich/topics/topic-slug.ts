import {slugify} from '../../adapters/slug.js'

/** Slugs already made, by name. Note: the same names recur across thousands of articles, and slugifying costs more than a lookup. */
const known = new Map<string, string>()
/** Past this many names the memo starts afresh, so a long-running dev server does not grow without end. */
const knownMax = 100_000

/**
 * The URL segment of a topic's page: lower-case ASCII letters, digits and
 * hyphens (`São Paulo` → `sao-paulo`, `U.S. Army` → `u-s-army`). Empty when
 * the name has no letters or digits.
 */
export function topicSlug(name: string): string {
  let slug = known.get(name)
  if (slug === undefined) {
    if (known.size >= knownMax) known.clear()
    slug = slugify(name)
    known.set(name, slug)
  }
  return slug
}
