import fastGlob from 'fast-glob'

/**
 * Every seed file (`.txt`, `.md`) below `dir`, as `/`-separated paths relative
 * to it, sorted by code unit. Hidden files and folders are skipped.
 * Note: fast-glob returns results in arbitrary order; we sort for determinism.
 */
export async function findSeedPaths(dir: string): Promise<string[]> {
  const paths = await fastGlob(['**/*.txt', '**/*.md'], {cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false})
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** Files below `dir` (relative, `/`-separated, sorted), for copying static assets. */
export async function findAllFiles(dir: string): Promise<string[]> {
  const paths = await fastGlob(['**/*'], {cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false})
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
