import {statSync} from 'node:fs'
import {mkdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {replaceFile} from '../replace-file.js'

/** What `stat` says about a seed file: enough to notice that it changed. */
export interface StatNumbers {
  readonly size: bigint
  readonly mtimeNs: bigint
  readonly ctimeNs: bigint
  readonly ino: bigint
}

/**
 * A file's `StatNumbers` as the index holds them: size, modification time,
 * change time and inode, tab-separated (see `fileSignature`).
 * Note: text from the scan on, compared as text and posted between threads as
 * one string. With this and the index read below, a scan of 100,000 unchanged
 * seeds on its worker took 3.5–3.6 s, against 3.9–4.1 s with four big
 * integers per seed to clone, and to turn into text to compare and to save.
 */
export type FileSignature = string & {readonly fileSignature: unique symbol}

/** The signature of a file whose `stat` (with `bigint: true`) gave `numbers`. */
export function fileSignature(numbers: StatNumbers): FileSignature {
  return `${numbers.size}\t${numbers.mtimeNs}\t${numbers.ctimeNs}\t${numbers.ino}` as FileSignature
}

/** A seed's signature and the SHA-256 of its bytes when the signature was taken. */
export interface StatEntry {
  readonly signature: FileSignature
  readonly hash: string
}

const headerLine = 'news-archive/seed-stats 1'
/**
 * How far apart two changes to a file must be for its timestamps to differ.
 * Note: Linux file times move in clock ticks (a few milliseconds), FAT's in
 * 2 s. A file changed within this long before the index was saved may change
 * again without its signature changing (git calls this "racily clean"), so
 * such entries are not trusted and the file is read again.
 */
const racyWindowNs = 2_000_000_000n

/**
 * The signatures and hashes of a seeds folder's files, from the last build.
 * A seed whose `stat` signature is unchanged (size, modification and change
 * times in nanoseconds, inode) need not be read again to know its hash.
 */
export class SeedStats {
  private constructor(
    private readonly file: string,
    private readonly trusted: ReadonlyMap<string, IndexEntry>,
  ) {}

  /** An index that trusts nothing, and replaces the one named `indexName` on `save`. */
  static empty(cacheDir: string, indexName: string): SeedStats {
    return new SeedStats(indexFile(cacheDir, indexName), new Map())
  }

  /** The index named `indexName` (one per seeds folder) in `cacheDir`. */
  static async open(cacheDir: string, indexName: string): Promise<SeedStats> {
    const file = indexFile(cacheDir, indexName)
    let text: string
    let savedNs: bigint
    try {
      ;[text, savedNs] = await Promise.all([readFile(file, 'utf8'), stat(file, {bigint: true}).then((info) => info.mtimeNs)])
    } catch {
      return new SeedStats(file, new Map())
    }
    return new SeedStats(file, parseIndex(text, savedNs))
  }

  /** The size in bytes of the index named `indexName` in `cacheDir` (0 when there is none), known at once. */
  static indexBytes(cacheDir: string, indexName: string): number {
    try {
      return statSync(indexFile(cacheDir, indexName)).size
    } catch {
      return 0
    }
  }

  /** The hash recorded for `relative` if its signature is unchanged and was not taken racily. */
  hashFor(relative: string, signature: FileSignature): string | undefined {
    const entry = this.trusted.get(relative)
    return entry !== undefined && entry.signature === signature ? entry.hash : undefined
  }

  /**
   * An index on disk known to trust exactly `entries`, without reading it
   * again: a scan on a worker thread read it and found every seed in it
   * (`SeedScan.fromIndex`). `save` then writes only what differs.
   */
  static holding(cacheDir: string, indexName: string, entries: ReadonlyMap<string, StatEntry>): SeedStats {
    return new SeedStats(indexFile(cacheDir, indexName), entries)
  }

  /** How many seeds the index trusts. */
  get trustedCount(): number {
    return this.trusted.size
  }

  /**
   * Replace the index on disk with `entries` (path relative to the seeds
   * folder → entry), unless it already trusts exactly those.
   * Note: a build that changes no seed then writes nothing (at 100,000 seeds
   * the index is 14 MB). A seed whose entry was racily clean was not trusted,
   * so the index is saved again and trusts it the next time.
   */
  async save(entries: ReadonlyMap<string, StatEntry>): Promise<void> {
    if (this.holdsExactly(entries)) return
    const lines = [headerLine]
    for (const [relative, {signature, hash}] of entries) {
      if (isSaveable(relative)) lines.push(`${relative}\t${signature}\t${hash}`)
    }
    await mkdir(path.dirname(this.file), {recursive: true})
    await replaceFile(this.file, `${lines.join('\n')}\n`)
  }

  /**
   * Whether the index on disk trusts exactly the saveable `entries`. Note: not
   * when there are none, since an index that trusts nothing may be missing or
   * of another format.
   */
  private holdsExactly(entries: ReadonlyMap<string, StatEntry>): boolean {
    let saveable = 0
    for (const [relative, {signature, hash}] of entries) {
      if (!isSaveable(relative)) continue
      saveable++
      const held = this.trusted.get(relative)
      if (held === undefined || held.signature !== signature || held.hash !== hash) return false
    }
    // Note: every saveable entry is trusted as it is, so equal counts mean the index trusts nothing else.
    return saveable > 0 && saveable === this.trusted.size
  }
}

/** Whether the index can hold `relative`: a line of it cannot hold a tab or a line break. */
function isSaveable(relative: string): boolean {
  return !/[\t\n\r]/.test(relative)
}

function indexFile(cacheDir: string, indexName: string): string {
  return path.join(cacheDir, 'seed-stats', `${indexName}.tsv`)
}

/** A trusted line of the index: the signature as its text holds it, and the hash. */
interface IndexEntry {
  readonly signature: FileSignature
  readonly hash: string
}

/**
 * The trusted entries of an index saved at `savedNs`: all but those whose
 * file changed within `racyWindowNs` before, or none when it is damaged.
 * Note: signatures stay text, compared as text: parsing them into four big
 * integers per seed took more than half the time of reading a large index.
 */
function parseIndex(text: string, savedNs: bigint): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>()
  if (!text.startsWith(`${headerLine}\n`)) return entries
  // Note: as a float a time in nanoseconds is off by under a microsecond, nothing beside a window of seconds;
  // rounding keeps order, so no entry inside the window is ever trusted.
  const racyFrom = Number(savedNs - racyWindowNs)
  // Note: each line read where the last one ended: path, the signature's four numbers (times before 1970 are negative;
  // modification and change time are groups 3 and 4), and the hash. One sticky expression over the whole text, with
  // numbered groups, took about two thirds of the time of splitting lines and matching named groups.
  const row = /([^\t\n]*)\t(\d+\t(-?\d+)\t(-?\d+)\t\d+)\t([0-9a-f]{64})\n/y
  row.lastIndex = headerLine.length + 1
  while (row.lastIndex < text.length) {
    const cells = row.exec(text)
    if (!cells) return new Map()
    const [, relative = '', signature = '', mtimeNs = '', ctimeNs = '', hash = ''] = cells
    if (Number(ctimeNs) >= racyFrom || Number(mtimeNs) >= racyFrom) continue
    entries.set(relative, {signature: signature as FileSignature, hash})
  }
  return entries
}
