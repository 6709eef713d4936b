import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {pathToFileURL} from 'node:url'
import {threadId} from 'node:worker_threads'
import {runPipelined, type PipelinePlan} from './run-pipelined.js'
import {startWorker} from './start-worker.js'

// A real worker module on disk, written per run: numbers in, [number × 10, thread id] out.
// `-1` is a bug (a TypeError), `-2` ends the worker thread without a reply.
const dir = mkdtempSync(path.join(tmpdir(), 'run-pipelined-'))
const workerFile = path.join(dir, 'times-ten-worker.ts')
writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}')
writeFileSync(workerFile, `
import {threadId} from 'node:worker_threads'
import {serveChunks} from ${JSON.stringify(new URL('./serve-chunks.ts', import.meta.url).href)}
serveChunks((message) => (message as number[]).map((item) => {
  if (item === -1) throw new TypeError('a bug in the worker')
  if (item === -2) process.exit(7)
  return [item * 10, threadId]
}))
`)
after(() => rmSync(dir, {recursive: true, force: true}))

interface Done {
  readonly value: number
  readonly startedOn: number
  readonly stepOn: number
  readonly finishedOn: number
}

/** Each item: +1 on the main thread, ×10 on the worker, +3 on the main thread again. */
function plan(items: readonly number[]): PipelinePlan<number, {plusOne: number; startedOn: number}, Done> {
  return {
    items,
    chunkSize: 7,
    start: (chunk) => {
      const started = chunk.map((item) => ({plusOne: item < 0 ? item : item + 1, startedOn: threadId}))
      return {started, message: started.map((item) => item.plusOne)}
    },
    startWorker: () => startWorker(pathToFileURL(workerFile), undefined),
    finish: (started, replies) =>
      started.map((item, index) => {
        const [value, stepOn] = replies[index] as [number, number]
        return {value: value + 3, startedOn: item.startedOn, stepOn, finishedOn: threadId}
      }),
  }
}

const numbers = Array.from({length: 500}, (_, index) => index)

test('each item is started and finished on the main thread, its middle step done on the worker, in item order', async () => {
  const results = await runPipelined(plan(numbers))
  assert.deepEqual(results.map((result) => result.value), numbers.map((item) => (item + 1) * 10 + 3))
  assert.ok(results.every((result) => result.startedOn === threadId && result.finishedOn === threadId))
  assert.ok(results.every((result) => result.stepOn !== threadId), 'the worker did the middle step')
})

test('keep sees every chunk once, and what it returns is what comes back; progress counts up to the number of items', async () => {
  const seen: number[] = []
  const progress: number[] = []
  const results = await runPipelined({
    ...plan(numbers),
    keep: (chunk, chunkResults) => {
      seen.push(...chunk)
      return chunkResults.map((result) => ({...result, value: -result.value}))
    },
    onProgress: (done) => progress.push(done),
  })
  assert.deepEqual([...seen].sort((a, b) => a - b), numbers)
  assert.deepEqual(results.map((result) => result.value), numbers.map((item) => -((item + 1) * 10 + 3)))
  assert.equal(progress.at(-1), numbers.length)
  assert.deepEqual(progress, [...progress].sort((a, b) => a - b))
})

test('no items: no results, and the worker is stopped', async () => {
  assert.deepEqual(await runPipelined(plan([])), [])
})

test('a bug in the worker rejects with its message and the worker stack', {timeout: 60_000}, async () => {
  await assert.rejects(runPipelined(plan([...numbers, -1, ...numbers])), (error: Error) => {
    assert.equal(error.name, 'TypeError')
    assert.equal(error.message, 'a bug in the worker')
    assert.match(error.stack ?? '', /times-ten-worker\.ts/)
    return true
  })
})

test('a worker that exits without replying rejects instead of hanging', {timeout: 60_000}, async () => {
  await assert.rejects(runPipelined(plan([1, 2, -2, 3])), /worker thread stopped unexpectedly \(exit code 7\)/)
})

test('a bug in either step on the main thread rejects', {timeout: 60_000}, async () => {
  const failingStart: PipelinePlan<number, {plusOne: number; startedOn: number}, Done> = {
    ...plan(numbers),
    start: (chunk) => {
      if (chunk.includes(300)) throw new RangeError('a bug in the first step')
      return plan(numbers).start(chunk)
    },
  }
  await assert.rejects(runPipelined(failingStart), /a bug in the first step/)
  const failingFinish: PipelinePlan<number, {plusOne: number; startedOn: number}, Done> = {
    ...plan(numbers),
    finish: () => {
      throw new RangeError('a bug in the last step')
    },
  }
  await assert.rejects(runPipelined(failingFinish), /a bug in the last step/)
})

test('a finish that returns the wrong number of results is a bug, reported rather than misaligning the rest', async () => {
  await assert.rejects(runPipelined({...plan(numbers), finish: (started, replies) => plan(numbers).finish(started, replies).slice(1)}), /came back with 6 results for 7 items/)
})
