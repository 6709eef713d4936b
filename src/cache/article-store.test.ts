import assert from 'node:assert/strict'
import {appendFile, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {Worker} from 'node:worker_threads'
import {makeTempDir} from '../../test/helpers/build-from-files.js'
import type {Article} from '../model/article.js'
import type {SourceResult} from '../process-sources.js'
import {ArticleStore, readSharedBody, seedKey, seedOfKey, type SeedIdentity, type SharedBodies} from './article-store.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true})
})

async function storeFile(): Promise<string> {
  const dir = await makeTempDir('news-archive-store-')
  dirs.push(dir)
  return path.join(dir, 'seed-results.ndjson')
}

/** The seeds most tests store results under, by the first letter of the result's title. */
const seeds: Readonly<Record<string, SeedIdentity>> = {
  a: {hash: 'a'.repeat(64), path: 'a.txt', file: 'seeds/a.txt'},
  b: {hash: 'b'.repeat(64), path: 'b.txt', file: 'seeds/b.txt'},
  c: {hash: 'c'.repeat(64), path: 'c.txt', file: 'seeds/c.txt'},
}
const keyA = seedKey(seeds['a'] as SeedIdentity)
const keyB = seedKey(seeds['b'] as SeedIdentity)
const keyC = seedKey(seeds['c'] as SeedIdentity)

/** A result whose article was made from the seed its title's first letter names (see `seeds`), as a build stores it. */
function result(title: string, bodyHtml = '<p>x</p>'): SourceResult {
  const seed = seeds[title.charAt(0)] ?? {hash: 'h', path: `${title}.txt`, file: `seeds/${title}.txt`}
  const slugAt = {file: seed.file, place: {line: 1, column: 1}}
  const article = {source: seed.path, file: seed.file, hash: seed.hash, date: '2024-11-18', title, summary: '', slug: title, slugAt, bodyHtml, topics: [], wordCount: 1} as unknown as Article
  return {article, problems: []}
}

/** Delete the store file under a running build, or put another file in its place. */
async function deleteOrReplace(file: string, change: 'deleted' | 'replaced'): Promise<void> {
  if (change === 'deleted') return rm(file)
  await writeFile(`${file}.new`, 'something else\n')
  await rename(`${file}.new`, file)
}

async function saved(file: string): Promise<void> {
  const store = await ArticleStore.open(file, 'fp1')
  store.add([keyA], [result('a')])
  store.add([keyB], [result('b')])
  await store.save(new Set([keyA, keyB]))
}

test('results saved by one build are found by the next', async () => {
  const file = await storeFile()
  await saved(file)
  const store = await ArticleStore.open(file, 'fp1')
  assert.equal(store.size, 2)
  assert.equal(store.get(keyA)?.article?.title, 'a')
})

test('a key gives back its seed when its path is known, paths and files with spaces too', () => {
  const seed = {hash: 'f'.repeat(64), path: 'a b/c d.txt', file: 'my seeds/a b/c d.txt'}
  assert.deepEqual(seedOfKey(seedKey(seed), seed.path), seed)
  assert.equal(seedOfKey(seedKey(seed), 'a b/e.txt'), undefined)
  assert.equal(seedOfKey(seedKey(seed), 'c d.txt'), undefined)
})

test('the same key under another path or file is another seed', () => {
  assert.notEqual(seedKey({hash: 'x', path: 'a.txt', file: 'seeds/a.txt'}), seedKey({hash: 'x', path: 'b.txt', file: 'seeds/b.txt'}))
})

const damages: Record<string, {damage: (file: string) => Promise<void>; left: number}> = {
  'another fingerprint (generator, settings or topics file changed)': {damage: async () => undefined, left: 0},
  'a line of garbage between entries': {damage: async (file) => writeFile(file, (await readFile(file, 'utf8')).replace('\n[', '\n{oops\n[')), left: 0},
  'an entry of the wrong shape': {damage: async (file) => appendFile(file, '["k", {"article": {"title": 3}, "problems": []}]\n'), left: 0},
  'a last line cut short (a killed append)': {damage: async (file) => appendFile(file, '["k", {"probl'), left: 2},
  'an empty file': {damage: async (file) => writeFile(file, ''), left: 0},
  'a body cut short inside a line': {damage: async (file) => writeFile(file, (await readFile(file, 'utf8')).replace('<p>x</p>"\n', '<p>x</p>\n')), left: 0},
  'an article line without its body': {damage: async (file) => writeFile(file, (await readFile(file, 'utf8')).replace(/\t"<p>x<\/p>"\n/, '\n')), left: 0},
}

