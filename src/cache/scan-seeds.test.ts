import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {findSeedPaths, isSeedPath} from '../adapters/glob.js'
import {rescanSeeds, scanSeeds, type SeedScan} from './scan-seeds.js'

const root = mkdtempSync(path.join(tmpdir(), 'news-archive-scan-seeds-'))
after(() => rmSync(root, {recursive: true, force: true}))

/** A seeds folder of its own, with `files` in it. */
function seedsFolder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name, 'seeds')
  mkdirSync(dir, {recursive: true})
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), {recursive: true})
    writeFileSync(path.join(dir, relative), text)
  }
  return dir
}

/** What a scan says, without the bytes only some scans read. */
function summary(scan: SeedScan): unknown {
  return {seeds: scan.seeds.map(({bytes, ...seed}) => seed), problems: scan.problems, links: scan.links}
}

/** Bring `scan` up to date with `reported`, and check that it says what a full scan says now. */
async function rescanMatches(dir: string, scan: SeedScan, reported: readonly string[]): Promise<SeedScan> {
  const rescanned = rescanSeeds(scan, reported.map((relative) => path.join(dir, relative)), dir, 'seeds')
  assert.ok(rescanned, `looking again at ${reported.join(', ') || 'nothing'} is enough`)
  assert.deepEqual(summary(rescanned), summary(await scanSeeds(dir, 'seeds')))
  return rescanned
}

test('a scan brought up to date with the reported changes equals a new scan', async () => {
  const dir = seedsFolder('reported', {'a.txt': ' date 1987-03-02 A.\n', 'b.md': '---\ndate: 1987-03-03\n---\nB.\n', 'deep/c.txt': ' date 1987-03-04 C.\n'})
  let scan = await scanSeeds(dir, 'seeds')
  writeFileSync(path.join(dir, 'a.txt'), ' date 1987-03-02 A, edited.\n')
  writeFileSync(path.join(dir, 'deep/d.txt'), ' date 1987-03-05 D.\n')
  rmSync(path.join(dir, 'b.md'))
  scan = await rescanMatches(dir, scan, ['a.txt', 'deep/d.txt', 'b.md'])
  assert.deepEqual(scan.seeds.map((seed) => seed.path), ['a.txt', 'deep/c.txt', 'deep/d.txt'])
  assert.equal(scan.examined, 3, 'only the reported seeds are looked at again')

  // Note: an editor's backup and probe files, hidden files, and files outside the seeds folder change no seed.
  writeFileSync(path.join(dir, 'a.txt~'), 'backup')
  writeFileSync(path.join(dir, '.a.txt.swp'), 'swap')
  writeFileSync(path.join(dir, '4913'), '')
  rmSync(path.join(dir, '4913'))
  const same = rescanSeeds(scan, [path.join(dir, 'a.txt~'), path.join(dir, '.a.txt.swp'), path.join(dir, '4913'), path.join(root, 'reported', 'templates', 'home.html')], dir, 'seeds')
  assert.ok(same)
  assert.deepEqual(summary(same), summary(scan))
  assert.equal(same.examined, 0, 'nothing to look at again')

  // Note: a broken link named like a seed is reported as a problem, as a full scan reports it, and goes once fixed.
  symlinkSync(path.join(root, 'reported', 'nowhere.txt'), path.join(dir, 'e.txt'))
  scan = await rescanMatches(dir, scan, ['e.txt'])
  assert.equal(scan.problems.length, 1)
  rmSync(path.join(dir, 'e.txt'))
  scan = await rescanMatches(dir, scan, ['e.txt'])
  assert.equal(scan.problems.length, 0)
})

