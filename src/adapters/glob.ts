import fastGlob from 'fast-glob'

/**
 * Every seed entry (`.txt`, `.md`) below `dir`, as `/`-separated paths relative
 * to it, sorted by code unit. Hidden files and folders are skipped.
 * Note: fast-glob returns results in arbitrary order; we sort for determinism.
 */
export async function findSeedPaths(dir: string): Promise<string[]> {
  // Note: not `onlyFiles`: a folder, a named pipe or a broken link named like a
  // seed is returned too, so the build reports it instead of skipping it in silence.
  const paths = await fastGlob(['**/*.txt', '**/*.md'], {cwd: dir, onlyFiles: false, dot: false, followSymbolicLinks: false})
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** Files below `dir` (relative, `/`-separated, sorted), for copying static assets. */
export async function findAllFiles(dir: string): Promise<string[]> {
  const paths = await fastGlob(['**/*'], {cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false})
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * Folders below `dir` (relative, `/`-separated), hidden ones and those inside
 * them left out as the other listings leave them out, links not followed: the
 * folders a watch of `dir` must cover.
 */
export async function findDirectories(dir: string): Promise<string[]> {
  return fastGlob(['**'], {cwd: dir, onlyDirectories: true, dot: false, followSymbolicLinks: false})
}
