import slugifyText from '@sindresorhus/slugify'

/**
 * A URL segment from any text: lower-case ASCII letters, digits and single
 * hyphens (`Élections 2024` → `elections-2024`). Zero-width and bidi control
 * characters vanish. Empty when the text has no letters or digits at all.
 */
export function slugify(text: string): string {
  return asciiOnly.test(text) ? asciiSlug(text) : slugifyText(text, {decamelize: false})
}

const asciiOnly = /^[\x00-\x7f]*$/

/**
 * What `@sindresorhus/slugify` (3.x, `decamelize: false`) makes of ASCII text,
 * in its steps: `&` becomes ` and `; `^` and `` ` `` (diacritics) go; the
 * apostrophe of `'s` and `'t` at a word's end goes; every other run of
 * characters but letters and digits becomes one hyphen, none at either end.
 * Note: per call the library builds a replacement map and three patterns and
 * normalises the text twice; 10,000 corpus titles took 0.5 s of a build's
 * main thread through it, 0.26 s with this. `slug.test.ts` checks the two
 * agree, so a release of the library that slugifies otherwise fails it.
 */
export function asciiSlug(text: string): string {
  return text
    .replaceAll('&', ' and ')
    .replace(/[\^`]/g, '')
    .toLowerCase()
    .replace(/([a-z\d])'([ts])(?![a-z\d])/g, '$1$2')
    .replace(/[^a-z\d]+/g, '-')
    .replace(/^-|-$/g, '')
}
