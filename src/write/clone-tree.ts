import {link, mkdir, readdir} from 'node:fs/promises'
import path from 'node:path'

/** Links made at once. */
const linkConcurrency = 64

/**
 * Make `to` a copy of the files `paths` (relative, `/`-separated) and the
 * folders `folders` of the tree `from`, by hard links: no file's bytes are
 * copied, so it costs one directory entry per file.
 * Note: the two trees then share their files. Whoever writes into either one
 * must replace a file (unlink, then create), never write into it.
 * Returns the paths that were missing in `from`.
 *
 * @throws When `signal` is aborted, with its reason, leaving `to` part made.
 */
export async function cloneTree(from: string, to: string, paths: Iterable<string>, folders: readonly string[] = [], signal?: AbortSignal): Promise<Set<string>> {
  const files = [...paths]
  for (const folder of folders) {
    const below = await filesBelow(path.join(from, folder))
    // Note: a top-level entry may be a single file rather than a folder.
    if (below === undefined) files.push(folder)
    else for (const relative of below) files.push(`${folder}/${relative}`)
  }
  const dirs = new Set<string>()
  for (const file of files) dirs.add(path.posix.dirname(file))
  await mkdir(to, {recursive: true})
  await eachLimited([...dirs].filter((dir) => dir !== '.'), (dir) => mkdir(path.join(to, dir), {recursive: true}), signal)
  const missing = new Set<string>()
  await eachLimited(files, async (file) => {
    try {
      await link(path.join(from, file), path.join(to, file))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      missing.add(file)
    }
  }, signal)
  return missing
}

/**
 * Run `action` on every item, `linkConcurrency` at a time. Once `signal` is
 * aborted no item is started, and it throws when those under way are done.
 */
async function eachLimited<T>(items: readonly T[], action: (item: T) => Promise<unknown>, signal?: AbortSignal): Promise<void> {
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length && !signal?.aborted) await action(items[next++] as T)
  }
  await Promise.all(Array.from({length: Math.min(linkConcurrency, items.length)}, worker))
  signal?.throwIfAborted()
}

/** The files below `dir`, relative; undefined when `dir` is a file (or missing, which linking then reports). */
async function filesBelow(dir: string): Promise<string[] | undefined> {
  try {
    const entries = await readdir(dir, {recursive: true, withFileTypes: true})
    return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  } catch {
    return undefined
  }
}
