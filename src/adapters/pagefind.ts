import * as pagefind from 'pagefind'

/** What Pagefind made of a site folder. */
export interface PagefindRun {
  /** HTML files Pagefind read (it indexes only those marked `data-pagefind-body`). */
  readonly pagesRead: number
}

/** How to index. */
export interface PagefindSettings {
  /**
   * Most fragment files (one per page by default) Pagefind writes before it
   * bundles fragments into shared files; undefined keeps Pagefind's default.
   */
  readonly maxFragments?: number
  /** Glob of the HTML files to read, relative to the site folder; all HTML files when undefined. */
  readonly glob?: string
  /** Stops Pagefind: `runPagefind` then rejects with the signal's reason. */
  readonly signal?: AbortSignal
}

/** Thrown when Pagefind reports errors: the search index would be missing or incomplete. */
export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError'
}

/**
 * Index every HTML file under `siteDir` with Pagefind and write its bundle
 * (index, WebAssembly, `pagefind.js`) to `outputDir`. Pagefind runs as its
 * own process (a binary from the `@pagefind/<platform>` package), which is
 * stopped again before this returns.
 *
 * @throws {SearchIndexError} When Pagefind cannot run or reports an error.
 * @throws The reason of `settings.signal` when it is aborted before Pagefind is done.
 */
export async function runPagefind(siteDir: string, outputDir: string, settings: PagefindSettings = {}): Promise<PagefindRun> {
  const {signal} = settings
  signal?.throwIfAborted()
  // Note: closing stops Pagefind's process, which fails the call under way.
  const stop = (): void => void pagefind.close()
  signal?.addEventListener('abort', stop, {once: true})
  try {
    const created = await pagefind.createIndex(settings.maxFragments === undefined ? {} : {maxFragments: settings.maxFragments})
    if (!created.index) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ')}`)
    const added = await created.index.addDirectory({path: siteDir, ...(settings.glob === undefined ? {} : {glob: settings.glob})})
    check('reading the site', added.errors)
    const written = await created.index.writeFiles({outputPath: outputDir})
    check('writing the index', written.errors)
    return {pagesRead: added.page_count}
  } catch (error) {
    signal?.throwIfAborted()
    if (error instanceof SearchIndexError) throw error
    // Note: e.g. no `@pagefind/<platform>` binary (optional dependencies left out, or an unsupported platform).
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    throw new SearchIndexError(`Pagefind could not run: ${reason}. Reinstall with \`npm ci\` (optional dependencies included) or set PAGEFIND_BINARY_PATH.`, {cause: error})
  } finally {
    signal?.removeEventListener('abort', stop)
    // Note: the Pagefind process otherwise keeps Node running after the build.
    await pagefind.close()
  }
}

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`Pagefind failed while ${step}: ${errors.join('; ')}`)
}
