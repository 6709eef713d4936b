import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import {outputTarget} from '../src/write/write-output.js'
import {listFiles, makeTempDir, removeDir, treeManifest, writeFiles, type InputFiles} from './helpers/build-from-files.js'
import {repoRoot} from './helpers/corpus.js'
import {runCli, stackTraceLines, type CliRun} from './helpers/run-cli.js'

/**
 * The command line is the contract scripts and CI rely on: exit codes,
 * where output goes, and the shape of the problem report.
 * 0 built, 1 bad input (nothing written), 2 wrong usage, 3 built without the
 * invalid seeds (`--skip-invalid`), 4 another build holds the output folder or the
 * cache, or the output folder cannot be written.
 */

const good = ' date 2024-11-18 The council approved the budget on Monday after a long debate.\n\nThe vote was 7 to 2.\n'
const alsoGood = ' date 2024-11-19 The mayor signed the budget into law on Tuesday.\n'
const badDay = ' date 2024-02-30 This seed has an impossible date.\n'

let root = ''
let counter = 0
before(async () => {
  root = await makeTempDir('news-archive-cli-')
})
after(async () => {
  await removeDir(root)
})

/** A new site folder with `files`, and a previous site in `dist/` when asked. */
async function site(files: InputFiles, previous = false): Promise<string> {
  const dir = path.join(root, `site-${++counter}`)
  await writeFiles(dir, files)
  if (previous) await writeFiles(path.join(dir, 'dist'), {'index.html': '<!doctype html><title>Last good site</title>'})
  return dir
}

function assertClean(run: CliRun): void {
  assert.deepEqual(stackTraceLines(run.stdout + run.stderr), [], 'no stack trace')
}

/** Lines of the report shaped `file:line:column: severity: message [rule]`. */
function problemLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\S+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$/.test(line))
}

describe('usage', () => {
  test('--version prints the version from package.json', async () => {
    const {version} = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {version: string}
    const run = await runCli(['--version'], {cwd: root})
    assert.equal(run.code, 0)
    assert.equal(run.stdout.trim(), version)
  })

  test('--help names the commands and the exit codes', async () => {
    const run = await runCli(['--help'], {cwd: root})
    assert.equal(run.code, 0)
    assert.match(run.stdout, /build/)
    assert.match(run.stdout, /check/)
    const buildHelp = await runCli(['build', '--help'], {cwd: root})
    assert.equal(buildHelp.code, 0)
    for (const word of ['--seeds', '--out', '--skip-invalid', 'Exit codes', '3', '4']) assert.ok(buildHelp.stdout.includes(word), `build --help mentions ${word}`)
  })

  const wrongUsage = [
    {args: ['publish'], says: /unknown command "publish"/},
    {args: ['build', '--no-such-flag'], says: /no-such-flag/},
    {args: ['build', 'extra-argument'], says: /extra-argument/},
    {args: ['build', '--out'], says: /--out/},
  ]
  for (const example of wrongUsage) {
    test(`\`news-archive ${example.args.join(' ')}\` is wrong usage: exit 2 and a pointer to --help`, async () => {
      const dir = await site({'seeds/a.txt': good})
      const run = await runCli(example.args, {cwd: dir})
      assert.equal(run.code, 2)
      assert.match(run.stderr, example.says)
      assert.match(run.stderr, /--help/)
      assertClean(run)
      assert.equal(existsSync(path.join(dir, 'dist')), false, 'nothing is built')
    })
  }
})

