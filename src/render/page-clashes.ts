import type {Archive} from '../indexes/archive.js'
import {problem, type Problem} from '../problems/content-error.js'
import type {Page} from './page.js'
import {outputPathFor} from './urls.js'

/** What each template's pages are, as a user reads it. */
const pageKinds: Readonly<Record<string, string>> = {
  'home.html': 'a page of the home list',
  'year.html': 'a year page',
  'month.html': 'a month page',
  'day.html': 'a day page',
  'archive.html': 'the archive page',
  'topics.html': 'the topic index',
  'topic.html': 'a topic page',
  'search.html': 'the search page',
  '404.html': 'the page for missing pages',
}

/**
 * The problem of two files of a site written to one path (`OutputWriter.takeClashes`):
 * an article whose URL is that of a page the site makes itself, or of a feed or
 * sitemap, which a permalink pattern without the date before the slug allows
 * (`/:slug/` and a slug `topics`). Placed at the article's slug, since that or
 * the pattern is what the user can change.
 *
 * @throws {Error} When no article is among the pages on `path`: pages the site
 * makes itself never share a path, so that is a bug.
 */
export function pageClashProblem(path: string, pages: readonly Page[], archive: Archive): Problem {
  const onPath = pages.filter((page) => outputPathFor(page.url) === path)
  const articlePage = onPath.find((page) => page.article !== undefined)
  const article = articlePage?.article === undefined ? undefined : archive.articles[articlePage.article]
  if (article === undefined || articlePage === undefined) throw new Error(`two files of the site were made for ${path}`)
  const others = onPath.filter((page) => page !== articlePage).map((page) => pageKinds[page.template] ?? `the page ${page.url}`)
  const other = others.length > 0 ? others.join(' and ') : 'a feed or sitemap of the site'
  return problem('output-path-collision', article.slugAt, `the slug "${article.slug}" gives ${articlePage.url}, where the site puts ${other}; one would replace the other`)
}

/**
 * The problems of article pages whose output path is that of another page of
 * the site, found by planning alone, in page order (for `check`, which makes
 * no file: a build finds these, and an article on a feed's or a sitemap's
 * path, as it writes them). Note: an article's URL is never that of another
 * article (`assignUrls` tells them apart).
 */
export function pageClashes(pages: readonly Page[], archive: Archive): Problem[] {
  const first = new Map<string, Page>()
  const clashing: string[] = []
  for (const page of pages) {
    const path = outputPathFor(page.url)
    const earlier = first.get(path)
    if (earlier === undefined) first.set(path, page)
    else if (earlier.article !== undefined || page.article !== undefined) clashing.push(path)
  }
  return [...new Set(clashing)].map((path) => pageClashProblem(path, pages, archive))
}