test('a seed that is a link is looked at again on every rescan, since its target may change where no watch sees it', async () => {
  const dir = seedsFolder('linked', {'a.txt': ' date 1987-03-02 A.\n'})
  const target = path.join(root, 'linked', 'elsewhere.txt')
  writeFileSync(target, ' date 1987-03-06 Elsewhere.\n')
  symlinkSync(target, path.join(dir, 'linked.txt'))
  let scan = await scanSeeds(dir, 'seeds')
  assert.deepEqual(scan.links, ['linked.txt'])
  writeFileSync(target, ' date 1987-03-06 Elsewhere, edited.\n')
  scan = await rescanMatches(dir, scan, [])
  rmSync(path.join(dir, 'linked.txt'))
  writeFileSync(path.join(dir, 'linked.txt'), ' date 1987-03-07 No longer a link.\n')
  scan = await rescanMatches(dir, scan, ['linked.txt'])
  assert.deepEqual(scan.links, [])
})

test('a folder made or removed in the seeds folder, or the folder itself, needs a full scan', async () => {
  const dir = seedsFolder('folders', {'a.txt': ' date 1987-03-02 A.\n', 'old/b.txt': ' date 1987-03-03 B.\n', 'empty/notes.html': ''})
  const scan = await scanSeeds(dir, 'seeds')
  mkdirSync(path.join(dir, 'new'))
  writeFileSync(path.join(dir, 'new', 'c.txt'), ' date 1987-03-04 C.\n')
  assert.equal(rescanSeeds(scan, [path.join(dir, 'new')], dir, 'seeds'), undefined, 'a new folder, perhaps with seeds nothing reported')
  rmSync(path.join(dir, 'old'), {recursive: true})
  assert.equal(rescanSeeds(scan, [path.join(dir, 'old')], dir, 'seeds'), undefined, 'a removed folder that held seeds')
  rmSync(path.join(dir, 'empty'), {recursive: true})
  assert.ok(rescanSeeds(scan, [path.join(dir, 'empty')], dir, 'seeds'), 'a removed folder that held no seeds changes none')
  mkdirSync(path.join(dir, 'folder.txt'))
  assert.equal(rescanSeeds(scan, [path.join(dir, 'folder.txt')], dir, 'seeds'), undefined, 'a folder named like a seed')
  assert.equal(rescanSeeds(scan, [dir], dir, 'seeds'), undefined)
})

test('a folder that held seeds and went, whatever its name, or became a file, needs a full scan', async () => {
  const dir = seedsFolder('gone', {'a.txt': ' date 1987-03-02 A.\n', 'named.md/b.txt': ' date 1987-03-03 B.\n', 'old/deep/c.txt': ' date 1987-03-04 C.\n'})
  const scan = await scanSeeds(dir, 'seeds')
  // Note: moved out of the seeds folder, its seeds are reported by no one; the watch names only the folder.
  renameSync(path.join(dir, 'named.md'), path.join(root, 'gone', 'named.md'))
  assert.equal(rescanSeeds(scan, [path.join(dir, 'named.md')], dir, 'seeds'), undefined, 'a folder named like a seed, moved away')
  rmSync(path.join(dir, 'old'), {recursive: true})
  writeFileSync(path.join(dir, 'old'), 'now a file')
  assert.equal(rescanSeeds(scan, [path.join(dir, 'old')], dir, 'seeds'), undefined, 'a folder replaced by a file')
  assert.equal(rescanSeeds(scan, [path.join(dir, 'old', 'deep')], dir, 'seeds'), undefined, 'a folder below, gone')
})

test('two reported names that differ only in case need a full scan, as on a file system that ignores case', async () => {
  const dir = seedsFolder('case', {'a.txt': ' date 1987-03-02 A.\n'})
  const scan = await scanSeeds(dir, 'seeds')
  assert.equal(rescanSeeds(scan, [path.join(dir, 'A.txt'), path.join(dir, 'a.txt')], dir, 'seeds'), undefined)
})

test('a path is named like a seed exactly when the seed listing lists it', async () => {
  const names = ['a.txt', 'b.md', 'c.TXT', 'd.markdown', 'e.txt~', '.f.txt', 'g.txt.swp', 'h', 'sub/i.txt', 'sub/.hidden/j.txt', '.dir/k.md', 'sub/deeper/l.md', 'm.md.txt']
  const dir = seedsFolder('names', Object.fromEntries(names.map((name) => [name, 'x'])))
  const listed = (await findSeedPaths(dir)).paths
  assert.deepEqual(names.filter(isSeedPath).sort(), listed)
})
