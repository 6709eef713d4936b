import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, statfs} from 'node:fs/promises'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import {outputTarget} from '../src/write/write-output.js'
import {makeTempDir, removeDir, treeManifest, writeFiles, type InputFiles} from './helpers/build-from-files.js'
import {readCorpus} from './helpers/corpus.js'
import {finished, runCli, stackTraceLines, startCli, type CliRun} from './helpers/run-cli.js'

/**
 * Faults: a build killed at any moment, two builds at once, a full disk and a
 * read-only output folder. Whatever happens, `dist/` is the last complete
 * site (byte for byte, compared by manifest), never a partial or mixed one.
 */

/** Seeds from the research corpus: the `a` and `b` versions of one archive, a few thousand seeds each. */
interface SeedSets {
  readonly a: InputFiles
  readonly b: InputFiles
}

/**
 * Version `b` changes version `a` the way editors do: some seeds corrected,
 * some deleted, some added.
 */
function seedSets(count: number, folderA: string, folderB: string): SeedSets {
  const corpus = readCorpus(count + Math.ceil(count / 40))
  const a: Record<string, string> = {}
  const b: Record<string, string> = {}
  corpus.forEach((article, index) => {
    if (index < count) a[`${folderA}/${article.file}`] = article.text
    if (index % 50 === 7) return // deleted in b
    const corrected = index % 30 === 3 ? `${article.text}\n\nThis article was corrected.` : article.text
    b[`${folderB}/${article.file}`] = corrected
  })
  return {a, b}
}

/** A small deterministic random number generator (mulberry32), so a failing run can be repeated with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The names beside the output folder that belong to the build (staging, back buffer, lock). */
async function besideOutput(outDir: string): Promise<string[]> {
  const name = path.basename(outDir)
  return (await readdir(path.dirname(outDir))).filter((entry) => entry.startsWith(`.${name}.`)).sort()
}

/** Files that differ between two manifests, for a readable failure. */
function manifestDifference(actual: string, expected: string): string[] {
  const have = new Set(actual.split('\n'))
  const want = new Set(expected.split('\n'))
  return [...[...have].filter((line) => !want.has(line)).map((line) => `+ ${line}`), ...[...want].filter((line) => !have.has(line)).map((line) => `- ${line}`)].slice(0, 12)
}

function assertBuilt(run: CliRun, what: string): void {
  assert.equal(run.code, 0, `${what} failed:\n${run.stderr}`)
}

let root = ''
before(async () => {
  root = await makeTempDir('news-archive-faults-')
})
after(async () => {
  await removeDir(root)
})

