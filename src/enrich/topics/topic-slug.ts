import {slugify} from '../../adapters/slug.js'

/** Slugs already made, by name. Note: the same names recur across thousands of articles, and slugifying costs more than a lookup. */
const known = new Map<string, string>()
/** Past this many names the memo starts afresh, so a long-running dev server does not grow without end. */
const knownMax = 100_000

/** British spellings that the wires mix with American ones within one name (`Organisation`, `Stabilisation`). */
const britishEndings = /isation/g

/**
 * The URL segment of a topic's page: lower-case ASCII letters, digits and
 * hyphens (`São Paulo` → `sao-paulo`, `U.S. Army` → `u-s-army`). Empty when
 * the name has no letters or digits. Note: British and American spellings
 * share one (`International Coffee Organisation` and `… Organization` →
 * `international-coffee-organization`), so they are one topic, shown under
 * the spelling most articles use.
 */
export function topicSlug(name: string): string {
  let slug = known.get(name)
  if (slug === undefined) {
    if (known.size >= knownMax) known.clear()
    slug = slugify(name).replace(britishEndings, 'ization')
    known.set(name, slug)
  }
  return slug
}
