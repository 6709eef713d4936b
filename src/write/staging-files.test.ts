import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {FileTable} from './file-table.js'
import {StagingFiles} from './staging-files.js'

const starting = (): FileTable =>
  FileTable.of([
    ['index.html', 'home 1'],
    ['a/index.html', 'a'],
    ['b/index.html', 'b'],
    ['c/index.html', 'c'],
  ])

test('a build changes the starting table into the new tree: kept, changed and added files stay, the rest are stale', () => {
  const table = starting()
  const files = new StagingFiles(table)
  assert.equal(files.keep('a/index.html', 'a'), true)
  assert.equal(files.keep('a/index.html', 'a'), false, 'produced already')
  assert.equal(files.keep('index.html', 'home 2'), false, 'another key')
  assert.equal(files.keep('d/index.html', 'd'), false, 'not a starting file')
  files.produce('index.html', 'home 2')
  files.produce('d/index.html', 'd')
  assert.equal(table.get('index.html'), 'home 2', 'the key produced')
  assert.equal(files.startingKey('index.html'), 'home 1', 'the starting key, while its file is in place')
  assert.equal(files.startingKey('d/index.html'), undefined, 'added by this build')
  assert.equal(files.produced('b/index.html'), false)
  files.markGone('c/index.html')
  assert.equal(files.inStart('c/index.html'), false)
  assert.equal(files.keep('c/index.html', 'c'), false, 'gone from the tree')
  assert.equal(files.producedCount, 3)
  assert.deepEqual(files.finish(), ['b/index.html'], 'neither produced nor gone')
  assert.deepEqual([...table.toMap()], [
    ['index.html', 'home 2'],
    ['a/index.html', 'a'],
    ['d/index.html', 'd'],
  ])
})

test('the next build starts from the table a build left, stamped anew', () => {
  const table = starting()
  const first = new StagingFiles(table)
  for (const path of ['index.html', 'a/index.html', 'b/index.html', 'c/index.html']) first.keep(path, table.get(path) ?? '')
  assert.deepEqual(first.finish(), [])
  const second = new StagingFiles(table)
  assert.equal(second.produced('a/index.html'), false, 'produced by the build before, not this one')
  assert.equal(second.keep('a/index.html', 'a'), true)
  assert.deepEqual(second.finish(), ['index.html', 'b/index.html', 'c/index.html'])
  assert.deepEqual([...table.paths()], ['a/index.html'])
})

test('a file produced twice keeps the last key, and its starting key is still known', () => {
  const table = starting()
  const files = new StagingFiles(table)
  files.produce('a/index.html', 'a 2')
  files.produce('a/index.html', 'a 3')
  assert.equal(files.startingKey('a/index.html'), 'a')
  assert.equal(table.get('a/index.html'), 'a 3')
  files.produce('a/index.html', 'a')
  assert.equal(table.get('a/index.html'), 'a')
  assert.equal(files.producedCount, 1)
})

test('stale files are found only where a starting file was neither produced nor gone; gone ones leave the table too', () => {
  const table = starting()
  const files = new StagingFiles(table)
  for (const path of ['index.html', 'a/index.html']) files.keep(path, table.get(path) ?? '')
  files.markGone('b/index.html')
  files.markGone('c/index.html')
  assert.deepEqual(files.finish(), [], 'every starting file produced or gone')
  assert.deepEqual([...table.paths()], ['index.html', 'a/index.html'])
})

test('what a build changed is never counted short: at least the paths whose key differs from the starting table', () => {
  const paths = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}/index.html`)
  const step = fc.record({path: fc.constantFrom(...paths), key: fc.constantFrom('1', '2', '3'), kind: fc.constantFrom('keep', 'produce', 'gone')})
  fc.assert(
    fc.property(fc.subarray(paths), fc.array(step, {maxLength: 12}), (present, steps) => {
      const table = FileTable.of(present.map((path) => [path, '1'] as const))
      const before = table.toMap()
      const files = new StagingFiles(table)
      assert.equal(files.startStamp, table.stamp - 1)
      for (const {path, key, kind} of steps) {
        if (kind === 'keep') files.keep(path, key)
        else if (kind === 'produce') files.produce(path, key)
        else if (before.has(path) && !files.produced(path)) files.markGone(path)
      }
      files.finish()
      const after = table.toMap()
      const differing = new Set([...before.keys(), ...after.keys()].filter((path) => before.get(path) !== after.get(path)))
      assert.ok(files.changedCount >= differing.size, `${files.changedCount} counted, ${differing.size} differ`)
    }),
    {numRuns: 300},
  )
})
