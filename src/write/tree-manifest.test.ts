import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {ManifestMemo, readManifest, writeManifest, type TreeManifest} from './tree-manifest.js'

const manifest = (files: [string, string][], searchKey = ''): TreeManifest => ({files: new Map(files), searchKey, searchEntries: searchKey ? ['pagefind'] : []})

/** Run `check` with a temporary folder, removed afterwards. */
async function inTempDir(check: (dir: string) => Promise<void>): Promise<void> {
  const dir = await makeTempDir('news-archive-manifest-')
  try {
    await check(dir)
  } finally {
    await removeDir(dir)
  }
}

test('a manifest reads back as written, and a damaged one reads as none', () =>
  inTempDir(async (dir) => {
    const file = path.join(dir, 'm-1.json')
    await writeManifest(file, manifest([['index.html', 'k1'], ['a/index.html', 'k2']], 'search'))
    assert.deepEqual(await readManifest(file), manifest([['index.html', 'k1'], ['a/index.html', 'k2']], 'search'))
    await writeFile(file, '{"format":"news-archive/tree-manifest","version":1,"searchKey":"","searchEntries":[],"paths":["a"],"keys":[]}')
    assert.equal(await readManifest(file), undefined, 'paths without keys')
    assert.equal(await readManifest(path.join(dir, 'missing.json')), undefined)
  }))

test('a large manifest is written in pieces as the JSON of the whole, and reads back', () =>
  inTempDir(async (dir) => {
    const file = path.join(dir, 'm-2.json')
    // Note: more files than one block of JSON holds, with names JSON must escape; and an empty manifest.
    const files: [string, string][] = Array.from({length: 4500}, (_, index) => [`2037/12/31/"quoted" ${index} \u{1F4F0}/index.html`, `key${index}`])
    await writeManifest(file, manifest(files, 'search'))
    const data = {format: 'news-archive/tree-manifest', version: 1, searchKey: 'search', searchEntries: ['pagefind'], paths: files.map(([name]) => name), keys: files.map(([, key]) => key)}
    assert.equal(await readFile(file, 'utf8'), JSON.stringify(data))
    assert.deepEqual(await readManifest(file), manifest(files, 'search'))
    await writeManifest(file, manifest([]))
    assert.deepEqual(await readManifest(file), manifest([]))
  }))

test('a memo gives back the manifest it wrote, from memory, to every reader', () =>
  inTempDir(async (dir) => {
    const memo = new ManifestMemo()
    const file = path.join(dir, 'm-1.json')
    const written = manifest([['index.html', 'k1']], 'search')
    await memo.write(file, written)
    assert.equal(await memo.read(file), written, 'from memory, not from the file')
    assert.equal(await memo.read(file), written, 'the same for the next reader')
    assert.deepEqual(await readManifest(file), manifest([['index.html', 'k1']], 'search'), 'the file holds the same')
  }))

test('a memo reads the file once it is no longer the one written', () =>
  inTempDir(async (dir) => {
    const memo = new ManifestMemo()
    const file = path.join(dir, 'm-1.json')
    await memo.write(file, manifest([['index.html', 'k1']]))
    await writeManifest(file, manifest([['index.html', 'k2'], ['b.html', 'k3']]))
    assert.deepEqual(await memo.read(file), manifest([['index.html', 'k2'], ['b.html', 'k3']]), 'replaced by another writer')
    await writeFile(file, 'damaged')
    assert.equal(await memo.read(file), undefined, 'damaged on disk')
  }))

test('a memo lets go of the manifests of a folder that are no longer used, and only those', () =>
  inTempDir(async (dir) => {
    const memo = new ManifestMemo()
    const kept = manifest([['index.html', 'k1']], 'search')
    const dropped = manifest([['index.html', 'k2']], 'search')
    await memo.write(path.join(dir, 'm-1.json'), kept)
    await memo.write(path.join(dir, 'm-2.json'), dropped)
    memo.keepOnly(dir, new Set(['m-1.json']))
    assert.equal((await memo.read(path.join(dir, 'm-1.json')))?.searchEntries, kept.searchEntries, 'still from memory')
    const reread = await memo.read(path.join(dir, 'm-2.json'))
    assert.deepEqual(reread, dropped, 'read from its file')
    assert.notEqual(reread?.searchEntries, dropped.searchEntries)
  }))
