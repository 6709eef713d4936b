import {randomUUID} from 'node:crypto'
import {closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats} from 'node:fs'
import path from 'node:path'
import type {Article, Origin, Topic, TopicKind} from '../model/article.js'
import type {SourceResult} from '../process-sources.js'
import {readLines} from './read-lines.js'
import {TextAppender, type AppendTarget} from './text-appender.js'

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

/** The keys of a build's seeds (see `seedKey`), as `ArticleStore.save` asks for them. */
export interface LiveKeys {
  readonly size: number
  has(key: string): boolean
}

/**
 * The seed whose key (see `seedKey`) is `key` and whose path is `seedPath`,
 * or undefined when `key` names no seed at that path. Note: the path must be
 * known, since a path and a file may both hold spaces; a hash holds none.
 */
export function seedOfKey(key: string, seedPath: string): SeedIdentity | undefined {
  const hashEnd = key.indexOf(' ')
  const fileStart = hashEnd + seedPath.length + 2
  if (hashEnd < 0 || !key.startsWith(seedPath, hashEnd + 1) || key.charCodeAt(fileStart - 1) !== 0x20) return undefined
  return {hash: key.slice(0, hashEnd), path: seedPath, file: key.slice(fileStart)}
}

/** The cache key of the seed an article was made from. */
export function articleSeedKey(article: Pick<Article, 'hash' | 'source' | 'file'>): string {
  return seedKey({hash: article.hash, path: article.source, file: article.file})
}

const format = 'news-archive/seed-results'
const formatVersion = 3
/** Rewrite the file once it holds more dead entries than this and than live ones. */
const minDeadForCompaction = 1000
/**
 * Characters of the bodies a store keeps in memory after writing them (see
 * `ArticleStore.body`): every body of an archive of 10,000 corpus articles
 * (9.9 million), a part of a larger one's.
 */
const maxKeptBodyChars = 16 << 20

/** Where a stored article's body is in the store file: the JSON string's bytes from `start` to `end`. */
interface BodySpan {
  readonly start: number
  readonly end: number
}

/**
 * Stored bodies, for a worker thread of the same build: the store file's
 * open descriptor (threads share the process's descriptors) and, for each
 * article asked for, its body's `start` and `end` at `2 * i` and `2 * i + 1`
 * of `spans`, or -1 when the store does not hold it.
 */
export interface SharedBodies {
  readonly fd: number
  readonly spans: Float64Array
}

/**
 * Read the body at `span` from the store file open at `fd`.
 *
 * @throws {Error} When the bytes there are not one JSON string (the file was changed under the build).
 */
function readStoredBody(fd: number, span: BodySpan): string {
  const body = parseJson(readStoredJson(fd, span))
  if (typeof body !== 'string') throw new Error(damaged)
  return body
}

/** The body of article `index` of the ones `bodies` was made for, or undefined when the store does not hold it. */
export function readSharedBody(bodies: SharedBodies, index: number): string | undefined {
  const start = bodies.spans[2 * index]
  const end = bodies.spans[2 * index + 1]
  if (start === undefined || end === undefined || start < 0) return undefined
  return readStoredBody(bodies.fd, {start, end})
}

/** Read the JSON text of the body at `span`, without decoding it. */
function readStoredJson(fd: number, span: BodySpan): string {
  const bytes = Buffer.allocUnsafe(span.end - span.start)
  // Note: a short read means the file is not the one the spans were taken from.
  if (readSync(fd, bytes, 0, bytes.length, span.start) !== bytes.length) throw new Error(damaged)
  return bytes.toString('utf8')
}

