import {slugify} from '../../adapters/slug.js'

/**
 * The URL segment of a topic's page: lower-case ASCII letters, digits and
 * hyphens (`São Paulo` → `sao-paulo`, `U.S. Army` → `u-s-army`). Empty when
 * the name has no letters or digits.
 */
export function topicSlug(name: string): string {
  return slugify(name)
}
