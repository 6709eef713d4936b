import {readFileSync} from 'node:fs'
import {open, readFile, rm} from 'node:fs/promises'

/** Thrown when another running build holds a lock: of an output folder, or of a build cache. */
export class BusyError extends Error {
  override readonly name = 'BusyError'
}

/**
 * Take the lock file `lockFile` (create it naming this process), taking over
 * a stale one: one whose process is gone, as a build that was killed leaves
 * it. Note: a lock file rather than an OS lock, which Node.js does not
 * offer. The file names the process by its id and, where the system tells
 * (Linux), its start time: a build cache restored in CI from a build that was
 * killed may name a process id that something else has in the new
 * container, and only the start time tells them apart.
 *
 * @param busy The message for a lock that a running process holds.
 * @throws {BusyError} When a running process holds it.
 */
export async function takeLock(lockFile: string, busy: (holder: number) => string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, 'wx')
      await handle.writeFile(lockText(process.pid))
      await handle.close()
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = readHolder(await readFile(lockFile, 'utf8').catch(() => ''))
      if (holder && holder.pid !== process.pid && isRunning(holder)) throw new BusyError(busy(holder.pid))
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

/** The process a lock file names: its id, and its start time when the file has one. */
interface Holder {
  readonly pid: number
  readonly started?: string
}

/** A lock file's text for process `pid`: `pid` alone, or `pid started` where the start time can be read. */
export function lockText(pid: number): string {
  const started = processStart(pid)
  return started === undefined ? String(pid) : `${pid} ${started}`
}

function readHolder(text: string): Holder | undefined {
  const [pid, started] = text.trim().split(/\s+/)
  const id = Number(pid)
  if (!Number.isInteger(id) || id <= 0) return undefined
  return started === undefined ? {pid: id} : {pid: id, started}
}

/** Whether the process a lock names still runs: its id is alive and, when both are known, it started when the lock says. */
function isRunning(holder: Holder): boolean {
  if (!isAlive(holder.pid)) return false
  if (holder.started === undefined) return true
  const started = processStart(holder.pid)
  return started === undefined || started === holder.started
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * When process `pid` started, in clock ticks since the system booted (field
 * 22 of `/proc/PID/stat`); undefined where there is no `/proc` or no such
 * process. Note: the fields are read after the last `)`, since the command
 * name before it may hold spaces and parentheses.
 */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19]
  } catch {
    return undefined
  }
}
