import {setImmediate as nextTurn} from 'node:timers/promises'
import path from 'node:path'
import {findAllFiles} from './adapters/glob.js'
import type {TemplateSet} from './adapters/liquid.js'
import type {SharedBodies} from './cache/article-store.js'
import type {PageKeys} from './cache/page-keys.js'
import type {SiteConfig} from './config/site-config.js'
import type {Archive} from './indexes/archive.js'
import type {IndexSettings} from './indexes/build-archive.js'
import type {Article} from './model/article.js'
import type {Page} from './render/page.js'
import {ContentError} from './problems/content-error.js'
import {pageClashProblem} from './render/page-clashes.js'
import {renderPage} from './render/render-site.js'
import {siteFiles} from './render/site-files.js'
import type {ViewBuilder} from './render/views.js'
import type {SitemapMemo} from './render/sitemap/write-sitemaps.js'
import {PageClaims} from './workers/page-claims.js'
import type {WorkerPage} from './workers/page-worker-data.js'
import {PageWorker} from './workers/page-worker.js'
import type {OutputWriter} from './write/write-output.js'
import {compareCodeUnits} from './text/code-unit-order.js'

/**
 * Pages the main thread renders before it starts the workers in a build
 * that may keep pages. Note: a worker costs a copy of every article and a
 * rebuild of the archive, which pays off only when many pages must be rendered.
 */
const rendersBeforeWorkers = 64

/** What the pages of a site are made from, on the main thread and (for `workers`) in worker threads. */
export interface SiteSource {
  /** The articles; `bodyHtml` is empty for those whose body the build cache holds. */
  readonly articles: readonly Article[]
  /**
   * Where workers read the bodies the build cache holds, by index into
   * `articles` (see `ArticleStore.shareBodies`). Note: asked for only when
   * workers start, so a build that renders a few pages never pays for it.
   */
  readonly shareBodies: () => SharedBodies | undefined
  readonly indexSettings: IndexSettings
  readonly archive: Archive
  readonly config: SiteConfig
  readonly views: ViewBuilder
  readonly keys: PageKeys
  readonly siteKey: string
  readonly templateKeys: ReadonlyMap<string, string>
  readonly templateDirs: readonly string[]
  readonly templates: TemplateSet
  readonly pages: readonly Page[]
  /** Asset folders, in order: a later folder's file replaces an earlier one's. */
  readonly assetDirs: readonly string[]
  /** Whether the feeds keep each article's entry while they are made (see `FeedFilesOptions`). */
  readonly keepFeedEntries: boolean
  /** The child sitemaps of the build before, in a process that runs several builds (see `SitemapMemo`). */
  readonly sitemaps?: SitemapMemo
}

/** How `writeSite` runs. */
export interface WriteSiteOptions {
  /** Worker threads that render pages beside the main thread. */
  readonly workers: number
  /** Called now and then with the pages done. */
  readonly onProgress?: (done: number, total: number) => void
  /**
   * Awaited once, before the first article page is keyed: a build finds the
   * related articles, which only article pages show, while the feeds,
   * sitemaps and list pages are made (see `RelatedSearch`, `planPages`).
   */
  readonly beforeArticles?: () => Promise<unknown>
}

/**
 * Write the site's feeds and sitemaps, every page, then its assets
 * (which win over a page at the same path). Pages whose key an earlier build
 * already has are kept, not rendered. When many pages need rendering,
 * `workers` worker threads render pages beside the main thread; each thread
 * takes blocks of them as it goes (`PageClaims`). A worker writes its pages
 * itself only into a staging folder that started empty; otherwise the main
 * thread writes them. Either way the site is the same whichever thread
 * rendered a page.
 *
 * The feeds and sitemaps come first (see `beforeArticles`). A clean build starts
 * the workers at once, so they render while the main thread makes those,
 * then the main thread helps with the pages left. Other builds start workers
 * only once many pages turn out to need rendering.
 */
