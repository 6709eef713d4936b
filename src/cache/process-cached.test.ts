import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {defaultConfig} from '../config/site-config.js'
import {processSettings, startTopicWorker} from '../process-sources.js'
import {BuildCache} from './build-cache.js'
import {processCached} from './process-cached.js'

const root = mkdtempSync(path.join(tmpdir(), 'news-archive-process-cached-'))
after(() => rmSync(root, {recursive: true, force: true}))

test('a topic thread started before the seeds were read is stopped when too few turn out to need processing', {timeout: 20_000}, async () => {
  const seedsDir = path.join(root, 'seeds')
  mkdirSync(seedsDir)
  for (const name of ['a.txt', 'b.txt']) writeFileSync(path.join(seedsDir, name), ` date 1987-03-02 Seed ${name} about Japan and trade.\n`)
  const cache = new BuildCache(path.join(root, 'cache'))
  const settings = processSettings(defaultConfig, undefined)
  const {scan} = await cache.scanSeeds(seedsDir, 'seeds', false)
  const worker = startTopicWorker(settings)
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
  const processed = await processCached(seedsDir, scan.seeds, await cache.articleStore('key'), settings, undefined, undefined, undefined, worker)
  assert.deepEqual(processed.articles.map((article) => article.source), ['a.txt', 'b.txt'])
  assert.equal(processed.processedCount, 2)
  assert.equal(typeof (await exited), 'number', 'the thread stopped')
  cache.close()
})

test('the live keys name the seeds read, and no other: the store forgets a deleted seed', {timeout: 20_000}, async () => {
  const seedsDir = path.join(root, 'live-seeds')
  mkdirSync(seedsDir)
  for (const name of ['a.txt', 'b.txt', 'c.txt']) writeFileSync(path.join(seedsDir, name), ` date 1987-03-02 Seed ${name} about Japan and trade.\n`)
  const cache = new BuildCache(path.join(root, 'live-cache'))
  const settings = processSettings(defaultConfig, undefined)
  const store = await cache.articleStore('key')
  const first = await processCached(seedsDir, (await cache.scanSeeds(seedsDir, 'seeds', false)).scan.seeds, store, settings, undefined, 0)
  await store.save(first.live)
  rmSync(path.join(seedsDir, 'b.txt'))
  const second = await processCached(seedsDir, (await cache.scanSeeds(seedsDir, 'seeds', false)).scan.seeds, store, settings, undefined, 0)
  assert.equal(second.live.size, 2)
  const [keyA, keyB, keyC] = first.keys as [string, string, string]
  assert.deepEqual([second.live.has(keyA), second.live.has(keyB), second.live.has(keyC)], [true, false, true])
  await store.save(second.live)
  assert.equal(store.get(keyB), undefined, 'the deleted seed is forgotten')
  assert.notEqual(store.get(keyA), undefined)
  cache.close()
})
