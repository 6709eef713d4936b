/** What each permalink placeholder can expand to, as a glob. */
const placeholders: Readonly<Record<string, string>> = {
  ':year': '[0-9][0-9][0-9][0-9]',
  ':month': '[0-9][0-9]',
  ':day': '[0-9][0-9]',
  ':slug': '*',
}

/**
 * A glob, relative to the site folder, that matches the files of the article
 * pages for a permalink pattern (`/:year/:month/:day/:slug/` gives four
 * digits, two, two, any slug, then `index.html`), so the search indexer reads
 * only those; or undefined (read every HTML file) when the pattern has
 * characters a glob would take as syntax.
 * Note: only a shortcut. Pagefind still indexes only pages marked
 * `data-pagefind-body`, so a glob that matches a few other pages is harmless;
 * it saves reading the list pages, which cost a third of the time and memory
 * of indexing an archive with many topics.
 */
export function articleGlob(permalink: string): string | undefined {
  const parts = permalink.split(/(:year|:month|:day|:slug)/)
  if (parts.some((part, index) => index % 2 === 0 && !/^[A-Za-z0-9._~/-]*$/.test(part))) return undefined
  const glob = parts.map((part, index) => (index % 2 === 1 ? placeholders[part] : part)).join('').replace(/^\/+/, '')
  return glob === '' || glob.endsWith('/') ? `${glob}index.html` : glob
}

/**
 * Whether a site-relative path (`1987/02/26/some-slug/index.html`) matches
 * `glob` as made by `articleGlob`: `[0-9]` is a digit, `*` any characters but `/`.
 */
export function matchesArticleGlob(glob: string, file: string): boolean {
  let pattern = patterns.get(glob)
  if (!pattern) {
    const source = glob.replace(/\[0-9\]|\*|[.]/g, (token) => (token === '*' ? '[^/]*' : token === '.' ? '\\.' : token))
    pattern = new RegExp(`^${source}$`)
    patterns.set(glob, pattern)
  }
  return pattern.test(file)
}

const patterns = new Map<string, RegExp>()
