import {open, readFile, rename, rm, stat} from 'node:fs/promises'
import path from 'node:path'

/** Where a build writes before its output replaces the last good site. */
export interface OutputTarget {
  /** The output folder (e.g. `dist`). Only ever replaced whole. */
  readonly outDir: string
  readonly stagingDir: string
  /** The site before the last swap; kept as the next build's starting point. */
  readonly previousDir: string
  readonly lockFile: string
}

/** The staging, previous and lock paths beside an output folder. */
export function outputTarget(outDir: string): OutputTarget {
  const resolved = path.resolve(outDir)
  const parent = path.dirname(resolved)
  const name = path.basename(resolved)
  return {
    outDir: resolved,
    stagingDir: path.join(parent, `.${name}.staging`),
    previousDir: path.join(parent, `.${name}.previous`),
    lockFile: path.join(parent, `.${name}.lock`),
  }
}

/** Thrown when another build holds the output folder. */
export class OutputBusyError extends Error {
  override readonly name = 'OutputBusyError'
}

/** Whether anything is at `file`. */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

/** A swap interrupted between its two renames leaves only the previous site: put it back. */
export async function recover(target: OutputTarget): Promise<void> {
  if (!(await exists(target.outDir)) && (await exists(target.previousDir))) await rename(target.previousDir, target.outDir)
}

/**
 * Take the lock file of an output folder, taking over a stale one (its process is gone).
 *
 * @throws {OutputBusyError} When a running build holds it.
 */
export async function takeLock(lockFile: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new OutputBusyError(`another build (process ${holder}) is writing this output folder; wait for it to finish, or delete ${path.basename(lockFile)} if that process is gone`)
      }
      // Note: the lock of a build that was killed is stale; take it over.
      await rm(lockFile, {force: true})
    }
  }
  throw new OutputBusyError('could not take the output lock')
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
