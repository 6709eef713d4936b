/**
 * XML 1.0 text: what may appear in a document and how to escape it.
 * Note: hand-written rather than a package: sitemaps and feeds need only
 * element text, attribute values and CDATA sections, and these rules are the
 * whole of it. A general XML library built a tree of objects for every feed
 * and took twice the CPU time to make the same feeds.
 */

/**
 * Characters XML 1.0 cannot carry at all, escaped or not: C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Every character that may be one `notXmlChar` matches (surrogates may also be
 * halves of a good pair). Note: without the `u` flag this test runs about
 * three times as fast, and almost no text needs the full replacement.
 */
const maybeNotXmlChar = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/** `text` without the characters XML 1.0 cannot carry (scraped text has stray controls). */
export function xmlSafe(text: string): string {
  return maybeNotXmlChar.test(text) ? text.replace(notXmlChar, '') : text
}

const textEntities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}

/**
 * `text` escaped for element content or a double-quoted attribute value,
 * with unwritable characters dropped. Note: apostrophes stay as they are
 * (feeds are read by people too); sitemaps must escape them (`escapeXml`).
 */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (char) => textEntities[char] as string)
}

/**
 * Every character `escapeXml` escapes or drops, and those that may be one
 * (see `maybeNotXmlChar`). Note: nearly all text it is given (every URL of a
 * sitemap) has none, which one test finds out; three passes over it took
 * about 0.07 s of a dev build of 100,000 articles, in a profile.
 */
const maybeEscaped = /[&<>"'\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/** `text` escaped for XML element content or a quoted attribute value, all five specials, with unwritable characters dropped. */
export function escapeXml(text: string): string {
  return maybeEscaped.test(text) ? escapeXmlText(text).replaceAll("'", '&apos;') : text
}

/**
 * `text` as a CDATA section, with unwritable characters dropped. Note: a
 * section cannot hold `]]>`, so each one ends the section after `]]` and the
 * `>` starts the next; a reader joins them back.
 */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}
