/** Everything a site owner can set in `news-archive.config.json`. All keys are optional in the file. */
export interface SiteConfig {
  /** The site's name, shown in the header, titles and feeds. */
  readonly title: string
  readonly description: string
  /** Absolute URL the site is served from, ending in `/` (e.g. `https://news.example.org/`). */
  readonly baseUrl: string
  /** BCP 47 language of the articles, for `<html lang>`. */
  readonly language: string
  /** dayjs locale for month and weekday names (`en`, `de`, `fr`…). */
  readonly locale: string
  /** dayjs format for dates shown to readers. */
  readonly dateFormat: string
  /** Articles per page on the home and topic pages. */
  readonly pageSize: number
  /** Articles per page on day archives. */
  readonly archivePageSize: number
  /** Article URL pattern, with `:year`, `:month`, `:day` and `:slug`. */
  readonly permalink: string
  /** Items in each feed. */
  readonly feedSize: number
  /** Whether feeds carry the whole article or only its summary. */
  readonly feedContent: 'full' | 'summary'
  readonly topics: TopicSettings
  readonly search: SearchSettings
  /** Who publishes the site, for JSON-LD. */
  readonly publisher: {readonly name: string; readonly url?: string}
  /** Largest seed accepted, in bytes. */
  readonly maxSeedBytes: number
}

/** How the search index is written. */
export interface SearchSettings {
  /**
   * Most fragment files (one per article by default) the index may have;
   * past it, Pagefind bundles fragments into shared files. For hosts that
   * limit the files of a site.
   */
  readonly maxFragments?: number
}

/** The feed formats the site writes. */
export const feedFormatNames = ['rss', 'atom', 'json'] as const
export type FeedFormatName = (typeof feedFormatNames)[number]

/** How topics are chosen and shown. */
export interface TopicSettings {
  /** Most topics kept per article. */
  readonly max: number
  /**
   * Fewest articles a topic found in the text needs before it gets a page.
   * Topics given in front matter always get one.
   */
  readonly minArticles: number
  /** Add extracted topics to the ones given in front matter. */
  readonly addExtracted: boolean
  /** The topics file (aliases, merges, blocklist, subject rules), relative to the config file. */
  readonly file: string
  /**
   * The feeds each topic gets. Note: RSS alone by default, as feed readers
   * expect of a tag; every format doubles the files of an archive whose
   * topics outnumber its articles.
   */
  readonly feeds: readonly FeedFormatName[]
}

/** The defaults: a site builds with no config file at all. */
export const defaultConfig: SiteConfig = {
  title: 'News Archive',
  description: 'An archive of news articles, by date and by topic.',
  baseUrl: 'http://localhost:8080/',
  language: 'en',
  locale: 'en',
  dateFormat: 'D MMMM YYYY',
  pageSize: 20,
  archivePageSize: 100,
  permalink: '/:year/:month/:day/:slug/',
  feedSize: 20,
  feedContent: 'full',
  topics: {max: 6, minArticles: 2, addExtracted: false, file: 'topics.yml', feeds: ['rss']},
  search: {},
  publisher: {name: 'News Archive'},
  maxSeedBytes: 5_000_000,
}
