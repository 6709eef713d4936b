import assert from 'node:assert/strict'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import fc from 'fast-check'
import {build, openCache} from '../src/build.js'
import {buildOptions, makeTempDir, removeDir, treeManifest, writeFiles} from './helpers/build-from-files.js'
import {readCorpus, repoRoot} from './helpers/corpus.js'

/**
 * The property behind incremental builds: after any sequence of seeds added,
 * edited, renamed and deleted, templates edited and settings changed, an
 * incremental build gives byte for byte the site a clean build of the same
 * folder gives. Runs on real Reuters stories spread over the corpus's months,
 * with the build cache opened for each build (as the command line does)
 * and kept open across them (as the dev server does, with its articles in memory,
 * told by its file watch which paths changed).
 * `NEWS_ARCHIVE_PROPERTY_RUNS` sets the number of random sequences (default 5).
 */

const runs = Number(process.env['NEWS_ARCHIVE_PROPERTY_RUNS'] ?? 5)
const sample = readCorpus().filter((_, index) => index % 350 === 0)
const initialCount = 10
const dates = ['1987-02-26', '1987-03-31', '1987-04-07', '1987-06-15', '1987-10-20', '1987-11-02']

type Operation =
  | {readonly kind: 'add'; readonly pick: number}
  | {readonly kind: 'edit-text'; readonly pick: number}
  | {readonly kind: 'edit-date'; readonly pick: number; readonly date: number}
  | {readonly kind: 'front-matter'; readonly pick: number; readonly topics: readonly string[]}
  | {readonly kind: 'delete'; readonly pick: number}
  | {readonly kind: 'rename'; readonly pick: number}
  | {readonly kind: 'folder-in'; readonly pick: number}
  | {readonly kind: 'folder-out'; readonly pick: number}
  | {readonly kind: 'template'; readonly variant: number}
  | {readonly kind: 'config'; readonly pageSize: number}

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {weight: 3, arbitrary: fc.record({kind: fc.constant('add' as const), pick: fc.nat()})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('edit-text' as const), pick: fc.nat()})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('edit-date' as const), pick: fc.nat(), date: fc.nat(dates.length - 1)})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('front-matter' as const), pick: fc.nat(), topics: fc.subarray(['Grain', 'Trade', 'Oil', 'Currencies'], {minLength: 1})})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant('delete' as const), pick: fc.nat()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('rename' as const), pick: fc.nat()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('folder-in' as const), pick: fc.nat()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('folder-out' as const), pick: fc.nat()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('template' as const), variant: fc.nat(2)})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant('config' as const), pageSize: fc.integer({min: 2, max: 5})})},
)

/** The seeds directly in the seeds folder, and its folders. */
async function seedNames(dir: string, kind: 'files' | 'folders' = 'files'): Promise<string[]> {
  const entries = await readdir(path.join(dir, 'seeds'), {withFileTypes: true})
  return entries.filter((entry) => (kind === 'files' ? entry.isFile() : entry.isDirectory())).map((entry) => entry.name).sort()
}