/**
 * Every seed's processed result, kept on disk between builds as lines: a
 * JSON header naming the format, its version and the fingerprint of
 * everything that shapes a result (generator code, settings, topics file),
 * then one line per seed: `[key, result]` as JSON with the article as
 * `storedArticle` gives it (its body left out), then a tab and the body as a
 * JSON string.
 *
 * New results go to disk as they are made (`add`), and their bodies are read
 * back from the file only when a page or feed shows them (`body`), so no build
 * holds every body at once: a cold build of a large archive holds the bodies
 * of the few chunks in flight while it processes, and the ones it keeps (at
 * most `maxKeptBodyChars` characters) while it renders.
 * Stored articles come back with an empty `bodyHtml`.
 *
 * New lines are appended to a sound file in place, in the order chunks of
 * seeds finish (which thread finishes first varies, so two cold builds may
 * order the file differently; nothing read from it depends on the order).
 * A file that cannot be appended to (absent, untrusted, cut short, replaced
 * under the build) or that is mostly dead entries is written anew, with
 * every entry held, and takes the old one's place at once.
 *
 * A file with another fingerprint or version, or any line that is not a
 * well-formed entry, is ignored whole: a cache is never trusted in part.
 * Only a last line cut short (a build killed while appending) is dropped alone.
 */
export class ArticleStore {
  /** Lines the file being written holds, dead entries included (for compaction). */
  private entriesInFile: number
  /** Whether the file on disk must be written anew rather than appended to. */
  private rewrite: boolean
  /**
   * The file the body spans point into, open for reading (see `body`).
   * Note: held open, so a file renamed or deleted under a running build
   * still gives the bodies it had.
   */
  private reader: number | undefined
  /** Where new lines go: the store file, open for writing from the first `add` to `save`. */
  private writer: AppendTarget | undefined
  /** Bodies this store wrote, by key, up to `maxKeptBodyChars` characters in all (see `body`). */
  private readonly keptBodies = new Map<string, string>()
  private keptBodyChars = 0

  private constructor(
    readonly file: string,
    readonly fingerprint: string,
    private readonly entries: Map<string, SourceResult>,
    private readonly bodies: Map<string, BodySpan>,
    private readonly topics: TopicPool,
    options: {rewrite: boolean; entriesInFile: number; reader?: number},
  ) {
    this.rewrite = options.rewrite
    this.entriesInFile = options.entriesInFile
    this.reader = options.reader
  }

  /** A store that starts empty and replaces whatever file is there. */
  static empty(file: string, fingerprint: string): ArticleStore {
    return new ArticleStore(file, fingerprint, new Map(), new Map(), new TopicPool(), {rewrite: true, entriesInFile: 0})
  }

  /** Load the store at `file`; an absent, stale or damaged file gives an empty store. */
  static async open(file: string, fingerprint: string): Promise<ArticleStore> {
    let reader: number
    try {
      reader = openSync(file, 'r')
    } catch {
      return ArticleStore.empty(file, fingerprint)
    }
    const topics = new TopicPool()
    const loaded = parseStore(reader, fingerprint, topics)
    if (!loaded) {
      closeSync(reader)
      return ArticleStore.empty(file, fingerprint)
    }
    return new ArticleStore(file, fingerprint, loaded.entries, loaded.bodies, topics, {rewrite: loaded.truncated, entriesInFile: loaded.entries.size, reader})
  }

  /** Seeds with a stored result. */
  get size(): number {
    return this.entries.size
  }

  get(key: string): SourceResult | undefined {
    return this.entries.get(key)
  }

  /**
   * The body of the article with `key`, read from the store file; undefined
   * for an article the store does not hold. Note: bodies this store wrote
   * itself come from memory while they fit in `maxKeptBodyChars`: a cold build
   * shows every body it just made, some of them in several feeds, and reading
   * them back took 0.43 s of the main thread's time in a build of 10,000.
   *
   * @throws {Error} When the stored body does not decode (the file was changed under the build).
   */
  body(key: string): string | undefined {
    const kept = this.keptBodies.get(key)
    if (kept !== undefined) return kept
    const span = this.bodies.get(key)
    return span === undefined ? undefined : readStoredBody(this.openReader(), span)
  }

