import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {findSeedPaths} from '../adapters/glob.js'
import {toDisplayPath} from '../load/display-path.js'
import type {SourceFile} from '../load/source-file.js'
import {problem, type Problem} from '../problems/content-error.js'
import {fileStart} from '../problems/source-point.js'
import {sha256} from './hash.js'
import {fileSignature, type FileSignature, type SeedStats, type StatEntry} from './seed-stats.js'

/** A seed found in the seeds folder: its identity, and its bytes when they had to be read. */
export interface ScannedSeed {
  /** Relative to the seeds folder, `/`-separated. */
  readonly path: string
  /** As problems show it. */
  readonly file: string
  /** SHA-256 of the bytes, hex; empty when the scan left a changed file unread (see `scanSeeds`). */
  readonly hash: string
  readonly bytes?: Uint8Array
  readonly signature?: FileSignature
}

/** Every seed of a folder, sorted by path, and the files that could not be read. */
export interface SeedScan {
  readonly seeds: readonly ScannedSeed[]
  readonly problems: readonly Problem[]
  /** Whether there are seeds and every one's hash came from the stat index, which trusts no other path (so saving them would change nothing). */
  readonly fromIndex: boolean
}

/**
 * Find every seed below `seedsDir` and learn its hash, reading only the files
 * whose `stat` signature changed since `stats` was saved (all of them without
 * `stats`). Folders, pipes and broken links named like seeds come back as problems.
 * With `read` false, changed files are left unread, with an empty hash, for
 * `readSeed` to read later (a scan on a worker thread: see `scanOnWorker`).
 */
export async function scanSeeds(seedsDir: string, displayDir: string, stats?: SeedStats, read = true): Promise<SeedScan> {
  const paths = await findSeedPaths(seedsDir)
  const results: (ScannedSeed | Problem | undefined)[] = new Array(paths.length)
  const toRead: number[] = []
  let foundInIndex = 0
  paths.forEach((relative, index) => {
    const file = toDisplayPath(displayDir, relative)
    let signature: FileSignature
    try {
      const info = statSync(path.join(seedsDir, relative), {bigint: true})
      if (!info.isFile()) {
        results[index] = problem('read-failed', {file, place: fileStart}, info.isDirectory() ? 'this is a folder, not a seed file; rename it or move it out of the seeds folder' : 'this is not a regular file (a named pipe, socket or device); only text files can be seeds')
        return
      }
      signature = fileSignature(info)
    } catch (error) {
      results[index] = readFailed(file, error)
      return
    }
    const hash = stats?.hashFor(relative, signature)
    if (hash) {
      results[index] = {path: relative, file, hash, signature}
      foundInIndex++
    } else {
      results[index] = {path: relative, file, hash: '', signature}
      toRead.push(index)
    }
  })
  if (read) {
    for (const index of toRead) {
      const seed = results[index] as ScannedSeed
      const source = readSeed(seedsDir, seed)
      results[index] = 'bytes' in source ? {...seed, bytes: source.bytes, hash: source.hash} : source
    }
  }
  const seeds: ScannedSeed[] = []
  const problems: Problem[] = []
  for (const result of results) {
    if (result === undefined) continue
    if ('hash' in result) seeds.push(result)
    else problems.push(result)
  }
  return {seeds, problems, fromIndex: foundInIndex > 0 && foundInIndex === seeds.length && foundInIndex === stats?.trustedCount}
}

/**
 * The seed as a `SourceFile`, reading it now if the scan did not.
 * The hash is that of the bytes actually read.
 *
 * Note: read synchronously. In cold builds of 100,000 seeds the scan took
 * 2.3 s with a peak of 2.2 GB this way, against 6.4 s and 3.0 GB with 64
 * `fs/promises` reads at once (and 11.5 s and 3.0 GB with 64 `fs.readFile`
 * callbacks, on a slower machine). From a cold page cache it is slower:
 * 12.9 s against 3.9–5.9 s to read and hash the same seeds in a script.
 * Seeds checked out or built recently are in the page cache.
 */
export function readSeed(seedsDir: string, seed: ScannedSeed): SourceFile | Problem {
  if (seed.bytes) return {path: seed.path, file: seed.file, bytes: seed.bytes, hash: seed.hash}
  try {
    const bytes = readFileSync(path.join(seedsDir, seed.path))
    return {path: seed.path, file: seed.file, bytes, hash: sha256(bytes)}
  } catch (error) {
    return readFailed(seed.file, error)
  }
}

/** The stat index entries of a scan, to save for the next build. */
export function statEntries(seeds: readonly ScannedSeed[]): Map<string, StatEntry> {
  const entries = new Map<string, StatEntry>()
  for (const seed of seeds) if (seed.signature && seed.hash) entries.set(seed.path, {signature: seed.signature, hash: seed.hash})
  return entries
}

/** Why a seed could not be read, in words, for the errors a reader meets. */
const readReasons: Readonly<Record<string, string>> = {
  ENOENT: 'it is a link to a file that does not exist (or it was deleted during the build)',
  ELOOP: 'it is a link that leads back to itself',
  EACCES: 'permission denied',
  EISDIR: 'this is a folder, not a seed file',
}

function readFailed(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
  return problem('read-failed', {file, place: fileStart}, `the file could not be read: ${readReasons[code] ?? code}`)
}
