import assert from 'node:assert/strict'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {test, type TestContext} from 'node:test'
import {ManifestMemo} from './manifest-memo.js'
import {readManifest, writeManifest, type ReadManifest} from './tree-manifest.js'

async function stateDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'manifest-memo-'))
  t.after(() => rm(dir, {recursive: true, force: true}))
  return dir
}

const manifestOf = (files: Record<string, string>, searchKey = ''): ReadManifest => ({files: new Map(Object.entries(files)), searchKey, searchEntries: searchKey ? ['pagefind'] : []})

test('a manifest written through the memo is taken back from memory, once, and then read from its file', async (t) => {
  const file = path.join(await stateDir(t), 'm-1.json')
  const memo = new ManifestMemo()
  const written = manifestOf({'index.html': 'k1', 'a/index.html': 'k2'}, 's1')
  await memo.write(file, written)
  assert.deepEqual(await readManifest(file), written, 'the file holds it')
  const taken = await memo.take(file)
  assert.equal(taken, written, 'the very manifest, not read again')
  const again = await memo.take(file)
  assert.notEqual(again, written, 'taken already: read from the file')
  assert.deepEqual(again, written)
})

test('a manifest given back is taken again from memory; one never lent is not held', async (t) => {
  const file = path.join(await stateDir(t), 'm-1.json')
  await writeManifest(file, manifestOf({'index.html': 'k1'}))
  const memo = new ManifestMemo()
  const read = (await memo.take(file)) as ReadManifest
  memo.giveBack(read)
  assert.equal(await memo.take(file), read)
  memo.giveBack(manifestOf({'index.html': 'forged'}))
  assert.deepEqual(await memo.take(file), manifestOf({'index.html': 'k1'}), 'the file, not the forged manifest')
  assert.equal(await memo.take(path.join(path.dirname(file), 'none.json')), undefined, 'no file')
})

test('a manifest file replaced by another process is read anew, and one deleted is not found', async (t) => {
  const dir = await stateDir(t)
  const file = path.join(dir, 'm-1.json')
  const memo = new ManifestMemo()
  await memo.write(file, manifestOf({'index.html': 'k1'}))
  // Note: as a build from a terminal would, between two of the dev server's builds: same name, other keys.
  await writeManifest(file, manifestOf({'index.html': 'k2', 'b.html': 'k3'}))
  assert.deepEqual(await memo.take(file), manifestOf({'index.html': 'k2', 'b.html': 'k3'}))

  const other = path.join(dir, 'm-2.json')
  await memo.write(other, manifestOf({'index.html': 'k4'}))
  await rm(other)
  assert.equal(await memo.take(other), undefined)
})

test('keepOnly lets go of the manifests of other files', async (t) => {
  const dir = await stateDir(t)
  const [kept, dropped] = [path.join(dir, 'm-1.json'), path.join(dir, 'm-2.json')]
  const memo = new ManifestMemo()
  const keptManifest = manifestOf({'a.html': 'k1'})
  const droppedManifest = manifestOf({'b.html': 'k2'})
  await memo.write(kept, keptManifest)
  await memo.write(dropped, droppedManifest)
  memo.keepOnly(new Set([kept]))
  assert.equal(await memo.take(kept), keptManifest)
  assert.notEqual(await memo.take(dropped), droppedManifest, 'read from its file')
})
