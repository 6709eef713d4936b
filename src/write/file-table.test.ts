import assert from 'node:assert/strict'
import {test} from 'node:test'
import {FileTable} from './file-table.js'
import {StagingFiles} from './staging-files.js'

test('a table holds each path once, with its last key, in the order paths came', () => {
  const table = FileTable.of([
    ['b.html', '1'],
    ['a.html', '2'],
    ['b.html', '3'],
  ])
  assert.equal(table.size, 2)
  assert.equal(table.get('b.html'), '3')
  assert.equal(table.get('c.html'), undefined)
  assert.deepEqual([...table.toMap()], [
    ['b.html', '3'],
    ['a.html', '2'],
  ])
})

test('a clone changes apart from its table', () => {
  const table = FileTable.of(['index.html', 'a.html', 'b.html', 'c.html'].map((path) => [path, `${path} 1`]))
  const copy = table.clone()
  const files = new StagingFiles(copy)
  files.produce('index.html', 'home 2')
  files.finish()
  assert.equal(table.get('index.html'), 'index.html 1')
  assert.equal(table.size, 4)
  assert.deepEqual([...copy.toMap()], [['index.html', 'home 2']])
})

test("a table's stamp tells a changed table from the one it was", () => {
  const table = FileTable.of([['index.html', 'home']])
  const before = table.stamp
  new StagingFiles(table).finish()
  assert.ok(table.stamp > before)
})
