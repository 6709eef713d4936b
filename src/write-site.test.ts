import assert from 'node:assert/strict'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {build} from './build.js'
import {ArticleStore} from './cache/article-store.js'
import {buildOptions, makeTempDir, removeDir, treeManifest, writeFiles} from '../test/helpers/build-from-files.js'
import {readCorpus, repoRoot} from '../test/helpers/corpus.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await removeDir(dir)
})

/**
 * A site folder with 120 corpus articles, every topic with its page: enough
 * pages that a worker starts and takes some.
 */
async function siteFolder(): Promise<string> {
  const dir = await makeTempDir('news-archive-threads-')
  dirs.push(dir)
  const seeds = readCorpus(120).map((article) => [`seeds/${article.file}`, article.text])
  await writeFiles(dir, Object.fromEntries([...seeds, ['news-archive.config.json', '{"topics": {"minArticles": 1}}']]))
  return dir
}

test('pages rendered on a worker thread give the same site, byte for byte, as the main thread alone', async () => {
  const dir = await siteFolder()
  const alone = await build(buildOptions(dir, {outDir: 'alone', cacheDir: '.cache-alone', search: false, workers: 0}))
  const shared = await build(buildOptions(dir, {outDir: 'shared', cacheDir: '.cache-shared', search: false, workers: 1}))
  assert.ok(alone.wrote && shared.wrote)
  assert.ok(shared.pages > 300, `${shared.pages} pages`)
  assert.equal(shared.rendered, shared.pages, 'every page rendered once, by one thread')
  assert.equal(await treeManifest(path.join(dir, 'shared')), await treeManifest(path.join(dir, 'alone')))
})

test('an incremental build with a worker keeps the unchanged pages and equals a clean build', async () => {
  const dir = await siteFolder()
  await build(buildOptions(dir, {search: false, workers: 1}))
  const [story] = readCorpus(121).slice(120)
  assert.ok(story)
  await writeFile(path.join(dir, 'seeds', story.file), story.text)
  const incremental = await build(buildOptions(dir, {search: false, workers: 1}))
  const clean = await build(buildOptions(dir, {outDir: 'clean', cache: false, cacheDir: '.cache-clean', search: false, workers: 0}))
  assert.ok(incremental.rendered < incremental.pages / 4, `${incremental.rendered} of ${incremental.pages} pages rendered`)
  assert.equal(await treeManifest(path.join(dir, 'dist')), await treeManifest(path.join(dir, 'clean')))
})

test('a template mistake met on a worker thread is reported like one met on the main thread', async () => {
  const dir = await siteFolder()
  const topic = await readFile(path.join(repoRoot, 'templates', 'topic.html'), 'utf8')
  // Note: `no_such_value` fails only when rendered (strict variables), on whichever thread renders a topic page.
  await writeFiles(dir, {'templates/topic.html': topic.replace('<h1>{{ topic.name }}</h1>', '<h1>{{ topic.name }}{{ no_such_value }}</h1>')})
  for (const workers of [0, 1]) {
    const result = await build(buildOptions(dir, {search: false, workers}))
    assert.equal(result.wrote, false, `workers: ${workers}`)
    assert.deepEqual(result.problems.filter((problem) => problem.rule === 'template-invalid').map((problem) => [problem.file, problem.place.line]), [['templates/topic.html', 3]], `workers: ${workers}`)
  }
})

test('the bodies are shared with worker threads once a build starts them, and never without workers', async () => {
  const dir = await siteFolder()
  const share = ArticleStore.prototype.shareBodies
  let calls = 0
  ArticleStore.prototype.shareBodies = function (this: ArticleStore, keys) {
    calls++
    return share.call(this, keys)
  }
  try {
    // Note: sharing walks every article; once per block of pages made a build of 100,000 articles without workers take many minutes.
    for (const workers of [0, 1]) {
      calls = 0
      const result = await build(buildOptions(dir, {outDir: `out-${workers}`, cache: false, cacheDir: `.cache-${workers}`, search: false, workers}))
      assert.ok(result.wrote && result.rendered > 300)
      assert.equal(calls, workers === 0 ? 0 : 1, `workers: ${workers}`)
    }
  } finally {
    ArticleStore.prototype.shareBodies = share
  }
})

