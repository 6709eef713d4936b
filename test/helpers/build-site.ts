import {cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type BuildResult} from '../../src/build.js'

/** The example site's seeds folder, shipped with the repository. */
export const exampleSeeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../seeds')

/** What to build. */
export interface SiteInput {
  /** A seeds folder to copy in (e.g. `exampleSeeds`). */
  readonly seedsDir?: string
  /** More seed files: name inside `seeds/` → text. */
  readonly seeds?: Readonly<Record<string, string>>
  /** Contents of `news-archive.config.json`, when the defaults will not do. */
  readonly config?: object
}

/** A site built into a temporary folder. */
export interface BuiltSite {
  /** The temporary folder: `seeds/`, the config, and `dist/`. */
  readonly dir: string
  /** The built site. */
  readonly outDir: string
  readonly result: BuildResult
  /** Delete the temporary folder. */
  remove(): Promise<void>
}

/**
 * Build seeds into a new temporary folder with the real `build()`, exactly as
 * `news-archive build` would: templates and assets from the repository, the
 * search index included.
 */
export async function buildSite(input: SiteInput): Promise<BuiltSite> {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-archive-site-'))
  const seedsDir = path.join(dir, 'seeds')
  await mkdir(seedsDir, {recursive: true})
  if (input.seedsDir) await cp(input.seedsDir, seedsDir, {recursive: true})
  for (const [name, text] of Object.entries(input.seeds ?? {})) await writeFile(path.join(seedsDir, name), text)
  if (input.config) await writeFile(path.join(dir, 'news-archive.config.json'), JSON.stringify(input.config))
  const result = await build({cwd: dir, seedsDir: 'seeds', outDir: 'dist', check: false, drafts: false, skipInvalid: false})
  return {dir, outDir: path.join(dir, 'dist'), result, remove: () => rm(dir, {recursive: true, force: true})}
}