export async function writeSite(source: SiteSource, writer: OutputWriter, options: WriteSiteOptions): Promise<{pages: number; rendered: number}> {
  const {pages, keys, templates} = source
  const claims = PageClaims.create(pages.length)
  const helpers: PageWorker[] = []
  const directDir = writer.directWriteDir()
  let helpersStarted = false
  // Note: once only, and not at all without workers: sharing the bodies walks every article.
  const startHelpers = (): void => {
    if (helpersStarted || options.workers === 0) return
    helpersStarted = true
    const bodies = source.shareBodies()
    for (let count = 0; count < options.workers; count++) {
      helpers.push(
        PageWorker.start({
          articles: source.articles,
          ...(bodies === undefined ? {} : {bodies}),
          indexSettings: source.indexSettings,
          config: source.config,
          templateDirs: source.templateDirs,
          templateKeys: source.templateKeys,
          siteKey: source.siteKey,
          reusable: writer.reusableKeys(),
          ...(directDir === undefined ? {} : {writeDir: directDir}),
          claims: claims.buffer,
          pageCount: pages.length,
        }),
      )
    }
  }
  let rendered = 0
  let done = 0
  const progress = (count: number): void => {
    const before = done
    done += count
    if (Math.floor(before / 500) !== Math.floor(done / 500)) options.onProgress?.(done, pages.length)
  }
  let articlesWait = options.beforeArticles !== undefined
  let articlesReady: Promise<void> | undefined
  /** `beforeArticles`, awaited once. */
  const readyForArticles = (): Promise<void> =>
    (articlesReady ??= (options.beforeArticles?.() ?? Promise.resolve()).then(() => {
      articlesWait = false
    }))
  /** Key page `index` and keep or render it; a promise only when it has to wait (see `OutputWriter.keepInPlace`). */
  const renderHere = (index: number): Promise<void> | undefined => {
    const page = pages[index] as Page
    if (articlesWait && page.article !== undefined) return readyForArticles().then(() => renderHere(index))
    const {key, path: relative, view} = keys.key(page)
    return writer.keepInPlace(relative, key) ? undefined : renderUnlessLinked(page, relative, key, view)
  }
  const renderUnlessLinked = async (page: Page, relative: string, key: string, view: object | undefined): Promise<void> => {
    if (await writer.reuse(relative, key)) return
    await writer.write(renderPage(page, templates, view, relative), key)
    rendered++
  }
  const writeFromWorker = async (page: WorkerPage): Promise<void> => {
    if (page.wrote !== undefined) {
      writer.recordWritten(page.path, page.key, page.wrote)
      rendered++
    } else if (page.html) {
      await writer.write({path: page.path, contents: page.html, from: (pages[page.index] as Page).from}, page.key)
      rendered++
    } else if (!(await writer.reuse(page.path, page.key))) {
      // Note: the worker expected to keep the file, but it is gone (someone deleted it from the site): make it here.
      await renderHere(page.index)
    }
  }
  const writeArrivals = async (): Promise<void> => {
    for (const helper of helpers) {
      for (const batch of helper.take()) {
        for (const page of batch) await writeFromWorker(page)
        claims.wroteBatch()
        progress(batch.length)
      }
    }
  }

  const writeSiteFiles = async (): Promise<void> => {
    let made = 0
    for (const file of siteFiles(source.archive, source.views, (index) => keys.cardKey(index), pages, {keepEntries: source.keepFeedEntries}, source.sitemaps)) {
      // Note: now and then, take in the workers' batches, so their records do not pile up and a failure shows at once.
      if (helpers.length > 0 && ++made % 256 === 0) {
        await nextTurn()
        await writeArrivals()
      }
      if (!('make' in file)) {
        await writer.write(file)
        continue
      }
      const key = file.byContent ? file.inputs() : keys.fileKey(file)
      if (!(await writer.reuse(file.path, key))) await writer.write({path: file.path, contents: file.make(), from: file.from}, key, file.byContent)
    }
  }

  try {
    // Note: a clean build renders every page, so the workers pay off at once.
    if (directDir !== undefined && options.workers > 0 && pages.length > rendersBeforeWorkers) startHelpers()
    // Note: the feeds and sitemaps first, then the list pages, while a large build's worker thread finds the related
    // articles, or while the page workers start and render. In CPU profiles of dev builds that added one seed to 100,000
    // articles, this thread took over 0.13-0.19 s of the related articles' work when it asked for them before the
    // feeds, 0-0.06 s after them; once the index was counted anew only where it changed, it took over 0.1 s again, and
    // after the list pages none (BENCHMARKS.md).
    await writeSiteFiles()
    for (let block = claims.next(); block; block = claims.next()) {
      for (let index = block.start; index < block.end; index++) {
        const waiting = renderHere(index)
        if (waiting) await waiting
      }
      progress(block.end - block.start)
      // Note: workers start once pages turn out to need rendering; a build that keeps most pages (one seed added) never pays for them.
      if (!helpersStarted && rendered >= rendersBeforeWorkers) startHelpers()
      if (helpers.length > 0) {
        // Note: let the workers' batches in, so they are written while the main thread renders.
        await nextTurn()
        await writeArrivals()
      }
    }
    // Note: a worker still starting up when the last block is taken is not waited for.
    while (helpers.some((helper) => !helper.done) && !claims.settled()) {
      await Promise.race(helpers.map((helper) => helper.arrival()))
      await writeArrivals()
    }
    // Note: also when no article page was keyed here (the workers took them all, or there are none): the caller's
    // wait may hold more than what pages need (a build's keeps the related articles for the next build).
    if (articlesWait) await readyForArticles()
  } finally {
    await Promise.all(helpers.map((helper) => helper.close()))
  }
  // Note: before the assets, which may replace a page on purpose.
  const [clash] = writer.takeClashes()
  if (clash !== undefined) throw new ContentError(pageClashProblem(clash, pages, source.archive))

  // Note: each asset is copied once, from the last folder that has it, so a user's file replaces the built-in one.
  const assets = new Map<string, string>()
  for (const dir of source.assetDirs) for (const relative of await findAllFiles(dir)) assets.set(relative, path.join(dir, relative))
  for (const [relative, from] of [...assets].sort(([a], [b]) => compareCodeUnits(a, b))) await writer.copy(from, relative)
  return {pages: pages.length, rendered}
}
