import {existsSync} from 'node:fs'
import type {Worker} from 'node:worker_threads'
import {checkFolders} from './check-folders.js'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {loadTemplates, TemplateError, type TemplateSet} from './adapters/liquid.js'
import {articleSeedKey, type ArticleStore} from './cache/article-store.js'
import {BuildCache, defaultCacheDir} from './cache/build-cache.js'
import {generatorFingerprint} from './cache/generator-fingerprint.js'
import {fingerprint, stableJson} from './cache/hash.js'
import {PageKeys} from './cache/page-keys.js'
import {processCached, type CachedProcessing} from './cache/process-cached.js'
import {templateKeys} from './cache/template-keys.js'
import {loadConfig} from './config/load-config.js'
import type {SearchSettings, SiteConfig} from './config/site-config.js'
import {readTopicsFile} from './enrich/topics/topics-file.js'
import type {TopicRules} from './enrich/topics/extract-topics.js'
import type {Archive} from './indexes/archive.js'
import {indexArticles, type IndexSettings} from './indexes/build-archive.js'
import type {Article} from './model/article.js'
import {defaultConfigFile, packageRoot, type BuildOptions} from './options.js'
import {processSettings, startTopicWorker, type ProcessSettings} from './process-sources.js'
import {ContentError, isError, problem, type Problem} from './problems/content-error.js'
import {fileStart} from './problems/source-point.js'
import {pageClashes} from './render/page-clashes.js'
import {pageTemplates, planPages} from './render/render-site.js'
import {articleGlob, matchesArticleGlob} from './search/article-glob.js'
import {indexSearch} from './search/index-search.js'
import {siteUrls} from './render/urls.js'
import {ViewBuilder} from './render/views.js'
import {writeSite, type SiteSource} from './write-site.js'
import {mayRelateOnWorker, mayScanOnWorker, mayWriteOnWorker, planPageWorkers, planThreads} from './workers/plan-threads.js'
import {RelatedSearch} from './workers/related-search.js'
import {RelatedLists} from './indexes/related-lists.js'
import {OutputWriter, type StagingBase} from './write/write-output.js'
import {compareCodeUnits} from './text/code-unit-order.js'

/** New files a build writes on the main thread before a writer thread may take over (see `mayWriteOnWorker`). */
const writerThreadAfter = 200

/**
 * Up to this many articles, each article's card is rendered once per heading
 * level and kept for every listing that shows it (see `loadTemplates`), and
 * its feed entry once per format for every feed that has it (see `feedFiles`).
 * Note: about 3 KB of memory per article for the cards, and page workers (from
 * `minSeedsForWorkers` articles) would each keep their own; the feed entries,
 * up to as much as the bodies of the articles in feeds per topic-feed format,
 * while the feeds are made.
 */
const maxArticlesForKeptRenders = 20_000

/** How long each stage of a build took, in milliseconds. */
export interface BuildTimings {
  /**
   * Finding the seeds and loading the build cache's articles, and reading the
   * seeds that changed; for a large archive the scan runs beside the loading,
   * on a worker thread, and the changed seeds are read in the process stage.
   */
  readonly scan: number
  /** Parsing and enriching the seeds not in the cache, and saving the results. */
  readonly process: number
  /**
   * Indexing the archive by date and topic. Note: the related articles are
   * found in the write stage (for a large archive on a worker thread, while
   * this one opens the output and makes the feeds, sitemaps and list pages).
   */
  readonly index: number
  /** Rendering and writing pages, feeds and assets. */
  readonly write: number
  /** Building the search index (0 when it was kept or skipped). */
  readonly search: number
  /** Recording the new site and swapping it in. */
  readonly commit: number
}

