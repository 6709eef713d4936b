import assert from 'node:assert/strict'
import {mkdtemp, readFile, rm, stat, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test, type TestContext} from 'node:test'
import {fileSignature, SeedStats, type FileSignature, type StatEntry, type StatNumbers} from './seed-stats.js'

const hashOf = (letter: string): string => letter.repeat(64)
/** A time in nanoseconds, `seconds` after 2024-01-01. */
const at = (seconds: number): bigint => (1_704_067_200n + BigInt(seconds)) * 1_000_000_000n + 123_456_789n
const numbers = (seconds: number, size = 100n, ino = 7n): StatNumbers => ({size, mtimeNs: at(seconds), ctimeNs: at(seconds), ino})
const signature = (seconds: number, size = 100n, ino = 7n): FileSignature => fileSignature(numbers(seconds, size, ino))

/** A fresh cache folder, removed after the test. */
async function cacheDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'seed-stats-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  return dir
}

const indexFile = (dir: string): string => path.join(dir, 'seed-stats', 'index.tsv')

/** Write `text` as the index in `dir`, dated `savedSeconds` (see `at`), and open it. */
async function openedAs(dir: string, text: string, savedSeconds = 60): Promise<SeedStats> {
  await writeFile(indexFile(dir), text)
  const saved = new Date(Number(at(savedSeconds) / 1_000_000n))
  await utimes(indexFile(dir), saved, saved)
  return SeedStats.open(dir, 'index')
}

/** Save `entries` as the index, dated `savedSeconds`, and open it again. */
async function savedAndOpened(dir: string, entries: ReadonlyMap<string, StatEntry>, savedSeconds = 60): Promise<SeedStats> {
  await SeedStats.empty(dir, 'index').save(entries)
  return openedAs(dir, await readFile(indexFile(dir), 'utf8'), savedSeconds)
}

test('a saved signature gives back its hash while every part of it is unchanged', async (t) => {
  const dir = await cacheDir(t)
  const stats = await savedAndOpened(dir, new Map([['a.txt', {signature: signature(0), hash: hashOf('a')}]]))
  assert.equal(stats.hashFor('a.txt', signature(0)), hashOf('a'))
  assert.equal(stats.hashFor('b.txt', signature(0)), undefined, 'another path')
  assert.equal(stats.hashFor('a.txt', signature(0, 101n)), undefined, 'another size')
  assert.equal(stats.hashFor('a.txt', signature(0, 100n, 8n)), undefined, 'another inode')
  assert.equal(stats.hashFor('a.txt', fileSignature({...numbers(0), mtimeNs: at(0) + 1n})), undefined, 'modified a nanosecond later')
  assert.equal(stats.hashFor('a.txt', fileSignature({...numbers(0), ctimeNs: at(0) + 1n})), undefined, 'changed a nanosecond later')
})

test('a seed changed within two seconds before the index was saved is not trusted (racily clean)', async (t) => {
  const dir = await cacheDir(t)
  const entries = new Map<string, StatEntry>([
    ['old.txt', {signature: signature(0), hash: hashOf('a')}],
    ['just-before.txt', {signature: signature(57), hash: hashOf('d')}],
    ['modified.txt', {signature: fileSignature({...numbers(0), mtimeNs: at(59)}), hash: hashOf('b')}],
    ['changed.txt', {signature: fileSignature({...numbers(0), ctimeNs: at(59)}), hash: hashOf('c')}],
  ])
  const stats = await savedAndOpened(dir, entries)
  assert.equal(stats.hashFor('old.txt', signature(0)), hashOf('a'))
  assert.equal(stats.hashFor('just-before.txt', signature(57)), hashOf('d'), 'three seconds before the save')
  assert.equal(stats.hashFor('modified.txt', fileSignature({...numbers(0), mtimeNs: at(59)})), undefined)
  assert.equal(stats.hashFor('changed.txt', fileSignature({...numbers(0), ctimeNs: at(59)})), undefined)
})

