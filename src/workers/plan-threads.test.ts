import assert from 'node:assert/strict'
import {availableParallelism} from 'node:os'
import {test} from 'node:test'
import {mayRelateOnWorker, mayScanOnWorker, mayWriteOnWorker, maxArticlesForPageWorkers, minArticlesForRelatedThread, minSeedsForTopicThread, minSeedsForWorkers, planPageWorkers, planThreads} from './plan-threads.js'

const plans = [
  {count: 0, env: {}, workers: 0},
  {count: minSeedsForWorkers - 1, env: {}, workers: 0},
  {count: minSeedsForWorkers, env: {}, workers: availableParallelism() - 1},
  {count: 100_000, env: {}, workers: availableParallelism() - 1},
  {count: 100_000, env: {NEWS_ARCHIVE_WORKERS: '0'}, workers: 0},
  {count: 10, env: {NEWS_ARCHIVE_WORKERS: '3'}, workers: 3},
  {count: 100_000, env: {NEWS_ARCHIVE_WORKERS: 'many'}, workers: availableParallelism() - 1},
] as const

for (const example of plans) {
  test(`plan for ${example.count} seeds with ${JSON.stringify(example.env)}: ${example.workers} workers`, () => {
    const plan = planThreads(example.count, example.env)
    assert.equal(plan.workers, example.workers)
    assert.equal(plan.mainThread, true)
  })
}

test('medium inputs find topics on a thread of their own when a core is spare, and only when no worker count is asked for', () => {
  const spare = availableParallelism() > 1
  assert.equal(planThreads(minSeedsForTopicThread - 1, {}).topicThread, false)
  assert.equal(planThreads(minSeedsForTopicThread, {}).topicThread, spare)
  assert.equal(planThreads(minSeedsForWorkers - 1, {}).topicThread, spare)
  assert.equal(planThreads(minSeedsForWorkers, {}).topicThread, false, 'large inputs spread whole seeds over workers')
  assert.equal(planThreads(10_000, {NEWS_ARCHIVE_WORKERS: '0'}).topicThread, false)
  assert.equal(planThreads(10_000, {}, 1).topicThread, false)
  for (const count of [minSeedsForTopicThread, minSeedsForWorkers - 1]) assert.equal(planThreads(count, {}).workers, 0)
})

const pagePlans = [
  {count: minSeedsForWorkers - 1, env: {}, workers: undefined, expected: 0},
  {count: minSeedsForWorkers, env: {}, workers: undefined, expected: availableParallelism() - 1},
  {count: maxArticlesForPageWorkers, env: {}, workers: undefined, expected: availableParallelism() - 1},
  {count: maxArticlesForPageWorkers + 1, env: {}, workers: undefined, expected: 0},
  {count: 100_000, env: {NEWS_ARCHIVE_WORKERS: '2'}, workers: undefined, expected: 2},
  {count: 100_000, env: {NEWS_ARCHIVE_WORKERS: 'many'}, workers: undefined, expected: 0},
  {count: 100_000, env: {}, workers: 1, expected: 1},
  {count: 100, env: {}, workers: undefined, expected: 0},
] as const

for (const {count, env, workers, expected} of pagePlans) {
  test(`pages of ${count} articles with ${JSON.stringify(env)} and workers ${workers}: ${expected} page workers`, () => {
    assert.equal(planPageWorkers(count, env, workers), expected)
  })
}

test('a seed scan goes to a worker when one is asked for, or when none is said and a core is spare', () => {
  assert.equal(mayScanOnWorker({NEWS_ARCHIVE_WORKERS: '0'}), false)
  assert.equal(mayScanOnWorker({NEWS_ARCHIVE_WORKERS: '1'}), true)
  assert.equal(mayScanOnWorker({NEWS_ARCHIVE_WORKERS: '0'}, 2), true, 'the build option wins over the variable')
  assert.equal(mayScanOnWorker({}, 0), false)
  assert.equal(mayScanOnWorker({}), availableParallelism() > 1)
})

test('new files go to a writer thread only when no page worker renders and worker threads are not turned off', () => {
  const spare = availableParallelism() > 1
  const large = maxArticlesForPageWorkers + 1
  assert.equal(mayWriteOnWorker(planPageWorkers(large, {}), {}), spare, 'a large archive renders on the main thread')
  assert.equal(mayWriteOnWorker(planPageWorkers(minSeedsForWorkers - 1, {}), {}), spare, 'too small for workers')
  assert.equal(mayWriteOnWorker(planPageWorkers(minSeedsForWorkers, {}), {}), false, 'a page worker writes its own pages (and one core has neither)')
  assert.equal(mayWriteOnWorker(planPageWorkers(large, {NEWS_ARCHIVE_WORKERS: '0'}), {NEWS_ARCHIVE_WORKERS: '0'}), false)
  assert.equal(mayWriteOnWorker(planPageWorkers(large, {}, 0), {}, 0), false)
  assert.equal(mayWriteOnWorker(planPageWorkers(large, {NEWS_ARCHIVE_WORKERS: '1'}), {NEWS_ARCHIVE_WORKERS: '1'}), false, 'workers asked for render pages')
})

test('related articles are found on a worker thread from 20,000 articles on, when worker threads may run', () => {
  assert.equal(mayRelateOnWorker(minArticlesForRelatedThread - 1, {NEWS_ARCHIVE_WORKERS: '1'}), false, 'too small, even with a worker asked for')
  assert.equal(mayRelateOnWorker(minArticlesForRelatedThread, {NEWS_ARCHIVE_WORKERS: '1'}), true)
  assert.equal(mayRelateOnWorker(minArticlesForRelatedThread, {NEWS_ARCHIVE_WORKERS: '0'}), false)
  assert.equal(mayRelateOnWorker(minArticlesForRelatedThread, {}, 0), false)
  assert.equal(mayRelateOnWorker(minArticlesForRelatedThread, {}), availableParallelism() > 1)
})
