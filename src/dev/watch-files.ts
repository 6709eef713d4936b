import {lstatSync, watch, type FSWatcher} from 'node:fs'
import path from 'node:path'
import {findDirectories} from '../adapters/glob.js'
import {pathKind} from './path-kind.js'

/** A running watch; `close` stops it. */
export interface FileWatch {
  close(): Promise<void>
}

/**
 * What a watched folder reports: every entry in it (a watched tree), or only
 * the entries with these names (the folder holding a watched file or a path
 * that does not exist yet).
 */
type Interest = 'all' | Set<string>

/**
 * Call `onChange` with the path of every entry added, changed or removed
 * under `paths` (folders, files, or paths that do not exist yet). `ignore`
 * leaves out paths (absolute) such as the output folder; hidden entries
 * (named with a leading dot) in a watched folder are left out too, as the
 * build leaves them out. Resolves once every watch is in place, so no change
 * after it is missed.
 *
 * Each folder of a watched tree is watched once (`fs.watch`, inotify on
 * Linux), not each file: a folder's watch reports every entry in it created,
 * written, renamed or removed. A file, or a path not there yet, is watched
 * through the nearest folder above it that exists. Whenever a folder appears
 * or goes, the folders to watch are worked out again, so new subfolders are
 * watched, and `onChange` is called once more, with each, when some were.
 *
 * A later listing that fails (a folder that cannot be read, a path too
 * long) goes to `onError`, once until a listing succeeds again; the watches
 * in place stay, and the next entry made or removed lists the folders again.
 * So does a folder that cannot be watched (the system's inotify watches or
 * file handles ran out), whenever the folders are worked out. `onEvent` is
 * called for every event a watch gets, before any is left out: each takes a
 * place in the system's queue of events, which drops them once full.
 *
 * Note: each entry is reported by its path, so the dev server's build looks
 * again at only those seeds (see `ChangeJournal`). chokidar 4,
 * which watched each file, took 13.8 s to start watching 100,000 seeds, in a
 * process of 409 MiB (a bare Node process has 39 MiB), and held 100,000
 * inotify watches (Linux before 5.11 allows 8,192 per user unless told
 * otherwise); this took 0.33-0.44 s, 93-95 MiB and one watch per folder.
 */
