import type {Archive} from '../../indexes/archive.js'
import type {DeferredFile, OutputFile} from '../output-file.js'
import {articleTemplate} from '../article-pages.js'
import type {Page} from '../page.js'
import {planPages} from '../render-site.js'
import {notFoundUrl, searchUrl} from '../urls.js'
import type {ViewBuilder} from '../views.js'
import {sitemapUrl, writeSitemaps, type SitemapGroup, type SitemapLimits, type SitemapMemo} from './write-sitemaps.js'

/** Pages that are not content: search engines should not list them. */
const leftOut: ReadonlySet<string> = new Set([searchUrl, notFoundUrl])

/** What the sitemaps are made from besides the archive. */
export interface SitemapOptions {
  /** The site's pages, when they are planned already (as `planPages` plans them); without them they are planned again. */
  readonly pages?: Iterable<Page>
  readonly limits?: SitemapLimits
  /** The child sitemaps of the build before, in a process that runs several builds (see `SitemapMemo`). */
  readonly memo?: SitemapMemo
}

/**
 * Every HTML page of the site except search and 404, each with the date it
 * last changed, in two groups: `pages`, the list pages in the order they are
 * planned, and `articles`, the article pages from the oldest day, each day's
 * in the archive's order. Note: so a new article dated on or after the newest
 * day is added at the end of its group, where it changes only the last of a
 * large site's article sitemaps (one dated in the past moves those after it).
 */
export function sitemapGroups(archive: Archive, views: ViewBuilder, pages: Iterable<Page> = planPages(archive, views)): SitemapGroup[] {
  const listPages: Page[] = []
  const articlePages: Page[] = []
  // Note: no article page is left out, so only list pages' URLs are looked up: an article page's URL is read from its
  // article: at 100,000 articles, reading them and looking them up took about 30 ms of a build that added one seed.
  for (const page of pages) {
    if (page.template === articleTemplate) articlePages.push(page)
    else if (!leftOut.has(page.url)) listPages.push(page)
  }
  // Note: the pages are the entries, rather than an object made for each: at 100,000 articles, 16 MB of each build.
  return [
    {name: 'pages', entries: listPages, count: listPages.length},
    {name: 'articles', entries: oldestDayFirst(articlePages, (page) => page.lastmod ?? ''), count: articlePages.length},
  ]
}

/** `pages` (newest day first) from the oldest day on, each day's pages kept in their order. */
function oldestDayFirst(pages: readonly Page[], dayOf: (page: Page) => string): Page[] {
  const ordered: Page[] = []
  for (let end = pages.length; end > 0; ) {
    const day = dayOf(pages[end - 1] as Page)
    let start = end - 1
    while (start > 0 && dayOf(pages[start - 1] as Page) === day) start--
    for (let index = start; index < end; index++) ordered.push(pages[index] as Page)
    end = start
  }
  return ordered
}

/** The site's sitemap (or sitemap index and its children) and the `robots.txt` that points at it. */
export function* sitemapFiles(archive: Archive, views: ViewBuilder, options: SitemapOptions = {}): Generator<OutputFile | DeferredFile> {
  yield* writeSitemaps(sitemapGroups(archive, views, options.pages), views.urls.absolute, options.limits, options.memo)
  yield {path: 'robots.txt', contents: robotsTxt(views.urls.absolute(sitemapUrl)), from: []}
}

/**
 * Let every crawler in and tell it where the sitemap is. Note: crawlers read
 * `robots.txt` only at a host's root; a site served from a sub-path should
 * add the `Sitemap:` line to the host's own file.
 */
export function robotsTxt(sitemap: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`
}
