import type {IncomingMessage, ServerResponse} from 'node:http'
import sirv from 'sirv'

/** Serves the files of a folder; calls `notFound` for a path it does not have. */
export type StaticHandler = (request: IncomingMessage, response: ServerResponse, notFound: () => void) => void

/**
 * A static file handler for the site folder `dir`, through sirv.
 * Note: `dev: true` makes sirv look every request up on disk instead of
 * listing the folder once: the folder is replaced whole after every rebuild.
 * Hidden files are never served.
 */
export function serveStatic(dir: string): StaticHandler {
  const handler = sirv(dir, {dev: true, etag: false, dotfiles: false, extensions: []})
  return (request, response, notFound) => handler(request, response, notFound)
}