test('saving the entries an index already trusts writes nothing; any difference saves it', async (t) => {
  const dir = await cacheDir(t)
  const entries = new Map<string, StatEntry>([
    ['a.txt', {signature: signature(0), hash: hashOf('a')}],
    ['b.txt', {signature: signature(10), hash: hashOf('b')}],
  ])
  const savedAt = async (): Promise<number> => (await stat(indexFile(dir))).mtimeMs
  // Note: `savedAndOpened` dates the index a minute after 2024-01-01; a save dates it now.
  const opened = await savedAndOpened(dir, entries)
  const savedMs = await savedAt()
  await opened.save(entries)
  assert.equal(await savedAt(), savedMs, 'the same entries: the file keeps its date')

  const changes: Record<string, Map<string, StatEntry>> = {
    'a seed changed': new Map([...entries, ['b.txt', {signature: signature(20), hash: hashOf('c')}]]),
    'a seed added': new Map([...entries, ['c.txt', {signature: signature(0), hash: hashOf('c')}]]),
    'a seed removed': new Map([...entries].slice(0, 1)),
  }
  for (const [change, changed] of Object.entries(changes)) {
    const stats = await savedAndOpened(dir, entries)
    await stats.save(changed)
    assert.notEqual(await savedAt(), savedMs, change)
    const reopened = await openedAs(dir, await readFile(indexFile(dir), 'utf8'))
    for (const [relative, {signature: saved, hash}] of changed) assert.equal(reopened.hashFor(relative, saved), hash, `${change}: ${relative}`)
  }

  // An entry that was racily clean is not trusted, so the same entries are saved again, to be trusted next time.
  const racy = new Map([...entries, ['c.txt', {signature: signature(59), hash: hashOf('c')}]])
  const stats = await savedAndOpened(dir, racy)
  assert.equal(stats.hashFor('c.txt', signature(59)), undefined)
  await stats.save(racy)
  assert.notEqual(await savedAt(), savedMs, 'the racy entry is saved again')
})

test('a seed dated before 1970 (negative times) is trusted like any other', async (t) => {
  const dir = await cacheDir(t)
  const old = fileSignature({size: 5n, mtimeNs: -315_619_200_000_000_000n, ctimeNs: at(0), ino: 9n})
  const stats = await savedAndOpened(dir, new Map([['old.txt', {signature: old, hash: hashOf('a')}], ['new.txt', {signature: signature(0), hash: hashOf('b')}]]))
  assert.equal(stats.hashFor('old.txt', old), hashOf('a'))
  assert.equal(stats.hashFor('new.txt', signature(0)), hashOf('b'))
})

test('an index written as text, one seed per line, reads back', async (t) => {
  const dir = await cacheDir(t)
  // Note: the format: header, then path, size, mtime, ctime and inode in nanoseconds, hash.
  await SeedStats.empty(dir, 'index').save(new Map())
  const line = `sub/a.txt\t100\t${at(0)}\t${at(1)}\t7\t${hashOf('a')}\n`
  const stats = await openedAs(dir, `news-archive/seed-stats 2\n${line}`)
  assert.equal(stats.hashFor('sub/a.txt', fileSignature({size: 100n, mtimeNs: at(0), ctimeNs: at(1), ino: 7n})), hashOf('a'))
  const older = await openedAs(dir, `news-archive/seed-stats 1\n${line}`)
  assert.equal(older.trustedCount, 0, 'an index of the version saved whole, by an older generator')
})

test('a damaged index trusts nothing, and a path with a tab is never saved', async (t) => {
  const dir = await cacheDir(t)
  const entries = new Map<string, StatEntry>([
    ['a.txt', {signature: signature(0), hash: hashOf('a')}],
    ['tab\there.txt', {signature: signature(0), hash: hashOf('b')}],
  ])
  const stats = await savedAndOpened(dir, entries)
  assert.equal(stats.hashFor('a.txt', signature(0)), hashOf('a'))
  assert.equal(stats.hashFor('tab\there.txt', signature(0)), undefined)

  const text = await readFile(indexFile(dir), 'utf8')
  assert.equal(text.split('\n').length, 3, 'the header, one line and the end')
  const damaged = await openedAs(dir, `${text}b.txt\t100\tsoon\t1\t7\t${hashOf('b')}\n`)
  assert.equal(damaged.hashFor('a.txt', signature(0)), undefined)
  const cutShort = await openedAs(dir, text.slice(0, -1))
  assert.equal(cutShort.hashFor('a.txt', signature(0)), undefined, 'the last line without its end')
  const blankLine = await openedAs(dir, `${text}\n`)
  assert.equal(blankLine.hashFor('a.txt', signature(0)), undefined, 'an empty line')
  const wrongHeader = await openedAs(dir, text.replace('seed-stats 2', 'seed-stats 9'))
  assert.equal(wrongHeader.hashFor('a.txt', signature(0)), undefined, 'another format')
  const intact = await openedAs(dir, text)
  assert.equal(intact.hashFor('a.txt', signature(0)), hashOf('a'), 'the same text, undamaged')
})

/** Date the index file `seconds` after 2024-01-01 (see `at`), as if it was last written then. */
async function dateIndex(dir: string, seconds: number): Promise<void> {
  const saved = new Date(Number(at(seconds) / 1_000_000n))
  await utimes(indexFile(dir), saved, saved)
}