describe('a build killed at random moments', () => {
  test('leaves dist/ as the last complete site every time; later builds clean up and agree', async (t) => {
    const site = path.join(root, 'killed')
    const sets = seedSets(2000, 'seeds-a', 'seeds-b')
    await writeFiles(site, {...sets.a, ...sets.b})
    const outDir = path.join(site, 'dist')
    const buildOf = (version: 'a' | 'b') => ['build', '-q', '--seeds', `seeds-${version}`, '--out', 'dist']

    assertBuilt(await runCli(buildOf('a'), {cwd: site}), 'the first build')
    const complete = {a: await treeManifest(outDir), b: ''}
    assertBuilt(await runCli(buildOf('b'), {cwd: site}), 'the build of version b')
    complete.b = await treeManifest(outDir)
    assert.notEqual(complete.a, complete.b, 'the two versions make different sites')

    const lockFile = outputTarget(outDir).lockFile
    const holdsLock = async (pid: number | undefined): Promise<boolean> => (await readFile(lockFile, 'utf8').catch(() => '')).split(' ')[0] === String(pid)
    // Note: one timed rebuild (from b back to a, as every round switches) tells when a build takes the output lock and when it ends.
    const started = performance.now()
    const timed = startCli(buildOf('a'), {cwd: site})
    const timedRun = finished(timed)
    let locked = 0
    while (timed.exitCode === null) {
      if (locked === 0 && (await holdsLock(timed.pid))) locked = performance.now() - started
      await sleep(5)
    }
    assertBuilt(await timedRun, 'the timed build')
    const duration = performance.now() - started
    const writing = Math.max(duration - (locked || duration / 2), 50)

    const seed = Number(process.env['FAULT_SEED'] ?? Math.floor(Math.random() * 2 ** 31))
    t.diagnostic(`FAULT_SEED=${seed} repeats these delays (a rebuild took ${Math.round(duration)} ms, ${Math.round(writing)} ms of it holding the output folder)`)
    const next = random(seed)
    let current: 'a' | 'b' = 'a'
    let killedWhileWriting = 0
    for (let round = 1; round <= 8; round++) {
      const version = round % 2 === 1 ? 'b' : 'a'
      const child = startCli(buildOf(version), {cwd: site})
      const run = finished(child)
      // Note: odd rounds kill at any moment of the build; even rounds wait until it holds the output lock, then kill it while it writes or swaps.
      let delay = Math.round(next() * duration)
      if (round % 2 === 0) {
        while (child.exitCode === null && !(await holdsLock(child.pid))) await sleep(5)
        delay = Math.round(next() * writing)
      }
      await sleep(delay)
      const wasWriting = await holdsLock(child.pid)
      child.kill('SIGKILL')
      const result = await run
      if (result.signal === 'SIGKILL' && wasWriting) killedWhileWriting++
      if (result.code === 0) current = version
      const now = await treeManifest(outDir)
      const state = now === complete.a ? 'a' : now === complete.b ? 'b' : undefined
      assert.ok(state, `round ${round} (build ${version}, killed after ${delay} ms): dist/ is neither complete site:\n${manifestDifference(now, complete[current]).join('\n')}`)
      assert.ok(state === current || state === version, `round ${round}: dist/ is site ${state}, but the last complete build made site ${current}`)
      current = state
    }
    t.diagnostic(`${killedWhileWriting} of 8 builds were killed while they held the output folder`)

    for (const version of ['a', 'b'] as const) {
      assertBuilt(await runCli(buildOf(version), {cwd: site}), `the build of ${version} after the kills`)
      const now = await treeManifest(outDir)
      assert.ok(now === complete[version], `after the kills, a build of ${version} makes the same site as before:\n${manifestDifference(now, complete[version]).join('\n')}`)
      assert.ok(!(await besideOutput(outDir)).includes(path.basename(outputTarget(outDir).stagingDir)), 'no staging folder is left')
      assert.equal(existsSync(outputTarget(outDir).lockFile), false, 'the lock is released')
    }
  })

  test('a leftover staging folder and back buffer full of junk are cleaned up, not published', async () => {
    const files = seedSets(60, 'seeds', 'unused').a
    const clean = path.join(root, 'clean')
    await writeFiles(clean, files)
    assertBuilt(await runCli(['build', '-q'], {cwd: clean}), 'the clean build')
    const expected = await treeManifest(path.join(clean, 'dist'))

    const site = path.join(root, 'leftovers')
    await writeFiles(site, files)
    const target = outputTarget(path.join(site, 'dist'))
    const junk = {'index.html': 'half a page', 'junk.html': 'left by a killed build', '1987/03/01/x/index.html': 'partial'}
    await writeFiles(target.stagingDir, junk)
    await writeFiles(target.previousDir, junk)
    await writeFiles(site, {[path.relative(site, target.lockFile)]: '99999999'})
    assertBuilt(await runCli(['build', '-q'], {cwd: site}), 'the build after a crash')
    const now = await treeManifest(path.join(site, 'dist'))
    assert.ok(now === expected, `the site is the clean build's:\n${manifestDifference(now, expected).join('\n')}`)
    assert.equal(existsSync(target.stagingDir), false, 'the staging folder is gone')
    assert.equal(existsSync(target.lockFile), false)
  })
})

describe('two builds at once on the same output folder', () => {
  test('never mix their sites: one waits or fails with a clear message', async () => {
    const sets = seedSets(300, 'seeds-a', 'seeds-b')
    const expected: Record<'a' | 'b', string> = {a: '', b: ''}
    for (const version of ['a', 'b'] as const) {
      const clean = path.join(root, `together-clean-${version}`)
      await writeFiles(clean, sets[version])
      assertBuilt(await runCli(['build', '-q', '--seeds', `seeds-${version}`], {cwd: clean}), `the clean build of ${version}`)
      expected[version] = await treeManifest(path.join(clean, 'dist'))
    }
    const site = path.join(root, 'together')
    await writeFiles(site, {...sets.a, ...sets.b})
    for (let round = 1; round <= 2; round++) {
      const runs = await Promise.all((['a', 'b'] as const).map((version) => runCli(['build', '-q', '--seeds', `seeds-${version}`], {cwd: site})))
      for (const run of runs) {
        assert.ok(run.code === 0 || run.code === 4, `exit ${run.code}: ${run.stderr}`)
        // Note: they share the build cache too, which the second one may find held first.
        if (run.code === 4) assert.match(run.stderr, /another build \(process \d+\) is (writing the output folder|using the build cache)/)
        assert.deepEqual(stackTraceLines(run.stderr), [])
      }
      assert.ok(runs.some((run) => run.code === 0), 'one of them builds')
      const now = await treeManifest(path.join(site, 'dist'))
      assert.ok(now === expected.a || now === expected.b, `round ${round}: dist/ is not one complete site:\n${manifestDifference(now, expected.a).join('\n')}`)
    }
  })
})