for (const [name, {damage, left}] of Object.entries(damages)) {
  test(`a store file with ${name} keeps ${left} of 2 results`, async () => {
    const file = await storeFile()
    await saved(file)
    await damage(file)
    const fingerprint = name.startsWith('another fingerprint') ? 'fp2' : 'fp1'
    const store = await ArticleStore.open(file, fingerprint)
    assert.equal(store.size, left)
    // Saving replaces the damaged file with a sound one.
    store.add([keyA], [result('a2')])
    await store.save(new Set([keyA, keyB]))
    const reopened = await ArticleStore.open(file, fingerprint)
    assert.ok(reopened.get(keyA))
  })
}

test('results of seeds that are gone are forgotten', async () => {
  const file = await storeFile()
  await saved(file)
  const store = await ArticleStore.open(file, 'fp1')
  await store.save(new Set([keyA]))
  assert.equal(store.get(keyB), undefined)
})

test('stored bodies stay in the file until asked for, and survive a rewrite of the file', async () => {
  const file = await storeFile()
  const body = '<p>Tabs\tquotes " and backslashes \\ and é</p>'
  const first = await ArticleStore.open(file, 'fp1')
  const [added] = first.add([keyA, keyB], [result('a', body), result('b')])
  assert.equal(added?.article?.bodyHtml, '', 'an added article comes back without its body')
  assert.equal(first.body(keyA), body, 'which is read back from the file at once')
  await first.save(new Set([keyA, keyB]))

  const second = await ArticleStore.open(file, 'fp1')
  assert.equal(second.get(keyA)?.article?.bodyHtml, '', 'a stored article comes back without its body')
  assert.equal(second.body(keyA), body)
  // Forgetting a seed with more dead entries than live ones rewrites the file, copying the bodies.
  const many = Array.from({length: 1100}, (_, index) => seedKey({hash: String(index), path: `${index}.txt`, file: `seeds/${index}.txt`}))
  second.add(many, many.map((key) => result(key.slice(0, 4))))
  await second.save(new Set([keyA, keyB, ...many]))
  await second.save(new Set([keyA]))
  assert.equal(second.body(keyA), body)
  const third = await ArticleStore.open(file, 'fp1')
  assert.equal(third.size, 1)
  assert.equal(third.body(keyA), body)
})

test('new bodies go to disk as they are added, and the store holds them no more', async () => {
  const file = await storeFile()
  const bodyA = '<p>first “build” – é</p>'
  const bodyC = '<p>an article added later</p>'
  const first = ArticleStore.empty(file, 'fp1')
  first.add([keyA], [result('a', bodyA)])
  assert.equal(first.get(keyA)?.article?.bodyHtml, '', 'the entry no longer carries its body')
  assert.equal(first.body(keyA), bodyA)
  assert.match(await readFile(file, 'utf8'), /first “build”/, 'the line is on disk before the store is saved')
  await first.save(new Set([keyA]))
  assert.equal(first.body(keyA), bodyA)

  // Appending keeps the earlier bodies where they were and places the new one after them.
  first.add([keyC], [result('c', bodyC)])
  await first.save(new Set([keyA, keyC]))
  assert.deepEqual([first.body(keyA), first.body(keyC)], [bodyA, bodyC])
  first.close()
  assert.equal(first.body(keyC), bodyC, 'a closed store opens its file again when asked for a body')
  first.close()
  const reopened = await ArticleStore.open(file, 'fp1')
  assert.deepEqual([reopened.body(keyA), reopened.body(keyC)], [bodyA, bodyC])
  reopened.close()
})

