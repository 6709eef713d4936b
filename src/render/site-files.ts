import type {Archive} from '../indexes/archive.js'
import {feedFiles, type FeedFilesOptions} from './feeds/site-feeds.js'
import type {DeferredFile, OutputFile} from './output-file.js'
import type {Page} from './page.js'
import {sitemapFiles} from './sitemap/site-sitemap.js'
import type {ViewBuilder} from './views.js'
import type {SitemapMemo} from './sitemap/write-sitemaps.js'

/**
 * The site's non-HTML files made from the archive: RSS, Atom and JSON feeds
 * (site-wide and per topic), the sitemap (split past 50,000 URLs) and
 * `robots.txt`. Yielded one at a time, so a large archive never holds them all;
 * deferred files are made only when an earlier build does not have them.
 * `entryKey` keys an article's feed entry (see `feedFiles`); `pages` are the
 * site's pages as `planPages` plans them, which the sitemaps list; `sitemaps`
 * holds the child sitemaps of the build before (see `SitemapMemo`).
 */
export function* siteFiles(archive: Archive, views: ViewBuilder, entryKey: (index: number) => string, pages: Iterable<Page>, feeds: FeedFilesOptions, sitemaps?: SitemapMemo): Generator<OutputFile | DeferredFile> {
  yield* feedFiles(archive, views, entryKey, feeds)
  yield* sitemapFiles(archive, views, {pages, ...(sitemaps ? {memo: sitemaps} : {})})
}