describe('two builds at once on one build cache, into two output folders', () => {
  test('each builds or stops with a clear message, and the next builds find every article in the cache', async () => {
    const seeds = seedSets(300, 'seeds', 'unused').a
    const clean = path.join(root, 'shared-cache-clean')
    await writeFiles(clean, seeds)
    assertBuilt(await runCli(['build', '-q', '--no-cache'], {cwd: clean}), 'the clean build')
    const expected = await treeManifest(path.join(clean, 'dist'))
    const site = path.join(root, 'shared-cache')
    await writeFiles(site, seeds)
    const buildInto = (out: string) => ['build', '-q', '--out', out]
    const runs = await Promise.all(['dist-1', 'dist-2'].map((out) => runCli(buildInto(out), {cwd: site})))
    for (const run of runs) {
      assert.ok(run.code === 0 || run.code === 4, `exit ${run.code}: ${run.stderr}`)
      if (run.code === 4) assert.match(run.stderr, /another build \(process \d+\) is using the build cache/)
      assert.deepEqual(stackTraceLines(run.stderr), [])
    }
    assert.ok(runs.some((run) => run.code === 0), 'one of them builds')
    // Note: both read the same seeds, so a sound cache holds every article after either build; a damaged one is discarded.
    for (const out of ['dist-1', 'dist-2']) {
      const run = await runCli([...buildInto(out), '--json'], {cwd: site})
      assertBuilt(run, `the build into ${out} after`)
      const {seeds: found, processed} = JSON.parse(run.stdout) as {seeds: number; processed: number}
      assert.equal(processed, 0, `the cache was used, not discarded: ${processed} of ${found} seeds processed`)
      assert.equal(await treeManifest(path.join(site, out)), expected, `${out} is the clean build's site`)
    }
  })
})

/**
 * A small file system of our own, so the disk can fill up and be made
 * read-only. Needs root, as the test machines and CI run.
 */
async function mountTmpfs(dir: string, size: string): Promise<void> {
  await mkdir(dir, {recursive: true})
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', ['-l', dir], {stdio: 'ignore'})
  } catch {
    // Note: already unmounted (or never mounted because the test failed first).
  }
}

describe('the output file system fails', () => {
  const mounts: string[] = []
  after(() => {
    for (const dir of mounts) unmount(dir)
  })

  test('a full disk: exit 4, "the disk is full", the last site unchanged and the space given back', async () => {
    const disk = path.join(root, 'full-disk')
    await mountTmpfs(disk, '3m')
    mounts.push(disk)
    const site = path.join(root, 'full-disk-site')
    const sets = seedSets(300, 'seeds', 'unused')
    const few = Object.fromEntries(Object.entries(sets.a).slice(0, 2))
    await writeFiles(site, few)
    const outDir = path.join(disk, 'dist')
    assertBuilt(await runCli(['build', '-q', '--out', outDir], {cwd: site}), 'the small build that fits')
    const before = await treeManifest(outDir)
    const freeBefore = (await statfs(disk)).bfree
    await writeFiles(site, sets.a)
    const run = await runCli(['build', '-q', '--out', outDir], {cwd: site})
    assert.equal(run.code, 4, run.stderr)
    assert.match(run.stderr, /the disk is full/)
    assert.match(run.stderr, /last complete site is unchanged/)
    assert.deepEqual(stackTraceLines(run.stderr), [])
    assert.equal(await treeManifest(outDir), before)
    assert.ok(!(await besideOutput(outDir)).some((name) => name.endsWith('.staging')), 'the half-written staging folder is removed')
    const freeAfter = (await statfs(disk)).bfree
    assert.ok(freeAfter >= freeBefore - 8, `the space is given back (${freeBefore} blocks free before, ${freeAfter} after)`)
  })

  test('a read-only output folder: exit 4, "read-only", the last site unchanged', async () => {
    const disk = path.join(root, 'read-only')
    await mountTmpfs(disk, '64m')
    mounts.push(disk)
    const site = path.join(root, 'read-only-site')
    await writeFiles(site, {'seeds/a.txt': ' date 2024-11-18 The council approved the budget.\n'})
    const outDir = path.join(disk, 'dist')
    assertBuilt(await runCli(['build', '-q', '--out', outDir], {cwd: site}), 'the build before the disk turns read-only')
    const before = await treeManifest(outDir)
    execFileSync('mount', ['-o', 'remount,ro', disk])
    await writeFiles(site, {'seeds/b.txt': ' date 2024-11-19 The mayor signed the budget.\n'})
    const run = await runCli(['build', '-q', '--out', outDir], {cwd: site})
    assert.equal(run.code, 4, run.stderr)
    assert.match(run.stderr, /read-only/)
    assert.deepEqual(stackTraceLines(run.stderr), [])
    assert.equal(await treeManifest(outDir), before)
    assert.match(await readFile(path.join(outDir, 'index.html'), 'utf8'), /council/)
  })
})
