import {randomUUID} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {link, readFile, rm, writeFile} from 'node:fs/promises'
import {setTimeout as sleep} from 'node:timers/promises'

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
 * The lock is created with its text in one step (a hard link to a file
 * written beforehand), so no build ever reads another's lock half made. A
 * stale lock is dropped only by the holder of a second lock,
 * `lockFile.takeover`, after reading it again: several builds that find the
 * same stale lock at once cannot drop each other's new one.
 *
 * @param holderIs What the holder of this lock is doing, for the message
 *   (`writing the output folder …`).
 * @throws {BusyError} When a running process holds it, saying which and how to clear it.
 */
export async function takeLock(lockFile: string, holderIs: string): Promise<void> {
  const busy = (holder: number): BusyError => new BusyError(`another build (process ${holder}) is ${holderIs}; wait for it to finish, or delete ${lockFile} if that process is gone`)
  const text = ownLockText()
  const written = `${lockFile}.${process.pid}-${randomUUID()}.tmp`
  const takeover = `${lockFile}.takeover`
  await writeFile(written, text)
  try {
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (await createLink(written, lockFile)) return
      const found = await readFile(lockFile, 'utf8').catch(() => undefined)
      // Note: released between the two calls: try again.
      if (found === undefined) continue
      const holder = readHolder(found)
      if (holder && isRunning(holder)) throw busy(holder.pid)
      if (!(await createLink(written, takeover))) {
        const otherText = await readFile(takeover, 'utf8').catch(() => undefined)
        // Note: a takeover just finished: try again. One left by a build killed in the middle of it is dropped; a live one is waited for.
        if (otherText === undefined) continue
        const other = readHolder(otherText)
        if (other && isRunning(other)) await sleep(takeoverWaitMs)
        else await rm(takeover, {force: true})
        continue
      }
      try {
        if ((await readFile(lockFile, 'utf8').catch(() => undefined)) === found) await rm(lockFile, {force: true})
      } finally {
        await rm(takeover, {force: true})
      }
    }
    throw new BusyError(`could not take the lock ${lockFile}`)
  } finally {
    await rm(written, {force: true})
  }
}

/** Tries at taking a lock, and the wait while another build takes a stale one over. */
const maxAttempts = 100
const takeoverWaitMs = 10

/** Let go of a lock taken with `takeLock`, unless it is no longer this process's. */
export async function releaseLock(lockFile: string): Promise<void> {
  const found = await readFile(lockFile, 'utf8').catch(() => undefined)
  if (found === ownLockText()) await rm(lockFile, {force: true})
}

/** Make `to` a hard link to `from`; false when something is at `to` already. */
async function createLink(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** The process a lock file names: its id, and its start time when the file has one. */
interface Holder {
  readonly pid: number
  readonly started?: string
}

/** This process's lock text, read from `/proc` once: a build takes and releases two locks, and its start time never changes. */
let ownText: string | undefined
function ownLockText(): string {
  ownText ??= lockText(process.pid)
  return ownText
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

/**
 * Whether the process a lock names still runs: its id is alive, it is not a
 * zombie (a build that ended but whose parent has not collected it yet) and,
 * when both are known, it started when the lock says. Note: a lock naming this
 * very process is another build in it when the start times agree, and left
 * over from an earlier process with the same id when they cannot be told.
 */
function isRunning(holder: Holder): boolean {
  if (!isAlive(holder.pid)) return false
  const stat = processStat(holder.pid)
  if (stat?.state === 'Z' || stat?.state === 'X') return false
  if (holder.started === undefined || stat === undefined) return holder.pid !== process.pid
  return stat.started === holder.started
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** When process `pid` started (see `processStat`), where the system tells. */
function processStart(pid: number): string | undefined {
  return processStat(pid)?.started
}

/**
 * Process `pid`'s state (field 3 of `/proc/PID/stat`: `R`, `S`, `Z` for a
 * zombie…) and when it started, in clock ticks since the system booted
 * (field 22); undefined where there is no `/proc` or no such process. Note:
 * the fields are read after the last `)`, since the command name before it
 * may hold spaces and parentheses.
 */
function processStat(pid: number): {state: string; started: string} | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const [state, started] = [fields[0], fields[19]]
    return state === undefined || started === undefined ? undefined : {state, started}
  } catch {
    return undefined
  }
}
