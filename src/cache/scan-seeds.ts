import {lstatSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {findSeedPaths, isHiddenPath, isSeedPath} from '../adapters/glob.js'
import {toDisplayPath} from '../load/display-path.js'
import type {SourceFile} from '../load/source-file.js'
import {problem, type Problem} from '../problems/content-error.js'
import {fileStart} from '../problems/source-point.js'
import {sha256} from './hash.js'
import {fileSignature, type FileSignature, type SeedStats, type StatEntry} from './seed-stats.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

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
  /** The seeds (and problem paths) that are symbolic links, relative to the seeds folder. */
  readonly links: readonly string[]
  /** Entries the scan looked at (`stat`): every one the listing found, or for a rescan only those it looked at again. */
  readonly examined: number
  /** For a rescan, the seeds' paths it looked at again (relative, `/`-separated), seeds now or not. */
  readonly lookedAt?: readonly string[]
}

/**
 * Find every seed below `seedsDir` and learn its hash, reading only the files
 * whose `stat` signature changed since `stats` was saved (all of them without
 * `stats`). Folders, pipes and broken links named like seeds come back as problems.
 * With `read` false, changed files are left unread, with an empty hash, for
 * `readSeed` to read later (a build's scan, on this thread or on a worker:
 * see `scanOnWorker`). `onListed` hears, as soon as the folder is listed,
 * how many seeds at least the index does not know: those to read, unless
 * the index does not trust some of its own entries.
 */
export async function scanSeeds(seedsDir: string, displayDir: string, stats?: SeedStats, read = true, onListed?: (unindexed: number) => void): Promise<SeedScan> {
  const {paths, links} = await findSeedPaths(seedsDir)
  onListed?.(Math.max(0, paths.length - (stats?.trustedCount ?? 0)))
  const results: (ScannedSeed | Problem)[] = new Array(paths.length)
  const toRead: number[] = []
  let foundInIndex = 0
  paths.forEach((relative, index) => {
    const result = examineSeed(seedsDir, relative, toDisplayPath(displayDir, relative), stats)
    results[index] = result
    if (!('hash' in result)) return
    if (result.hash) foundInIndex++
    else toRead.push(index)
  })
  if (read) for (const index of toRead) results[index] = readScanned(seedsDir, results[index] as ScannedSeed)
  const {seeds, problems} = separate(results)
  return {seeds, problems, fromIndex: foundInIndex > 0 && foundInIndex === seeds.length && foundInIndex === stats?.trustedCount, links, examined: paths.length}
}

/**
 * `previous` (a scan of `seedsDir`) brought up to date by looking again at
 * only the paths in `changed` (absolute; others than the seeds folder's are
 * left out) and at the seeds that are symbolic links; every seed looked at
 * is read again, whatever its signature. The same as a new `scanSeeds` as
 * long as nothing else changed since `previous` was made. Undefined when a
 * full scan is needed instead (see `seedsToExamine`).
 */
export function rescanSeeds(previous: SeedScan, changed: readonly string[], seedsDir: string, displayDir: string): SeedScan | undefined {
  const toExamine = seedsToExamine(previous, changed, seedsDir, displayDir)
  if (toExamine === undefined) return undefined
  if (toExamine.size === 0) return {...previous, examined: 0, lookedAt: []}
  const links = new Set(previous.links)
  const looked: (ScannedSeed | Problem)[] = []
  for (const [relative, known] of toExamine) {
    const kind = known ?? entryKind(path.join(seedsDir, relative))
    links.delete(relative)
    if (kind === 'none') continue
    // Note: a folder named like a seed holds entries a scan would list too.
    if (kind === 'folder') return undefined
    if (kind === 'link') links.add(relative)
    const result = examineSeed(seedsDir, relative, toDisplayPath(displayDir, relative))
    looked.push('hash' in result ? readScanned(seedsDir, result) : result)
  }
  const displayed = new Set([...toExamine.keys()].map((relative) => toDisplayPath(displayDir, relative)))
  const {seeds, problems} = separate(looked)
  return {
    seeds: [...previous.seeds.filter((seed) => !toExamine.has(seed.path)), ...seeds].sort((a, b) => compareCodeUnits(a.path, b.path)),
    problems: [...previous.problems.filter((item) => !displayed.has(item.file)), ...problems].sort((a, b) => compareCodeUnits(a.file, b.file)),
    fromIndex: false,
    links: [...links].sort(compareCodeUnits),
    examined: toExamine.size,
    lookedAt: [...toExamine.keys()],
  }
}

