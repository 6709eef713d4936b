import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {build, openCache, type BuildResult} from '../build.js'
import {defaultConfigFile, type BuildOptions} from '../options.js'
import {BusyError} from '../lock-file.js'
import {ContentError, type Problem} from '../problems/content-error.js'
import {OutputWriter, outputTarget} from '../write/write-output.js'
import {errorPage} from './error-page.js'
import {pathKind} from './path-kind.js'
import {injectReloadScript, reloadEventsPath, reloadScript, reloadScriptPath} from './reload-client.js'
import {serveStatic} from './serve-static.js'
import {watchFiles, type FileWatch} from './watch-files.js'

/** What the dev server is asked to do. */
export interface DevOptions {
  readonly cwd: string
  readonly seedsDir: string
  readonly outDir: string
  readonly configFile?: string
  readonly cacheDir?: string
  readonly drafts: boolean
  /** Keep the search index up to date: after each change is shown, it is indexed anew. */
  readonly search: boolean
  /** 0 picks a free port. */
  readonly port: number
  readonly host: string
  /** Told about every build, for the terminal. */
  readonly onEvent?: (event: DevEvent) => void
}

/** Something the terminal should know about. */
export type DevEvent =
  /** A change went live: in `liveMilliseconds`, when open pages were told to reload; the build was done in `milliseconds`. */
  | {readonly kind: 'built'; readonly result: BuildResult; readonly milliseconds: number; readonly liveMilliseconds: number}
  /** A search pass brought the search index up to date (see `rebuild`). */
  | {readonly kind: 'indexed'; readonly result: BuildResult; readonly milliseconds: number}
  /** A build that stopped: with the problems that stopped it, or with `stack`, a bug's. */
  | {readonly kind: 'failed'; readonly problems: readonly Problem[]; readonly stack?: string}
  /** The live site was given a back buffer (see `OutputWriter.prepareBackBuffer`), so the next change need not wait for a copy of it. */
  | {readonly kind: 'prepared'; readonly milliseconds: number}
  | {readonly kind: 'info'; readonly message: string}

/** A running dev server. */
export interface DevServer {
  /** Where the site is served, e.g. `http://localhost:8080/`. */
  readonly url: string
  /** Builds done so far (successful or not). */
  readonly builds: number
  /** Wait until every change seen so far is built, and the search index brought up to date. */
  settled(): Promise<void>
  /** Stop watching and serving, once the build under way ends; calling it again waits for the same. */
  close(): Promise<void>
}

/** Milliseconds to wait after a change for more (an editor saving several files, a `git checkout`). */
const settleDelay = 60

/** How long to wait before building again when another build holds the build cache. */
const busyRetryMs = 1000
/** A comment on the event stream this often keeps proxies from closing it. */
const keepAliveMs = 25_000

/**
 * Build the site, serve it, and rebuild it incrementally on every change to
 * the seeds, templates, `public/`, the config or the topics file, then tell
 * open pages to reload. While the last build failed, every page shows its
 * problems; the server keeps running, and fixing the files brings the site
 * back. One build runs at a time; changes during a build start another. With
 * search on, each change is shown first and indexed after (see `rebuild`).
 */
