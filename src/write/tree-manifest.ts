import {ftruncateSync, writeSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {replaceFileWith} from '../replace-file.js'
import {FileTable} from './file-table.js'

/**
 * What a complete site folder holds: every file the build produced, with the
 * key it was produced from (a page's input fingerprint, or the fingerprint of
 * a file's bytes), and the search index that was built over it.
 */
export interface TreeManifest {
  /** Output path (`/`-separated, relative to the folder) → key. */
  readonly files: FileTable
  /** Fingerprint of the pages the search index was built from; empty when there is none or it is stale. */
  readonly searchKey: string
  /** Top-level names in the folder that the search index wrote (e.g. `pagefind`). */
  readonly searchEntries: readonly string[]
}

/** The manifest of a folder with nothing in it. */
export function emptyManifest(): TreeManifest {
  return {files: FileTable.empty(), searchKey: '', searchEntries: []}
}

/**
 * The first line of a manifest file: its format and version. Note: version 2
 * is binary after its two text lines (see `writeManifest`); version 1 was
 * JSON, and is read as none, so the build after an upgrade starts afresh.
 */
const magic = 'news-archive/tree-manifest 2\n'

/** The line after the first, as JSON: the manifest's other fields. */
interface ManifestHead {
  readonly searchKey: string
  readonly searchEntries: readonly string[]
  readonly files: number
}

/** The byte after the head: how the files follow (see `writeManifest`). */
const packedFiles = 0x50 // P
const jsonFiles = 0x4a // J

/**
 * Write a manifest atomically (a temporary file renamed into place): two
 * lines of text, then the files, as nearly every site's are packed: `P`,
 * then for each file its path's UTF-8 ended by a NUL, and its key, 32
 * lowercase hexadecimal digits (a fingerprint), as 16 bytes. A path with a
 * NUL or a lone surrogate (which UTF-8 cannot hold) or a key of another form
 * cannot be packed: then `J` and a JSON object of the paths and the keys.
 * Note: a site of 100,000 articles has 157,000 files. As JSON (15 MB), making
 * the text and encoding it took 0.3 s of every build that added one seed, and
 * reading it 0.4 s. Each string is written into a buffer used again: text
 * made in large pieces costs fresh memory, dear on this machine (BENCHMARKS.md).
 */
export async function writeManifest(file: string, manifest: TreeManifest): Promise<void> {
  const {files} = manifest
  const head: ManifestHead = {searchKey: manifest.searchKey, searchEntries: manifest.searchEntries, files: files.size}
  const headBytes = Buffer.from(`${magic}${JSON.stringify(head)}\n`)
  await replaceFileWith(file, (fd) => {
    writeAll(fd, headBytes, headBytes.length)
    if (writePacked(fd, files)) return
    // Note: found only while packing, which costs less than looking first; what was packed is written over.
    ftruncateSync(fd, headBytes.length)
    const paths: string[] = []
    const keys: string[] = []
    files.forEach((key, path) => {
      paths.push(path)
      keys.push(key)
    })
    writeSync(fd, `J${JSON.stringify({paths, keys})}`, headBytes.length)
  })
}

/** Bytes written at a time (see `writePacked`). */
const blockBytes = 1 << 20

/**
 * Write `files` packed (see `writeManifest`); false when one cannot be, after writing some of them.
 * Note: `forEach` rather than `for…of` over the entries. Run once a build, the loop ran before V8 optimised it: over
 * a manifest of 156,835 files, its first run took 157 ms against 32 ms, and the entry pairs it made outlived the young
 * generation (part of 17.7 MB, in a heap profile of a build that added one seed to 100,000 articles).
 */
function writePacked(fd: number, files: FileTable): boolean {
  const buffer = Buffer.allocUnsafe(blockBytes)
  buffer[0] = packedFiles
  let used = 1
  let packable = true
  files.forEach((key, path) => {
    if (!packable) return
    if (path.includes('\0') || !path.isWellFormed() || key.length !== 32) {
      packable = false
      return
    }
    // Note: a UTF-16 code unit takes at most three bytes of UTF-8; a path longer than the buffer goes on its own.
    const most = 3 * path.length + 17
    if (used + most > blockBytes) {
      writeAll(fd, buffer, used)
      used = 0
    }
    if (most > blockBytes) {
      const bytes = Buffer.concat([Buffer.from(path), Buffer.from([0]), Buffer.from(key, 'hex')])
      if (bytes.length !== Buffer.byteLength(path) + 17 || key !== key.toLowerCase()) packable = false
      else writeAll(fd, bytes, bytes.length)
      return
    }
    used += buffer.write(path, used)
    buffer[used++] = 0
    // Note: hexadecimal digits stop at the first other character; upper case would read back as lower.
    if (buffer.write(key, used, 'hex') !== 16 || key !== key.toLowerCase()) packable = false
    used += 16
  })
  if (packable) writeAll(fd, buffer, used)
  return packable
}

function writeAll(fd: number, bytes: Uint8Array, length: number): void {
  for (let done = 0; done < length; ) done += writeSync(fd, bytes, done, length - done)
}

/** Read a manifest; undefined when it is missing, damaged or of another version. */
export async function readManifest(file: string): Promise<TreeManifest | undefined> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    return undefined
  }
  try {
    return decodeManifest(bytes)
  } catch {
    // Note: a head or a body that is not the JSON it should be.
    return undefined
  }
}

