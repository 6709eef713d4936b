import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {pathToFileURL} from 'node:url'
import {threadId} from 'node:worker_threads'
import {runInChunks, type ChunkPlan} from './run-in-chunks.js'
import {startWorker} from './start-worker.js'

// A real worker module on disk, written per run: numbers in, [number × 2, thread id] out.
// `-1` is a bug (a TypeError), `-2` ends the worker thread without a reply.
const dir = mkdtempSync(path.join(tmpdir(), 'run-in-chunks-'))
const workerFile = path.join(dir, 'double-worker.ts')
writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}')
writeFileSync(workerFile, `
import {threadId} from 'node:worker_threads'
import {serveChunks} from ${JSON.stringify(new URL('./serve-chunks.ts', import.meta.url).href)}
serveChunks((message) => (message as number[]).map((item) => {
  if (item === -1) throw new TypeError('a bug in the worker')
  if (item === -2) process.exit(7)
  return [item * 2, threadId]
}))
`)
after(() => rmSync(dir, {recursive: true, force: true}))

function plan(items: readonly number[], workers: number, mainThread: boolean): ChunkPlan<number, [number, number]> {
  return {
    items,
    chunkSize: 7,
    workers,
    mainThread,
    runHere: (chunk) => chunk.map((item) => [item * 2, threadId]),
    pack: (chunk) => ({message: [...chunk], transfer: []}),
    startWorker: () => startWorker(pathToFileURL(workerFile), undefined),
  }
}

const numbers = Array.from({length: 500}, (_, index) => index)
const doubled = numbers.map((item) => item * 2)

const layouts = [
  {workers: 0, mainThread: true, name: 'main thread only'},
  {workers: 1, mainThread: false, name: 'one worker only'},
  {workers: 2, mainThread: false, name: 'two workers'},
  {workers: 1, mainThread: true, name: 'main thread and one worker'},
] as const

for (const layout of layouts) {
  test(`${layout.name}: one result per item, in item order`, async () => {
    const results = await runInChunks(plan(numbers, layout.workers, layout.mainThread))
    assert.deepEqual(results.map(([value]) => value), doubled)
    const threads = new Set(results.map(([, thread]) => thread))
    if (layout.workers === 0) assert.deepEqual([...threads], [threadId])
    if (!layout.mainThread) assert.ok(!threads.has(threadId), 'the main thread did no work')
  })
}

test('progress counts up to the number of items', async () => {
  const seen: number[] = []
  await runInChunks({...plan(numbers, 1, true), onProgress: (done) => seen.push(done)})
  assert.equal(seen.at(-1), numbers.length)
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b))
})

test('no items: no results, and workers are stopped', async () => {
  assert.deepEqual(await runInChunks(plan([], 1, false)), [])
})

test('a bug in a worker rejects with its message and the worker stack', {timeout: 60_000}, async () => {
  const items = [...numbers, -1]
  await assert.rejects(runInChunks(plan(items, 1, false)), (error: Error) => {
    assert.equal(error.name, 'TypeError')
    assert.equal(error.message, 'a bug in the worker')
    assert.match(error.stack ?? '', /double-worker\.ts/)
    return true
  })
})

test('a worker that exits without replying rejects instead of hanging', {timeout: 60_000}, async () => {
  await assert.rejects(runInChunks(plan([1, 2, -2, 3], 1, false)), /worker thread stopped unexpectedly \(exit code 7\)/)
})

test('a bug on the main thread rejects and stops the workers', {timeout: 60_000}, async () => {
  const failing: ChunkPlan<number, [number, number]> = {
    ...plan(numbers, 1, true),
    runHere: () => {
      throw new RangeError('a bug on the main thread')
    },
  }
  await assert.rejects(runInChunks(failing), /a bug on the main thread/)
})

test('keep sees every chunk once, from whichever thread, and what it returns is what comes back', async () => {
  const seen: number[] = []
  const results = await runInChunks({
    ...plan(numbers, 1, true),
    keep: (chunk, chunkResults) => {
      seen.push(...chunk)
      return chunkResults.map(([value]) => [value + 1, 0] as [number, number])
    },
  })
  assert.deepEqual([...seen].sort((a, b) => a - b), numbers)
  assert.deepEqual(results.map(([value]) => value), doubled.map((value) => value + 1))
})

test('a keep that returns the wrong number of results is a bug, reported rather than misaligning the rest', async () => {
  await assert.rejects(runInChunks({...plan(numbers, 1, true), keep: (_chunk, chunkResults) => chunkResults.slice(1)}), /kept 6 results of a chunk of 7 items/)
})