  /**
   * The bodies of the articles with `keys`, for a worker thread to read (see
   * `SharedBodies`); undefined when the store holds none. The worker must be
   * done before the store is saved or closed.
   */
  shareBodies(keys: readonly string[]): SharedBodies | undefined {
    if (this.bodies.size === 0) return undefined
    const spans = new Float64Array(keys.length * 2).fill(-1)
    keys.forEach((key, index) => {
      const span = this.bodies.get(key)
      if (span === undefined) return
      spans[2 * index] = span.start
      spans[2 * index + 1] = span.end
    })
    return {fd: this.openReader(), spans}
  }

  /**
   * Store new results (`results[i]` under `keys[i]`): their lines are written
   * at once, and they come back as the store now holds them, articles without
   * their bodies, which `body` reads back from the file. A key the store
   * already holds keeps its result.
   */
  add(keys: readonly string[], results: readonly SourceResult[]): SourceResult[] {
    const fresh: [string, SourceResult][] = []
    keys.forEach((key, index) => {
      if (!this.entries.has(key)) fresh.push([key, results[index] as SourceResult])
    })
    if (fresh.length > 0) {
      const spans = writeLines(this.openWriter(), fresh, () => undefined)
      for (const [key, result] of fresh) {
        this.entries.set(key, this.topics.held(result))
        if (result.article) this.keepBody(key, result.article.bodyHtml)
      }
      this.entriesInFile += fresh.length
      this.keepWritten(spans)
    }
    return keys.map((key) => this.entries.get(key) as SourceResult)
  }

  /**
   * Forget the entries of seeds that are gone (`live` holds the keys of this
   * build's seeds) and make sure the store file on disk holds every entry
   * held: one that went missing or was replaced under the build is written
   * anew, and one mostly of dead entries is compacted.
   */
  async save(live: LiveKeys): Promise<void> {
    // Note: a build's seeds are each held (found by `get` or stored by `add`), so as many live keys as entries means
    // none is dead, and a build that changes a few seeds of a large archive need not look up every one. Were a live
    // key not held, a dead entry would only stay until the next save with fewer live keys.
    if (live.size !== this.entries.size) {
      for (const key of [...this.entries.keys()]) {
        if (live.has(key)) continue
        this.entries.delete(key)
        this.bodies.delete(key)
        this.dropKeptBody(key)
      }
    }
    const dead = this.entriesInFile - this.entries.size
    if (dead > minDeadForCompaction && dead > this.entries.size) this.rewrite = true
    // Note: lines appended to a file deleted or replaced meanwhile are lost to the next build; its bodies are still readable here.
    if (this.writer && !isFileAt(this.file, this.writer.fd)) this.rewrite = true
    if (this.rewrite || this.reader === undefined || !isFileAt(this.file, this.reader)) {
      this.closeWriter()
      this.rewrite = true
      this.openWriter()
    }
    this.closeWriter()
  }

  /** Let go of the store file. A later `body` opens it again. */
  close(): void {
    this.closeWriter()
    if (this.reader === undefined) return
    closeSync(this.reader)
    this.reader = undefined
  }