test('a build that changes a few seeds appends their lines; the index reads back as the whole would', async (t) => {
  const dir = await cacheDir(t)
  const entries = new Map<string, StatEntry>(Array.from({length: 50}, (_, index) => [`seed-${index}.txt`, {signature: signature(index), hash: hashOf('a')}]))
  await SeedStats.empty(dir, 'index').save(entries)
  await dateIndex(dir, 100)
  const whole = await readFile(indexFile(dir), 'utf8')
  const wholeSaved = (await stat(indexFile(dir), {bigint: true})).mtimeNs

  const changed = new Map(entries)
  changed.set('seed-3.txt', {signature: signature(70), hash: hashOf('b')})
  changed.set('new.txt', {signature: signature(71), hash: hashOf('c')})
  changed.delete('seed-7.txt')
  await (await SeedStats.open(dir, 'index')).save(changed)
  const appended = await readFile(indexFile(dir), 'utf8')
  assert.ok(appended.startsWith(whole), 'the lines saved before are left as they are')
  assert.deepEqual(appended.slice(whole.length).split('\n'), [`@${wholeSaved}`, `seed-3.txt\t${signature(70)}\t${hashOf('b')}`, `new.txt\t${signature(71)}\t${hashOf('c')}`, 'seed-7.txt\t-', ''])

  await dateIndex(dir, 200)
  const reopened = await SeedStats.open(dir, 'index')
  assert.equal(reopened.trustedCount, changed.size)
  for (const [relative, {signature: saved, hash}] of changed) assert.equal(reopened.hashFor(relative, saved), hash, relative)
  assert.equal(reopened.hashFor('seed-3.txt', signature(3)), undefined, 'the line appended replaces the first')
  assert.equal(reopened.hashFor('seed-7.txt', signature(7)), undefined, 'a seed gone')
  const before = await readFile(indexFile(dir), 'utf8')
  await reopened.save(changed)
  assert.equal(await readFile(indexFile(dir), 'utf8'), before, 'nothing changed: nothing written')
})

test('told only what changed, an index held in memory appends the lines a save of every entry would, and changes its entries in place', async (t) => {
  const dir = await cacheDir(t)
  const entries = new Map<string, StatEntry>(Array.from({length: 50}, (_, index) => [`seed-${index}.txt`, {signature: signature(index), hash: hashOf('a')}]))
  const changed = new Map(entries)
  changed.set('seed-3.txt', {signature: signature(70), hash: hashOf('b')})
  changed.set('new.txt', {signature: signature(71), hash: hashOf('c')})
  changed.delete('seed-7.txt')
  const changes = new Map<string, StatEntry | undefined>([
    ['seed-3.txt', changed.get('seed-3.txt')],
    ['new.txt', changed.get('new.txt')],
    ['seed-7.txt', undefined],
    ['seed-9.txt', entries.get('seed-9.txt')],
    ['never-a-seed.txt', undefined],
  ])
  const saveAll = async (): Promise<string> => {
    await SeedStats.empty(dir, 'index').save(entries)
    await dateIndex(dir, 100)
    await SeedStats.holding(dir, 'index', new Map(entries)).save(changed)
    return readFile(indexFile(dir), 'utf8')
  }
  const expected = await saveAll()
  await SeedStats.empty(dir, 'index').save(entries)
  await dateIndex(dir, 100)
  const held = new Map(entries)
  const now = await SeedStats.holding(dir, 'index', held).saveChanges(changes)
  assert.equal(await readFile(indexFile(dir), 'utf8'), expected)
  assert.equal(now, held, 'the same map, changed in place')
  assert.deepEqual([...now].sort(), [...changed].sort())
  await dateIndex(dir, 200)
  await SeedStats.holding(dir, 'index', now).saveChanges(new Map([['seed-3.txt', changed.get('seed-3.txt')]]))
  assert.equal(await readFile(indexFile(dir), 'utf8'), expected, 'nothing changed: nothing written')
})

test('each batch of lines is judged racily clean by the time it was saved, not by the time of a later one', async (t) => {
  const dir = await cacheDir(t)
  const first = new Map<string, StatEntry>([
    ['old.txt', {signature: signature(0), hash: hashOf('a')}],
    ['racy.txt', {signature: signature(99), hash: hashOf('b')}],
  ])
  await SeedStats.empty(dir, 'index').save(first)
  await dateIndex(dir, 100)
  const opened = await SeedStats.open(dir, 'index')
  assert.equal(opened.hashFor('racy.txt', signature(99)), undefined, 'changed a second before the save')
  // Note: the racy seed's line is saved again beside the new one's, in a batch saved at 300.
  const second = new Map([...first, ['new.txt', {signature: signature(298), hash: hashOf('c')}]])
  await opened.save(second)
  await dateIndex(dir, 300)
  const reopened = await SeedStats.open(dir, 'index')
  assert.equal(reopened.hashFor('old.txt', signature(0)), hashOf('a'))
  assert.equal(reopened.hashFor('racy.txt', signature(99)), hashOf('b'), 'saved again long after it changed')
  assert.equal(reopened.hashFor('new.txt', signature(298)), undefined, 'changed within two seconds before its batch was saved')

  // The same first batch, followed by one that does not repeat the racy line: it stays untrusted, though the file is dated much later.
  await SeedStats.empty(dir, 'index').save(first)
  await dateIndex(dir, 100)
  await (await SeedStats.open(dir, 'index')).save(new Map([...first, ['racy.txt', {signature: signature(99), hash: hashOf('b')}], ['other.txt', {signature: signature(1), hash: hashOf('d')}]]))
  const text = await readFile(indexFile(dir), 'utf8')
  await writeFile(indexFile(dir), text.replace(/^racy\.txt\t.*\n(?![^]*@)/m, ''))
  await dateIndex(dir, 300)
  const later = await SeedStats.open(dir, 'index')
  assert.equal(later.hashFor('other.txt', signature(1)), hashOf('d'))
  assert.equal(later.hashFor('racy.txt', signature(99)), undefined, 'its only line is in the batch saved at 100')
})

