import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {test} from 'node:test'
import {makeTempDir, removeDir} from '../../test/helpers/build-from-files.js'
import {FileTable} from './file-table.js'
import {ManifestMemo, readManifest, writeManifest, type TreeManifest} from './tree-manifest.js'

const manifest = (files: [string, string][], searchKey = ''): TreeManifest => ({files: FileTable.of(files), searchKey, searchEntries: searchKey ? ['pagefind'] : []})

/** Run `check` with a temporary folder, removed afterwards. */
async function inTempDir(check: (dir: string) => Promise<void>): Promise<void> {
  const dir = await makeTempDir('news-archive-manifest-')
  try {
    await check(dir)
  } finally {
    await removeDir(dir)
  }
}

test('a manifest reads back as written, and a damaged, cut or older one reads as none', () =>
  inTempDir(async (dir) => {
    const file = path.join(dir, 'm-1.manifest')
    const written = manifest([['index.html', '0f'.repeat(16)], ['a/index.html', 'bd3fa62b0b7c0e4a2d8f1c5e9a7b3d21']], 'search')
    await writeManifest(file, written)
    assert.deepEqual(await readManifest(file), written)
    const bytes = await readFile(file)
    for (const cut of [bytes.length - 1, bytes.length - 17, 40]) {
      await writeFile(file, bytes.subarray(0, cut))
      assert.equal(await readManifest(file), undefined, `cut to ${cut} of ${bytes.length} bytes`)
    }
    await writeFile(file, Buffer.concat([bytes, Buffer.from([0])]))
    assert.equal(await readManifest(file), undefined, 'a byte too many')
    const text = bytes.toString('latin1')
    await writeFile(file, Buffer.from(text.replace('"files":2', '"files":3'), 'latin1'))
    assert.equal(await readManifest(file), undefined, 'fewer files than the head says')
    await writeFile(file, Buffer.from(text.replace('}\nP', '}\nJ'), 'latin1'))
    assert.equal(await readManifest(file), undefined, 'files packed, not the JSON the head says')
    await writeFile(file, '{"format":"news-archive/tree-manifest","version":1,"searchKey":"","searchEntries":[],"paths":["a"],"keys":["k"]}')
    assert.equal(await readManifest(file), undefined, 'the JSON of version 1')
    assert.equal(await readManifest(path.join(dir, 'missing.manifest')), undefined)
  }))

test('a large manifest reads back with every path and key as it was, packed or, for strings packing cannot hold, as JSON', () =>
  inTempDir(async (dir) => {
    const file = path.join(dir, 'm-2.manifest')
    // Note: fingerprints as keys and other keys; then a path UTF-8 cannot hold, one with the NUL that ends each path, keys of other forms.
    const files: [string, string][] = Array.from({length: 40_000}, (_, index) => [`2037/12/31/"quoted" ${index} \u{1F4F0}\n/index.html`, (index * 2654435761).toString(16).padStart(32, '0').slice(-32)])
    files.push([`long/${'é'.repeat(400_000)}.html`, 'f'.repeat(32)])
    for (const odd of [[], [['lone \ud800 surrogate.html', '0'.repeat(32)]], [['nul\0.html', '1'.repeat(32)]], [['upper.html', 'ABCDEF0123456789ABCDEF0123456789']], [['short.html', 'abc']]] as [string, string][][]) {
      const written = manifest([...files, ...odd], 'search')
      await writeManifest(file, written)
      const read = await readManifest(file)
      assert.deepEqual(read, written, JSON.stringify(odd))
      assert.deepEqual([...(read?.files.paths() ?? [])], [...written.files.paths()], 'in the order written')
      assert.equal((await readFile(file, 'latin1')).split('\n', 3)[2]?.[0], odd.length === 0 ? 'P' : 'J', `packed or not, ${JSON.stringify(odd)}`)
    }
    await writeManifest(file, manifest([]))
    assert.deepEqual(await readManifest(file), manifest([]))
  }))

test('a memo gives back the manifest it wrote, from memory, to every reader', () =>
  inTempDir(async (dir) => {
    const memo = new ManifestMemo()
    const file = path.join(dir, 'm-1.manifest')
    const written = manifest([['index.html', 'k1']], 'search')
    await memo.write(file, written)
    assert.equal(await memo.read(file), written, 'from memory, not from the file')
    assert.equal(await memo.read(file), written, 'the same for the next reader')
    assert.deepEqual(await readManifest(file), manifest([['index.html', 'k1']], 'search'), 'the file holds the same')
  }))

test('a memo reads the file once it is no longer the one written', () =>
  inTempDir(async (dir) => {
    const memo = new ManifestMemo()
    const file = path.join(dir, 'm-1.manifest')
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
    await memo.write(path.join(dir, 'm-1.manifest'), kept)
    await memo.write(path.join(dir, 'm-2.manifest'), dropped)
    memo.keepOnly(dir, new Set(['m-1.manifest']))
    assert.equal((await memo.read(path.join(dir, 'm-1.manifest')))?.searchEntries, kept.searchEntries, 'still from memory')
    const reread = await memo.read(path.join(dir, 'm-2.manifest'))
    assert.deepEqual(reread, dropped, 'read from its file')
    assert.notEqual(reread?.searchEntries, dropped.searchEntries)
  }))
