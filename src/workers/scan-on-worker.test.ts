import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {scanSeeds, statEntries} from '../cache/scan-seeds.js'
import {SeedStats} from '../cache/seed-stats.js'
import {scanOnWorker} from './scan-on-worker.js'

const root = mkdtempSync(path.join(tmpdir(), 'news-archive-scan-'))
after(() => rmSync(root, {recursive: true, force: true}))

/** A seeds folder with `count` seeds. */
function seedsFolder(name: string, count: number): string {
  const dir = path.join(root, name)
  mkdirSync(path.join(dir, 'world'), {recursive: true})
  for (let index = 0; index < count; index++) {
    const file = path.join(dir, index % 2 ? 'world' : '', `${String(index).padStart(3, '0')}.txt`)
    writeFileSync(file, ` date 1987-03-0${(index % 9) + 1} Seed number ${index}.\n`)
  }
  return dir
}

test('a scan on a worker finds what a scan here finds, and leaves changed seeds unread', async () => {
  const seeds = seedsFolder('scan', 12)
  const cacheDir = path.join(root, 'cache')
  // Note: the index is saved by a scan here, as a build saves it.
  const first = await scanSeeds(seeds, 'seeds')
  await SeedStats.empty(cacheDir, 'index').save(statEntries(first.seeds))
  // Note: the index distrusts files changed within two seconds of its saving (their ctime is now), so it is dated later.
  const later = new Date(Date.now() + 10_000)
  utimesSync(path.join(cacheDir, 'seed-stats', 'index.tsv'), later, later)
  writeFileSync(path.join(seeds, 'world', '001.txt'), ' date 1987-03-02 Edited.\n')
  writeFileSync(path.join(seeds, 'added.md'), '---\ndate: 1987-03-09\ntitle: Added\n---\nText.\n')
  mkdirSync(path.join(seeds, 'folder.txt'))

  const here = await scanSeeds(seeds, 'seeds', await SeedStats.open(cacheDir, 'index'))
  const beside = await scanOnWorker({seedsDir: seeds, displayDir: 'seeds', cacheDir, indexName: 'index'})

  assert.deepEqual(beside.seeds.map((seed) => seed.path), here.seeds.map((seed) => seed.path))
  assert.deepEqual(beside.problems, here.problems)
  assert.equal(beside.problems.length, 1, 'the folder named like a seed')
  assert.equal(beside.fromIndex, false, 'changed seeds are not in the index')
  assert.equal(here.fromIndex, false)
  const changed = new Set(['world/001.txt', 'added.md'])
  for (const [index, seed] of beside.seeds.entries()) {
    const other = here.seeds[index]
    assert.deepEqual(seed.signature, other?.signature, seed.path)
    if (changed.has(seed.path)) {
      assert.equal(seed.hash, '', `${seed.path} is left for the build to read`)
      assert.equal(seed.bytes, undefined)
      assert.match(other?.hash ?? '', /^[0-9a-f]{64}$/)
    } else {
      assert.equal(seed.hash, other?.hash, `${seed.path} keeps its hash from the index`)
    }
  }
})

test('a scan on a worker finds no seeds in a folder that is not there, as a scan here does', async () => {
  const missing = path.join(root, 'missing')
  const beside = await scanOnWorker({seedsDir: missing, displayDir: 'missing', cacheDir: path.join(root, 'cache'), indexName: 'none'})
  assert.deepEqual(beside, await scanSeeds(missing, 'missing'))
  assert.equal(beside.seeds.length, 0)
})