test('an index that would hold more than twice its live lines is written anew', async (t) => {
  const dir = await cacheDir(t)
  let entries = new Map<string, StatEntry>(Array.from({length: 20}, (_, index) => [`seed-${index}.txt`, {signature: signature(index), hash: hashOf('a')}]))
  await SeedStats.empty(dir, 'index').save(entries)
  const wholeBytes = (await stat(indexFile(dir))).size
  let rewritten = false
  for (let round = 1; round <= 5 && !rewritten; round++) {
    await dateIndex(dir, 100 * round)
    entries = new Map([...entries].map(([relative, entry]) => [relative, {...entry, signature: signature(round * 10)}]))
    await (await SeedStats.open(dir, 'index')).save(entries)
    const text = await readFile(indexFile(dir), 'utf8')
    assert.ok(text.length <= 2 * wholeBytes, `round ${round}: ${text.length} bytes`)
    rewritten = !text.includes('@')
  }
  assert.ok(rewritten, 'written anew once appending every line would pass twice the live lines')
  await dateIndex(dir, 1000)
  const reopened = await SeedStats.open(dir, 'index')
  for (const [relative, {signature: saved, hash}] of entries) assert.equal(reopened.hashFor(relative, saved), hash, relative)
})

test('a last line cut short (a build killed while appending) drops alone, and the next save writes the index anew', async (t) => {
  const dir = await cacheDir(t)
  const entries = new Map<string, StatEntry>(Array.from({length: 10}, (_, index) => [`seed-${index}.txt`, {signature: signature(index), hash: hashOf('a')}]))
  await SeedStats.empty(dir, 'index').save(entries)
  await dateIndex(dir, 100)
  const changed = new Map([...entries, ['seed-1.txt', {signature: signature(50), hash: hashOf('b')}], ['seed-2.txt', {signature: signature(51), hash: hashOf('c')}]])
  await (await SeedStats.open(dir, 'index')).save(changed)
  const text = await readFile(indexFile(dir), 'utf8')
  await writeFile(indexFile(dir), text.slice(0, -20))
  await dateIndex(dir, 200)
  const cut = await SeedStats.open(dir, 'index')
  assert.equal(cut.hashFor('seed-0.txt', signature(0)), hashOf('a'))
  assert.equal(cut.hashFor('seed-1.txt', signature(50)), hashOf('b'), 'the whole line before the cut one')
  assert.equal(cut.hashFor('seed-2.txt', signature(51)), undefined, 'the line cut short')
  assert.equal(cut.hashFor('seed-2.txt', signature(2)), hashOf('a'), 'its earlier line, which the file still has')
  await cut.save(changed)
  const rewritten = await readFile(indexFile(dir), 'utf8')
  assert.ok(!rewritten.includes('@'), 'written anew, not appended after the cut line')
  await dateIndex(dir, 300)
  const reopened = await SeedStats.open(dir, 'index')
  for (const [relative, {signature: saved, hash}] of changed) assert.equal(reopened.hashFor(relative, saved), hash, relative)
})

test('an index of no seeds, saved again, stays as it was and reads back', async (t) => {
  const dir = await cacheDir(t)
  await SeedStats.empty(dir, 'index').save(new Map())
  await (await SeedStats.open(dir, 'index')).save(new Map())
  assert.equal(await readFile(indexFile(dir), 'utf8'), 'news-archive/seed-stats 2\n')
  await (await SeedStats.open(dir, 'index')).save(new Map([['a.txt', {signature: signature(0), hash: hashOf('a')}]]))
  await dateIndex(dir, 100)
  assert.equal((await SeedStats.open(dir, 'index')).hashFor('a.txt', signature(0)), hashOf('a'), 'a seed added after it')
})