export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const outDir = path.resolve(options.cwd, options.outDir)
  const clients = new Set<ServerResponse>()
  const files = serveStatic(outDir)
  let failure: {problems: readonly Problem[]; message?: string; waiting?: boolean} | undefined
  let builds = 0
  /** Reload events sent to open pages. */
  let reloads = 0

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, {'Content-Type': 'text/plain; charset=utf-8'})
      response.end(`news-archive dev server: ${(error as Error).message}\n`)
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname
    // Note: taken before any file is read, so a page read while a rebuild goes live is reloaded rather than kept.
    const site = reloads
    if (pathname === reloadEventsPath) return openEventStream(request, response)
    if (pathname === reloadScriptPath) return send(response, 200, 'text/javascript; charset=utf-8', reloadScript)
    const page = await findPage(outDir, pathname)
    if (failure && (page || !path.posix.extname(pathname))) return send(response, failure.waiting ? 503 : 500, 'text/html; charset=utf-8', errorPage(site, failure.problems, failure.message, failure.waiting))
    if (page?.redirect) {
      response.writeHead(301, {Location: page.redirect, 'Cache-Control': 'no-store'})
      return void response.end()
    }
    if (page) return send(response, 200, 'text/html; charset=utf-8', injectReloadScript(await readFile(page.file, 'utf8'), site), request.method === 'HEAD')
    files(request, response, () => {
      notFound(response, request.method === 'HEAD', site).catch(() => response.end())
    })
  }

  async function notFound(response: ServerResponse, headOnly: boolean, site: number): Promise<void> {
    const file = path.join(outDir, '404.html')
    const html = injectReloadScript(existsSync(file) ? await readFile(file, 'utf8') : '<!doctype html><title>Not found</title><p>Not found.</p>', site)
    send(response, 404, 'text/html; charset=utf-8', html, headOnly)
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
    // Note: with the number of the last rebuild, which a page that loaded while it ended has not heard of (see `reloadScript`).
    response.write(`: connected\n\nevent: site\ndata: ${reloads}\n\n`)
    clients.add(response)
    request.on('close', () => clients.delete(response))
  }

  const keepAlive = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n')
  }, keepAliveMs)
  keepAlive.unref()

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://localhost:${port}/`

  const buildOptions: BuildOptions = {
    cwd: options.cwd,
    seedsDir: options.seedsDir,
    outDir: options.outDir,
    ...(options.configFile === undefined ? {} : {configFile: options.configFile}),
    ...(options.cacheDir === undefined ? {} : {cacheDir: options.cacheDir}),
    // Note: the dev site links to itself, whatever base URL the config gives the real one.
    baseUrl: url,
    check: false,
    drafts: options.drafts,
    skipInvalid: false,
    search: options.search,
  }
  const cache = openCache(buildOptions)
  // Note: the watch below tells each build which seeds changed, so it need not look at every one.
  const journal = cache.trackChanges()

  /**
   * One build. A `change` pass shows a change as soon as its pages are
   * written: it keeps the live site's search index when that is out of date
   * (`deferSearch`), and a `search` pass follows once no change waits. A
   * change that comes in while the search pass runs stops it; it runs again
   * after the change is built. Open pages reload after a change pass only:
   * a change the search pass happened to see first also starts a change pass.
   */
  async function rebuild(pass: 'change' | 'search'): Promise<void> {
    const started = performance.now()
    let liveAt: number | undefined
    const controller = new AbortController()
    if (pass === 'search') indexing = controller
    clearTimeout(retry)
    searchDue = false
    try {
      // Note: open pages reload as soon as a change is live; the build then records the new site for the next one.
      const onLive = (): void => {
        liveAt = performance.now()
        if (pass === 'search') return
        failure = undefined
        reload()
      }
      const result = await build({...buildOptions, deferSearch: pass === 'change', signal: controller.signal, onLive}, cache)
      if (result.wrote) backBufferDue = !result.backBufferReady
      if (pass === 'search') {
        // Note: the pages are fine whatever became of the index, so a failed search pass does not replace them with the error page.
        if (result.wrote) options.onEvent?.({kind: 'indexed', result, milliseconds: performance.now() - started})
        else options.onEvent?.({kind: 'info', message: 'The search index was not brought up to date: the seeds changed meanwhile.'})
        waitingForCache = false
        return
      }
      if (result.wrote) {
        failure = undefined
        searchDue = result.searchStale
        options.onEvent?.({kind: 'built', result, milliseconds: performance.now() - started, liveMilliseconds: (liveAt ?? performance.now()) - started})
      } else {
        failure = {problems: result.problems}
        options.onEvent?.({kind: 'failed', problems: result.problems})
      }
    } catch (error) {
      // Note: stopped by a change (or by closing); the change's build finds the index still out of date.
      if (controller.signal.aborted) return
      if (error instanceof BusyError) return waitForCache(error, pass)
      if (pass === 'search') {
        options.onEvent?.({kind: 'info', message: `The search index could not be brought up to date: ${error instanceof ContentError ? error.problem.message : ((error as Error).stack ?? String(error))}`})
        return
      }
      // Note: a bug is shown too, and the server keeps running: the next change may get past it.
      failure = error instanceof ContentError ? {problems: [error.problem]} : {problems: [], message: (error as Error).stack ?? String(error)}
      options.onEvent?.({kind: 'failed', problems: failure.problems, ...(failure.message === undefined ? {} : {stack: failure.message})})
    } finally {
      if (indexing === controller) indexing = undefined
    }
    waitingForCache = false
    builds++
    // Note: a change that went live reloaded open pages then; one that failed reloads them now, to show its problems.
    if (liveAt === undefined || failure !== undefined) reload()
  }

  function reload(): void {
    reloads++
    for (const client of clients) client.write(`event: reload\ndata: ${reloads}\n\n`)
  }

  /**
   * Give the live site a back buffer close to it while the server waits for
   * changes (see `OutputWriter.prepareBackBuffer`): after a site written from
   * empty (the first build into a new output folder, or after a change of
   * generator) or one that changed a large part of it (an edited template),
   * the next build would otherwise start by linking a copy of every file,
   * which at 100,000 articles more than doubled the time the first change
   * took to show. A change that comes in meanwhile stops it, and its build
   * makes that copy itself, as it did before.
   */
  async function prepareBackBuffer(): Promise<void> {
    const started = performance.now()
    const controller = new AbortController()
    preparing = controller
    try {
      if (await OutputWriter.prepareBackBuffer(outDir, cache.outputStateDir(outDir), controller.signal, cache.manifests)) options.onEvent?.({kind: 'prepared', milliseconds: performance.now() - started})
    } catch (error) {
      // Note: another build holds the output folder (`news-archive build` in a terminal); it makes its own start.
      if (error instanceof BusyError) return
      options.onEvent?.({kind: 'info', message: `The next build starts from a copy of the site: ${(error as Error).message}`})
    } finally {
      preparing = undefined
    }
  }

  /**
   * Another build (`news-archive build` in a terminal) holds the build cache:
   * say so once, keep serving the last site (or, before there is one, a page
   * saying why), and try `pass` again every `busyRetryMs` until it is free.
   */
  function waitForCache(error: BusyError, pass: 'change' | 'search'): void {
    if (!waitingForCache) {
      waitingForCache = true
      options.onEvent?.({kind: 'info', message: `${error.message}. The dev server builds once it is free.`})
      if (builds === 0) failure = {problems: [], message: error.message, waiting: true}
    }
    // Note: the search pass is due again only when the wait is over; due at once, `next` would start it again at once.
    searchDue = false
    if (!closed) retry = setTimeout(pass === 'search' ? retrySearch : schedule, busyRetryMs)
  }

  const retrySearch = (): void => {
    searchDue = true
    next()
  }
  let running: Promise<void> | undefined
  let pending = false
  /** Whether the live site's search index is out of date, so a search pass is to follow. */
  let searchDue = false
  /** Whether the live site may lack a back buffer close to it, which is made once nothing else waits (see `prepareBackBuffer`). */
  let backBufferDue = false
  /** Stops the search pass under way. */
  let indexing: AbortController | undefined
  /** Stops the making of a back buffer under way. */
  let preparing: AbortController | undefined
  let timer: NodeJS.Timeout | undefined
  let retry: NodeJS.Timeout | undefined
  let waitingForCache = false
  let closed = false
  let closing: Promise<void> | undefined
  /** Whether a change is settling (see `settleDelay`) before it is built. */
  let waiting = false
  /**
   * What follows a pass: a change that came in meanwhile; else, while no
   * change is settling, the making of a back buffer when one is due, then
   * the search pass when one is due.
   */
  const next = (): void => {
    if (running || closed) return
    if (pending) {
      pending = false
      schedule()
    } else if (backBufferDue && !waiting) {
      backBufferDue = false
      running = prepareBackBuffer().finally(() => {
        running = undefined
        next()
      })
    } else if (searchDue && !waiting) {
      running = rebuild('search').finally(() => {
        running = undefined
        next()
      })
    }
  }
  const schedule = (): void => {
    if (closed) return
    if (running) {
      pending = true
      indexing?.abort()
      preparing?.abort()
      return
    }
    running = rebuild('change').finally(() => {
      running = undefined
      next()
    })
  }
  const changed = (file: string): void => {
    journal.note(file)
    clearTimeout(timer)
    waiting = true
    timer = setTimeout(() => {
      waiting = false
      schedule()
    }, settleDelay)
  }

  // Note: watching starts before the first build, so a file saved while it runs (minutes, for a large archive) is built
  // after it; the build's own scan sees whatever changed before.
  /** Stop serving and let go of the build cache: on closing, or when the watch could not start. */
  const stopServing = async (): Promise<void> => {
    clearInterval(keepAlive)
    for (const client of clients) client.end()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    cache.close()
  }
  const watchFailed = (error: Error): void => {
    journal.lose()
    options.onEvent?.({kind: 'info', message: `Some folders could not be listed or watched (${error.message}), so changes in them may not start a rebuild until a later listing succeeds or the dev server restarts. From now on each rebuild looks at every seed.`})
  }

  let watch: FileWatch
  try {
    watch = await watchSources(options, outDir, cache.dir, changed, watchFailed, () => journal.heard())
  } catch (error) {
    await stopServing()
    throw error
  }
  schedule()
  await running

  return {
    url,
    get builds() {
      return builds
    },
    async settled() {
      while (waiting || running) {
        if (running) await running
        else await new Promise((resolve) => setTimeout(resolve, settleDelay))
      }
    },
    close() {
      // Note: once; a second call waits for the first.
      closing ??= (async () => {
        closed = true
        indexing?.abort()
        preparing?.abort()
        clearTimeout(timer)
        clearTimeout(retry)
        await watch.close()
        await running
        await stopServing()
      })()
      return closing
    },
  }
}

