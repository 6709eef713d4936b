import {open, readFile, rm} from 'node:fs/promises'

/** Thrown when another running build holds a lock: of an output folder, or of a build cache. */
export class BusyError extends Error {
  override readonly name = 'BusyError'
}

/**
 * Take the lock file `lockFile` (create it holding this process's id),
 * taking over a stale one: one whose process is gone, as a build that was
 * killed leaves it. Note: a lock file rather than an OS lock, which Node.js
 * does not offer; a process id is checked only on this machine, which is
 * where builds of one folder run.
 *
 * @param busy The message for a lock that a running process holds.
 * @throws {BusyError} When a running process holds it.
 */
export async function takeLock(lockFile: string, busy: (holder: number) => string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) throw new BusyError(busy(holder))
      // Note: the lock of a build that was killed is stale; take it over.
      await rm(lockFile, {force: true})
    }
  }
  throw new BusyError(`could not take the lock ${lockFile}`)
}

/** Let go of a lock taken with `takeLock`. */
export async function releaseLock(lockFile: string): Promise<void> {
  await rm(lockFile, {force: true})
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
