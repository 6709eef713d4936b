import {escapeXml} from '../../adapters/xml.js'
import type {OutputFile} from '../output-file.js'
import {outputPathFor} from '../urls.js'
import {pieceLength} from '../../text/text-pieces.js'

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

/**
 * The URL path of child sitemap `number` (1-based) of group `group`. Beside
 * `sitemap.xml`, since a sitemap may only list URLs under its own folder.
 */
export const childSitemapUrl = (group: SitemapGroupName, number: number): string => `/sitemap-${group}-${number}.xml`

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
const namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const urlsetOpen = `${xmlDeclaration}<urlset xmlns="${namespace}">\n`
const urlsetClose = '</urlset>\n'
const overhead = Buffer.byteLength(urlsetOpen + urlsetClose)

/** The `<url>` element of an entry, on one line. */
const urlElement = (entry: SitemapEntry): string => `<url><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>\n`

/** How many URLs a sitemap file holds so far, and its size as a file. */
class Tally {
  urls = 0
  bytes = overhead

  /** Whether a line of `size` bytes fits; the first line always does. */
  fits(size: number, limits: SitemapLimits): boolean {
    return this.urls === 0 || (this.urls < limits.maxUrls && this.bytes + size <= limits.maxBytes)
  }

  count(size: number): void {
    this.urls++
    this.bytes += size
  }
}

/**
 * Lines of one sitemap file being filled, joined into blocks of about
 * `pieceLength` code units as they come (see `TextPieces`). Note: joined
 * only once the file was full, its 50,000 lines outlived a few rounds of the
 * collector, which copied each of them: in a script making the sitemaps of
 * 150,000 URLs six times, with Node's default young generation, the
 * collector's pauses came to 1.28 s so, against 0.73 s joined as they come.
 */
class Chunk extends Tally {
  private readonly pieces: string[] = []
  private block: string[] = []
  private blockLength = 0
  newest = ''

  add(line: string, size: number, lastmod: string | undefined): void {
    if (this.blockLength + line.length > pieceLength) this.close()
    this.block.push(line)
    this.blockLength += line.length
    this.count(size)
    if (lastmod && lastmod > this.newest) this.newest = lastmod
  }

  /** The lines so far, in order, in blocks. */
  joined(): readonly string[] {
    this.close()
    return this.pieces
  }

  private close(): void {
    if (this.block.length === 0) return
    this.pieces.push(this.block.join(''))
    this.block = []
    this.blockLength = 0
  }
}

/** A sitemap file of the lines of `chunks`, in order, as text in pieces (see `Chunk`). */
function urlset(url: string, chunks: readonly Chunk[]): OutputFile {
  return {path: outputPathFor(url), contents: {pieces: [urlsetOpen, ...chunks.flatMap((chunk) => chunk.joined()), urlsetClose]}, from: []}
}

/** The groups of a site's pages in its sitemaps: list pages and articles. */
export type SitemapGroupName = 'pages' | 'articles'

/** Entries a sitemap lists together: in child sitemaps of their own (`childSitemapUrl(name, …)`) when one file cannot hold the site. */
export interface SitemapGroup {
  /** Each group of a site has a name of its own. */
  readonly name: SitemapGroupName
  readonly entries: Iterable<SitemapEntry>
}

/**
 * Write the entries of `groups` as `sitemap.xml`, or, when they do not fit in
 * one file, each group as `sitemap-<name>-1.xml`, `sitemap-<name>-2.xml`…
 * with `sitemap.xml` as their index. Children are yielded as they fill, so
 * only one file's lines are held at a time. `absolute` turns a site URL path
 * into an absolute URL.
 *
 * Note: groups keep the children of one kind of page apart, so that a page
 * added to the end of one group (a new article, listed from the oldest)
 * leaves the other groups' children, and the earlier ones of its own, as
 * they were.
 */
export function* writeSitemaps(groups: Iterable<SitemapGroup>, absolute: (path: string) => string, limits: SitemapLimits = protocolLimits): Generator<OutputFile> {
  const children: {loc: string; lastmod: string}[] = []
  const child = (group: SitemapGroupName, number: number, chunk: Chunk): OutputFile => {
    const url = childSitemapUrl(group, number)
    children.push({loc: absolute(url), lastmod: chunk.newest})
    return urlset(url, [chunk])
  }
  /** Each group's lines so far, while the whole site may still fit in `sitemap.xml`; undefined once it cannot. */
  let held: {name: SitemapGroupName; chunk: Chunk}[] | undefined = []
  /** What the held lines would make as one `sitemap.xml`. */
  const whole = new Tally()
  for (const group of groups) {
    let chunk = new Chunk()
    let number = 0
    held?.push({name: group.name, chunk})
    for (const entry of group.entries) {
      const line = urlElement(entry)
      const size = Buffer.byteLength(line)
      if (held) {
        if (whole.fits(size, limits)) {
          chunk.add(line, size, entry.lastmod)
          whole.count(size)
          continue
        }
        // Note: the site needs more than one file. Each earlier group's lines fit in one, its only child.
        for (const earlier of held) if (earlier.chunk !== chunk && earlier.chunk.urls > 0) yield child(earlier.name, 1, earlier.chunk)
        held = undefined
      }
      if (!chunk.fits(size, limits)) {
        yield child(group.name, ++number, chunk)
        chunk = new Chunk()
      }
      chunk.add(line, size, entry.lastmod)
    }
    if (!held && chunk.urls > 0) yield child(group.name, ++number, chunk)
  }
  if (held) {
    yield urlset(sitemapUrl, held.map(({chunk}) => chunk))
    return
  }
  yield {path: outputPathFor(sitemapUrl), contents: sitemapIndex(children), from: []}
}

/** A sitemap index listing child sitemaps. */
function sitemapIndex(children: readonly {loc: string; lastmod: string}[]): string {
  const items = children.map((child) => `<sitemap><loc>${escapeXml(child.loc)}</loc>${child.lastmod ? `<lastmod>${child.lastmod}</lastmod>` : ''}</sitemap>\n`)
  return `${xmlDeclaration}<sitemapindex xmlns="${namespace}">\n${items.join('')}</sitemapindex>\n`
}
