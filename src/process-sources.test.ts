import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {readCorpus} from '../test/helpers/corpus.js'
import {defaultConfig} from './config/site-config.js'
import type {SourceFile} from './load/source-file.js'
import {collectResults, processEach, processSettings, processSource, processSources, startTopicWorker} from './process-sources.js'
import type {ThreadPlan} from './workers/plan-threads.js'

function sourceOf(file: string, bytes: Uint8Array): SourceFile {
  return {path: file, file: `seeds/${file}`, bytes, hash: createHash('sha256').update(bytes).digest('hex')}
}

/** Corpus seeds with bad seeds mixed in, so problems from both paths are compared too. */
function sampleSources(): SourceFile[] {
  const sources = readCorpus(240).map(({file, text}) => sourceOf(file, Buffer.from(text)))
  const bad = [
    sourceOf('bad/binary.txt', Uint8Array.from([0x20, 0x64, 0x00, 0x61])),
    sourceOf('bad/no-date.txt', Buffer.from('Just some text without a date line.')),
    sourceOf('bad/latin1.txt', Uint8Array.from([...Buffer.from(' date 2024-01-02 Caf'), 0xe9])),
    sourceOf('bad/impossible.txt', Buffer.from(' date 2024-02-30 A day that never was.')),
  ]
  bad.forEach((source, index) => sources.splice(50 + index * 60, 0, source))
  return sources
}

const settings = processSettings(defaultConfig, undefined)
const mainOnly: ThreadPlan = {workers: 0, mainThread: true, chunkSize: 50, topicThread: false}

test('worker threads give exactly the articles and problems of the main thread, in seed order', {timeout: 120_000}, async () => {
  const sources = sampleSources()
  const single = await processSources(sources, settings, undefined, mainOnly)
  assert.ok(single.articles.length > 200 && single.problems.length >= 4, 'the sample has articles and problems')
  for (const threads of [
    {workers: 1, mainThread: false, chunkSize: 16, topicThread: false},
    {workers: 2, mainThread: true, chunkSize: 16, topicThread: false},
    {workers: 0, mainThread: true, chunkSize: 16, topicThread: true},
  ] satisfies ThreadPlan[]) {
    const spread = await processSources(sources, settings, undefined, threads)
    const layout = `${threads.workers} workers, main thread ${threads.mainThread ? 'working' : 'idle'}, topic thread ${threads.topicThread}`
    assert.deepEqual(spread, single, layout)
    // Note: as text too, since the build cache stores and hashes articles so, and deepEqual ignores the order of keys.
    assert.equal(JSON.stringify(spread), JSON.stringify(single), layout)
  }
  // Note: the seeds' bytes are copied into the messages, never moved out of the caller's buffers.
  assert.ok(sources.every((source) => source.bytes.byteLength > 0))
})

test('Markdown seeds are parsed by a worker thread and by the main thread, each loading the Markdown engine itself', {timeout: 60_000}, async () => {
  // Note: a worker has its own modules, so it must load the engine itself; one that did not would fail here.
  const sources = [sourceOf('a.md', Buffer.from('---\ntitle: A\ndate: 2024-01-02\n---\nThe vote was *close*.\n')), ...sampleSources().slice(0, 3)]
  const onWorker = await processSources(sources, settings, undefined, {workers: 1, mainThread: false, chunkSize: 2, topicThread: false})
  const onMain = await processSources(sources, settings, undefined, mainOnly)
  assert.match(onWorker.articles[0]?.bodyHtml ?? '', /The vote was <em>close<\/em>\./)
  assert.deepEqual(onWorker, onMain)
})

test('with topics found on a thread of their own, given topics come first, a found one with the same slug is left out, and only given ones are kept when extraction is off', {timeout: 60_000}, async () => {
  const given = sourceOf('given.md', Buffer.from('---\ntitle: Talks\ndate: 2024-01-02\ntopics: [Trade, Japan]\n---\nPresident Reagan met Chancellor Kohl in Bonn to discuss trade with Japan. Japan said it would open its markets.\n'))
  const sources = [given, ...sampleSources().slice(0, 40)]
  const topicThread: ThreadPlan = {workers: 0, mainThread: true, chunkSize: 8, topicThread: true}
  for (const addExtractedTopics of [true, false]) {
    const chosen = {...settings, addExtractedTopics}
    const split = await processSources(sources, chosen, undefined, topicThread)
    assert.equal(JSON.stringify(split), JSON.stringify(await processSources(sources, chosen, undefined, mainOnly)))
    const topics = split.articles[0]?.topics ?? []
    const names = topics.map((topic) => topic.name)
    assert.deepEqual(topics.slice(0, 2).map(({name, origin}) => [name, origin]), [['Trade', 'given'], ['Japan', 'given']])
    assert.equal(names.filter((name) => name === 'Japan').length, 1, `Japan once: ${names.join(', ')}`)
    if (addExtractedTopics) assert.ok(topics.some((topic) => topic.origin === 'derived' && topic.kind === 'person'), `a person found too: ${names.join(', ')}`)
    else assert.deepEqual(names, ['Trade', 'Japan'])
  }
})

test('a topic thread started early does the work of a plan with a topic thread, is stopped by one without, and is stopped when done either way', {timeout: 60_000}, async () => {
  const sources = sampleSources().slice(0, 60)
  const single = await processSources(sources, settings, undefined, mainOnly)
  for (const topicThread of [true, false]) {
    const worker = startTopicWorker(settings)
    let answered = 0
    worker.on('message', (reply: {kind: string}) => (answered += reply.kind === 'done' ? 1 : 0))
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve))
    const results = await processEach(sources, settings, {threads: {...mainOnly, chunkSize: 8, topicThread}, topicWorker: worker})
    assert.equal(JSON.stringify(collectResults(results, (index) => (sources[index] as SourceFile).file)), JSON.stringify(single))
    assert.equal(typeof (await exited), 'number', `the worker stopped (topic thread ${topicThread})`)
    assert.equal(answered, topicThread ? Math.ceil(sources.length / 8) : 0, 'chunks the handed-over thread answered')
  }
})

test('progress reaches the number of seeds', async () => {
  const sources = sampleSources().slice(0, 30)
  let last = 0
  await processSources(sources, settings, (done) => (last = done), mainOnly)
  assert.equal(last, sources.length)
})

test('collected results keep seed order, name the seeds left out, and pass over missing results', () => {
  const [first, second] = sampleSources().map((source) => processSource(source, settings))
  const failed = processSource(sourceOf('bad/no-date.txt', Buffer.from('Just some text without a date line.')), settings)
  assert.ok(first?.article && second?.article && !failed.article && failed.problems.length > 0)
  const files = ['seeds/a.txt', 'seeds/b.txt', 'seeds/c.txt', 'seeds/d.txt']
  const collected = collectResults([second, undefined, failed, first], (index) => files[index] as string)
  assert.deepEqual(collected.articles, [second.article, first.article])
  assert.deepEqual(collected.invalid, ['seeds/c.txt'])
  assert.deepEqual(collected.problems, [...second.problems, ...failed.problems, ...first.problems])
})
