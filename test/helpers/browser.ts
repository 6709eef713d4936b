import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {chromium, type Browser} from 'playwright-core'
import sirv from 'sirv'

/** Debian's Chromium, started so it makes no background requests of its own (this machine's network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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