/** What a build did. */
export interface BuildResult {
  readonly problems: readonly Problem[]
  /** Seeds left out because of errors (with `skipInvalid`). */
  readonly skipped: readonly string[]
  readonly articles: number
  /** Files whose bytes were written into the output folder; 0 when nothing was written. */
  readonly written: number
  /** Bytes written. */
  readonly bytes: number
  readonly wrote: boolean
  /** Seeds found and read. */
  readonly seeds: number
  /**
   * Entries of the seeds folder whose files the scan looked at (`stat`): all
   * of them, unless the dev server's file watch said which changed (see
   * `BuildCache.trackChanges`).
   */
  readonly scanned: number
  /** Seeds parsed and enriched by this build; the rest came from the cache. */
  readonly processed: number
  /** HTML pages the site has. */
  readonly pages: number
  /** Pages rendered by this build; the rest were unchanged. */
  readonly rendered: number
  /** Files of the site that were already in place or taken from the last site unchanged. */
  readonly unchanged: number
  /** Files of the last site that the new one no longer has. */
  readonly removed: number
  /** Whether the search index was built (false when it was still current, deferred or skipped). */
  readonly searchIndexed: boolean
  /**
   * Whether the site was given the live site's search index (or none) although
   * it is out of date, as `deferSearch` asks: a build without it brings the
   * index up to date.
   */
  readonly searchStale: boolean
  /** What the new site was built on (see `StagingBase`); `empty` for a clean build. */
  readonly base: StagingBase | 'none'
  /**
   * Whether the new site has a back buffer the next build can start from
   * (see `OutputWriter.commit`); not after a build written from empty, nor
   * after one that changed so much that the old site is far behind.
   */
  readonly backBufferReady: boolean
  readonly timings: BuildTimings
}

/**
 * Build the archive: read every seed, check it, index it, render it and write
 * it. Nothing is written when any seed has an error (unless `skipInvalid`),
 * and the last good site stays in place until the new one is complete.
 *
 * Builds are incremental: `cache` (by default the one in `.cache/news-archive`)
 * holds each seed's article and what every page was made from, so only new or
 * changed seeds are parsed and only pages whose inputs changed are rendered.
 * The result is byte for byte that of a clean build.
 */
export async function build(options: BuildOptions, cache?: BuildCache): Promise<BuildResult> {
  const ownCache = cache ?? openCache(options)
  try {
    return await buildWith(options, ownCache)
  } finally {
    // Note: a cache passed in (the dev server's) stays open for the next build.
    if (cache === undefined) ownCache.close()
  }
}

async function buildWith(options: BuildOptions, cache: BuildCache): Promise<BuildResult> {
  await checkFolders(options)
  const unlock = await cache.lock()
  try {
    return await buildLocked(options, cache)
  } finally {
    await unlock()
  }
}