export async function watchFiles(
  paths: readonly string[],
  ignore: (file: string) => boolean,
  onChange: (file: string) => void,
  onError: (error: Error) => void,
  onEvent?: () => void,
): Promise<FileWatch> {
  /** Each watched folder: its watch and what it reports (changed in place as paths appear and go). */
  const watched = new Map<string, {watcher: FSWatcher; interest: Interest}>()
  let closed = false
  let syncing: Promise<void> | undefined
  let syncAgain = false
  /** Whether the last listing failed (and was reported). */
  let failing = false

  const report = (dir: string, event: string, name: string | null): void => {
    const entry = watched.get(dir)
    if (closed || entry === undefined) return
    onEvent?.()
    const gone = name === path.basename(dir)
    if (gone) {
      // Note: Linux names the folder itself when it is removed or moved, and its watch then sees nothing more, even of
      // a folder made again at once in its place (often with the same inode). It is watched anew, and the new watch's
      // start reported, whether this was the folder or an entry in it with the same name.
      entry.watcher.close()
      watched.delete(dir)
    }
    const {interest} = entry
    // Note: without a name (which Linux always gives), anything in the folder may have changed.
    if (name !== null && (name.startsWith('.') || (interest !== 'all' && !interest.has(name)))) return
    const file = name === null ? dir : path.join(dir, name)
    if (ignore(file)) return
    onChange(file)
    // Note: working out the folders again lists every entry of the tree (0.3-0.4 s for 100,000 seeds), so it is
    // done only for a folder made or gone. Only an entry made, removed or renamed (`rename`) may be one; a file
    // written in place (`change`) never is.
    if (gone || (event === 'rename' && (failing || mayBeFolder(file)))) resync()
  }

  /** Whether `file` is a folder now (or a link, which may lead to one), or was one we watched (removed or moved away now). */
  const mayBeFolder = (file: string): boolean => {
    if (watched.has(file)) return true
    try {
      const info = lstatSync(file)
      return info.isDirectory() || info.isSymbolicLink()
    } catch {
      return false
    }
  }

  /** Make the watches match the folders on disk now; the folders newly watched. */
  const sync = async (): Promise<string[]> => {
    const wanted = await foldersToWatch(paths, ignore)
    for (const [dir, entry] of watched) {
      const interest = wanted.get(dir)
      if (interest !== undefined) {
        entry.interest = interest
        continue
      }
      entry.watcher.close()
      watched.delete(dir)
    }
    const added: string[] = []
    let unwatched: Error | undefined
    for (const [dir, interest] of wanted) {
      if (watched.has(dir)) continue
      let watcher: FSWatcher
      try {
        watcher = watch(dir, {persistent: true}, (event, name) => report(dir, event, typeof name === 'string' ? name : null))
      } catch (error) {
        // Note: a folder that went between the listing and the watch: whatever removed it was reported already.
        // Any other failure (out of inotify watches or of file handles) leaves the folder unwatched, which the
        // caller must hear of, as of a listing that failed.
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'ENOENT' && code !== 'ENOTDIR') unwatched ??= error instanceof Error ? error : new Error(String(error))
        continue
      }
      // Note: some systems end the watch of a folder removed or replaced with an error; the next sync finds what is there now.
      watcher.on('error', () => {
        if (watched.get(dir)?.watcher === watcher) watched.delete(dir)
        watcher.close()
        resync()
      })
      watched.set(dir, {watcher, interest})
      added.push(dir)
    }
    if (unwatched) onError(unwatched)
    return added
  }

  const resync = (): void => {
    if (closed) return
    if (syncing) {
      syncAgain = true
      return
    }
    syncing = (async () => {
      do {
        syncAgain = false
        // Note: a folder made just now may hold files written before its watch began, which nothing reported.
        for (const dir of await sync()) if (!closed) onChange(dir)
      } while (syncAgain && !closed)
      failing = false
    })()
      .catch((error: unknown) => {
        // Note: every change under a tree that cannot be listed tries again; once is enough to say so.
        if (!closed && !failing) onError(error instanceof Error ? error : new Error(String(error)))
        failing = true
      })
      .finally(() => (syncing = undefined))
  }

  const close = async (): Promise<void> => {
    closed = true
    await syncing
    for (const {watcher} of watched.values()) watcher.close()
    watched.clear()
  }

  try {
    await sync()
  } catch (error) {
    await close()
    throw error
  }
  return {close}
}

/**
 * The folders to watch for `paths`, each with what it reports: a folder that
 * exists, with every subfolder but hidden and ignored ones, in full; for a
 * file or a missing path, the nearest folder above it that exists, for the
 * name of its entry on the way down.
 */
async function foldersToWatch(paths: readonly string[], ignore: (file: string) => boolean): Promise<Map<string, Interest>> {
  const wanted = new Map<string, Interest>()
  const want = (dir: string, interest: Interest): void => {
    const held = wanted.get(dir)
    wanted.set(dir, held === undefined || interest === 'all' ? interest : held === 'all' ? 'all' : new Set([...held, ...interest]))
  }
  for (const target of paths) {
    if (ignore(target)) continue
    if ((await pathKind(target)) === 'folder') {
      want(target, 'all')
      for (const relative of await findDirectories(target)) {
        const dir = path.join(target, relative)
        if (!ignore(dir)) want(dir, 'all')
      }
      continue
    }
    for (let child = target, dir = path.dirname(target); ; child = dir, dir = path.dirname(dir)) {
      if ((await pathKind(dir)) === 'folder') {
        want(dir, new Set([path.basename(child)]))
        break
      }
      if (path.dirname(dir) === dir) break
    }
  }
  return wanted
}
