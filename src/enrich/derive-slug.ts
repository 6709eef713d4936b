import {slugify} from '../adapters/slug.js'

/** Longest derived slug, in characters; cut at a hyphen. */
const maxSlugLength = 60

/**
 * A slug from a title: at most 60 characters, cut at a hyphen; `article` when the title has no letters.
 * Note: a module of its own, so `news-archive new` names a seed without loading the build pipeline.
 */
export function deriveSlug(title: string): string {
  const full = slugify(title)
  if (full === '') return 'article'
  if (full.length <= maxSlugLength) return full
  const cut = full.slice(0, maxSlugLength + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > 20 ? cut.slice(0, lastHyphen) : full.slice(0, maxSlugLength).replace(/-+$/, '')
}
