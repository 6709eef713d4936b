import {mkdir, open, readFile, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import type {Article} from '../model/article.js'
import type {Problem} from '../problems/content-error.js'

/** What processing one seed gave: its article (unless an error stopped it) and its problems. */
export interface SeedResult {
  readonly article?: Article
  readonly problems: readonly Problem[]
}

/** The identity of a seed for the cache: its bytes (SHA-256) and where it is. */
export interface SeedIdentity {
  readonly hash: string
  readonly path: string
  readonly file: string
}

/**
 * The cache key of a seed. The path is part of it because the article and its
 * problems name the file: two seeds with the same bytes are two entries.
 */
export function seedKey(seed: SeedIdentity): string {
  return `${seed.hash} ${seed.path} ${seed.file}`
}

/** The cache key of the seed an article was made from. */
export function articleSeedKey(article: Pick<Article, 'hash' | 'source' | 'file'>): string {
  return seedKey({hash: article.hash, path: article.source, file: article.file})
}

const format = 'news-archive/seed-results'
const formatVersion = 2
/** Rewrite the file once it holds more dead entries than this and than live ones. */
const minDeadForCompaction = 1000

/** Where a stored article's body is in the store file's bytes: the JSON string from `start` to `end`. */
interface BodySpan {
  readonly start: number
  readonly end: number
}

/**
 * Every seed's processed result, kept on disk between builds as lines: a
 * JSON header naming the format, its version and the fingerprint of
 * everything that shapes a result (generator code, settings, topics file),
 * then one line per seed: `[key, result]` as JSON with the article's body
 * left out, then a tab and the body as a JSON string. New results are
 * appended; the file is rewritten (atomically) when it was unusable or is
 * mostly dead entries.
 *
 * Bodies of stored articles stay in the file's bytes, outside the JavaScript
 * heap, and are decoded only when a page or feed shows them (`body`): a build
 * that adds one seed to a large archive shows few of them. Their articles
 * come back with an empty `bodyHtml`.
 *
 * A file with another fingerprint or version, or any line that is not a
 * well-formed entry, is ignored whole: a cache is never trusted in part.
 * Only a last line cut short (a build killed while appending) is dropped alone.
 */
export class ArticleStore {
  private readonly fresh: [string, SeedResult][] = []
  private rewrite: boolean
  private entriesInFile: number

  private constructor(
    readonly file: string,
    readonly fingerprint: string,
    private readonly entries: Map<string, SeedResult>,
    private readonly bodies: Map<string, BodySpan>,
    private readonly bytes: Buffer,
    options: {rewrite: boolean; entriesInFile: number},
  ) {
    this.rewrite = options.rewrite
    this.entriesInFile = options.entriesInFile
  }

  /** A store that starts empty and replaces whatever file is there on `save`. */
  static empty(file: string, fingerprint: string): ArticleStore {
    return new ArticleStore(file, fingerprint, new Map(), new Map(), Buffer.alloc(0), {rewrite: true, entriesInFile: 0})
  }

  /** Load the store at `file`; an absent, stale or damaged file gives an empty store. */
  static async open(file: string, fingerprint: string): Promise<ArticleStore> {
    let bytes: Buffer
    try {
      bytes = await readFile(file)
    } catch {
      return ArticleStore.empty(file, fingerprint)
    }
    const loaded = parseStore(bytes, fingerprint)
    if (!loaded) return ArticleStore.empty(file, fingerprint)
    return new ArticleStore(file, fingerprint, loaded.entries, loaded.bodies, bytes, {rewrite: loaded.truncated, entriesInFile: loaded.entries.size})
  }

  /** Seeds with a stored result. */
  get size(): number {
    return this.entries.size
  }

  get(key: string): SeedResult | undefined {
    return this.entries.get(key)
  }

  /**
   * The body of the stored article with `key`, read from the store's bytes;
   * undefined for an article processed by this build, whose body it holds.
   *
   * @throws {Error} When the stored body does not decode (the file was changed under the build).
   */
  body(key: string): string | undefined {
    const span = this.bodies.get(key)
    return span === undefined ? undefined : decodeBody(this.bytes, span)
  }

  set(key: string, result: SeedResult): void {
    if (this.entries.has(key)) return
    this.entries.set(key, result)
    this.fresh.push([key, result])
  }

  /**
   * Write new results to disk and forget the entries of seeds that are gone
   * (`live` holds the keys of this build's seeds).
   */
  async save(live: ReadonlySet<string>): Promise<void> {
    const dead = this.entriesInFile + this.fresh.length - live.size
    if (dead > minDeadForCompaction && dead > live.size) this.rewrite = true
    for (const key of [...this.entries.keys()]) {
      if (live.has(key)) continue
      this.entries.delete(key)
      this.bodies.delete(key)
    }
    await mkdir(path.dirname(this.file), {recursive: true})
    if (this.rewrite) {
      const temporary = `${this.file}.${process.pid}.tmp`
      try {
        await writeLines(temporary, 'w', [header(this.fingerprint)], this.entries, (key) => this.storedBodyJson(key))
        await rename(temporary, this.file)
      } finally {
        await rm(temporary, {force: true})
      }
      this.entriesInFile = this.entries.size
      this.rewrite = false
    } else if (this.fresh.length > 0) {
      await writeLines(this.file, 'a', [], this.fresh, () => undefined)
      this.entriesInFile += this.fresh.length
    }
    this.fresh.length = 0
  }

  /** A stored body as the JSON text the file holds, copied without decoding it. */
  private storedBodyJson(key: string): string | undefined {
    const span = this.bodies.get(key)
    return span === undefined ? undefined : this.bytes.toString('utf8', span.start, span.end)
  }
}

/** Text written to the store at once. */
const chunkChars = 1 << 22

/**
 * Write `first`, then one JSON line per entry, to `file` (`w`: anew, `a`:
 * appended), a few megabytes at a time. Note: the whole store as one string
 * would cost as much memory again as every article of a large archive.
 */
async function writeLines(file: string, flag: 'w' | 'a', first: readonly string[], entries: Iterable<readonly [string, SeedResult]>, storedBody: (key: string) => string | undefined): Promise<void> {
  const handle = await open(file, flag)
  try {
    let chunk = first.join('')
    for (const [key, result] of entries) {
      chunk += line(key, result, storedBody(key))
      if (chunk.length >= chunkChars) {
        await handle.write(chunk)
        chunk = ''
      }
    }
    if (chunk !== '') await handle.write(chunk)
  } finally {
    await handle.close()
  }
}

function header(fingerprint: string): string {
  return `${JSON.stringify({format, version: formatVersion, fingerprint})}\n`
}

/** One entry's line; `bodyJson` is the stored body's JSON text when `result` holds none. */
function line(key: string, result: SeedResult, bodyJson: string | undefined): string {
  const {article} = result
  if (!article) return `${JSON.stringify([key, result])}\n`
  const withoutBody = {...result, article: {...article, bodyHtml: ''}}
  return `${JSON.stringify([key, withoutBody])}\t${bodyJson ?? JSON.stringify(article.bodyHtml)}\n`
}

function decodeBody(bytes: Buffer, span: BodySpan): string {
  const body = parseJson(bytes.toString('utf8', span.start, span.end))
  if (typeof body !== 'string') throw new Error('the build cache is damaged (a stored article body does not decode): delete the cache folder and build again')
  return body
}

/** The entries of a store file, or undefined when it must not be trusted. */
function parseStore(bytes: Buffer, fingerprint: string): {entries: Map<string, SeedResult>; bodies: Map<string, BodySpan>; truncated: boolean} | undefined {
  const entries = new Map<string, SeedResult>()
  const bodies = new Map<string, BodySpan>()
  let start = 0
  let first = true
  while (start < bytes.length) {
    const end = bytes.indexOf(10, start)
    // Note: a last line without its newline is an append cut short: drop it, keep the rest.
    if (end === -1) return first ? undefined : {entries, bodies, truncated: true}
    // Note: JSON text never holds a raw tab, so the first one ends the entry and starts the body.
    const tab = bytes.indexOf(9, start)
    const entryEnd = tab !== -1 && tab < end ? tab : end
    const value = parseJson(bytes.toString('utf8', start, entryEnd))
    start = end + 1
    if (first) {
      if (!isHeader(value, fingerprint)) return undefined
      first = false
      continue
    }
    if (!isEntry(value)) return undefined
    const [key, result] = value
    if (result.article) {
      // Note: a body is decoded only when shown; here it must at least be one whole JSON string.
      if (entryEnd === end || result.article.bodyHtml !== '' || !isJsonStringSpan(bytes, entryEnd + 1, end)) return undefined
      bodies.set(key, {start: entryEnd + 1, end})
    } else if (entryEnd !== end) return undefined
    entries.set(key, result)
  }
  return first ? undefined : {entries, bodies, truncated: false}
}

/** Whether `bytes` from `start` to `end` look like one JSON string: quoted at both ends, the last quote not escaped. */
function isJsonStringSpan(bytes: Buffer, start: number, end: number): boolean {
  if (end - start < 2 || bytes[start] !== 34 || bytes[end - 1] !== 34) return false
  let backslashes = 0
  for (let at = end - 2; at > start && bytes[at] === 92; at--) backslashes++
  return backslashes % 2 === 0
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isHeader(value: unknown, fingerprint: string): boolean {
  const record = value as {format?: unknown; version?: unknown; fingerprint?: unknown} | undefined
  return typeof record === 'object' && record !== null && record.format === format && record.version === formatVersion && record.fingerprint === fingerprint
}

function isEntry(value: unknown): value is [string, SeedResult] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false
  const result = value[1] as {article?: unknown; problems?: unknown}
  if (typeof result !== 'object' || result === null || !Array.isArray(result.problems)) return false
  if (!result.problems.every(isProblem)) return false
  return result.article === undefined || isArticle(result.article)
}

function isProblem(value: unknown): boolean {
  const problem = value as {rule?: unknown; file?: unknown; message?: unknown; place?: {line?: unknown; column?: unknown}}
  return typeof problem === 'object' && problem !== null && typeof problem.rule === 'string' && typeof problem.file === 'string' && typeof problem.message === 'string' && typeof problem.place?.line === 'number' && typeof problem.place.column === 'number'
}

function isArticle(value: unknown): boolean {
  const article = value as Record<string, unknown>
  if (typeof article !== 'object' || article === null) return false
  const strings = ['source', 'file', 'hash', 'date', 'title', 'summary', 'slug', 'bodyHtml']
  return strings.every((key) => typeof article[key] === 'string') && Array.isArray(article['topics']) && typeof article['wordCount'] === 'number'
}
