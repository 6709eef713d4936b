import type {FeedFormatName} from '../config/site-config.js'

/**
 * Every URL of the site, in one place, so links and files cannot disagree.
 * URL paths are site-relative: they start and end with `/` (`/2024/11/`) or
 * name a file (`/feed.xml`). `href` adds the base path for links in pages,
 * `absolute` the whole base URL for feeds, sitemaps and canonical links.
 */
export interface SiteUrls {
  href(path: string): string
  absolute(path: string): string
}

/** URL helpers for a site served from `baseUrl` (absolute, ending in `/`). */
export function siteUrls(baseUrl: string): SiteUrls {
  const basePath = new URL(baseUrl).pathname
  return {
    href: (path) => basePath + path.slice(1),
    absolute: (path) => baseUrl + path.slice(1),
  }
}

export const homeUrl = '/'
export const archiveUrl = '/archive/'
export const topicsUrl = '/topics/'
export const searchUrl = '/search/'
export const notFoundUrl = '/404.html'

export const yearUrl = (year: string): string => `/${year}/`
export const monthUrl = (month: string): string => `/${month.slice(0, 4)}/${month.slice(5, 7)}/`
export const dayUrl = (day: string): string => `/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/`
export const topicUrl = (slug: string): string => `/topics/${slug}/`
/** The file name of each feed format, for the site's feeds and each topic's. */
const feedFileNames = {rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json'} as const satisfies Record<FeedFormatName, string>
/** The site's feed in `format`. */
export const siteFeedUrl = (format: FeedFormatName): string => `/${feedFileNames[format]}`
/** A topic's feed in `format`: the same file names as the site's feeds, in the topic's folder. */
export const topicFeedUrl = (slug: string, format: FeedFormatName): string => `/topics/${slug}/${feedFileNames[format]}`

/**
 * Page `number` of a paginated list whose first page is `listUrl`.
 * Note: pages are numbered from the oldest (`/page/1/` holds the oldest
 * articles), so adding an article never renumbers older pages; `listUrl`
 * itself always shows the newest articles.
 */
export const pageUrl = (listUrl: string, number: number): string => `${listUrl}page/${number}/`

/** A path segment that is `.` or `..`. Note: a test rather than a split, since every page's path is checked. */
const dotSegment = /(?:^|\/)\.\.?(?:\/|$)/

/**
 * The file a URL path is written to, relative to the output folder:
 * `/2024/11/18/x/` → `2024/11/18/x/index.html`; `/feed.xml` → `feed.xml`.
 * Rejects any path that could leave the output folder.
 */
export function outputPathFor(url: string): string {
  if (!url.startsWith('/') || url.includes('\\') || dotSegment.test(url) || url.includes('\0')) {
    throw new Error(`unsafe URL path ${JSON.stringify(url)}`)
  }
  const path = url.slice(1)
  return path === '' || path.endsWith('/') ? `${path}index.html` : path
}