  /**
   * Where new lines go: appended in place to the store file when it is sound
   * and is the one being read from. Otherwise the store file is written anew,
   * with the header and every entry held (their bodies copied from the file
   * being read), and takes the old one's place at once. Note: nothing in an
   * untrusted file is worth keeping, and an interrupted build leaves no
   * temporary file behind, only the lines it managed to append.
   */
  private openWriter(): AppendTarget {
    if (this.writer) return this.writer
    if (!this.rewrite && this.reader !== undefined) {
      const fd = openIfPresent(this.file, 'r+')
      if (fd !== undefined && isSameFile(fd, this.reader)) {
        this.writer = {fd, size: fstatSync(fd).size}
        return this.writer
      }
      if (fd !== undefined) closeSync(fd)
    }
    mkdirSync(path.dirname(this.file), {recursive: true})
    const temporary = `${this.file}.${process.pid}-${randomUUID()}.tmp`
    const writer: AppendTarget = {fd: openSync(temporary, 'wx'), size: 0}
    let reader: number | undefined
    try {
      const spans = writeLines(writer, this.entries, (key) => this.storedBodyJson(key), header(this.fingerprint))
      reader = openSync(temporary, 'r')
      renameSync(temporary, this.file)
      if (this.reader !== undefined) closeSync(this.reader)
      this.reader = reader
      this.bodies.clear()
      this.keepWritten(spans)
    } catch (error) {
      closeSync(writer.fd)
      if (reader !== undefined) closeSync(reader)
      rmSync(temporary, {force: true})
      throw error
    }
    this.entriesInFile = this.entries.size
    this.rewrite = false
    this.writer = writer
    return writer
  }

  private closeWriter(): void {
    if (!this.writer) return
    closeSync(this.writer.fd)
    this.writer = undefined
  }

  private keepBody(key: string, body: string): void {
    // Note: only new entries are added, and a kept body goes with its entry, so no key is kept twice.
    if (this.keptBodyChars + body.length > maxKeptBodyChars) return
    this.keptBodies.set(key, body)
    this.keptBodyChars += body.length
  }

  private dropKeptBody(key: string): void {
    const body = this.keptBodies.get(key)
    if (body === undefined) return
    this.keptBodies.delete(key)
    this.keptBodyChars -= body.length
  }

  /** Take the spans of bodies just written. */
  private keepWritten(spans: ReadonlyMap<string, BodySpan>): void {
    for (const [key, span] of spans) this.bodies.set(key, span)
  }

  /** A stored body as the JSON text the file holds, read without decoding it. */
  private storedBodyJson(key: string): string | undefined {
    const span = this.bodies.get(key)
    return span === undefined ? undefined : readStoredJson(this.openReader(), span)
  }

  private openReader(): number {
    this.reader ??= openSync(this.file, 'r')
    return this.reader
  }
}

/**
 * One object per distinct topic, shared by every stored article that has it.
 * Note: a large archive has a few topics each on thousands of articles; as
 * separate objects (as JSON and worker threads make them) they were about a
 * tenth of the build's memory, in the main thread and again in a page worker,
 * which receives shared objects shared.
 */
class TopicPool {
  /** The first topic pooled for each slug: nearly always the only one, so most lookups need no other key. */
  private readonly bySlug = new Map<string, Topic>()
  private readonly topics = new Map<string, Topic>()

  /** `result` as the store holds it: its article without its body, with pooled topics. */
  held(result: SourceResult): SourceResult {
    const {article} = result
    if (!article) return result
    return {...result, article: {...article, bodyHtml: '', topics: article.topics.map((topic) => this.pooled(topic))}}
  }

  /**
   * The topic `cells` spell (see `storedArticle`), pooled. Note: compared with
   * the slug's first topic before a topic is made, so the usual topic, held
   * by thousands of articles, costs no object per article.
   */
  fromCells([name, slug, kind, origin]: TopicCells): Topic {
    const first = this.bySlug.get(slug)
    if (first !== undefined && first.name === name && first.kind === kind && first.origin === origin) return first
    return this.pooled({name, slug, kind: kind as TopicKind, origin: origin as Origin})
  }

  private pooled(topic: Topic): Topic {
    // Note: compared field by field, which costs less than making a key of them for each of a large archive's topics.
    const first = this.bySlug.get(topic.slug)
    if (first === undefined) this.bySlug.set(topic.slug, topic)
    else if (sameTopic(first, topic)) return first
    const key = `${topic.kind}\0${topic.origin}\0${topic.slug}\0${topic.name}`
    const pooled = this.topics.get(key)
    if (pooled !== undefined) return pooled
    this.topics.set(key, topic)
    return topic
  }
}