/** Apply one operation to the site folder `dir`; the paths it added, changed or removed, as a file watch reports them. */
async function apply(dir: string, op: Operation, step: number): Promise<string[]> {
  const names = await seedNames(dir)
  const seed = (pick: number): string => path.join(dir, 'seeds', names[pick % names.length] as string)
  switch (op.kind) {
    case 'add': {
      const story = sample[op.pick % sample.length]
      if (!story) return []
      const file = path.join(dir, 'seeds', `added-${step}-${story.file}`)
      await writeFile(file, story.text)
      return [file]
    }
    case 'edit-text':
      if (names.length === 0) return []
      await writeFile(seed(op.pick), `${await readFile(seed(op.pick), 'utf8')}\n\nEdited in step ${step}: traders said prices were steady.`)
      return [seed(op.pick)]
    case 'edit-date':
      if (names.length === 0) return []
      await writeFile(seed(op.pick), (await readFile(seed(op.pick), 'utf8')).replace(/^( date |date: )\d{4}-\d{2}-\d{2}/m, `$1${dates[op.date]}`))
      return [seed(op.pick)]
    case 'front-matter': {
      if (names.length === 0) return []
      const text = await readFile(seed(op.pick), 'utf8')
      const match = /^ date (\d{4}-\d{2}-\d{2}) /.exec(text)
      if (!match) return []
      const frontMatter = ['---', `title: "Step ${step}: a given title"`, `date: ${match[1]}`, `topics: [${op.topics.join(', ')}]`, '---', '']
      await writeFile(seed(op.pick), frontMatter.join('\n') + text.slice(match[0].length))
      return [seed(op.pick)]
    }
    case 'delete':
      if (names.length <= 1) return []
      await rm(seed(op.pick))
      return [seed(op.pick)]
    case 'rename': {
      if (names.length === 0) return []
      const to = path.join(dir, 'seeds', `renamed-${step}-${names[op.pick % names.length]}`)
      await rename(seed(op.pick), to)
      return [seed(op.pick), to]
    }
    case 'folder-in': {
      // Note: a folder made elsewhere with seeds in it, then moved in: the watch sees only the folder arrive.
      const story = sample[op.pick % sample.length]
      if (!story) return []
      const made = path.join(dir, `folder-${step}`)
      await mkdir(made)
      await writeFile(path.join(made, story.file), story.text)
      const to = path.join(dir, 'seeds', `folder-${step}`)
      await rename(made, to)
      return [to]
    }
    case 'folder-out': {
      const folders = await seedNames(dir, 'folders')
      const folder = folders[op.pick % folders.length]
      if (folder === undefined) return []
      await rename(path.join(dir, 'seeds', folder), path.join(dir, `moved-out-${step}`))
      return [path.join(dir, 'seeds', folder)]
    }
    case 'template': {
      const templates = path.join(dir, 'templates')
      await rm(templates, {recursive: true, force: true})
      if (op.variant === 0) return [templates]
      const name = op.variant === 1 ? 'topic.html' : 'partials/card.html'
      const original = await readFile(path.join(repoRoot, 'templates', name), 'utf8')
      await mkdir(path.dirname(path.join(templates, name)), {recursive: true})
      await writeFile(path.join(templates, name), `${original}\n<!-- edited in step ${step} -->\n`)
      return [templates, path.join(templates, name)]
    }
    case 'config': {
      const file = path.join(dir, 'news-archive.config.json')
      await writeFile(file, JSON.stringify({pageSize: op.pageSize, archivePageSize: op.pageSize + 1}))
      return [file]
    }
  }
}

for (const resident of [false, true]) {
  const caches = resident ? 'one build cache kept open and told what changed, as the dev server does' : 'the build cache opened for each build'
  test(`after any sequence of changes, an incremental build is byte for byte a clean build (${caches})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, {minLength: 1, maxLength: 4}), async (operations) => {
        const dir = await makeTempDir('news-archive-property-')
        const cache = resident ? openCache(buildOptions(dir)) : undefined
        // Note: told of exactly what each step changed, as the dev server's file watch tells it, so builds look again at only those seeds.
        const journal = cache?.trackChanges()
        try {
          const files: Record<string, string> = {'news-archive.config.json': JSON.stringify({pageSize: 3, archivePageSize: 4})}
          for (const story of sample.slice(0, initialCount)) files[`seeds/${story.file}`] = story.text
          await writeFiles(dir, files)
          assert.ok((await build(buildOptions(dir, {search: false}), cache)).wrote)
          for (const [step, op] of operations.entries()) {
            for (const file of await apply(dir, op, step)) journal?.note(file)
            const incremental = await build(buildOptions(dir, {search: false}), cache)
            await rm(path.join(dir, 'clean'), {recursive: true, force: true})
            const clean = await build(buildOptions(dir, {outDir: 'clean', cache: false, cacheDir: '.cache-clean', search: false}))
            assert.equal(incremental.wrote, clean.wrote, `step ${step} (${op.kind}): both builds succeed or both fail`)
            assert.deepEqual(incremental.problems, clean.problems, `step ${step} (${op.kind}): the same problems`)
            if (clean.wrote) assert.equal(await treeManifest(path.join(dir, 'dist')), await treeManifest(path.join(dir, 'clean')), `step ${step} (${op.kind}): the same site`)
          }
        } finally {
          cache?.close()
          await removeDir(dir)
        }
      }),
      {numRuns: runs},
    )
  })
}