async function buildLocked(options: BuildOptions, cache: BuildCache): Promise<BuildResult> {
  const clock = stopwatch()
  const config = await readConfig(options)
  const topics = await readTopicRules(options, config)
  const settings = processSettings(config, topics.rules)
  const seedsDir = path.resolve(options.cwd, options.seedsDir)
  const {processed, store, loadProblems, seedCount, scanned, scanTime} = await readSeeds(seedsDir, cache, settings, topics.text, options, clock)
  const processTime = clock.lap()
  options.signal?.throwIfAborted()
  const indexSettings: IndexSettings = {permalink: config.permalink, minTopicArticles: config.topics.minArticles, drafts: options.drafts}
  // Note: the memo is given up before it is lent, since indexing changes it; a build that fails there starts afresh.
  const indexMemo = cache.indexMemo
  cache.indexMemo = undefined
  const indexed = indexArticles(processed.articles, indexSettings, indexMemo)
  cache.indexMemo = indexed.memo
  const indexProblems = indexed.problems
  const problems = [...loadProblems, ...processed.problems, ...indexProblems]
  const skipped = [...loadProblems.map((item) => item.file), ...processed.invalid]
  const timings = {scan: scanTime, process: processTime, index: clock.lap(), write: 0, search: 0, commit: 0}
  const result: BuildResult = {
    problems, skipped, articles: indexed.archive.articles.length, written: 0, bytes: 0, wrote: false,
    seeds: seedCount, scanned, processed: processed.processedCount, pages: 0, rendered: 0, unchanged: 0, removed: 0, searchIndexed: false, searchStale: false, base: 'none', backBufferReady: false, timings,
  }
  if (options.check) return {...result, problems: [...problems, ...plannedClashes({...indexed.archive, related: RelatedLists.none}, config)]}
  if (problems.some(isError) && (!options.skipInvalid || indexProblems.some(isError))) return result

  const pageWorkers = planPageWorkers(indexed.archive.articles.length, process.env, options.workers)
  // Note: for a large archive a worker thread finds the related articles while this one opens the templates and the output
  // and plans the pages.
  // Note: the memo is given up before it is lent, like the index's; only a build that writes every page gives one back.
  const relatedMemo = cache.relatedMemo
  cache.relatedMemo = undefined
  const relating = RelatedSearch.start(indexed.archive.articles, indexed.allTopics, mayRelateOnWorker(indexed.archive.articles.length, process.env, options.workers), indexed.topicMentions, relatedMemo)
  let templates: TemplateSet
  let writer: OutputWriter
  try {
    templates = readTemplates(options, indexed.archive.articles.length <= maxArticlesForKeptRenders)
    const outDir = path.resolve(options.cwd, options.outDir)
    writer = await OutputWriter.open(outDir, {
      stateDir: cache.outputStateDir(outDir),
      reuse: cache.reuse,
      manifests: cache.manifests,
      ...(mayWriteOnWorker(pageWorkers, process.env, options.workers) ? {threadAfter: writerThreadAfter} : {}),
    })
  } catch (error) {
    relating.stop()
    throw error
  }
  let pages: {pages: number; rendered: number}
  let search: SearchOutcome = 'skipped'
  let pagesWritten = false
  try {
    // Note: what the pages are made from is set up before the related articles are found; nothing reads them until article
    // pages are keyed.
    const archive: Archive = {
      ...indexed.archive,
      get related() {
        return relating.lists
      },
    }
    const source = siteSource(archive, processed.articles, indexSettings, config, templates, options, siteKey(settings, topics.text, config, options), store, cache)
    pages = await writeSite(source, writer, {
      workers: pageWorkers,
      beforeArticles: () => relating.finish(),
      onProgress: (done, total) => options.onProgress?.('write', done, total),
    })
    pagesWritten = true
    options.signal?.throwIfAborted()
    await writer.removeStale()
    timings.write = clock.lap()
    search = await updateSearchIndex(writer, articleGlob(config.permalink), config.search, options)
    timings.search = clock.lap()
    await writer.commit(options.onLive)
    cache.keptPageKeys = source.keys.kept()
    cache.relatedMemo = relating.memo
    timings.commit = clock.lap()
  } catch (error) {
    relating.stop()
    // Note: stopped once every page is written, the site is kept for the next build to start from.
    if (pagesWritten && options.signal?.aborted) await writer.shelve()
    else await writer.abort()
    if (error instanceof TemplateError) return {...result, problems: [...problems, templateProblem(error)]}
    if (error instanceof ContentError) return {...result, problems: [...problems, error.problem]}
    throw error
  }
  return {...result, written: writer.written, bytes: writer.bytes, wrote: true, ...pages, unchanged: writer.unchanged + writer.linked, removed: writer.removed, searchIndexed: search === 'built', searchStale: search === 'stale', base: writer.base, backBufferReady: writer.backBufferReady}
}

/** What a build keeps of reading its seeds: not the seeds themselves (with the bytes read) nor their cache keys. */
interface ReadSeeds {
  readonly processed: Omit<CachedProcessing, 'seeds' | 'live' | 'keys'>
  /** The build cache's articles, which hold the bodies the articles come without. */
  readonly store: ArticleStore
  /** Files named like seeds that could not be read, in path order. */
  readonly loadProblems: readonly Problem[]
  /** Seeds found and read. */
  readonly seedCount: number
  /** Entries of the seeds folder the scan looked at (see `BuildResult.scanned`). */
  readonly scanned: number
  /** Milliseconds the scan took. */
  readonly scanTime: number
}

/**
 * Scan the seeds folder, process the seeds the store does not already hold,
 * and save the results and the seeds' `stat` signatures. The articles come
 * back without the bodies the store now holds: pages read them back one by
 * one (`ArticleStore.body`), so the build never holds every body at once.
 * Note: nor the seeds' bytes, which live only in this function's scan, so
 * that the rest of the build cannot keep them alive to its end.
 */