/** The manifest in `bytes` (see `writeManifest`); undefined, or an error thrown, when they are not one. */
function decodeManifest(bytes: Buffer): TreeManifest | undefined {
  if (bytes.length < magic.length || bytes.toString('latin1', 0, magic.length) !== magic) return undefined
  const headEnd = bytes.indexOf(10, magic.length)
  if (headEnd === -1) return undefined
  const {searchKey, searchEntries, files: count} = JSON.parse(bytes.toString('utf8', magic.length, headEnd)) as Partial<Record<keyof ManifestHead, unknown>>
  if (typeof searchKey !== 'string' || !isStrings(searchEntries) || !Number.isSafeInteger(count)) return undefined
  const files = FileTable.empty()
  const kind = bytes[headEnd + 1]
  if (kind === packedFiles) {
    let at = headEnd + 2
    for (let index = 0; index < (count as number); index++) {
      const end = bytes.indexOf(0, at)
      if (end === -1 || end + 17 > bytes.length) return undefined
      files.set(bytes.toString('utf8', at, end), bytes.toString('hex', end + 1, end + 17))
      at = end + 17
    }
    if (at !== bytes.length) return undefined
  } else if (kind === jsonFiles) {
    const {paths, keys} = JSON.parse(bytes.toString('utf8', headEnd + 2)) as {paths?: unknown; keys?: unknown}
    if (!isStrings(paths) || !isStrings(keys) || paths.length !== keys.length) return undefined
    paths.forEach((path, index) => files.set(path, keys[index] as string))
  } else return undefined
  return files.size === count ? {files, searchKey, searchEntries} : undefined
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * The manifests a long-running process (the dev server) wrote, kept in
 * memory so that its next build need not read them back: at 100,000
 * articles a manifest lists 157,000 files, and reading one took 0.1–0.4 s
 * (as JSON or packed), twice per build (the live site's and the back
 * buffer's), and left 300,000 new strings for the collector to copy. A
 * manifest is taken from memory only while its file is the one written:
 * same device, inode, size and modification time; else it is read from the
 * file as usual.
 */
export class ManifestMemo {
  private readonly held = new Map<string, {readonly signature: string; readonly manifest: TreeManifest}>()

  /**
   * `readManifest(file)`. Note: every reader gets the one manifest held, not
   * a copy (two per build, of as many entries as the site has files), so a
   * reader may change its files only once no tree names the file any more
   * (the registry then stops the memo holding it, see `keepOnly`): as a build
   * does with the tree it starts from (see `OutputWriter`).
   */
  async read(file: string): Promise<TreeManifest | undefined> {
    const held = this.held.get(file)
    if (held !== undefined && held.signature === (await fileSignature(file))) return held.manifest
    this.held.delete(file)
    return readManifest(file)
  }

  /** `writeManifest(file, manifest)`, keeping `manifest`: the caller must not change its files afterwards (see `read`). */
  async write(file: string, manifest: TreeManifest): Promise<void> {
    this.held.delete(file)
    await writeManifest(file, manifest)
    const signature = await fileSignature(file)
    if (signature !== undefined) this.held.set(file, {signature, manifest})
  }

  /**
   * Stop keeping the manifests in `dir` other than those named in `names`.
   * Note: another process (a `build` in another terminal) may have deleted
   * the others; each would otherwise stay in memory for good.
   */
  keepOnly(dir: string, names: ReadonlySet<string>): void {
    for (const file of [...this.held.keys()]) if (path.dirname(file) === dir && !names.has(path.basename(file))) this.held.delete(file)
  }
}

/** What tells one version of a file from another: its device, inode, size and modification time; undefined when it is missing. */
async function fileSignature(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file, {bigint: true})
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`
  } catch {
    return undefined
  }
}
