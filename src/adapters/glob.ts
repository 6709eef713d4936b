import fastGlob from 'fast-glob'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** The seed entries of a folder (see `findSeedPaths`). */
export interface SeedListing {
  /** `/`-separated paths relative to the folder, sorted by code unit. */
  readonly paths: string[]
  /** Those of `paths` that are symbolic links, whose targets may change where no watch of the folder sees it. */
  readonly links: string[]
}

/**
 * Every seed entry (`.txt`, `.md`) below `dir`, as `/`-separated paths relative
 * to it, sorted by code unit. Hidden files and folders are skipped.
 * Note: fast-glob returns results in arbitrary order; we sort for determinism.
 */
export async function findSeedPaths(dir: string): Promise<SeedListing> {
  // Note: not `onlyFiles`: a folder, a named pipe or a broken link named like a
  // seed is returned too, so the build reports it instead of skipping it in silence.
  // The entries' types come from the folder listing itself, so knowing the links costs nothing more.
  const entries = await fastGlob(seedPatterns, {cwd: dir, onlyFiles: false, dot: false, followSymbolicLinks: false, objectMode: true})
  const paths = entries.map((entry) => entry.path).sort(compareCodeUnits)
  const links = entries.filter((entry) => entry.dirent.isSymbolicLink()).map((entry) => entry.path).sort(compareCodeUnits)
  return {paths, links}
}

/** What a seed's name ends with; `findSeedPaths` and `isSeedPath` both follow it. */
const seedExtensions = ['txt', 'md'] as const
const seedPatterns = seedExtensions.map((extension) => `**/*.${extension}`)
const seedName = new RegExp(`\\.(?:${seedExtensions.join('|')})$`)

/**
 * Whether `relative` (`/`-separated, below a seeds folder) is named like a
 * seed `findSeedPaths` would list: a `.txt` or `.md` name, no hidden part.
 */
export function isSeedPath(relative: string): boolean {
  return !isHiddenPath(relative) && seedName.test(relative)
}

/** Whether `relative` (`/`-separated) is a path the listings leave out: one with a hidden (or empty) part. */
export function isHiddenPath(relative: string): boolean {
  return relative.split('/').some((part) => part === '' || part.startsWith('.'))
}

/** Files below `dir` (relative, `/`-separated, sorted), for copying static assets. */
export async function findAllFiles(dir: string): Promise<string[]> {
  const paths = await fastGlob(['**/*'], {cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false})
  return paths.sort(compareCodeUnits)
}

/**
 * Folders below `dir` (relative, `/`-separated), hidden ones and those inside
 * them left out as the other listings leave them out, links not followed: the
 * folders a watch of `dir` must cover.
 */
export async function findDirectories(dir: string): Promise<string[]> {
  return fastGlob(['**'], {cwd: dir, onlyDirectories: true, dot: false, followSymbolicLinks: false})
}