async function readSeeds(seedsDir: string, cache: BuildCache, settings: ProcessSettings, topicsText: string | undefined, options: BuildOptions, clock: {lap(): number}): Promise<ReadSeeds> {
  // Note: the topic thread (see `planThreads`) takes about 0.7 s to load and to answer its first seeds. Started as soon
  // as the listing shows that many seeds are new, it loads while this thread looks at them and reads them; in cold
  // builds of 10,000 seeds, started after the reads, it kept this thread waiting for half a second.
  let topicWorker: Worker | undefined
  const startTopics = (unindexed: number): void => {
    if (planThreads(unindexed, process.env, options.workers).topicThread) topicWorker = startTopicWorker(settings)
  }
  const scanAndProcess = async () => {
    // Note: for a large archive the scan runs on a worker thread while this one loads the store.
    const scanning = cache.scanSeeds(seedsDir, options.seedsDir, mayScanOnWorker(process.env, options.workers), startTopics)
    // Note: a scan that fails while the store loads is reported when awaited below, not as an unhandled rejection.
    scanning.catch(() => undefined)
    const store = await cache.articleStore(processingKey(settings, topicsText))
    const scanned = await scanning
    const scanTime = clock.lap()
    const processed = await processCached(seedsDir, scanned.scan.seeds, store, settings, (done, total) => options.onProgress?.('read', done, total), options.workers, scanned.earlier, topicWorker)
    return {...scanned, store, scanTime, processed}
  }
  const {scan, save, keep, store, scanTime, processed} = await scanAndProcess().catch(async (error: unknown) => {
    // Note: `processCached` stops a thread it was given; one started for a build that failed before is stopped here.
    await topicWorker?.terminate()
    throw error
  })
  const [entries] = await Promise.all([save(processed.seeds), store.save(processed.live)])
  // Note: a seed that vanished after the scan leaves it out of date; the next build starts again from the scan kept before.
  if (processed.readProblems.length === 0) keep(processed.seeds, entries, processed.keys)
  const {seeds, live, keys, ...kept} = processed
  // Note: a scan on a worker leaves changed seeds for `processCached` to read, so an unreadable one is reported
  // there; in path order with the scan's own problems, the build reports the same either way.
  const loadProblems = [...scan.problems, ...processed.readProblems].sort((a, b) => compareCodeUnits(a.file, b.file))
  return {processed: kept, store, loadProblems, seedCount: scan.seeds.length - processed.readProblems.length, scanned: scan.examined, scanTime}
}

/** The build cache `options` ask for. */
export function openCache(options: BuildOptions): BuildCache {
  return new BuildCache(path.resolve(options.cwd, options.cacheDir ?? defaultCacheDir), options.cache !== false)
}

/** Everything `writeSite` needs: the archive's views and page keys, and what a page worker needs to make the same. */
function siteSource(archive: Archive, articles: readonly Article[], indexSettings: IndexSettings, config: SiteConfig, templates: TemplateSet, options: BuildOptions, key: string, store: ArticleStore, cache: BuildCache): SiteSource {
  // Note: articles from the store come without their bodies, which stay in the store until a page shows them.
  const views = new ViewBuilder(archive, config, siteUrls(config.baseUrl), (article) => store.body(articleSeedKey(article)) ?? article.bodyHtml)
  const dirs = templateDirs(options)
  const keysOfTemplates = templateKeys(dirs, pageTemplates)
  const siteKey = fingerprint(key, JSON.stringify(views.site))
  return {
    articles, indexSettings, archive, config, views, siteKey, templates,
    shareBodies: () => store.shareBodies(articles.map(articleSeedKey)),
    keys: new PageKeys(archive, views, siteKey, keysOfTemplates, cache.keptPageKeys),
    templateKeys: keysOfTemplates,
    templateDirs: dirs,
    pages: [...planPages(archive, views)],
    assetDirs: assetDirs(options),
    keepFeedEntries: archive.articles.length <= maxArticlesForKeptRenders,
    sitemaps: cache.sitemaps,
  }
}

/**
 * The clashes of article pages with other pages of the site, as `check`
 * finds them: by planning the pages, whose views it never builds (no body
 * is read), nor their related articles.
 */
function plannedClashes(archive: Archive, config: SiteConfig): Problem[] {
  return pageClashes([...planPages(archive, new ViewBuilder(archive, config, siteUrls(config.baseUrl)))], archive)
}

/**
 * What became of the search index: `built` anew; `kept`, one built from
 * exactly the same pages with the same settings; `stale`, the live site's
 * (or none) kept out of date because `deferSearch` asked for that; `skipped`
 * (`search: false`).
 */
type SearchOutcome = 'built' | 'kept' | 'stale' | 'skipped'

