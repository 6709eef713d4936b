import {mkdir, open, readFile, rename, rm, stat, writeFile, copyFile} from 'node:fs/promises'
import path from 'node:path'
import type {OutputFile} from '../render/output-file.js'

/** Files written at once: keeps the disk busy without running out of file handles. */
const writeConcurrency = 32

/** Where a build writes before its output replaces the last good site. */
export interface OutputTarget {
  /** The output folder (e.g. `dist`). Only ever replaced whole. */
  readonly outDir: string
  readonly stagingDir: string
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

/**
 * Writes a site into a staging folder, then swaps it in. A build that fails or
 * is killed leaves the last complete site in place; the next build cleans up.
 */
export class OutputWriter {
  private readonly dirs = new Set<string>()
  private readonly pending = new Set<Promise<void>>()
  private failure: unknown
  written = 0
  bytes = 0

  private constructor(readonly target: OutputTarget) {}

  /**
   * Take the output lock, recover from an interrupted swap, and start a fresh staging folder.
   *
   * @throws {OutputBusyError} When another running build holds the lock.
   */
  static async open(outDir: string): Promise<OutputWriter> {
    const target = outputTarget(outDir)
    await mkdir(path.dirname(target.outDir), {recursive: true})
    await takeLock(target.lockFile)
    await recover(target)
    await rm(target.stagingDir, {recursive: true, force: true})
    await mkdir(target.stagingDir, {recursive: true})
    return new OutputWriter(target)
  }

  /** Queue one file; waits while too many writes are in flight. */
  async write(file: OutputFile): Promise<void> {
    if (this.failure) throw this.failure
    while (this.pending.size >= writeConcurrency) await Promise.race(this.pending)
    const task = this.writeNow(file).catch((error: unknown) => {
      this.failure ??= error
    })
    const tracked = task.finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }

  /** Copy a file from disk into the site at `relative`. */
  async copy(from: string, relative: string): Promise<void> {
    const to = path.join(this.target.stagingDir, relative)
    await this.ensureDir(path.dirname(to))
    await copyFile(from, to)
    this.written++
    this.bytes += (await stat(to)).size
  }

  /** Wait for every queued write to land. */
  async flush(): Promise<void> {
    await Promise.all(this.pending)
    if (this.failure) throw this.failure
  }

  /** Wait for every write, then swap the staging folder in as the output folder. */
  async commit(): Promise<void> {
    await this.flush()
    const {outDir, stagingDir, previousDir} = this.target
    await rm(previousDir, {recursive: true, force: true})
    const hadOutput = await exists(outDir)
    if (hadOutput) await rename(outDir, previousDir)
    await rename(stagingDir, outDir)
    await rm(previousDir, {recursive: true, force: true})
    await this.release()
  }

  /** Give up: drop the staging folder, keep the last site. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.pending)
    await rm(this.target.stagingDir, {recursive: true, force: true})
    await this.release()
  }

  private async release(): Promise<void> {
    await rm(this.target.lockFile, {force: true})
  }

  private async writeNow(file: OutputFile): Promise<void> {
    const to = path.join(this.target.stagingDir, file.path)
    // Note: outputPathFor already refused `..`; this is the last line of defence.
    if (!to.startsWith(this.target.stagingDir + path.sep)) throw new Error(`refusing to write outside the output folder: ${file.path}`)
    await this.ensureDir(path.dirname(to))
    await writeFile(to, file.contents)
    this.written++
    this.bytes += typeof file.contents === 'string' ? Buffer.byteLength(file.contents) : file.contents.byteLength
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return
    await mkdir(dir, {recursive: true})
    this.dirs.add(dir)
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

/** A swap interrupted between its two renames leaves only the previous site: put it back. */
async function recover(target: OutputTarget): Promise<void> {
  if (!(await exists(target.outDir)) && (await exists(target.previousDir))) await rename(target.previousDir, target.outDir)
}

async function takeLock(lockFile: string): Promise<void> {
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