/** Whether two topics are equal in every field (the pool's key names the same fields). */
function sameTopic(a: Topic, b: Topic): boolean {
  return a.slug === b.slug && a.kind === b.kind && a.origin === b.origin && a.name === b.name
}

/**
 * Compiles only while `sameTopic` and the pool's key name every field of a
 * topic, so no two different topics are ever pooled as one: a new field must
 * be added to both, to the list here, and to `TopicCells` (with
 * `storedArticle` and `TopicPool.fromCells`), or the store would lose it.
 */
const poolNamesEveryField: Exclude<keyof Topic, 'name' | 'slug' | 'kind' | 'origin'> extends never ? true : never = true
void poolNamesEveryField

/** `file` opened with `flags`, or undefined when there is no such file. */
function openIfPresent(file: string, flags: string): number | undefined {
  try {
    return openSync(file, flags)
  } catch {
    return undefined
  }
}

/** Whether descriptors `a` and `b` are open on the same file, and it is not empty. */
function isSameFile(a: number, b: number): boolean {
  return sameNonEmptyFile(fstatSync(a), fstatSync(b))
}

/** Whether the file at `file` is the one open at `fd`, and it is not empty. */
function isFileAt(file: string, fd: number): boolean {
  const onDisk = statIfPresent(file)
  return onDisk !== undefined && sameNonEmptyFile(onDisk, fstatSync(fd))
}

function sameNonEmptyFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size > 0
}