/**
 * Build the search index over the article pages of the new site, unless the
 * one in the staging folder was built from exactly the same pages (or
 * `options.search` is false) with the same settings, or `options.deferSearch`
 * asks to keep the live one for now. `glob` picks the article pages (all
 * HTML pages when undefined). Note: indexing reads every page it is given,
 * so it is skipped whenever it can be, and list pages are never read.
 */
async function updateSearchIndex(writer: OutputWriter, glob: string | undefined, settings: SearchSettings, options: BuildOptions): Promise<SearchOutcome> {
  if (options.search === false) {
    await writer.recordSearchIndex('')
    return 'skipped'
  }
  // Note: the key sorts and hashes every page's path and key, so a build without search never makes it.
  const key = fingerprint(writer.pagesKey(glob === undefined ? undefined : (file) => matchesArticleGlob(glob, file)), stableJson(settings))
  if (await writer.keepSearchIndex(key)) return 'kept'
  if (options.deferSearch) {
    await writer.keepLiveSearchIndex()
    return 'stale'
  }
  await writer.clearSearchIndex()
  await indexSearch(writer.target.stagingDir, {glob, ...settings, ...(options.signal === undefined ? {} : {signal: options.signal})})
  await writer.recordSearchIndex(key)
  return 'built'
}

/** What shapes a seed's article besides its bytes: the generator, the settings and the topics file. */
function processingKey(settings: ProcessSettings, topicsText: string | undefined): string {
  // Note: the topics file's text stands for its parsed rules, which may not be plain data.
  const {topicRules, ...rest} = settings
  void topicRules
  return fingerprint(generatorFingerprint(), stableJson(rest), topicsText ?? '\0none')
}

/** What every page depends on: how its articles were made, the config and the build options that change pages. */
function siteKey(settings: ProcessSettings, topicsText: string | undefined, config: SiteConfig, options: BuildOptions): string {
  // Note: the search settings shape only the search index, which has its own key.
  const {search, ...pageConfig} = config
  void search
  return fingerprint(processingKey(settings, topicsText), stableJson(pageConfig), stableJson({drafts: options.drafts}))
}

async function readConfig(options: BuildOptions): Promise<SiteConfig> {
  const file = options.configFile ?? (existsSync(path.resolve(options.cwd, defaultConfigFile)) ? defaultConfigFile : undefined)
  return loadConfig({
    ...(file === undefined ? {} : {path: path.resolve(options.cwd, file)}),
    display: file ?? defaultConfigFile,
    ...(options.baseUrl === undefined ? {} : {baseUrl: options.baseUrl}),
  })
}

async function readTopicRules(options: BuildOptions, config: SiteConfig): Promise<{rules?: TopicRules; text?: string}> {
  const file = path.resolve(options.cwd, config.topics.file)
  if (!existsSync(file)) return {}
  const text = await readFile(file, 'utf8')
  return {rules: readTopicsFile(config.topics.file, text), text}
}

/** The user's templates folder first, then the built-in one, so a user may override single templates. */
export function templateDirs(options: Pick<BuildOptions, 'cwd'>): string[] {
  return [...new Set([path.resolve(options.cwd, 'templates'), path.join(packageRoot, 'templates')])].filter((dir) => existsSync(dir))
}

/** Built-in assets first, then the user's `public/`, which may replace them. */
export function assetDirs(options: Pick<BuildOptions, 'cwd'>): string[] {
  return [...new Set([path.join(packageRoot, 'public'), path.resolve(options.cwd, 'public')])].filter((dir) => existsSync(dir))
}

function readTemplates(options: BuildOptions, keepCards: boolean): TemplateSet {
  try {
    return loadTemplates(templateDirs(options), pageTemplates, {keepCards})
  } catch (error) {
    if (error instanceof TemplateError) throw new ContentError(templateProblem(error), {cause: error})
    throw error
  }
}

function templateProblem(error: TemplateError): Problem {
  return problem('template-invalid', {file: `templates/${path.basename(error.file)}`, place: error.line > 0 ? {line: error.line, column: error.column} : fileStart}, error.message)
}

/** Milliseconds since the last lap. Note: only for reporting; nothing timed reaches the output. */
function stopwatch(): {lap(): number} {
  let last = performance.now()
  return {
    lap() {
      const now = performance.now()
      const elapsed = Math.round(now - last)
      last = now
      return elapsed
    },
  }
}
