import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The folder news-archive is installed in: its built-in templates and assets live there. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** What one build is asked to do. Paths are as the user gave them, relative to `cwd`. */
export interface BuildOptions {
  readonly cwd: string
  readonly seedsDir: string
  readonly outDir: string
  /** Config file; undefined means `news-archive.config.json` when it exists, else the defaults. */
  readonly configFile?: string
  readonly baseUrl?: string
  /** Write nothing: only check the seeds. */
  readonly check: boolean
  /** Publish drafts too. */
  readonly drafts: boolean
  /** Publish the valid seeds even when others have errors. */
  readonly skipInvalid: boolean
  /**
   * Use what earlier builds left in the cache (default true). `false` makes a
   * clean build: every seed is parsed and every page rendered, and the cache
   * is refilled from this build.
   */
  readonly cache?: boolean
  /** The build cache folder; undefined means `.cache/news-archive` in `cwd`. */
  readonly cacheDir?: string
  /** Build the search index (default true). The dev server may skip it to rebuild faster. */
  readonly search?: boolean
  /**
   * When the search index is out of date, give the new site the live site's
   * (or none) rather than build it, and say so (`BuildResult.searchStale`);
   * the next build without this brings it up to date. For the dev server,
   * which shows a change at once and indexes after: indexing costs more than
   * the rest of a build that changes a few pages.
   */
  readonly deferSearch?: boolean
  /**
   * Stops the build: it is looked at after the seeds are read, after the pages
   * are written, and while the search index is built. The build then rejects
   * with the signal's reason and leaves the last site in place. For the dev
   * server, when a change comes in while it brings the search index up to date.
   */
  readonly signal?: AbortSignal
  /**
   * Worker threads beside the main thread, for parsing seeds and rendering
   * pages. Undefined: one per further core for large archives, a thread that
   * finds topics for medium ones, none for small ones (see `planThreads`;
   * `NEWS_ARCHIVE_WORKERS` overrides that default); 0: the main thread only.
   * A number given here or in the variable also means no topic thread.
   */
  readonly workers?: number
  /** Called now and then with how far the build is, for progress on a terminal. */
  readonly onProgress?: (stage: string, done: number, total: number) => void
  /**
   * Called once the new site is in place, before the build records what it
   * holds for the next build. For the dev server, which reloads open pages
   * then: at 100,000 articles that record is a manifest of 15 MB.
   */
  readonly onLive?: () => void
}

/** The default config file name, looked for in the working folder. */
export const defaultConfigFile = 'news-archive.config.json'
