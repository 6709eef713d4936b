import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, test} from 'node:test'
import {pathToFileURL} from 'node:url'
import {threadId, type Worker} from 'node:worker_threads'
import {runPipelined, type PipelinePlan} from './run-pipelined.js'
import {startWorker} from './start-worker.js'

// A real worker module on disk, written per run: numbers in, [number × 10, thread id] out.
// `-1` is a bug (a TypeError), `-2` ends the worker thread without a reply, `-3` makes it answer with no replies.
const dir = mkdtempSync(path.join(tmpdir(), 'run-pipelined-'))
const workerFile = path.join(dir, 'times-ten-worker.ts')
writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}')
writeFileSync(workerFile, `
import {threadId, type Worker} from 'node:worker_threads'
import {serveChunks} from ${JSON.stringify(new URL('./serve-chunks.ts', import.meta.url).href)}
serveChunks((message) => (message as number[]).includes(-3) ? [] : (message as number[]).map((item) => {
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

/** Workers the plans started, to check that each one was stopped. */
const started: Worker[] = []

/** Each item: +1 on the main thread, ×10 on the worker, +3 on the main thread again. */
function plan(items: readonly number[]): PipelinePlan<number, {plusOne: number; startedOn: number}, Done> {
  return {
    items,
    chunkSize: 7,
    start: (chunk) => {
      const started = chunk.map((item) => ({plusOne: item < 0 ? item : item + 1, startedOn: threadId}))
      return {started, message: started.map((item) => item.plusOne)}
    },
    startWorker: () => {
      const worker = startWorker(pathToFileURL(workerFile), undefined)
      started.push(worker)
      return worker
    },
    finish: (started, replies) =>
      started.map((item, index) => {
        const [value, stepOn] = replies[index] as [number, number]
        return {value: value + 3, startedOn: item.startedOn, stepOn, finishedOn: threadId}
      }),
  }
}

const numbers = Array.from({length: 500}, (_, index) => index)

/** Whether the worker of the last run has stopped (its thread id is -1 once it has). */
function lastWorkerStopped(): boolean {
  return started.at(-1)?.threadId === -1
}

test('each item is started and finished on the main thread, its middle step done on the worker, in item order', async () => {
  const results = await runPipelined(plan(numbers))
  assert.deepEqual(results.map((result) => result.value), numbers.map((item) => (item + 1) * 10 + 3))
  assert.ok(results.every((result) => result.startedOn === threadId && result.finishedOn === threadId))
  assert.ok(results.every((result) => result.stepOn !== threadId), 'the worker did the middle step')
  assert.ok(lastWorkerStopped())
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
  assert.deepEqual(seen, numbers, 'in chunk order')
  assert.deepEqual(results.map((result) => result.value), numbers.map((item) => -((item + 1) * 10 + 3)))
  assert.deepEqual(progress, Array.from({length: Math.ceil(numbers.length / 7)}, (_, index) => Math.min(numbers.length, (index + 1) * 7)))
})

test('no items: no results, and the worker is stopped', async () => {
  assert.deepEqual(await runPipelined(plan([])), [])
  assert.ok(lastWorkerStopped())
})

test('before is awaited before the first step; when it fails, the job fails and the worker is stopped', {timeout: 60_000}, async () => {
  let ready = false
  const results = await runPipelined({
    ...plan(numbers),
    before: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      ready = true
    },
    start: (chunk) => {
      assert.ok(ready, 'before has finished')
      return plan(numbers).start(chunk)
    },
  })
  assert.equal(results.length, numbers.length)
  await assert.rejects(runPipelined({...plan(numbers), before: () => Promise.reject(new Error('the parser could not be loaded'))}), /the parser could not be loaded/)
  assert.ok(lastWorkerStopped())
})

test('a bug in the worker rejects with its message and the worker stack', {timeout: 60_000}, async () => {
  await assert.rejects(runPipelined(plan([...numbers, -1, ...numbers])), (error: Error) => {
    assert.equal(error.name, 'TypeError')
    assert.equal(error.message, 'a bug in the worker')
    assert.match(error.stack ?? '', /times-ten-worker\.ts/)
    return true
  })
  assert.ok(lastWorkerStopped())
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
  assert.ok(lastWorkerStopped())
  const failingFinish: PipelinePlan<number, {plusOne: number; startedOn: number}, Done> = {
    ...plan(numbers),
    finish: () => {
      throw new RangeError('a bug in the last step')
    },
  }
  await assert.rejects(runPipelined(failingFinish), /a bug in the last step/)
  assert.ok(lastWorkerStopped())
})

test('a worker that answers a chunk with too few replies is a bug, reported rather than finishing the chunk', async () => {
  await assert.rejects(runPipelined(plan([1, 2, -3, 4])), /answered chunk 0 with 0 replies for 4 items/)
  assert.ok(lastWorkerStopped())
})

test('a keep that returns the wrong number of results is a bug', async () => {
  await assert.rejects(runPipelined({...plan(numbers), keep: (_chunk, chunkResults) => chunkResults.slice(1)}), /kept 6 results of a chunk of 7 items/)
})

test('a finish that returns the wrong number of results is a bug, reported rather than misaligning the rest', async () => {
  await assert.rejects(runPipelined({...plan(numbers), finish: (started, replies) => plan(numbers).finish(started, replies).slice(1)}), /came back with 6 results for 7 items/)
})
