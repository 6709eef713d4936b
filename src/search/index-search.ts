import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {runPagefind} from '../adapters/pagefind.js'
import type {SearchSettings} from '../config/site-config.js'

/** The folder of the search bundle inside the site, served at `/pagefind/`. */
export const searchBundleDir = 'pagefind'

/** What indexing the built site for search did and cost. */
export interface SearchIndexResult {
  /** HTML pages Pagefind read (articles are indexed; other pages are read and skipped). */
  readonly pages: number
  /** Files of the search bundle written into the site. */
  readonly files: number
  /** Wall-clock time of indexing, in milliseconds, for the build's report. */
  readonly milliseconds: number
}

/** Which files to read, and how to write the index. */
export interface SearchIndexOptions extends SearchSettings {
  /**
   * Glob of the HTML files to read, relative to the site folder (see
   * `articleGlob`); every HTML file when undefined.
   */
  readonly glob?: string | undefined
  /** Stops indexing: `indexSearch` then rejects with the signal's reason. */
  readonly signal?: AbortSignal
}

/**
 * Build the static search index inside a finished site folder (before it is
 * swapped in), at `<siteDir>/pagefind/`. Only pages marked
 * `data-pagefind-body` (the article pages) are indexed.
 *
 * @throws {SearchIndexError} When Pagefind reports an error.
 * @throws The reason of `options.signal` when it is aborted before indexing is done.
 */
export async function indexSearch(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const started = performance.now()
  const outputDir = path.join(siteDir, searchBundleDir)
  const {pagesRead} = await runPagefind(siteDir, outputDir, {
    ...(options.glob === undefined ? {} : {glob: options.glob}),
    ...(options.maxFragments === undefined ? {} : {maxFragments: options.maxFragments}),
    ...(options.signal === undefined ? {} : {signal: options.signal}),
  })
  const files = (await readdir(outputDir, {recursive: true, withFileTypes: true})).filter((entry) => entry.isFile()).length
  return {pages: pagesRead, files, milliseconds: Math.round(performance.now() - started)}
}
