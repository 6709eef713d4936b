import {spawn, type ChildProcess} from 'node:child_process'
import {randomUUID} from 'node:crypto'
import {readdir, rename, rm} from 'node:fs/promises'
import path from 'node:path'

/**
 * Deletions this process started and that are under way, by folder, each with
 * its process: a folder is deleted by one process at a time, and tests (and
 * anyone else) can wait for them.
 */
const deleting = new Map<string, {readonly done: Promise<void>; readonly child: ChildProcess}>()

/** The mark in the name of a tree moved aside to be deleted: `<dir>.trash-<id>`. */
const trashMark = '.trash-'

/** What the deleting process runs: its one argument is the folder. */
const deleteScript = "require('node:fs').rmSync(process.argv[1], {recursive: true, force: true, maxRetries: 3})"

/** A site tree of fewer files is deleted at once (see `freeTreeName`): starting a process to delete it costs more. */
const smallTreeFiles = 1000

/**
 * Free the name `dir`, an old site tree of about `files` files: a small one
 * is deleted now; a large one is moved aside (`moveAside`), and its new path
 * returned for `deleteInBackground` once the build is done. Undefined when
 * nothing is left to delete.
 */
export async function freeTreeName(dir: string, files: number): Promise<string | undefined> {
  if (files >= smallTreeFiles) return moveAside(dir)
  await rm(dir, {recursive: true, force: true})
  return undefined
}

/**
 * Move the folder `dir` aside at once (a rename beside it, so on the same
 * disk), for `deleteInBackground` to delete once the build is done; the moved
 * folder's path, or undefined when there was no `dir`.
 * Note: deleting a site tree whose files no other tree shares frees every
 * block of them: at 157,000 files (3.1 GB) `rm -rf` took 68 s on this
 * project's bench machine. A build needs the folder's name, not the space.
 */
export async function moveAside(dir: string): Promise<string | undefined> {
  const trash = `${dir}${trashMark}${randomUUID()}`
  try {
    await rename(dir, trash)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return trash
}

/** The folders `moveAside` moved aside from `dir` that are still there (a build killed before deleting them). */
export async function leftoversOf(dir: string): Promise<string[]> {
  const prefix = `${path.basename(dir)}${trashMark}`
  try {
    return (await readdir(path.dirname(dir))).filter((name) => name.startsWith(prefix)).map((name) => path.join(path.dirname(dir), name))
  } catch {
    return []
  }
}

/**
 * Delete the folder `trash` in a process of its own, which this one does not
 * wait for: a command-line build ends without waiting for it. Should it fail,
 * the next build finds the folder (`leftoversOf`) and tries again.
 * Note: deleting in this process, beside a build, took the file system
 * threads that the build's own links and writes wait for. The dev server's
 * build after a full re-render at 100,000 articles took 101-126 s deleting
 * first, 90 s deleting beside it, and 28-38 s with the deletion in a process
 * of its own once the build is done.
 */
export function deleteInBackground(trash: string): void {
  // Note: the dev server's next build finds the folder its last build is still deleting.
  if (deleting.has(trash)) return
  let child: ChildProcess
  try {
    child = spawn(process.execPath, ['--eval', deleteScript, trash], {detached: true, stdio: 'ignore', windowsHide: true})
  } catch {
    return
  }
  const done = new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.once('error', () => resolve())
  }).finally(() => deleting.delete(trash))
  deleting.set(trash, {done, child})
  child.unref()
}

/** The deletions this process started that have not ended. */
export function discardsUnderWay(): number {
  return deleting.size
}

/** Resolves when every deletion this process started has ended. */
export async function discardsDone(): Promise<void> {
  while (deleting.size > 0) {
    // Note: a process this one does not wait for does not keep it running either, so it is waited for here.
    const under = [...deleting.values()]
    for (const {child} of under) child.ref()
    await Promise.all(under.map(({done}) => done))
  }
}