/** Watch everything a build reads from the project: seeds, templates, public/, config and topics file. */
async function watchSources(options: DevOptions, outDir: string, cacheDir: string, onChange: (file: string) => void, onError: (error: Error) => void, onEvent: () => void): Promise<FileWatch> {
  const at = (relative: string): string => path.resolve(options.cwd, relative)
  const {stagingDir, previousDir, lockFile} = outputTarget(outDir)
  const paths = [at(options.seedsDir), at('templates'), at('public'), at(options.configFile ?? defaultConfigFile), at('topics.yml')]
  const ignored = [outDir, stagingDir, previousDir, lockFile, cacheDir]
  const ignore = (file: string): boolean => ignored.some((dir) => file === dir || file.startsWith(dir + path.sep))
  return watchFiles(paths, ignore, onChange, onError, onEvent)
}

/**
 * The HTML file a URL path shows: `/2024/` → `2024/index.html`, `/404.html`
 * itself; `/2024` redirects to `/2024/`. Undefined for anything else (assets,
 * feeds), which the static handler serves.
 */
async function findPage(outDir: string, pathname: string): Promise<{file: string; redirect?: undefined} | {file: string; redirect: string} | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  const file = path.resolve(outDir, `.${decoded}`)
  if (file !== outDir && !file.startsWith(outDir + path.sep)) return undefined
  if (decoded.endsWith('/')) return (await isFile(path.join(file, 'index.html'))) ? {file: path.join(file, 'index.html')} : undefined
  if (decoded.endsWith('.html')) return (await isFile(file)) ? {file} : undefined
  if (path.posix.extname(decoded) === '' && (await isFile(path.join(file, 'index.html')))) return {file, redirect: `${pathname}/`}
  return undefined
}

async function isFile(file: string): Promise<boolean> {
  return (await pathKind(file)) === 'file'
}

function send(response: ServerResponse, status: number, type: string, body: string, headOnly = false): void {
  response.writeHead(status, {'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body)})
  response.end(headOnly ? undefined : body)
}