function statIfPresent(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

const damaged = 'the build cache is damaged (a stored article body does not decode): delete the cache folder and build again'

/**
 * Write one JSON line per entry at the end of `writer`'s file (after
 * `first`, the header of a new file), a piece at a time through a
 * `TextAppender`. Returns where each article's body landed.
 * Note: never the whole store as one string, which would cost as much memory
 * again as every article of a large archive.
 */
function writeLines(writer: AppendTarget, entries: Iterable<readonly [string, SourceResult]>, storedBody: (key: string) => string | undefined, first = ''): Map<string, BodySpan> {
  const spans = new Map<string, BodySpan>()
  const out = new TextAppender(writer)
  try {
    out.append(first)
    for (const [key, result] of entries) {
      const [entry, body] = line(key, result, storedBody(key))
      out.append(entry)
      if (body !== undefined) {
        out.append('\t')
        const start = out.position
        out.append(body)
        spans.set(key, {start, end: out.position})
      }
      out.append('\n')
    }
    out.close()
  } catch (error) {
    out.discard()
    throw error
  }
  return spans
}

function header(fingerprint: string): string {
  return `${JSON.stringify({format, version: formatVersion, fingerprint})}\n`
}

/** One entry's line, as the entry's JSON and the body's (when it has an article); `bodyJson` is the stored body's JSON text when `result` holds none. */
function line(key: string, result: SourceResult, bodyJson: string | undefined): [string, string | undefined] {
  const {article} = result
  if (!article) return [JSON.stringify([key, result]), undefined]
  return [JSON.stringify([key, {...result, article: storedArticle(key, article)}]), bodyJson ?? JSON.stringify(article.bodyHtml)]
}

/** A topic as a line holds it: name, slug, kind and origin. */
type TopicCells = readonly [name: string, slug: string, kind: string, origin: string]

/**
 * `article` as a line holds it: its body left out; its seed's hash and file
 * as 0 when `key` spells them (as it does for every seed a build stores);
 * the file its slug came from as 0 when it is the seed's; each topic as
 * `TopicCells`. Every field keeps its place, so `restoreArticle` gives back
 * the article with its fields in the same order.
 * Note: a file path spelt once rather than three times, and topics without
 * their field names: at 100,000 corpus articles the store file is 213 MB
 * against 245 MB, and opening it took 1.65-1.83 s against 1.85-2.04 s.
 */
function storedArticle(key: string, article: Article): object {
  const spelt = articleSeedKey(article) === key
  return {
    ...article,
    ...(spelt ? {hash: 0, file: 0} : {}),
    ...(article.slugAt?.file === article.file ? {slugAt: {...article.slugAt, file: 0}} : {}),
    bodyHtml: '',
    topics: article.topics.map((topic): TopicCells => [topic.name, topic.slug, topic.kind, topic.origin]),
  }
}

/**
 * Turn a line's article (see `storedArticle`), just parsed, into the article
 * it was made from, in place (less its body); false when it is not one.
 */
function restoreArticle(key: string, stored: Record<string, unknown>, topics: TopicPool): boolean {
  if (stored['hash'] === 0 && stored['file'] === 0) {
    const source = stored['source']
    const seed = typeof source === 'string' ? seedOfKey(key, source) : undefined
    if (seed === undefined) return false
    stored['hash'] = seed.hash
    stored['file'] = seed.file
  }
  const slugAt = stored['slugAt'] as Record<string, unknown> | null | undefined
  if (slugAt?.['file'] === 0) slugAt['file'] = stored['file']
  const cells = stored['topics']
  if (!Array.isArray(cells)) return false
  const pooled: Topic[] = new Array(cells.length)
  for (let index = 0; index < cells.length; index++) {
    const topic: unknown = cells[index]
    if (!isTopicCells(topic)) return false
    pooled[index] = topics.fromCells(topic)
  }
  stored['topics'] = pooled
  return isArticle(stored)
}

function isTopicCells(value: unknown): value is TopicCells {
  return Array.isArray(value) && value.length === 4 && typeof value[0] === 'string' && typeof value[1] === 'string' && typeof value[2] === 'string' && typeof value[3] === 'string'
}

/** The entries of the store file open at `fd`, or undefined when it must not be trusted. */
function parseStore(fd: number, fingerprint: string, topics: TopicPool): {entries: Map<string, SourceResult>; bodies: Map<string, BodySpan>; truncated: boolean} | undefined {
  const entries = new Map<string, SourceResult>()
  const bodies = new Map<string, BodySpan>()
  let first = true
  for (const {bytes, start, end, offset, complete} of readLines(fd)) {
    // Note: a last line without its newline is an append cut short: drop it, keep the rest.
    if (!complete) return first ? undefined : {entries, bodies, truncated: true}
    // Note: JSON text never holds a raw tab, so the first one ends the entry and starts the body.
    const tab = bytes.subarray(start, end).indexOf(9)
    const entryEnd = tab === -1 ? end : start + tab
    const value = parseJson(bytes.toString('utf8', start, entryEnd))
    if (first) {
      if (!isHeader(value, fingerprint)) return undefined
      first = false
      continue
    }
    if (!restoreEntry(value, topics)) return undefined
    const [key, result] = value
    if (result.article) {
      // Note: a body is decoded only when shown; here it must at least be one whole JSON string.
      if (entryEnd === end || result.article.bodyHtml !== '' || !isJsonStringSpan(bytes, entryEnd + 1, end)) return undefined
      bodies.set(key, {start: offset + (entryEnd + 1 - start), end: offset + (end - start)})
    } else if (entryEnd !== end) return undefined
    // Note: the line was parsed for this entry alone, so its article (restored in place, topics pooled) is held as it is.
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

/**
 * Whether `value`, a line just parsed, is an entry; its article, if any, is
 * restored in place on the way (see `restoreArticle`), its topics pooled.
 */
function restoreEntry(value: unknown, topics: TopicPool): value is [string, SourceResult] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false
  const result = value[1] as {article?: unknown; problems?: unknown}
  if (typeof result !== 'object' || result === null || !Array.isArray(result.problems)) return false
  if (!result.problems.every(isProblem)) return false
  if (result.article === undefined) return true
  return typeof result.article === 'object' && result.article !== null && restoreArticle(value[0], result.article as Record<string, unknown>, topics)
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
