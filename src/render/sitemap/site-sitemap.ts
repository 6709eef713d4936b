import type {Archive} from '../../indexes/archive.js'
import type {OutputFile} from '../output-file.js'
import {planPages} from '../render-site.js'
import {notFoundUrl, searchUrl} from '../urls.js'
import type {ViewBuilder} from '../views.js'
import {pageDates} from './page-dates.js'
import {sitemapUrl, writeSitemaps, type SitemapEntry, type SitemapLimits} from './write-sitemaps.js'

/** Pages that are not content: search engines should not list them. */
const leftOut: ReadonlySet<string> = new Set([searchUrl, notFoundUrl])

/**
 * Every HTML page of the site except search and 404, in the order the pages
 * are planned, each with the date it last changed.
 */
export function* sitemapEntries(archive: Archive, views: ViewBuilder): Generator<SitemapEntry> {
  const dates = pageDates(archive, views.config)
  for (const page of planPages(archive, views)) {
    if (leftOut.has(page.url)) continue
    const lastmod = dates.get(page.url)
    yield {loc: views.urls.absolute(page.url), ...(lastmod ? {lastmod} : {})}
  }
}

/** The site's sitemap (or sitemap index and its children) and the `robots.txt` that points at it. */
export function* sitemapFiles(archive: Archive, views: ViewBuilder, limits?: SitemapLimits): Generator<OutputFile> {
  yield* writeSitemaps(sitemapEntries(archive, views), views.urls.absolute, limits)
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
