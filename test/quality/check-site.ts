import {readFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {listFiles} from '../helpers/build-from-files.js'
import type {PageResult} from './check-page-worker.js'
import {xmlProblem} from './check-xml.js'
import {cspWeaknesses} from './read-page.js'

/** What is wrong with a built site; every list is empty for a good one. */
export interface SiteReport {
  readonly pages: number
  readonly links: number
  /** `file:line:column rule message` for every HTML problem. */
  readonly invalidHtml: string[]
  /** Internal links and assets that lead nowhere: `file:line where url (why)`. */
  readonly brokenLinks: string[]
  /** URLs of other hosts, and `javascript:` URLs. */
  readonly foreignLinks: string[]
  /** Feeds and sitemaps that are not well-formed, or whose links lead nowhere. */
  readonly badFeeds: string[]
  /** Pages without a Content-Security-Policy that forbids inline script, or with anything that could run script. */
  readonly unsafePages: string[]
}

/** The site-relative URL path of an output file: `a/b/index.html` → `/a/b/`. */
export function urlOfFile(file: string): string {
  return file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`
}

/**
 * Code that starts the TypeScript worker: worker threads do not inherit the
 * tsx loader that runs the tests, so the worker registers it first.
 */
const workerBoot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({register}) => { register(); return import(${JSON.stringify(new URL('./check-page-worker.ts', import.meta.url).href)}) })`

/** Validate every page in worker threads (HTML validation is the slow part). */
async function checkPages(dir: string, pages: readonly string[]): Promise<PageResult[]> {
  const workers = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(pages.length / 50)))
  const shares = Array.from({length: workers}, (_, index) => pages.filter((_, page) => page % workers === index))
  const results = await Promise.all(
    shares.map(
      (files) =>
        new Promise<PageResult[]>((resolve, reject) => {
          const worker = new Worker(workerBoot, {eval: true, workerData: {dir, files}})
          worker.once('message', resolve)
          worker.once('error', reject)
          worker.once('exit', (code) => code !== 0 && reject(new Error(`page checker exited with ${code}`)))
        }),
    ),
  )
  return results.flat().sort((a, b) => (a.file < b.file ? -1 : 1))
}

/**
 * Check a built site in `dir`, served from `baseUrl`: every HTML page valid,
 * every internal link, asset and fragment resolving to a file of the site, no
 * URL of another host (links to `baseUrl` count as internal), every feed and
 * sitemap well-formed with working links.
 */
export async function checkSite(dir: string, baseUrl: string): Promise<SiteReport> {
  const files = await listFiles(dir)
  const fileSet = new Set(files)
  const pages = await checkPages(dir, files.filter((file) => file.endsWith('.html')))
  const idsOf = new Map(pages.map((page) => [page.file, new Set(page.facts.ids)]))
  let links = 0
  const report: SiteReport = {pages: pages.length, links: 0, invalidHtml: [], brokenLinks: [], foreignLinks: [], badFeeds: [], unsafePages: []}

  /** Why an internal URL (absolute path, maybe with a fragment) does not resolve; undefined when it does. */
  const unresolved = (url: URL): string | undefined => {
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return 'bad percent-encoding'
    }
    const file = pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1)
    if (!fileSet.has(file)) return fileSet.has(`${file}/index.html`) ? 'a folder: the URL needs a final "/"' : `no file ${file}`
    const fragment = decodeURIComponent(url.hash.slice(1))
    if (fragment !== '' && file.endsWith('.html') && !idsOf.get(file)?.has(fragment)) return `no id "${fragment}" in ${file}`
    return undefined
  }
  const site = new URL(baseUrl)
  /** The internal URL `raw` points to from `fromUrl`, or a reason it is not internal. */
  const classify = (raw: string, fromUrl: string): {internal: URL} | {foreign: string} | {ignore: true} => {
    const value = raw.trim()
    if (value.startsWith('data:')) return {ignore: true}
    if (/^javascript:/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) return {foreign: 'a javascript: URL'}
    const url = new URL(value, new URL(fromUrl.slice(1), site))
    if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return {foreign: `another host (${url.origin})`}
    return {internal: new URL(`/${url.pathname.slice(site.pathname.length)}${url.search}${url.hash}`, 'http://site.invalid')}
  }

  for (const page of pages) {
    if (page.facts.csp === undefined) report.unsafePages.push(`${page.file}: no Content-Security-Policy`)
    else for (const weakness of cspWeaknesses(page.facts.csp)) report.unsafePages.push(`${page.file}: ${weakness}`)
    for (const risk of page.facts.scriptRisks) report.unsafePages.push(`${page.file} ${risk}`)
    for (const problem of page.problems) report.invalidHtml.push(`${page.file}:${problem.line}:${problem.column} ${problem.rule} ${problem.message}`)
    for (const link of page.facts.links) {
      links++
      const kind = classify(link.url, urlOfFile(page.file))
      const where = `${page.file}:${link.line} ${link.where} ${JSON.stringify(link.url)}`
      if ('foreign' in kind) report.foreignLinks.push(`${where} (${kind.foreign})`)
      else if ('internal' in kind) {
        const why = unresolved(kind.internal)
        if (why) report.brokenLinks.push(`${where} (${why})`)
      }
    }
  }

  for (const file of files.filter((name) => /\.(xml|json|css)$/.test(name) && !name.startsWith('pagefind/'))) {
    const text = await readFile(path.join(dir, file), 'utf8')
    const urls: string[] = []
    if (file.endsWith('.xml')) {
      const problem = xmlProblem(text)
      if (problem) report.badFeeds.push(`${file}: not well-formed XML, ${problem}`)
      urls.push(...[...text.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0].replace(/&amp;/g, '&')).filter((url) => url.startsWith(baseUrl)))
    } else if (file.endsWith('.json')) {
      let feed: {version?: unknown; items?: {url?: unknown; id?: unknown}[]; home_page_url?: unknown; feed_url?: unknown}
      try {
        feed = JSON.parse(text) as typeof feed
      } catch (error) {
        report.badFeeds.push(`${file}: not JSON (${(error as Error).message})`)
        continue
      }
      if (typeof feed.version === 'string' && feed.version.startsWith('https://jsonfeed.org/version/')) {
        for (const value of [feed.home_page_url, feed.feed_url, ...(feed.items ?? []).map((item) => item.url)]) if (typeof value === 'string') urls.push(value)
      }
    } else {
      urls.push(...[...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((match) => new URL(match[1] as string, new URL(file, baseUrl)).href))
    }
    for (const url of urls) {
      links++
      const kind = classify(url, urlOfFile(file))
      if ('foreign' in kind) report.foreignLinks.push(`${file} ${JSON.stringify(url)} (${kind.foreign})`)
      else if ('internal' in kind) {
        const why = unresolved(kind.internal)
        if (why) report.badFeeds.push(`${file}: ${JSON.stringify(url)} leads nowhere (${why})`)
      }
    }
  }
  return {...report, links}
}
