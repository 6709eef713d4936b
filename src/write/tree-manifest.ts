import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {replaceFile} from '../replace-file.js'

/**
 * What a complete site folder holds: every file the build produced, with the
 * key it was produced from (a page's input fingerprint, or the fingerprint of
 * a file's bytes), and the search index that was built over it.
 */
export interface TreeManifest {
  /** Output path (`/`-separated, relative to the folder) → key. */
  readonly files: ReadonlyMap<string, string>
  /** Fingerprint of the pages the search index was built from; empty when there is none or it is stale. */
  readonly searchKey: string
  /** Top-level names in the folder that the search index wrote (e.g. `pagefind`). */
  readonly searchEntries: readonly string[]
}

/** The manifest of a folder with nothing in it. */
export function emptyManifest(): TreeManifest {
  return {files: new Map(), searchKey: '', searchEntries: []}
}

const format = 'news-archive/tree-manifest'
const formatVersion = 1

/** Write a manifest atomically (a temporary file renamed into place). */
export async function writeManifest(file: string, manifest: TreeManifest): Promise<void> {
  const head = {format, version: formatVersion, searchKey: manifest.searchKey, searchEntries: manifest.searchEntries}
  await replaceFile(file, manifestText(head, manifest.files))
}

/** Paths or keys made into JSON text at a time. */
const jsonBlock = 2000

/**
 * The JSON of a manifest, in pieces: the same text as `JSON.stringify` of
 * `head` with `paths` and `keys` added. Note: a site of 100,000 articles has
 * 157,000 files, 15 MB of JSON; made as one string, that string cost most of
 * the time it took to write (see `writeTextSync`).
 */
function* manifestText(head: object, files: ReadonlyMap<string, string>): Generator<string> {
  yield JSON.stringify(head).slice(0, -1)
  yield* jsonList('paths', [...files.keys()])
  yield* jsonList('keys', [...files.values()])
  yield '}'
}

function* jsonList(name: string, items: readonly string[]): Generator<string> {
  yield `,${JSON.stringify(name)}:[`
  for (let start = 0; start < items.length; start += jsonBlock) yield `${start === 0 ? '' : ','}${JSON.stringify(items.slice(start, start + jsonBlock)).slice(1, -1)}`
  yield ']'
}

/** Read a manifest; undefined when it is missing, damaged or of another version. */
export async function readManifest(file: string): Promise<TreeManifest | undefined> {
  let data: {format?: unknown; version?: unknown; searchKey?: unknown; searchEntries?: unknown; paths?: unknown; keys?: unknown}
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as typeof data
  } catch {
    return undefined
  }
  const {paths, keys, searchKey, searchEntries} = data
  if (data.format !== format || data.version !== formatVersion || typeof searchKey !== 'string') return undefined
  if (!isStrings(paths) || !isStrings(keys) || !isStrings(searchEntries) || paths.length !== keys.length) return undefined
  const files = new Map<string, string>()
  paths.forEach((path, index) => files.set(path, keys[index] as string))
  return {files, searchKey, searchEntries}
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * The manifests a long-running process (the dev server) wrote, kept in
 * memory so that its next build need not read them back: at 100,000
 * articles a manifest is 15 MB of JSON, which took 130–210 ms to read and
 * parse, twice per build (the live site's and the back buffer's), and left
 * 300,000 new strings for the collector to copy. A manifest is taken from
 * memory only while its file is the one written: same device, inode, size
 * and modification time; else it is read from the file as usual.
 */
export class ManifestMemo {
  private readonly held = new Map<string, {readonly signature: string; readonly manifest: TreeManifest}>()

  /**
   * `readManifest(file)`. Note: every reader gets the one manifest held, not
   * a copy (two per build, of as many entries as the site has files), so no
   * reader may change it: its map is read-only.
   */
  async read(file: string): Promise<TreeManifest | undefined> {
    const held = this.held.get(file)
    if (held !== undefined && held.signature === (await fileSignature(file))) return held.manifest
    this.held.delete(file)
    return readManifest(file)
  }

  /** `writeManifest(file, manifest)`, keeping `manifest`: the caller must not change its map afterwards. */
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