/**
 * The seeds (relative, `/`-separated) to look at again for the paths
 * `changed`: those named like seeds, with what is at each now (see
 * `entryKind`), and the seeds that are links (not looked at yet). Undefined
 * when only a full scan will do: for the seeds folder itself; a folder made
 * or moved in (it may hold seeds no watch saw written); a folder that held
 * seeds, gone or replaced by a file (nothing else reports the seeds it held);
 * two names that differ only in case (on a file system that ignores case,
 * renaming `A.txt` to `a.txt` reports both, and both are still found).
 */
function seedsToExamine(previous: SeedScan, changed: readonly string[], seedsDir: string, displayDir: string): Map<string, EntryKind | undefined> | undefined {
  const toExamine = new Map<string, EntryKind | undefined>(previous.links.map((relative) => [relative, undefined]))
  let folders: ReadonlySet<string> | undefined
  const caseless = new Set<string>()
  for (const file of changed) {
    const relative = path.relative(seedsDir, file)
    if (relative === '') return undefined
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) continue
    const posix = relative.split(path.sep).join('/')
    // Note: hidden entries are left out by every scan.
    if (isHiddenPath(posix)) continue
    folders ??= foldersHolding(previous, displayDir)
    const kind = entryKind(file)
    if (kind === 'folder' || folders.has(posix)) return undefined
    if (!isSeedPath(posix)) continue
    const folded = posix.toLowerCase()
    if (caseless.has(folded)) return undefined
    caseless.add(folded)
    toExamine.set(posix, kind)
  }
  return toExamine
}

/** The folders (relative, `/`-separated) that hold a seed of the scan or a path it found a problem with, at any depth. */
function foldersHolding(scan: SeedScan, displayDir: string): Set<string> {
  const folders = new Set<string>()
  const add = (relative: string): void => {
    // Note: a folder already there came with every folder above it.
    for (let end = relative.lastIndexOf('/'); end > 0 && !folders.has(relative.slice(0, end)); end = relative.lastIndexOf('/', end - 1)) folders.add(relative.slice(0, end))
  }
  for (const seed of scan.seeds) add(seed.path)
  const prefix = toDisplayPath(displayDir, '')
  for (const item of scan.problems) if (item.file.startsWith(prefix)) add(item.file.slice(prefix.length))
  return folders
}

/** One entry the seed listing found: its signature and, when `stats` trusts it, its hash; else an empty hash. */
function examineSeed(seedsDir: string, relative: string, file: string, stats?: SeedStats): ScannedSeed | Problem {
  let signature: FileSignature
  try {
    const info = statSync(path.join(seedsDir, relative), {bigint: true})
    if (!info.isFile()) {
      return problem('read-failed', {file, place: fileStart}, info.isDirectory() ? 'this is a folder, not a seed file; rename it or move it out of the seeds folder' : 'this is not a regular file (a named pipe, socket or device); only text files can be seeds')
    }
    signature = fileSignature(info)
  } catch (error) {
    return readFailed(file, error)
  }
  return {path: relative, file, hash: stats?.hashFor(relative, signature) ?? '', signature}
}

/** The scanned seed with its bytes and their hash, or why it could not be read. */
function readScanned(seedsDir: string, seed: ScannedSeed): ScannedSeed | Problem {
  const source = readSeed(seedsDir, seed)
  return 'bytes' in source ? {...seed, bytes: source.bytes, hash: source.hash} : source
}

function separate(results: readonly (ScannedSeed | Problem)[]): {seeds: ScannedSeed[]; problems: Problem[]} {
  const seeds: ScannedSeed[] = []
  const problems: Problem[] = []
  for (const result of results) {
    if ('hash' in result) seeds.push(result)
    else problems.push(result)
  }
  return {seeds, problems}
}

/** What is at a path, links not followed. */
type EntryKind = 'none' | 'folder' | 'link' | 'other'

/** What is at `file` now. */
function entryKind(file: string): EntryKind {
  try {
    const info = lstatSync(file)
    return info.isDirectory() ? 'folder' : info.isSymbolicLink() ? 'link' : 'other'
  } catch {
    return 'none'
  }
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
