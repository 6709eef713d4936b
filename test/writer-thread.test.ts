import assert from 'node:assert/strict'
import path from 'node:path'
import {after, test} from 'node:test'
import {build} from '../src/build.js'
import {mayWriteOnWorker, planPageWorkers} from '../src/workers/plan-threads.js'
import {buildOptions, makeTempDir, removeDir, treeManifest, writeFiles} from './helpers/build-from-files.js'
import {readCorpus} from './helpers/corpus.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await removeDir(dir)
})

/**
 * A site of fewer seeds than a page worker is started for, on a machine with
 * a core to spare, writes its files past the first 200 through the writer
 * thread (`FileWriterThread`); with `workers: 0` the main thread writes them
 * all. Both must give the same bytes.
 */
test('a site written partly by the writer thread is the site written by the main thread alone', async () => {
  assert.ok(mayWriteOnWorker(planPageWorkers(150, process.env), process.env), 'this test needs a core to spare and worker threads not turned off (NEWS_ARCHIVE_WORKERS)')
  const seeds = Object.fromEntries(readCorpus(150).map((article) => [`seeds/${article.file}`, article.text]))
  const manifests: string[] = []
  for (const workers of [undefined, 0]) {
    const dir = await makeTempDir('news-archive-writer-thread-')
    dirs.push(dir)
    await writeFiles(dir, seeds)
    const result = await build(buildOptions(dir, workers === undefined ? {} : {workers}))
    assert.equal(result.wrote, true, JSON.stringify(result.problems.slice(0, 3)))
    assert.ok(result.written > 250, `${result.written} files: more than the writer thread's start`)
    manifests.push(await treeManifest(path.join(dir, 'dist')))
  }
  assert.equal(manifests[0], manifests[1])
})
