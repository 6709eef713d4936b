import {stat} from 'node:fs/promises'
import path from 'node:path'
import type {BuildOptions} from './options.js'

/** The seeds or output folder given cannot be used; nothing was read or written. */
export class FolderError extends Error {
  override readonly name = 'FolderError'
}

/**
 * Check the seeds and output folders before anything is read or written: the
 * seeds folder must exist (a typo must not publish an empty site), the output
 * folder is replaced whole so it may neither hold the seeds nor sit inside them,
 * and a file where the output folder should be is the user's, not ours to replace.
 *
 * @throws {FolderError} Saying which folder and what to do.
 */
export async function checkFolders(options: BuildOptions): Promise<void> {
  const seeds = path.resolve(options.cwd, options.seedsDir)
  const seedsStat = await stat(seeds).catch(() => undefined)
  if (!seedsStat) throw new FolderError(`the seeds folder ${options.seedsDir} does not exist; check --seeds, or create it and put seed files in it`)
  if (!seedsStat.isDirectory()) throw new FolderError(`--seeds ${options.seedsDir} is a file, not a folder of seed files`)
  if (options.check) return
  const out = path.resolve(options.cwd, options.outDir)
  if (isInside(seeds, out) || isInside(out, seeds)) {
    throw new FolderError(`--out ${options.outDir} would replace the seeds in ${options.seedsDir}: the output folder is replaced whole, so choose one outside the seeds folder (the default is dist)`)
  }
  const outStat = await stat(out).catch(() => undefined)
  if (outStat && !outStat.isDirectory()) {
    throw new FolderError(`--out ${options.outDir} is a file, not a folder; move it away or choose another output folder`)
  }
}

/** Whether `inner` is `outer` or lies below it. */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
