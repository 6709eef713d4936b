import {escapeXml} from '../../adapters/xml.js'
import type {DeferredFile, OutputFile} from '../output-file.js'
import {fingerprintPieces} from '../../cache/hash.js'
import {outputPathFor} from '../urls.js'
import {pieceLength, type TextPieces} from '../../text/text-pieces.js'

/** One page in a sitemap: a `Page` is one. */
export interface SitemapEntry {
  /** The page's URL path in the site (made absolute in the sitemap). */
  readonly url: string
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
const urlElement = (loc: string, lastmod: string | undefined): string => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>\n`

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

/** Lines of a sitemap file joined into one piece, with what they count for (see `Chunk`). */
interface Block {
  readonly text: string
  readonly urls: number
  readonly bytes: number
  /** The newest lastmod of its lines, or ''. */
  readonly newest: string
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
  private readonly closed: Block[] = []
  private block: string[] = []
  private open = {length: 0, urls: 0, bytes: 0, newest: ''}
  newest = ''

  add(line: string, size: number, lastmod: string | undefined): void {
    this.append(line, 1, size, lastmod ?? '')
  }

  /** Add the lines of `block` (of an earlier chunk) as they are, joined with those around them while the block is short. */
  addBlock(block: Block): void {
    this.append(block.text, block.urls, block.bytes, block.newest)
  }

  /** The lines so far, in order, in blocks. */
  blocks(): readonly Block[] {
    this.close()
    return this.closed
  }

  /** The lines so far, in order, in pieces. */
  joined(): readonly string[] {
    return this.blocks().map((block) => block.text)
  }

  private append(text: string, urls: number, bytes: number, newest: string): void {
    if (this.open.length + text.length > pieceLength) this.close()
    this.block.push(text)
    this.open.length += text.length
    this.open.urls += urls
    this.open.bytes += bytes
    if (newest > this.open.newest) this.open.newest = newest
    this.urls += urls
    this.bytes += bytes
    if (newest > this.newest) this.newest = newest
  }

  private close(): void {
    if (this.block.length === 0) return
    const {urls, bytes, newest} = this.open
    this.closed.push({text: this.block.join(''), urls, bytes, newest})
    this.block = []
    this.open = {length: 0, urls: 0, bytes: 0, newest: ''}
  }
}

/** The text of a sitemap file of the lines of `chunks`, in order, in pieces (see `Chunk`). */
function urlsetText(chunks: readonly Chunk[]): TextPieces {
  return {pieces: [urlsetOpen, ...chunks.flatMap((chunk) => chunk.joined()), urlsetClose]}
}

/** The groups of a site's pages in its sitemaps: list pages and articles. */
export type SitemapGroupName = 'pages' | 'articles'

/** Entries a sitemap lists together: in child sitemaps of their own (`childSitemapUrl(name, …)`) when one file cannot hold the site. */
export interface SitemapGroup {
  /** Each group of a site has a name of its own. */
  readonly name: SitemapGroupName
  readonly entries: Iterable<SitemapEntry>
  /** How many entries there are. */
  readonly count: number
}

/**
 * A full child sitemap (`maxUrls` entries) of one build, for the next build
 * of the same process (see `SitemapMemo`): its entries, and the fingerprint
 * and newest date of what they made.
 */
interface MadeChild {
  readonly paths: readonly string[]
  readonly lastmods: readonly (string | undefined)[]
  readonly contentKey: string
  readonly newest: string
  /**
   * The lines of a child that is not full, in blocks: a group's last child,
   * which the next build's new entries may join.
   */
  readonly blocks?: readonly Block[]
}

/**
 * The child sitemaps a build made, for the next build of the same process
 * (the dev server): it takes over the full ones whose entries it finds the
 * same without making their lines, and the lines of the others as far as
 * their entries are the same (see `writeSitemaps`). Note: a child's text
 * follows from its entries, the limits and the site's base URL alone, so a
 * child made by a build that failed later is as good as any. The lines of
 * the children that are not full (each group's last) stay in memory between
 * builds: about 10 MB at 100,000 articles.
 */
export class SitemapMemo {
  private made = new Map<string, MadeChild>()
  private madeFor = ''

  /** The children made for `signature` (base URL and limits), by URL path; none when they were made for another. */
  children(signature: string): ReadonlyMap<string, MadeChild> {
    return signature === this.madeFor ? this.made : new Map()
  }

  /** Keep `children`, made for `signature`, in place of those kept before. */
  keep(signature: string, children: Map<string, MadeChild>): void {
    this.made = children
    this.madeFor = signature
  }
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
 *
 * Children come as deferred files keyed by the fingerprint of their bytes.
 * With `memo` (in a process that runs several builds), a full child whose
 * entries are those of the last build's child in its place is taken over
 * without making its lines; they are made only if the writer lacks the
 * file. A child that was not full keeps each block of lines the last build
 * made whose entries are found the same, in order (see `KeptBlocks`), and
 * makes the lines of the others and of new entries (a new article). Note: at
 * 100,000 articles, making every line of the sitemaps took about 0.25 s of
 * each build that added one seed, in profiles; making the lines of the two
 * children that were not full, 0.1 s.
 */
export function* writeSitemaps(groups: Iterable<SitemapGroup>, absolute: (path: string) => string, limits: SitemapLimits = protocolLimits, memo?: SitemapMemo): Generator<OutputFile | DeferredFile> {
  const groupList = [...groups]
  const signature = `${absolute('/')}\0${limits.maxUrls}\0${limits.maxBytes}`
  const before = memo?.children(signature) ?? new Map<string, MadeChild>()
  const made = new Map<string, MadeChild>()
  const children: {loc: string; lastmod: string}[] = []
  const child = (group: SitemapGroupName, number: number, chunk: Chunk, paths: string[], lastmods: (string | undefined)[]): DeferredFile => {
    const url = childSitemapUrl(group, number)
    children.push({loc: absolute(url), lastmod: chunk.newest})
    const text = urlsetText([chunk])
    const contentKey = fingerprintPieces(text)
    // Note: only a full child ends where it does whatever entry follows it; a shorter one may take in the next build's
    // new article, so its lines are kept, for the next build to add what follows to them.
    if (memo) made.set(url, {paths, lastmods, contentKey, newest: chunk.newest, ...(chunk.urls === limits.maxUrls ? {} : {blocks: chunk.blocks()})})
    return {path: outputPathFor(url), inputs: () => contentKey, byContent: true, from: [], make: () => text}
  }
  const takeOver = (url: string, kept: MadeChild): DeferredFile => {
    children.push({loc: absolute(url), lastmod: kept.newest})
    made.set(url, kept)
    const make = (): TextPieces => {
      const chunk = new Chunk()
      for (const [index, path] of kept.paths.entries()) {
        const line = urlElement(absolute(path), kept.lastmods[index])
        chunk.add(line, Buffer.byteLength(line), kept.lastmods[index])
      }
      return urlsetText([chunk])
    }
    return {path: outputPathFor(url), inputs: () => kept.contentKey, byContent: true, from: [], make}
  }
  /**
   * Each group's lines so far, while the whole site may still fit in
   * `sitemap.xml`; undefined once it cannot, or from the start when it has
   * more entries than one file may hold.
   */
  let held: {name: SitemapGroupName; chunk: Chunk; paths: string[]; lastmods: (string | undefined)[]}[] | undefined = groupList.reduce((count, group) => count + group.count, 0) > limits.maxUrls ? undefined : []
  /** What the held lines would make as one `sitemap.xml`. */
  const whole = new Tally()
  for (const group of groupList) {
    let chunk = new Chunk()
    let number = 0
    let paths: string[] = []
    let lastmods: (string | undefined)[] = []
    /** The last build's full child in the place of the one being filled, while every entry so far is one of its own, in order. */
    let earlier: MadeChild | undefined
    /** The last build's child that was not full, in the place of the one being filled, with how far its entries are matched. */
    let shorter: KeptBlocks | undefined
    /** Entries of `earlier` matched so far. */
    let matched = 0
    const lookUp = (number: number): void => {
      const kept = before.get(childSitemapUrl(group.name, number))
      earlier = kept?.blocks ? undefined : kept
      // Note: not while the site may fit in one file, whose lines are not this child's alone.
      shorter = kept?.blocks && !held ? new KeptBlocks(kept) : undefined
      matched = 0
    }
    lookUp(1)
    held?.push({name: group.name, chunk, paths, lastmods})
    /** Files made while adding an entry, yielded after it. */
    const pending: (OutputFile | DeferredFile)[] = []
    const add = (path: string, lastmod: string | undefined): void => {
      const line = urlElement(absolute(path), lastmod)
      const size = Buffer.byteLength(line)
      if (held) {
        if (whole.fits(size, limits)) {
          chunk.add(line, size, lastmod)
          whole.count(size)
          paths.push(path)
          lastmods.push(lastmod)
          return
        }
        // Note: the site needs more than one file. Each earlier group's lines fit in one, its only child.
        for (const other of held) if (other.chunk !== chunk && other.chunk.urls > 0) pending.push(child(other.name, 1, other.chunk, other.paths, other.lastmods))
        held = undefined
      }
      if (!chunk.fits(size, limits)) {
        pending.push(child(group.name, ++number, chunk, paths, lastmods))
        chunk = new Chunk()
        paths = []
        lastmods = []
        earlier = shorter = undefined
      }
      chunk.add(line, size, lastmod)
      paths.push(path)
      lastmods.push(lastmod)
    }
    /** Make the lines of the entries of `kept` from `start` to `end`. */
    const addEntries = (kept: MadeChild, start: number, end: number): void => {
      for (let index = start; index < end; index++) add(kept.paths[index] as string, kept.lastmods[index])
    }
    /** Add block `index` of `kept` as it is, or its entries' lines one by one where the child could not take it whole. */
    const addBlock = (kept: KeptBlocks, index: number): void => {
      const block = kept.blocks[index] as Block
      const start = kept.start(index)
      const end = kept.end(index)
      if (chunk.urls + block.urls > limits.maxUrls || chunk.bytes + block.bytes > limits.maxBytes) {
        addEntries(kept.child, start, end)
        return
      }
      chunk.addBlock(block)
      for (let at = start; at < end; at++) {
        paths.push(kept.child.paths[at] as string)
        lastmods.push(kept.child.lastmods[at])
      }
    }
    for (const entry of group.entries) {
      if (earlier !== undefined && !held && chunk.urls === 0) {
        if (entry.url === earlier.paths[matched] && entry.lastmod === earlier.lastmods[matched]) {
          if (++matched === earlier.paths.length) {
            yield takeOver(childSitemapUrl(group.name, ++number), earlier)
            lookUp(number + 1)
          }
          continue
        }
        // Note: the child differs from the last build's: its lines so far are made after all.
        addEntries(earlier, 0, matched)
        earlier = undefined
      }
      if (shorter !== undefined) {
        // Note: a block's lines are added as they are once each of its entries is found the same, in order, from its first.
        const kept = shorter
        const run = kept.run >= 0 ? kept.run : kept.blockAt()
        if (run >= 0 && kept.matches(entry)) {
          kept.run = run
          kept.at++
          if (kept.at === kept.end(run)) {
            kept.run = -1
            addBlock(kept, run)
            yield* pending.splice(0)
          }
          continue
        }
        if (kept.run >= 0) {
          addEntries(kept.child, kept.start(kept.run), kept.at)
          kept.run = -1
        }
      }
      add(entry.url, entry.lastmod)
      // Note: after the line is made, which may have started a new child (and let the kept one go).
      shorter?.passed(entry.url)
      yield* pending.splice(0)
    }
    if (earlier !== undefined) addEntries(earlier, 0, matched)
    if (shorter !== undefined && shorter.run >= 0) addEntries(shorter.child, shorter.start(shorter.run), shorter.at)
    yield* pending.splice(0)
    if (!held && chunk.urls > 0) yield child(group.name, ++number, chunk, paths, lastmods)
  }
  memo?.keep(signature, made)
  if (held) {
    yield {path: outputPathFor(sitemapUrl), contents: urlsetText(held.map(({chunk}) => chunk)), from: []}
    return
  }
  yield {path: outputPathFor(sitemapUrl), contents: sitemapIndex(children), from: []}
}

/**
 * A child sitemap that was not full in the build before, matched against the
 * entries of the one being filled: which of its entries the next one is
 * expected to be (`at`), and the block whose entries are found the same so
 * far from its first (`run`, or -1). Note: after an entry that differs, the
 * match goes on from that entry's place in the child, so one changed entry
 * (the home page's date, with a new article) costs the lines of one block,
 * not of every entry after it: in the list pages' child (about 42,000
 * entries at 100,000 articles) the home page comes first.
 */
class KeptBlocks {
  readonly blocks: readonly Block[]
  /** Where each block's entries start, and where the last one's end. */
  private readonly starts: number[] = [0]
  /** Each path's place among the entries, made when first needed. */
  private places: Map<string, number> | undefined
  /** The first block that does not start before `at`. */
  private nextBlock = 0
  at = 0
  run = -1

  constructor(readonly child: MadeChild) {
    this.blocks = child.blocks ?? []
    for (const block of this.blocks) this.starts.push((this.starts.at(-1) as number) + block.urls)
  }

  /** The first entry of block `index`. */
  start(index: number): number {
    return this.starts[index] as number
  }

  /** The entry after block `index`'s last. */
  end(index: number): number {
    return this.starts[index + 1] as number
  }

  /** The block that starts at the entry expected next, or -1. Note: `at` only moves forward, and so does this. */
  blockAt(): number {
    while ((this.starts[this.nextBlock] as number) < this.at) this.nextBlock++
    return this.starts[this.nextBlock] === this.at && this.nextBlock < this.blocks.length ? this.nextBlock : -1
  }

  /** Whether `entry` is the entry expected next. */
  matches(entry: SitemapEntry): boolean {
    return entry.url === this.child.paths[this.at] && entry.lastmod === this.child.lastmods[this.at]
  }

  /** Expect next the entry after `url`'s place in the child, if it has one further on; one that is not there was added since. */
  passed(url: string): void {
    const {paths} = this.child
    if (this.at >= paths.length) return
    if (paths[this.at] === url) {
      this.at++
      return
    }
    this.places ??= new Map(paths.map((path, index) => [path, index]))
    const place = this.places.get(url)
    if (place !== undefined && place >= this.at) this.at = place + 1
  }
}

/** A sitemap index listing child sitemaps. */
function sitemapIndex(children: readonly {loc: string; lastmod: string}[]): string {
  const items = children.map((child) => `<sitemap><loc>${escapeXml(child.loc)}</loc>${child.lastmod ? `<lastmod>${child.lastmod}</lastmod>` : ''}</sitemap>\n`)
  return `${xmlDeclaration}<sitemapindex xmlns="${namespace}">\n${items.join('')}</sitemapindex>\n`
}
