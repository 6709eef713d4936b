/**
 * XML 1.0 text: what may appear in a document and how to escape it.
 * Note: hand-written rather than a package: sitemaps need only element text,
 * and these two rules are the whole of it. Feeds go through the `feed`
 * package (see `adapters/feed.ts`), which still needs `xmlSafe` because it
 * passes control characters through and so writes ill-formed XML.
 */

/**
 * Characters XML 1.0 cannot carry at all, escaped or not: C0 controls other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** `text` without the characters XML 1.0 cannot carry (scraped text has stray controls). */
export function xmlSafe(text: string): string {
  return text.replace(notXmlChar, '')
}

const entities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}

/** `text` escaped for XML element content or a quoted attribute value, with unwritable characters dropped. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (char) => entities[char] as string)
}
