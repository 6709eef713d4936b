import {statSync} from 'node:fs'
import {mkdir, open, readFile, stat} from 'node:fs/promises'
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

/**
 * Note: version 1 was saved whole by every build that changed a seed. Its
 * indexes are not read: they were written by an older generator, whose
 * cached articles no build trusts, so every seed is read again anyway.
 */
const headerLine = 'news-archive/seed-stats 2'
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
 *
 * The index is a text file: a header, then one line per seed (path,
 * signature, hash). A build that changes a few seeds appends their lines
 * (and a line `path<TAB>-` per seed gone), after a line `@<time>` giving the
 * time the lines before it were saved; the last lines' is the file's own
 * modification time. A later line for a path replaces an earlier one. Once
 * the file holds twice the bytes of its live lines it is written anew.
 * Note: at 100,000 seeds the index is 14 MB, which every build that added a
 * seed used to write whole.
 */
export class SeedStats {
  private constructor(
    private readonly file: string,
    private readonly trusted: ReadonlyMap<string, IndexEntry>,
    /** The paths the file has a live line for, trusted or not; undefined when it must be written anew. */
    private readonly inFile: ReadonlySet<string> | ReadonlyMap<string, unknown> | undefined,
    /** The entries given to `holding`, which are the ones trusted and in the file. */
    private readonly held?: Map<string, StatEntry>,
  ) {}

  /** An index that trusts nothing, and replaces the one named `indexName` on `save`. */
  static empty(cacheDir: string, indexName: string): SeedStats {
    return new SeedStats(indexFile(cacheDir, indexName), new Map(), undefined)
  }

