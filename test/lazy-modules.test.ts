import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir, writeFiles} from './helpers/build-from-files.js'
import {finished, startCli, type CliRun} from './helpers/run-cli.js'

/** Run `news-archive args` in `dir`, which must succeed; what it printed, and the modules it loaded (on its main thread), one per line, recorded into `recordName`. */
async function modulesLoaded(dir: string, args: readonly string[], recordName: string): Promise<{run: CliRun; loaded: string}> {
  const record = path.join(dir, recordName)
  const run = await finished(startCli(args, {cwd: dir, env: {RECORD_MODULES: record}, nodeArgs: ['--import', import.meta.resolve('./helpers/record-modules.mjs')]}))
  assert.equal(run.code, 0, run.stderr)
  return {run, loaded: await readFile(record, 'utf8')}
}

/** The packages a `news-archive build` in `dir` loaded (on its main thread), recorded into `recordName`. */
async function packagesLoaded(dir: string, recordName: string): Promise<Set<string>> {
  const {loaded} = await modulesLoaded(dir, ['build', '--no-search'], recordName)
  return new Set(loaded.split('\n').flatMap((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1] ?? []))
}

test('a build of plain-text seeds loads neither remark, gray-matter nor the dev server; Markdown and front matter load the first two', {timeout: 120_000}, async () => {
  const dir = await makeTempDir()
  try {
    await writeFiles(dir, {'seeds/2024-01-02-a.txt': ' date 2024-01-02 The council met on Tuesday and agreed the budget.'})
    const plain = await packagesLoaded(dir, 'plain.txt')
    // Note: the record must see the packages a build always loads, or its silence proves nothing.
    assert.ok(plain.has('fast-glob') && plain.has('liquidjs'), [...plain].join(' '))
    for (const name of ['unified', 'remark-parse', 'remark-html', 'micromark', 'gray-matter', 'sirv']) assert.ok(!plain.has(name), `${name} was loaded`)

    await writeFiles(dir, {'seeds/2024-01-03-b.md': '---\ntitle: Budget passed\ndate: 2024-01-03\n---\nThe budget *passed* at last.\n'})
    const markdown = await packagesLoaded(dir, 'markdown.txt')
    for (const name of ['unified', 'remark-parse', 'remark-html', 'gray-matter']) assert.ok(markdown.has(name), `${name} was not loaded`)
    const page = await readFile(path.join(dir, 'dist/2024/01/03/budget-passed/index.html'), 'utf8')
    assert.match(page, /The budget <em>passed<\/em> at last\./)
  } finally {
    await removeDir(dir)
  }
})

test('`news-archive new` and `--version` load none of the build pipeline', {timeout: 60_000}, async () => {
  const dir = await makeTempDir()
  try {
    const made = await modulesLoaded(dir, ['new', '--title', 'Harbour reopens', '--date', '2024-11-19'], 'new.txt')
    assert.equal(made.run.stdout.trim(), path.join('seeds', '2024-11-19-harbour-reopens.md'))
    // Note: the record must see what `new` does load, or its silence proves nothing.
    assert.match(made.loaded, /node_modules\/@sindresorhus\/slugify\//)
    const version = await modulesLoaded(dir, ['--version'], 'version.txt')
    assert.match(version.loaded, /\/(?:lib|src)\/cli\.[jt]s$/m)
    for (const {loaded} of [made, version]) {
      for (const name of ['liquidjs', 'fast-glob', 'city-timezones', 'world-countries']) assert.doesNotMatch(loaded, new RegExp(`node_modules/${name}/`), `${name} was loaded`)
      for (const module of ['build', 'process-sources', 'write-site']) assert.doesNotMatch(loaded, new RegExp(`/(?:lib|src)/${module}\\.[jt]s$`, 'm'), `${module} was loaded`)
    }
  } finally {
    await removeDir(dir)
  }
})