test('a store file deleted or replaced under a build is written anew on saving, with every body', async () => {
  for (const change of ['deleted', 'replaced'] as const) {
    const file = await storeFile()
    const store = ArticleStore.empty(file, 'fp1')
    store.add([keyA], [result('a', '<p>a</p>')])
    await store.save(new Set([keyA]))
    await deleteOrReplace(file, change)
    assert.equal(store.body(keyA), '<p>a</p>', `the bodies stay readable when the file is ${change}`)
    store.add([keyC], [result('c', '<p>c</p>')])
    await store.save(new Set([keyA, keyC]))
    store.close()
    const reopened = await ArticleStore.open(file, 'fp1')
    assert.equal(reopened.size, 2, change)
    assert.deepEqual([reopened.body(keyA), reopened.body(keyC)], ['<p>a</p>', '<p>c</p>'], change)
    reopened.close()
  }
})

test('a store file cut short in place under a build says the cache is damaged, rather than give a wrong body', async () => {
  const file = await storeFile()
  const writer = ArticleStore.empty(file, 'fp1')
  writer.add([keyA], [result('a', '<p>a</p>')])
  await writer.save(new Set([keyA]))
  writer.close()
  const store = await ArticleStore.open(file, 'fp1')
  await writeFile(file, 'x')
  assert.throws(() => store.body(keyA), /build cache is damaged.*delete the cache folder/)
  store.close()
})

test('bodies a store wrote come from memory, and go with their entries', async () => {
  const file = await storeFile()
  const store = ArticleStore.empty(file, 'fp1')
  store.add([keyA, keyB], [result('a', '<p>a</p>'), result('b', '<p>b</p>')])
  await store.save(new Set([keyA, keyB]))
  await writeFile(file, 'x')
  assert.equal(store.body(keyA), '<p>a</p>')
  await store.save(new Set([keyB]))
  assert.equal(store.body(keyA), undefined)
  assert.equal(store.body(keyB), '<p>b</p>')
  store.close()
})

/** Read `bodies` in a worker thread of this process, as a page worker does. */
async function readInWorker(bodies: SharedBodies, count: number): Promise<(string | null)[]> {
  const module = new URL('./article-store.ts', import.meta.url).href
  // Note: a worker does not run the `--import tsx` it inherits, so it registers tsx itself (as `startWorker` does).
  const code = `
    const {parentPort, workerData} = require('node:worker_threads')
    import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.module) }).then(({readSharedBody}) => {
      const read = []
      for (let i = 0; i < workerData.count; i++) read.push(readSharedBody(workerData.bodies, i) ?? null)
      parentPort.postMessage(read)
    })`
  const worker = new Worker(code, {eval: true, workerData: {tsx: import.meta.resolve('tsx/esm/api'), module, bodies, count}})
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
  } finally {
    await worker.terminate()
  }
}

test('a worker thread reads the stored bodies the store shares, through its open file', async () => {
  const file = await storeFile()
  const store = ArticleStore.empty(file, 'fp1')
  assert.equal(store.shareBodies([keyA]), undefined, 'a store without stored bodies shares none')
  store.add([keyA], [result('a', '<p>“a”\t</p>')])
  store.add([keyB], [result('b', '')])
  await store.save(new Set([keyA, keyB]))
  const bodies = store.shareBodies([keyB, keyC, keyA])
  assert.ok(bodies)
  assert.equal(readSharedBody(bodies, 2), '<p>“a”\t</p>')
  assert.equal(readSharedBody(bodies, 1), undefined, 'an article the store does not hold')
  // The file is replaced under the build: the shared descriptor still reads the bodies it had.
  await writeFile(`${file}.new`, 'something else\n')
  await rename(`${file}.new`, file)
  assert.deepEqual(await readInWorker(bodies, 3), ['', null, '<p>“a”\t</p>'])
  store.close()
})

