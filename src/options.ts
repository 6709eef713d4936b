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
   * Worker threads beside the main thread, for parsing seeds and rendering
   * pages. Undefined: one per further core, none for small archives
   * (`NEWS_ARCHIVE_WORKERS` overrides that default); 0: the main thread only.
   */
  readonly workers?: number
  /** Called now and then with how far the build is, for progress on a terminal. */
  readonly onProgress?: (stage: string, done: number, total: number) => void
}

/** The default config file name, looked for in the working folder. */
export const defaultConfigFile = 'news-archive.config.json'