describe('build', () => {
  test('good seeds: exit 0, a summary on stdout, nothing on stderr', async () => {
    const dir = await site({'seeds/a.txt': good, 'seeds/b.txt': alsoGood})
    const run = await runCli(['build'], {cwd: dir})
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /^Built 2 articles/)
    assert.equal(run.stderr, '')
    assert.ok((await listFiles(path.join(dir, 'dist'))).includes('index.html'))
  })

  test('--quiet prints nothing when all is well', async () => {
    const dir = await site({'seeds/a.txt': good})
    const run = await runCli(['build', '-q'], {cwd: dir})
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout + run.stderr, '')
  })

  test('a bad seed: exit 1, the report on stderr, the last good site unchanged', async () => {
    const dir = await site({'seeds/a.txt': good, 'seeds/bad.txt': badDay}, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    const run = await runCli(['build'], {cwd: dir})
    assert.equal(run.code, 1)
    assert.equal(run.stdout, '')
    const lines = run.stderr.split('\n')
    const first = lines.findIndex((line) => line.startsWith('seeds/bad.txt:'))
    assert.equal(lines[first], 'seeds/bad.txt:1:7: error: the date line is "2024-02-30": February 2024 has 29 days [date-invalid]')
    assert.equal(lines[first + 1], '  hint: Write it as YYYY-MM-DD, for example `2024-03-01`.')
    assert.ok(lines.includes('1 error, 0 warnings'))
    assert.match(run.stderr, /Nothing was written.*dist\/ is unchanged/)
    assertClean(run)
    assert.equal(await treeManifest(path.join(dir, 'dist')), before)
  })

  test('warnings alone: exit 0, the warnings on stderr', async () => {
    const dir = await site({'seeds/a.md': '---\ntitel: Budget passes\ndate: 2024-11-18\n---\nThe council approved the budget.\n'})
    const run = await runCli(['build'], {cwd: dir})
    assert.equal(run.code, 0, run.stderr)
    assert.deepEqual(problemLines(run.stderr), ['seeds/a.md:2:8: warning: `titel` is not a front-matter key news-archive reads, so it is ignored [front-matter-unknown-key]'])
    assert.match(run.stderr, /0 errors, 1 warning\n/)
  })

  test('a config mistake: exit 1, named with its line', async () => {
    const dir = await site({'seeds/a.txt': good, 'news-archive.config.json': '{\n  "pageSize": 0\n}\n'}, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    const run = await runCli(['build'], {cwd: dir})
    assert.equal(run.code, 1)
    assert.deepEqual(problemLines(run.stderr), ['news-archive.config.json:2:3: error: `pageSize` should be a whole number from 1 to 1000, not 0 [config-invalid]'])
    assertClean(run)
    assert.equal(await treeManifest(path.join(dir, 'dist')), before)
  })

  test('a seeds folder that does not exist is an error, not an empty site', async () => {
    const dir = await site({'seeds/a.txt': good}, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    const run = await runCli(['build', '--seeds', 'seed'], {cwd: dir})
    assert.notEqual(run.code, 0, 'a typo in --seeds must not publish an empty site')
    assert.match(run.stderr, /seed\b/)
    assertClean(run)
    assert.equal(await treeManifest(path.join(dir, 'dist')), before)
  })

  for (const out of ['seeds', '.', 'seeds/site']) {
    test(`--out ${out} is refused: the output folder may not hold the seeds`, async () => {
      const dir = await site({'seeds/a.txt': good})
      const before = await treeManifest(path.join(dir, 'seeds'))
      const run = await runCli(['build', '--out', out], {cwd: dir})
      assert.notEqual(run.code, 0)
      assertClean(run)
      assert.equal(await treeManifest(path.join(dir, 'seeds')), before, 'the seeds are untouched')
    })
  }
})

describe('--skip-invalid', () => {
  test('publishes the valid seeds, lists every skipped one, exits 3', async () => {
    const dir = await site({'seeds/a.txt': good, 'seeds/b.txt': alsoGood, 'seeds/bad.txt': badDay, 'seeds/empty.txt': ''}, true)
    const run = await runCli(['build', '--skip-invalid'], {cwd: dir})
    assert.equal(run.code, 3, run.stderr)
    assert.match(run.stdout, /^Built 2 articles/)
    assert.match(run.stderr, /Skipped 2 invalid seeds:\n {2}seeds\/bad\.txt\n {2}seeds\/empty\.txt\n/)
    assert.equal(problemLines(run.stderr).length, 2, 'the problems are still reported')
    const files = await listFiles(path.join(dir, 'dist'))
    assert.equal(files.filter((file) => /^2024\/11\/1[89]\/[^/]+\/index\.html$/.test(file)).length, 2, 'both valid seeds are published')
    assertClean(run)
  })

  test('with nothing invalid, exits 0', async () => {
    const dir = await site({'seeds/a.txt': good})
    const run = await runCli(['build', '--skip-invalid'], {cwd: dir})
    assert.equal(run.code, 0, run.stderr)
  })

  test('does not skip a URL claimed twice: which seed would win is not for the build to guess', async () => {
    const claim = (title: string) => `---\ntitle: ${title}\ndate: 2024-11-18\nslug: budget\n---\nText of ${title}.\n`
    const dir = await site({'seeds/a.md': claim('First'), 'seeds/b.md': claim('Second')}, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    const run = await runCli(['build', '--skip-invalid'], {cwd: dir})
    assert.equal(run.code, 1)
    assert.deepEqual(problemLines(run.stderr).map((line) => line.split(': ')[0]), ['seeds/b.md:4:7'])
    assert.equal(await treeManifest(path.join(dir, 'dist')), before)
  })
})

describe('check', () => {
  test('reports every problem, exits 1, and writes nothing', async () => {
    const dir = await site({'seeds/a.txt': good, 'seeds/bad.txt': badDay, 'seeds/none.txt': 'No date.\n'})
    const run = await runCli(['check'], {cwd: dir})
    assert.equal(run.code, 1)
    assert.equal(problemLines(run.stderr).length, 2)
    assert.equal(existsSync(path.join(dir, 'dist')), false)
    assertClean(run)
  })

  test('exits 0 on good seeds', async () => {
    const dir = await site({'seeds/a.txt': good})
    const run = await runCli(['check'], {cwd: dir})
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /no errors/)
  })
})

describe('the output folder', () => {
  test('held by another running build: exit 4, a clear message, the site unchanged', async () => {
    const dir = await site({'seeds/a.txt': good}, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    // Note: this test process is alive, so its process id makes a live lock.
    await writeFile(outputTarget(path.join(dir, 'dist')).lockFile, String(process.pid))
    const run = await runCli(['build'], {cwd: dir})
    assert.equal(run.code, 4)
    assert.ok(run.stderr.includes(`another build (process ${process.pid}) is writing the output folder ${path.join(dir, 'dist')}`), run.stderr)
    assert.match(run.stderr, /unchanged/)
    assertClean(run)
    assert.equal(await treeManifest(path.join(dir, 'dist')), before)
  })

  test('a build cache held by another running build: exit 4, a message naming the cache, the site unchanged', async () => {
    const dir = await site({'seeds/a.txt': good}, true)
    const before = await treeManifest(path.join(dir, 'dist'))
    const lock = path.join(dir, '.cache', 'news-archive', 'build.lock')
    await writeFiles(dir, {[path.relative(dir, lock)]: String(process.pid)})
    for (const command of ['build', 'check']) {
      const run = await runCli([command], {cwd: dir})
      assert.equal(run.code, 4, `${command}: ${run.stderr}`)
      assert.match(run.stderr, /another build \(process \d+\) is using the build cache/)
      assert.ok(run.stderr.includes(lock), `${command}: the message names the lock file: ${run.stderr}`)
      assertClean(run)
    }
    assert.equal(await treeManifest(path.join(dir, 'dist')), before)
    assert.equal(await readFile(lock, 'utf8'), String(process.pid), 'the lock of the other build is left alone')
  })

  test('a stale lock left by a build that was killed is taken over', async () => {
    const dir = await site({'seeds/a.txt': good}, true)
    // Note: process ids are at most 2^22 on Linux, so this one never runs.
    await writeFile(outputTarget(path.join(dir, 'dist')).lockFile, '99999999')
    const run = await runCli(['build'], {cwd: dir})
    assert.equal(run.code, 0, run.stderr)
    assert.equal(existsSync(outputTarget(path.join(dir, 'dist')).lockFile), false, 'the lock is released')
    assert.equal(existsSync(path.join(dir, '.cache', 'news-archive', 'build.lock')), false, 'the cache lock is released')
  })

  test('a file where the output folder should be is refused, not replaced', async () => {
    const dir = await site({'seeds/a.txt': good, 'dist': 'notes the user keeps here'})
    const run = await runCli(['build'], {cwd: dir})
    assert.notEqual(run.code, 0, run.stdout)
    assert.match(run.stderr, /\bdist\b/)
    assertClean(run)
    assert.equal(await readFile(path.join(dir, 'dist'), 'utf8'), 'notes the user keeps here')
  })
})
