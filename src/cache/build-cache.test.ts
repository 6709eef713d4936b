import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {BuildCache, minIndexBytesForWorker} from './build-cache.js'
import type {SourceFile} from '../load/source-file.js'
import {readSeed, statEntries, type ScannedSeed} from './scan-seeds.js'

const root = mkdtempSync(path.join(tmpdir(), 'news-archive-build-cache-'))
after(() => rmSync(root, {recursive: true, force: true}))

test('after a scan on a worker finds every seed in the stat index, saving their signatures leaves the index alone', async () => {
  const seedsDir = path.join(root, 'seeds')
  mkdirSync(seedsDir)
  // Note: long names make an index large enough to be read on a worker from fewer seeds.
  const name = (index: number): string => `${String(index).padStart(4, '0')}-${'a-long-headline-'.repeat(11)}.txt`
  const count = Math.ceil(minIndexBytesForWorker / (name(0).length + 100))
  for (let index = 0; index < count; index++) writeFileSync(path.join(seedsDir, name(index)), ` date 1987-03-02 Seed ${index}.\n`)
  const cache = new BuildCache(path.join(root, 'cache'))
  const scanAndSave = async (): Promise<boolean> => {
    const {scan, save} = await cache.scanSeeds(seedsDir, 'seeds', true)
    // Note: as a build does, with the hashes of the seeds the scan left unread.
    await save(scan.seeds.map((seed) => (seed.hash ? seed : {...seed, hash: (readSeed(seedsDir, seed) as SourceFile).hash})))
    return scan.fromIndex
  }
  const indexFile = (): string => path.join(cache.dir, 'seed-stats', readdirSync(path.join(cache.dir, 'seed-stats'))[0] as string)

  assert.equal(await scanAndSave(), false, 'no index yet')
  assert.ok(statSync(indexFile()).size >= minIndexBytesForWorker, 'the index is large enough to be read on a worker')
  // Note: the index distrusts files changed within two seconds of its saving (their ctime is now), so it is dated later.
  const later = new Date(Date.now() + 10_000)
  utimesSync(indexFile(), later, later)
  const savedMs = statSync(indexFile()).mtimeMs

  assert.equal(await scanAndSave(), true, 'every seed found in the index')
  assert.equal(statSync(indexFile()).mtimeMs, savedMs, 'nothing changed: the index keeps its date')

  writeFileSync(path.join(seedsDir, name(0)), ' date 1987-03-02 Edited.\n')
  assert.equal(await scanAndSave(), false)
  assert.notEqual(statSync(indexFile()).mtimeMs, savedMs, 'an edited seed: the index is saved again')
})

test('told what changed, a scan hands over the seeds and keys the last build kept, holding the same objects for unchanged seeds', async () => {
  const seedsDir = path.join(root, 'watched')
  mkdirSync(seedsDir)
  for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(seedsDir, name), ` date 1987-03-02 Seed ${name}.\n`)
  const cache = new BuildCache(path.join(root, 'watched-cache'))
  const journal = cache.trackChanges()
  const first = await cache.scanSeeds(seedsDir, 'watched', false)
  assert.equal(first.earlier, undefined, 'nothing kept yet')
  const keys = first.scan.seeds.map((seed) => `key of ${seed.path}`)
  first.keep(first.scan.seeds, statEntries(first.scan.seeds), keys)

  writeFileSync(path.join(seedsDir, 'b.txt'), ' date 1987-03-02 Edited.\n')
  journal.note(path.join(seedsDir, 'b.txt'))
  const second = await cache.scanSeeds(seedsDir, 'watched', false)
  assert.deepEqual(second.earlier?.keys, keys)
  const [a, b, c] = second.scan.seeds
  assert.deepEqual(second.earlier?.seeds.map((seed) => [a, b, c].includes(seed)), [true, false, true], 'a and c are the same objects; b was looked at again')
})

test('a scan on this thread says how many seeds the index does not know as soon as it lists them, and leaves those unread', async () => {
  const seedsDir = path.join(root, 'listed')
  mkdirSync(seedsDir)
  for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(seedsDir, name), ` date 1987-03-02 Seed ${name}.\n`)
  const cache = new BuildCache(path.join(root, 'listed-cache'))
  const scanAndSave = async (): Promise<{heard: number[]; unread: number}> => {
    const heard: number[] = []
    const {scan, save} = await cache.scanSeeds(seedsDir, 'seeds', false, (unindexed) => heard.push(unindexed))
    const unread = scan.seeds.filter((seed) => seed.hash === '' && seed.bytes === undefined).length
    await save(scan.seeds.map((seed) => (seed.hash ? seed : {...seed, hash: (readSeed(seedsDir, seed) as SourceFile).hash})))
    return {heard, unread}
  }
  assert.deepEqual(await scanAndSave(), {heard: [3], unread: 3}, 'no index yet: every seed is new, and left for the build to read')
  const indexFile = path.join(cache.dir, 'seed-stats', readdirSync(path.join(cache.dir, 'seed-stats'))[0] as string)
  const later = new Date(Date.now() + 10_000)
  utimesSync(indexFile, later, later)
  writeFileSync(path.join(seedsDir, 'd.txt'), ' date 1987-03-03 Seed d.\n')
  assert.deepEqual(await scanAndSave(), {heard: [1], unread: 1}, 'the index knows three of four')
})

test('told what changed, a build saves the stat index from the seeds looked at again alone, into the entries kept from the build before', async () => {
  const seedsDir = path.join(root, 'saved-changes')
  mkdirSync(seedsDir)
  // Note: enough seeds that two lines are appended, not the index written anew (see `SeedStats.save`).
  for (const name of 'abcdefghij'.split('').map((letter) => `${letter}.txt`)) writeFileSync(path.join(seedsDir, name), ` date 1987-03-02 Seed ${name}.\n`)
  const cache = new BuildCache(path.join(root, 'saved-changes-cache'))
  const journal = cache.trackChanges()
  const read = (seeds: readonly ScannedSeed[]): ScannedSeed[] => seeds.map((seed) => (seed.hash ? seed : {...seed, hash: (readSeed(seedsDir, seed) as SourceFile).hash}))
  const first = await cache.scanSeeds(seedsDir, 'seeds', false)
  const firstSeeds = read(first.scan.seeds)
  const kept = await first.save(firstSeeds)
  first.keep(firstSeeds, kept, firstSeeds.map((seed) => seed.path))
  const indexFile = path.join(cache.dir, 'seed-stats', readdirSync(path.join(cache.dir, 'seed-stats'))[0] as string)
  const before = readFileSync(indexFile, 'utf8')

  writeFileSync(path.join(seedsDir, 'b.txt'), ' date 1987-03-02 Edited.\n')
  rmSync(path.join(seedsDir, 'c.txt'))
  for (const name of ['b.txt', 'c.txt']) journal.note(path.join(seedsDir, name))
  const second = await cache.scanSeeds(seedsDir, 'seeds', false)
  const secondSeeds = read(second.scan.seeds)
  const entries = await second.save(secondSeeds)
  assert.equal(entries, kept, 'the entries kept, changed in place')
  assert.deepEqual([...entries].sort(), [...statEntries(secondSeeds)].sort(), 'as if made from every seed')
  const appended = readFileSync(indexFile, 'utf8').slice(before.length).split('\n').slice(1, -1)
  assert.deepEqual(appended.map((line) => line.split('\t')[0]).sort(), ['b.txt', 'c.txt'], 'a line for each seed that changed, none for the others')
})
