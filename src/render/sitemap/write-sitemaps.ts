import {escapeXml} from '../../adapters/xml.js'
import type {OutputFile} from '../output-file.js'
import {outputPathFor} from '../urls.js'

/** One page in a sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  readonly loc: string
  /** `YYYY-MM-DD`, from the content. */
  readonly lastmod?: string
}

/** How much one sitemap file may hold. */
export interface SitemapLimits {
  readonly maxUrls: number
  /** Uncompressed size in bytes. */
  readonly maxBytes: number
}

/** The limits of the sitemaps protocol (sitemaps.org): 50,000 URLs and 52,428,800 bytes per file. */
export const protocolLimits: SitemapLimits = {maxUrls: 50_000, maxBytes: 52_428_800}

/** The sitemap's URL path: one sitemap, or the index of several. */
export const sitemapUrl = '/sitemap.xml'

/** The URL path of child sitemap `number` (1-based). Beside `sitemap.xml`, since a sitemap may only list URLs under its own folder. */
export const childSitemapUrl = (number: number): string => `/sitemap-${number}.xml`

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const urlsetOpen = `${xmlDeclaration}<urlset xmlns="${namespace}">\n`
const urlsetClose = '</urlset>\n'
const overhead = Buffer.byteLength(urlsetOpen + urlsetClose)

/** The `<url>` element of an entry, on one line. */
const urlElement = (entry: SitemapEntry): string => `<url><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>\n`

/** One sitemap file being filled. */
class Chunk {
  readonly lines: string[] = []
  bytes = overhead
  newest = ''

  fits(line: string, limits: SitemapLimits): boolean {
    return this.lines.length === 0 || (this.lines.length < limits.maxUrls && this.bytes + Buffer.byteLength(line) <= limits.maxBytes)
  }

  add(line: string, lastmod: string | undefined): void {
    this.lines.push(line)
    this.bytes += Buffer.byteLength(line)
    if (lastmod && lastmod > this.newest) this.newest = lastmod
  }

  file(url: string): OutputFile {
    return {path: outputPathFor(url), contents: urlsetOpen + this.lines.join('') + urlsetClose, from: []}
  }
}

/**
 * Write `entries` as `sitemap.xml`, or, when they do not fit in one file, as
 * `sitemap-1.xml`, `sitemap-2.xml`… with `sitemap.xml` as their index. Files
 * are yielded as they fill, so only one is held at a time.
 * `absolute` turns a site URL path into an absolute URL.
 */
export function* writeSitemaps(entries: Iterable<SitemapEntry>, absolute: (path: string) => string, limits: SitemapLimits = protocolLimits): Generator<OutputFile> {
  const children: {loc: string; lastmod: string}[] = []
  let chunk = new Chunk()
  for (const entry of entries) {
    const line = urlElement(entry)
    if (!chunk.fits(line, limits)) {
      const url = childSitemapUrl(children.length + 1)
      yield chunk.file(url)
      children.push({loc: absolute(url), lastmod: chunk.newest})
      chunk = new Chunk()
    }
    chunk.add(line, entry.lastmod)
  }
  if (children.length === 0) {
    yield chunk.file(sitemapUrl)
    return
  }
  const url = childSitemapUrl(children.length + 1)
  yield chunk.file(url)
  children.push({loc: absolute(url), lastmod: chunk.newest})
  yield {path: outputPathFor(sitemapUrl), contents: sitemapIndex(children), from: []}
}

/** A sitemap index listing child sitemaps. */
function sitemapIndex(children: readonly {loc: string; lastmod: string}[]): string {
  const items = children.map((child) => `<sitemap><loc>${escapeXml(child.loc)}</loc>${child.lastmod ? `<lastmod>${child.lastmod}</lastmod>` : ''}</sitemap>\n`)
  return `${xmlDeclaration}<sitemapindex xmlns="${namespace}">\n${items.join('')}</sitemapindex>\n`
}
