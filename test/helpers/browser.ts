import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {chromium, type Browser, type Page} from 'playwright-core'
import sirv from 'sirv'

/**
 * Debian's Chromium (or the one `CHROME_PATH` names), started so it makes no
 * background requests of its own: the tests check that a page asks no other host.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** A built site served on 127.0.0.1 at a free port, as any static host would serve it. */
export interface ServedSite {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string
  close(): Promise<void>
}

/** Serve the folder `dir` over HTTP on 127.0.0.1; unknown paths answer 404. */
export async function serveSite(dir: string): Promise<ServedSite> {
  const serve = sirv(dir, {dev: true})
  const server: Server = createServer((request, response) =>
    serve(request, response, () => {
      response.statusCode = 404
      response.end('not found')
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A built site served over HTTP, and a Chromium to browse it with. */
export interface BrowsedSite {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly origin: string
  readonly browser: Browser
  /** Close the browser, then stop serving. */
  close(): Promise<void>
}

/** Serve the built site in `dir` (see `serveSite`) and start Chromium to browse it. */
export async function browseSite(dir: string): Promise<BrowsedSite> {
  const server = await serveSite(dir)
  try {
    const browser = await launchChromium()
    return {
      origin: server.origin,
      browser,
      close: async () => {
        await browser.close()
        await server.close()
      },
    }
  } catch (error) {
    await server.close()
    throw error
  }
}

/** What a page reported that no page of the site should: console errors (a Content-Security-Policy violation is one) and uncaught exceptions. */
export interface PageTrouble {
  readonly errors: string[]
  /** Requests to another host than the site's. */
  readonly foreign: string[]
}

/** Record, from now on, the errors of `page` and its requests to hosts other than `origin`. */
export function watchPage(page: Page, origin: string): PageTrouble {
  const trouble: PageTrouble = {errors: [], foreign: []}
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.errors.push(message.text())
  })
  page.on('pageerror', (error) => trouble.errors.push(error.message))
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) trouble.foreign.push(request.url())
  })
  return trouble
}
