import {readFile} from 'node:fs/promises'
import {createHash} from 'node:crypto'
import path from 'node:path'
import {findSeedPaths} from '../adapters/glob.js'
import {problem, type Problem} from '../problems/content-error.js'
import {fileStart} from '../problems/source-point.js'
import type {SourceFile} from './source-file.js'

/** Seeds read from a folder, plus the files that could not be read. */
export interface LoadedSources {
  readonly sources: readonly SourceFile[]
  readonly problems: readonly Problem[]
}

/** How many files are read at once: enough to keep the disk busy, few enough for file-handle limits. */
const readConcurrency = 64

/**
 * Find every seed below `seedsDir` and read it, sorted by path.
 * `displayDir` is how the folder is shown in problems (as the user wrote it).
 */
export async function loadSources(seedsDir: string, displayDir: string): Promise<LoadedSources> {
  const paths = await findSeedPaths(seedsDir)
  const results: (SourceFile | Problem)[] = new Array(paths.length)
  let next = 0
  async function worker(): Promise<void> {
    while (next < paths.length) {
      const index = next++
      const relative = paths[index] as string
      const file = toDisplayPath(displayDir, relative)
      try {
        const bytes = await readFile(path.join(seedsDir, relative))
        results[index] = {path: relative, file, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error'
        results[index] = problem('read-failed', {file, place: fileStart}, `the file could not be read (${reason})`)
      }
    }
  }
  await Promise.all(Array.from({length: Math.min(readConcurrency, paths.length)}, worker))
  const sources: SourceFile[] = []
  const problems: Problem[] = []
  for (const result of results) {
    if ('bytes' in result) sources.push(result)
    else problems.push(result)
  }
  return {sources, problems}
}

/** `seeds` + `a/b.txt` → `seeds/a/b.txt`, always `/`-separated. */
export function toDisplayPath(displayDir: string, relative: string): string {
  const dir = displayDir.split(path.sep).join('/').replace(/\/+$/, '')
  return dir === '' || dir === '.' ? relative : `${dir}/${relative}`
}
