import slugifyText from '@sindresorhus/slugify'

/**
 * A URL segment from any text: lower-case ASCII letters, digits and single
 * hyphens (`Élections 2024` → `elections-2024`). Zero-width and bidi control
 * characters vanish. Empty when the text has no letters or digits at all.
 */
export function slugify(text: string): string {
  return slugifyText(text, {decamelize: false})
}
