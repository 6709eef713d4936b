import {rename, stat} from 'node:fs/promises'
import path from 'node:path'
import {takeLock} from '../lock-file.js'

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
 * Take the lock of the output folder of `target`.
 *
 * @throws {BusyError} When a running build holds it.
 */
export async function takeOutputLock(target: OutputTarget): Promise<void> {
  await takeLock(target.lockFile, `writing the output folder ${target.outDir}`)
}