  /** The index named `indexName` (one per seeds folder) in `cacheDir`. */
  static async open(cacheDir: string, indexName: string): Promise<SeedStats> {
    const file = indexFile(cacheDir, indexName)
    let text: string
    let savedNs: bigint
    try {
      ;[text, savedNs] = await Promise.all([readFile(file, 'utf8'), stat(file, {bigint: true}).then((info) => info.mtimeNs)])
    } catch {
      return new SeedStats(file, new Map(), undefined)
    }
    const {trusted, inFile} = parseIndex(text, savedNs)
    return new SeedStats(file, trusted, inFile)
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
   * (`SeedScan.fromIndex`), or the build before saved them. `save` then
   * writes only what differs; `saveChanges` changes `entries` in place.
   */
  static holding(cacheDir: string, indexName: string, entries: Map<string, StatEntry>): SeedStats {
    return new SeedStats(indexFile(cacheDir, indexName), entries, entries, entries)
  }

  /** How many seeds the index trusts. */
  get trustedCount(): number {
    return this.trusted.size
  }

  /**
   * Make the index on disk hold `entries` (path relative to the seeds folder
   * → entry): nothing to do when it already trusts exactly those; else the
   * lines that differ are appended, or the file is written anew.
   * Note: a seed whose entry was racily clean was not trusted, so its line is
   * saved again, and trusted the next time.
   */
  async save(entries: ReadonlyMap<string, StatEntry>): Promise<void> {
    const {lines, saveable, liveBytes} = this.linesToAppend(entries)
    // Note: every saveable entry is trusted as it is, so equal counts mean the index trusts nothing else. Not when
    // there are none, since an index that trusts nothing may be missing or of another format.
    if (lines.length === 0 && saveable > 0 && saveable === this.trusted.size) return
    if (await this.append(lines, liveBytes)) return
    await this.writeWhole(entries)
  }

  /** Write the file anew, holding `entries`. */
  private async writeWhole(entries: ReadonlyMap<string, StatEntry>): Promise<void> {
    const whole = [headerLine]
    for (const [relative, entry] of entries) if (isSaveable(relative)) whole.push(entryLine(relative, entry))
    await mkdir(path.dirname(this.file), {recursive: true})
    await replaceFile(this.file, `${whole.join('\n')}\n`)
  }

  /**
   * `save` for an index made by `holding`, told only what changed: `changes`
   * maps each path looked at again to its entry now, or to undefined when it
   * has none (no longer a seed, or unreadable). The entries given to
   * `holding` are changed in place to match, and returned: the whole index
   * now, for the next build. Note: at 100,000 seeds, making every entry anew
   * and comparing each with the index took about 0.18 s of a build that added
   * one seed.
   */
  async saveChanges(changes: ReadonlyMap<string, StatEntry | undefined>): Promise<Map<string, StatEntry>> {
    const entries = this.held
    if (entries === undefined) throw new Error('saveChanges needs an index made by SeedStats.holding')
    const lines: string[] = []
    for (const [relative, entry] of changes) {
      const before = entries.get(relative)
      if (entry === undefined) {
        if (before !== undefined && isSaveable(relative)) lines.push(`${relative}\t-`)
        entries.delete(relative)
      } else {
        if (!sameEntry(before, entry) && isSaveable(relative)) lines.push(entryLine(relative, entry))
        entries.set(relative, entry)
      }
    }
    if (lines.length === 0) return entries
    let liveBytes = headerLine.length + 1
    for (const [relative, entry] of entries) if (isSaveable(relative)) liveBytes += lineLength(relative, entry)
    if (await this.append(lines, liveBytes)) return entries
    await this.writeWhole(entries)
    return entries
  }

  /**
   * The lines that would bring the file up to `entries`: those of entries it
   * does not trust as they are, and one for each path it has a line for that
   * `entries` lacks. With the count of saveable entries, and the bytes of
   * their lines (those of the file written anew).
   * Note: one walk over the entries, which at 100,000 seeds is most of the time saving takes.
   */
  private linesToAppend(entries: ReadonlyMap<string, StatEntry>): {lines: string[]; saveable: number; liveBytes: number} {
    const lines: string[] = []
    let saveable = 0
    let liveBytes = headerLine.length + 1
    for (const [relative, entry] of entries) {
      if (!isSaveable(relative)) continue
      saveable++
      // Note: most lines are on disk already, and are not made.
      liveBytes += lineLength(relative, entry)
      if (!sameEntry(this.trusted.get(relative), entry)) lines.push(entryLine(relative, entry))
    }
    // Note: a path the file has a line for is looked for only when the file has lines for more paths than `entries` has.
    if (this.inFile !== undefined && this.inFile.size > saveable - lines.length) {
      for (const relative of this.inFile.keys()) if (!entries.has(relative) && isSaveable(relative)) lines.push(`${relative}\t-`)
    }
    return {lines, saveable, liveBytes}
  }

  /**
   * Append `lines` to the file, after the time of the lines before them;
   * none is nothing to append (an index of no seeds, saved again). Returns
   * false, having written nothing, when the file should be written anew
   * instead: it must be (see `inFile`), it is gone, or it would hold more than
   * twice `liveBytes`.
   */
  private async append(lines: readonly string[], liveBytes: number): Promise<boolean> {
    if (this.inFile === undefined) return false
    let handle
    try {
      handle = await open(this.file, 'r+')
    } catch {
      return false
    }
    try {
      const {size, mtimeNs} = await handle.stat({bigint: true})
      // Note: a batch of no lines would be read as an empty line, which damages the index.
      if (lines.length === 0) return size > 0n
      const text = `@${mtimeNs}\n${lines.join('\n')}\n`
      // Note: counted in UTF-16 units against the file's bytes, which only makes a file of non-ASCII paths written anew sooner.
      if (size === 0n || Number(size) + text.length > 2 * liveBytes) return false
      await handle.write(text, Number(size))
      return true
    } finally {
      await handle.close()
    }
  }
}

function entryLine(relative: string, {signature, hash}: StatEntry): string {
  return `${relative}\t${signature}\t${hash}`
}

/** Whether an index entry (or none) says what `entry` says. */
function sameEntry(held: StatEntry | undefined, entry: StatEntry): boolean {
  return held !== undefined && held.signature === entry.signature && held.hash === entry.hash
}

/** The length of `entryLine` with its line break, without making it. */
function lineLength(relative: string, {signature, hash}: StatEntry): number {
  return relative.length + signature.length + hash.length + 3
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
 * The trusted entries of an index whose last lines were saved at `savedNs`
 * (each earlier batch's time is on the line after it): all but those whose
 * file changed within `racyWindowNs` before their batch was saved; none when
 * it is damaged. `inFile` holds every path with a live line, trusted or not,
 * undefined when the file must be written anew: damaged, or its last line cut
 * short (a build killed while appending), which alone is then dropped.
 * Note: signatures stay text, compared as text: parsing them into four big
 * integers per seed took more than half the time of reading a large index.
 */
function parseIndex(text: string, savedNs: bigint): {trusted: Map<string, IndexEntry>; inFile: Set<string> | undefined} {
  const trusted = new Map<string, IndexEntry>()
  const inFile = new Set<string>()
  if (!text.startsWith(`${headerLine}\n`)) return {trusted, inFile: undefined}
  /** The current batch's lines, as the path, the line's cells (undefined for a path gone), and its two times. */
  let batch: {relative: string; entry?: IndexEntry; mtimeNs: number; ctimeNs: number}[] = []
  const settle = (batchNs: bigint): void => {
    // Note: as a float a time in nanoseconds is off by under a microsecond, nothing beside a window of seconds;
    // rounding keeps order, so no entry inside the window is ever trusted.
    const racyFrom = Number(batchNs - racyWindowNs)
    for (const {relative, entry, mtimeNs, ctimeNs} of batch) {
      if (entry === undefined || ctimeNs >= racyFrom || mtimeNs >= racyFrom) trusted.delete(relative)
      else trusted.set(relative, entry)
    }
    batch = []
  }
  // Note: each line read where the last one ended: path, the signature's four numbers (times before 1970 are negative;
  // modification and change time are groups 3 and 4), and the hash. One sticky expression over the whole text, with
  // numbered groups, took about two thirds of the time of splitting lines and matching named groups. Then the
  // other kinds of line: a path gone, and the time of the batch before.
  const row = /([^\t\n]*)\t(\d+\t(-?\d+)\t(-?\d+)\t\d+)\t([0-9a-f]{64})\n/y
  const gone = /([^\t\n]*)\t-\n/y
  const batchTime = /@(-?\d+)\n/y
  let at = headerLine.length + 1
  while (at < text.length) {
    row.lastIndex = at
    const cells = row.exec(text)
    if (cells) {
      const [, relative = '', signature = '', mtimeNs = '', ctimeNs = '', hash = ''] = cells
      batch.push({relative, entry: {signature: signature as FileSignature, hash}, mtimeNs: Number(mtimeNs), ctimeNs: Number(ctimeNs)})
      inFile.add(relative)
      at = row.lastIndex
      continue
    }
    gone.lastIndex = at
    const removed = gone.exec(text)
    if (removed) {
      batch.push({relative: removed[1] ?? '', mtimeNs: 0, ctimeNs: 0})
      inFile.delete(removed[1] ?? '')
      at = gone.lastIndex
      continue
    }
    batchTime.lastIndex = at
    const time = batchTime.exec(text)
    if (time) {
      settle(BigInt(time[1] ?? '0'))
      at = batchTime.lastIndex
      continue
    }
    if (!text.includes('\n', at)) {
      settle(savedNs)
      return {trusted, inFile: undefined}
    }
    return {trusted: new Map(), inFile: undefined}
  }
  settle(savedNs)
  return {trusted, inFile}
}
