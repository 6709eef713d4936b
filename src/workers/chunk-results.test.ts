import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ChunkResults} from './chunk-results.js'

const letters = [...'abcdefg']

test('chunks of the given size, the last one shorter; results in item order whatever order chunks finish in', () => {
  const progress: number[] = []
  const results = new ChunkResults<string, string>({items: letters, chunkSize: 3, onProgress: (done) => progress.push(done)})
  assert.equal(results.count, 3)
  assert.deepEqual([0, 1, 2].map((chunk) => results.items(chunk)), [['a', 'b', 'c'], ['d', 'e', 'f'], ['g']])
  for (const chunk of [2, 0, 1]) results.finish(chunk, results.items(chunk).map((item) => item.toUpperCase()))
  assert.deepEqual(results.all(), [...'ABCDEFG'])
  assert.deepEqual(progress, [1, 4, 7])
})

test('what keep returns is what is held, and keep sees each chunk with its items', () => {
  const seen: string[][] = []
  const results = new ChunkResults<string, number>({
    items: letters,
    chunkSize: 4,
    keep: (items, chunkResults) => {
      seen.push([...items])
      return chunkResults.map((value) => value * 10)
    },
  })
  results.finish(0, [1, 2, 3, 4])
  results.finish(1, [5, 6, 7])
  assert.deepEqual(seen, [['a', 'b', 'c', 'd'], ['e', 'f', 'g']])
  assert.deepEqual(results.all(), [10, 20, 30, 40, 50, 60, 70])
})

test('results or kept results that are not one per item are a bug, reported', () => {
  const results = new ChunkResults<string, number>({items: letters, chunkSize: 4})
  assert.throws(() => results.finish(1, [1, 2]), /chunk 1 came back with 2 results for 3 items/)
  const keeping = new ChunkResults<string, number>({items: letters, chunkSize: 4, keep: (_items, chunkResults) => chunkResults.slice(1)})
  assert.throws(() => keeping.finish(0, [1, 2, 3, 4]), /kept 3 results of a chunk of 4 items/)
})

test('no items: no chunks and no results', () => {
  const results = new ChunkResults<string, number>({items: [], chunkSize: 4})
  assert.equal(results.count, 0)
  assert.deepEqual(results.all(), [])
})
