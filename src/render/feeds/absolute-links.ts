/** A start tag: in the body HTML a `<` in text is always escaped, so this finds tags only. */
const startTag = /<[a-z][^>]*>/gi

/** `href` and `src` attributes as the body HTML writer emits them: double-quoted, already escaped. */
const linkAttribute = /\s(href|src)="([^"]*)"/g

/** A URL with a scheme (`https:`, `mailto:`) or only a fragment: left as it is. */
const keep = /^(?:[a-z][a-z0-9+.-]*:|#)/i

/**
 * Body HTML with relative links made absolute against the article's own URL,
 * as a browser resolves them on the article page. Feed readers show the body
 * away from the site, where a relative link would lead nowhere.
 * Note: works on the sanitised HTML of the body, whose attributes are always
 * double-quoted; it is not a general HTML rewriter.
 */
export function absoluteLinks(html: string, articleUrl: string): string {
  return html.replace(startTag, (tag) =>
    tag.replace(linkAttribute, (whole, name: string, value: string) => {
      if (value === '' || keep.test(value)) return whole
      try {
        return ` ${name}="${new URL(value, articleUrl).href}"`
      } catch {
        return whole
      }
    }),
  )
}