test('a build that stops before saving leaves a sound store file with what it processed, and no temporary file', async () => {
  const file = await storeFile()
  await saved(file)
  // Another fingerprint: the untrusted file is written anew at the first result.
  const store = await ArticleStore.open(file, 'fp2')
  store.add([keyA], [result('a2', '<p>new</p>')])
  assert.equal(store.body(keyA), '<p>new</p>')
  store.close()
  assert.deepEqual(await readdir(path.dirname(file)), [path.basename(file)])
  const reopened = await ArticleStore.open(file, 'fp2')
  assert.equal(reopened.size, 1)
  assert.equal(reopened.body(keyA), '<p>new</p>')
  reopened.close()
})

test('a store file deleted or replaced between adding and saving is written anew with every body', async () => {
  for (const change of ['deleted', 'replaced'] as const) {
    const file = await storeFile()
    await saved(file)
    const store = await ArticleStore.open(file, 'fp1')
    store.add([keyC], [result('c', '<p>c</p>')])
    await deleteOrReplace(file, change)
    await store.save(new Set([keyA, keyB, keyC]))
    store.close()
    const reopened = await ArticleStore.open(file, 'fp1')
    assert.equal(reopened.size, 3, change)
    assert.deepEqual([reopened.body(keyA), reopened.body(keyC)], ['<p>x</p>', '<p>c</p>'], change)
    reopened.close()
  }
})

test('results added to a sound store file are appended to it in place, and found by the next build even unsaved', async () => {
  const file = await storeFile()
  await saved(file)
  const store = await ArticleStore.open(file, 'fp1')
  const inode = (await stat(file)).ino
  store.add([keyC], [result('c', '<p>c</p>')])
  store.close()
  assert.equal((await stat(file)).ino, inode)
  const reopened = await ArticleStore.open(file, 'fp1')
  assert.equal(reopened.size, 3)
  assert.equal(reopened.body(keyC), '<p>c</p>')
  reopened.close()
})

test('stored articles share one object per topic, whether just added or loaded', async () => {
  const file = await storeFile()
  const withTopics = (title: string): SourceResult => {
    const base = result(title)
    const topics = [{name: 'Brazil', slug: 'brazil', kind: 'place', origin: 'derived'}, {name: title, slug: title, kind: 'subject', origin: 'derived'}]
    return {...base, article: {...(base.article as Article), topics} as Article}
  }
  const store = ArticleStore.empty(file, 'fp1')
  const [a, b] = store.add([keyA, keyB], [withTopics('a'), withTopics('b')])
  assert.equal(a?.article?.topics[0], b?.article?.topics[0], 'one Brazil')
  assert.notEqual(a?.article?.topics[1], b?.article?.topics[1])
  assert.deepEqual(b?.article?.topics.map((topic) => topic.name), ['Brazil', 'b'])
  await store.save(new Set([keyA, keyB]))
  store.close()
  const reopened = await ArticleStore.open(file, 'fp1')
  assert.equal(reopened.get(keyA)?.article?.topics[0], reopened.get(keyB)?.article?.topics[0])
  reopened.close()
})

test('a store larger than one read gives every body back whole, across the reads (bodies of 1 to 3 MB, 20 MB in all)', async () => {
  const file = await storeFile()
  const store = await ArticleStore.open(file, 'fp1')
  const keys = Array.from({length: 10}, (_, index) => seedKey({hash: String(index).repeat(64), path: `${index}.txt`, file: `seeds/${index}.txt`}))
  // Note: lines of 1 to 3 MB of text with characters of 1 to 4 bytes, so line ends fall anywhere in the 8 MiB reads.
  const bodies = keys.map((_, index) => `<p>${'Zürich – 東京 🗞 '.repeat(40_000 + index * 9_000)}${index}</p>`)
  keys.forEach((key, index) => store.add([key], [result(String(index), bodies[index])]))
  await store.save(new Set(keys))
  store.close()
  assert.ok((await stat(file)).size > 16 * 1024 * 1024, 'the store spans more than two reads')
  const again = await ArticleStore.open(file, 'fp1')
  assert.equal(again.size, keys.length)
  keys.forEach((key, index) => assert.equal(again.body(key), bodies[index], `body ${index}`))
  again.close()
})

