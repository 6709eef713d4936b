import {statSync} from 'node:fs'
import {mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'

/** What `stat` says about a seed file: enough to notice that it changed. */
export interface FileSignature {
  readonly size: bigint
  readonly mtimeNs: bigint
  readonly ctimeNs: bigint
  readonly ino: bigint
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
    private readonly trusted: ReadonlyMap<string, StatEntry>,
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
    if (!entry) return undefined
    const old = entry.signature
    const same = old.size === signature.size && old.mtimeNs === signature.mtimeNs && old.ctimeNs === signature.ctimeNs && old.ino === signature.ino
    return same ? entry.hash : undefined
  }

  /** Replace the index on disk with `entries` (path relative to the seeds folder → entry). */
  async save(entries: ReadonlyMap<string, StatEntry>): Promise<void> {
    const lines = [headerLine]
    for (const [relative, {signature, hash}] of entries) {
      if (/[\t\n\r]/.test(relative)) continue
      lines.push([relative, signature.size, signature.mtimeNs, signature.ctimeNs, signature.ino, hash].join('\t'))
    }
    await mkdir(path.dirname(this.file), {recursive: true})
    const temporary = `${this.file}.${process.pid}.tmp`
    try {
      await writeFile(temporary, `${lines.join('\n')}\n`)
      await rename(temporary, this.file)
    } finally {
      await rm(temporary, {force: true})
    }
  }
}

function indexFile(cacheDir: string, indexName: string): string {
  return path.join(cacheDir, 'seed-stats', `${indexName}.tsv`)
}

function parseIndex(text: string, savedNs: bigint): Map<string, StatEntry> {
  const entries = new Map<string, StatEntry>()
  const lines = text.split('\n')
  if (lines[0] !== headerLine || lines.at(-1) !== '') return entries
  for (const row of lines.slice(1, -1)) {
    const cells = row.split('\t')
    if (cells.length !== 6 || !/^[0-9a-f]{64}$/.test(cells[5] as string)) return new Map()
    let signature: FileSignature
    try {
      signature = {size: BigInt(cells[1] as string), mtimeNs: BigInt(cells[2] as string), ctimeNs: BigInt(cells[3] as string), ino: BigInt(cells[4] as string)}
    } catch {
      return new Map()
    }
    if (signature.ctimeNs >= savedNs - racyWindowNs || signature.mtimeNs >= savedNs - racyWindowNs) continue
    entries.set(cells[0] as string, {signature, hash: cells[5] as string})
  }
  return entries
}
