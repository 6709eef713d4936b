import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {build, type BuildResult} from '../../src/build.js'
import type {BuildOptions} from '../../src/options.js'
import type {Problem} from '../../src/problems/content-error.js'

/** Files of a site folder: path relative to it (`/`-separated) → contents. */
export type InputFiles = Readonly<Record<string, string | Uint8Array>>

/** A build of a throw-away site folder. */
export interface FolderBuild {
  /** The site folder: `seeds/`, optional config; the build writes `dist/` in it. */
  readonly dir: string
  readonly outDir: string
  readonly result: BuildResult
}

/** A fresh, empty folder under the system's temporary folder. Remove it with `removeDir`. */
export async function makeTempDir(prefix = 'news-archive-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

/** Remove a folder made by `makeTempDir`, whatever is in it. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true})
}

/** Write `files` below `dir`, making folders as needed. */
export async function writeFiles(dir: string, files: InputFiles): Promise<void> {
  for (const [relative, contents] of Object.entries(files)) {
    const target = path.join(dir, relative)
    await mkdir(path.dirname(target), {recursive: true})
    await writeFile(target, contents)
  }
}

/** The options a plain `news-archive build` in `cwd` gets, with overrides. */
export function buildOptions(cwd: string, overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {cwd, seedsDir: 'seeds', outDir: 'dist', check: false, drafts: false, skipInvalid: false, ...overrides}
}

/**
 * Build a site from an inline `{path: text}` map (paths like `seeds/a.txt`):
 * the files go to a new temporary folder, which is built in-process into its
 * `dist/`. The caller removes `dir` when done.
 */
export async function buildFromFiles(files: InputFiles, overrides: Partial<BuildOptions> = {}): Promise<FolderBuild> {
  const dir = await makeTempDir()
  await writeFiles(dir, files)
  const options = buildOptions(dir, overrides)
  const result = await build(options)
  return {dir, outDir: path.resolve(dir, options.outDir), result}
}

/** `file:line:column rule`, the form `expected-problems.txt` lists. */
export function locationAndRule(problem: Problem): string {
  return `${problem.file}:${problem.place.line}:${problem.place.column} ${problem.rule}`
}

/** Every file below `dir` (relative, `/`-separated, sorted), or an empty list when `dir` does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries
  try {
    entries = await readdir(dir, {recursive: true, withFileTypes: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * A fingerprint of a folder: one `sha256  path` line per file, sorted by path,
 * so two trees are byte-identical exactly when their manifests are equal.
 * Empty text when the folder does not exist.
 */
export async function treeManifest(dir: string): Promise<string> {
  const lines: string[] = []
  for (const relative of await listFiles(dir)) {
    const digest = createHash('sha256').update(await readFile(path.join(dir, relative))).digest('hex')
    lines.push(`${digest}  ${relative}`)
  }
  return lines.join('\n')
}