test('a store keeps the bodies it wrote only up to its limit; the rest are read back from the file', async () => {
  const file = await storeFile()
  const store = ArticleStore.empty(file, 'fp1')
  // Note: two bodies of 9 million characters each; the limit is 16 million.
  const bodyA = `<p>${'a'.repeat(9_000_000)}</p>`
  const bodyB = `<p>${'b'.repeat(9_000_000)}</p>`
  store.add([keyA, keyB], [result('a', bodyA), result('b', bodyB)])
  await store.save(new Set([keyA, keyB]))
  await writeFile(file, 'x')
  assert.equal(store.body(keyA), bodyA, 'kept')
  assert.throws(() => store.body(keyB), /build cache is damaged/, 'past the limit: read from the (now damaged) file')
  store.close()
})

test('a stored article comes back field for field and in the same order, from a line that names its seed once', async () => {
  const file = await storeFile()
  const seed = {hash: 'd'.repeat(64), path: 'sub dir/d e.txt', file: 'seeds/sub dir/d e.txt'}
  const key = seedKey(seed)
  const article = {
    source: seed.path, file: seed.file, hash: seed.hash, date: '1987-03-02', title: 'Tea prices rise', titleOrigin: 'derived', summary: 'Tea prices rose.', summaryOrigin: 'derived',
    slug: 'tea-prices-rise', slugOrigin: 'derived', slugAt: {file: seed.file, place: {line: 1, column: 1}}, author: 'A. Writer', draft: false, bodyHtml: '<p>Tea</p>',
    subheadings: [], figures: [], dateline: {text: 'COLOMBO, March 2', place: 'COLOMBO'}, wordCount: 3, readingMinutes: 1,
    topics: [{name: 'Sri Lanka', slug: 'sri-lanka', kind: 'place', origin: 'derived'}, {name: 'Tea', slug: 'tea', kind: 'subject', origin: 'given'}],
  } as unknown as Article
  const first = await ArticleStore.open(file, 'fp1')
  first.add([key], [{article, problems: []}])
  await first.save(new Set([key]))
  first.close()
  const text = await readFile(file, 'utf8')
  assert.equal(text.split(seed.hash).length - 1, 1, 'the hash is spelt once, in the key')
  assert.equal(text.split(seed.file).length - 1, 1, 'the file is spelt once, in the key')
  assert.doesNotMatch(text, /"kind"/)

  const loaded = (await ArticleStore.open(file, 'fp1')).get(key)?.article
  assert.equal(JSON.stringify(loaded), JSON.stringify({...article, bodyHtml: ''}))
})

test('a stored line moved under the key of a seed at another path is refused, not given that seed', async () => {
  const file = await storeFile()
  await saved(file)
  // Note: the line of a.txt under the key of f.txt: the article's own path no longer matches its key.
  await writeFile(file, (await readFile(file, 'utf8')).replace(`${seeds['a']?.hash} a.txt`, `${seeds['a']?.hash} f.txt`))
  assert.equal((await ArticleStore.open(file, 'fp1')).size, 0)
})

test('an article stored under a key that does not spell its seed keeps its own seed; topics of one slug but other names stay apart', async () => {
  const file = await storeFile()
  const topic = (name: string, kind: string): object => ({name, slug: 'reuters', kind, origin: 'derived'})
  const foreign = {...result('x').article, topics: [topic('Reuters', 'organisation')]} as Article
  const other = {...result('a').article, topics: [topic('REUTERS', 'organisation'), topic('Reuters', 'person')]} as Article
  const first = await ArticleStore.open(file, 'fp1')
  first.add([keyB, keyA], [{article: foreign, problems: []}, {article: other, problems: []}])
  await first.save(new Set([keyA, keyB]))
  first.close()

  const store = await ArticleStore.open(file, 'fp1')
  assert.equal(JSON.stringify(store.get(keyB)?.article), JSON.stringify({...foreign, bodyHtml: ''}))
  assert.equal(JSON.stringify(store.get(keyA)?.article), JSON.stringify({...other, bodyHtml: ''}))
  const [upper, person] = store.get(keyA)?.article?.topics ?? []
  assert.notEqual(upper, person)
  assert.notEqual(store.get(keyB)?.article?.topics[0], upper)
})
