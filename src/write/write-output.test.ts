import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {listFiles, makeTempDir} from '../../test/helpers/build-from-files.js'
import {discardsDone, discardsUnderWay, leftoversOf} from './discard-tree.js'
import {ManifestMemo, readManifest} from './tree-manifest.js'
import {treeIdentity} from './tree-registry.js'
import {outputTarget, OutputWriter} from './write-output.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true})
})

async function place(): Promise<{out: string; state: string}> {
  const dir = await makeTempDir('news-archive-writer-')
  dirs.push(dir)
  return {out: path.join(dir, 'dist'), state: path.join(dir, '.cache/outputs/dist')}
}

/** Write a site of `files` (path → text, keyed by its text) through the writer. */
async function writeSite(out: string, state: string | undefined, files: Record<string, string>, manifests?: ManifestMemo): Promise<OutputWriter> {
  const writer = await OutputWriter.open(out, state === undefined ? {} : {stateDir: state, ...(manifests ? {manifests} : {})})
  await writeFiles(writer, files)
  await writer.commit()
  return writer
}

/** Give `writer` the files of a site (path → text, keyed by its text), without committing them. */
async function writeFiles(writer: OutputWriter, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    if (!(await writer.reuse(file, text))) await writer.write({path: file, contents: text, from: []}, text)
  }
}

const site1 = {'index.html': 'home 1', 'a/index.html': 'a', 'b/index.html': 'b', 'feed.xml': 'feed 1'}
const site2 = {'index.html': 'home 2', 'a/index.html': 'a', 'c/index.html': 'c', 'feed.xml': 'feed 2'}
const site3 = {'index.html': 'home 3', 'a/index.html': 'a', 'c/index.html': 'c', 'feed.xml': 'feed 2'}

async function contents(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const file of await listFiles(dir)) result[file] = await readFile(path.join(dir, file), 'utf8')
  return result
}

test('each build writes only what changed, removes what is gone, and leaves no empty folder', async () => {
  const {out, state} = await place()
  const first = await writeSite(out, state, site1)
  assert.equal(first.written, 4)
  const second = await writeSite(out, state, site2)
  assert.equal(second.base, 'copy', 'a first build keeps no back buffer')
  assert.deepEqual(await contents(out), site2)
  assert.equal(existsSync(path.join(out, 'b')), false)
  assert.equal(second.written, 3, 'home, c and the feed')
  assert.equal(second.removed, 1)
  const third = await writeSite(out, state, site3)
  assert.deepEqual(await contents(out), site3)
  assert.equal(third.base, 'previous', 'the old live site is the starting point')
  assert.equal(third.written, 1, 'only the home page; c and the feed are taken from the live site')
})

test('a back buffer whose manifest no longer reads back is not trusted: the next build starts from a copy of the live site', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site2)
  const registry = JSON.parse(await readFile(path.join(state, 'trees.json'), 'utf8')) as {trees: {identity: string; manifest: string}[]}
  const previousId = await treeIdentity(outputTarget(out).previousDir)
  const back = registry.trees.find((tree) => tree.identity === previousId)
  assert.ok(back, 'the old site is registered as the back buffer')
  await writeFile(path.join(state, back.manifest), '{"format": "news-archive/tree-manifest", "ver')
  const third = await writeSite(out, state, site3)
  assert.equal(third.base, 'copy')
  assert.deepEqual(await contents(out), site3)
  const fourth = await writeSite(out, state, site1)
  assert.equal(fourth.base, 'previous', 'the build after it has a back buffer again')
  assert.deepEqual(await contents(out), site1)
})

test('after a build that changed most files, the next starts from a copy of the live site, not the stale back buffer', async () => {
  const {out, state} = await place()
  const site = (version: string): Record<string, string> => Object.fromEntries(Array.from({length: 1200}, (_, index) => [`p${index}/index.html`, `${version} ${index}`]))
  await writeSite(out, state, site('old'))
  await writeSite(out, state, site('new'))
  const edited = {...site('new'), 'p7/index.html': 'edited'}
  await discardsDone()
  // Note: step by step, to see when the stale back buffer is deleted: after the swap, not beside the build's writes.
  const next = await OutputWriter.open(out, {stateDir: state})
  assert.equal(next.base, 'copy', 'the back buffer (the old site) differs in every file')
  assert.equal((await leftoversOf(outputTarget(out).previousDir)).length, 1, 'the stale back buffer is moved aside at once')
  for (const [file, text] of Object.entries(edited)) {
    if (!(await next.reuse(file, text))) await next.write({path: file, contents: text, from: []}, text)
  }
  assert.equal(discardsUnderWay(), 0, 'nothing is deleted while the build writes')
  await next.commit()
  assert.equal(discardsUnderWay(), 1, 'the stale back buffer is deleted in the background once the new site is live')
  assert.equal(next.written, 1)
  assert.deepEqual(await contents(out), edited)
  await discardsDone()
  assert.deepEqual((await readdir(path.dirname(out))).sort(), ['.cache', '.dist.previous', 'dist'], 'the stale back buffer is deleted, and nothing else is left beside the site')
})

test('a large old site that a build from empty replaces is gone from beside the new one, then deleted', async () => {
  const {out} = await place()
  const site = (version: string): Record<string, string> => Object.fromEntries(Array.from({length: 1200}, (_, index) => [`p${index}/index.html`, `${version} ${index}`]))
  await writeSite(out, undefined, site('old'))
  await writeSite(out, undefined, site('new'))
  assert.deepEqual(await contents(out), site('new'))
  assert.ok(!existsSync(outputTarget(out).previousDir), 'no back buffer is kept')
  await discardsDone()
  assert.deepEqual(await readdir(path.dirname(out)), ['dist'], 'the old site is deleted')
})

test('a stale back buffer left half deleted by a killed build is deleted by the next one', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  const leftover = path.join(path.dirname(out), '.dist.previous.trash-0123')
  await mkdir(path.join(leftover, 'a'), {recursive: true})
  await writeFile(path.join(leftover, 'a', 'index.html'), 'old')
  const unrelated = path.join(path.dirname(out), '.dist.previous-notes')
  await writeFile(unrelated, 'mine')
  await writeSite(out, state, site2)
  await discardsDone()
  assert.ok(!existsSync(leftover), 'the leftover is deleted')
  assert.ok(existsSync(unrelated), 'a file that only starts with the same name is left alone')
  assert.deepEqual(await contents(out), site2)
})

test('writing into a tree that shares files with the live site never changes the live site', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  assert.equal(existsSync(outputTarget(out).previousDir), false, 'a first build keeps no back buffer')
  // So the next build starts from hard links to the live site's files.
  const writer = await OutputWriter.open(out, {stateDir: state})
  assert.equal(writer.base, 'copy')
  await writer.write({path: 'a/index.html', contents: 'a changed', from: []}, 'a changed')
  await writer.flush()
  assert.equal(await readFile(path.join(out, 'a/index.html'), 'utf8'), 'a', 'the live site is untouched until the swap')
  await writer.abort()
  assert.deepEqual(await contents(out), site1)
})

test('a file deleted by hand from the live site is made again, and stays in the builds after', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await rm(path.join(out, 'a/index.html'))
  const repaired = await writeSite(out, state, site1)
  assert.equal(repaired.base, 'copy')
  assert.equal(repaired.written, 1)
  assert.deepEqual(await contents(out), site1)
  // The old live site, which lacks the file, must not be the next build's starting point.
  const next = await writeSite(out, state, site1)
  assert.deepEqual(await contents(out), site1)
  assert.equal(next.written, 0)
  assert.deepEqual(await contents(outputTarget(out).previousDir), site1, 'the back buffer is a copy of the repaired site')
})

test('a file deleted by hand from the live site, found when the build links it, is not missing from the builds after', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site2)
  // The back buffer (site 1) lacks c, so the next build links c from the live site, where it is gone.
  await rm(path.join(out, 'c/index.html'))
  const repaired = await writeSite(out, state, site2)
  assert.equal(repaired.base, 'previous')
  assert.deepEqual(await contents(out), site2)
  // The old live site, which lacks c, must not be the next build's starting point.
  await writeSite(out, state, site2)
  assert.deepEqual(await contents(out), site2)
})

test('a build killed before its swap leaves the last site, and the next build does not trust its half-written tree', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site2)
  const writer = await OutputWriter.open(out, {stateDir: state})
  await writer.write({path: 'index.html', contents: 'half', from: []}, 'half')
  await writer.flush()
  // Killed here: no commit, no abort; the lock is stale.
  await rm(outputTarget(out).lockFile)
  assert.deepEqual(await contents(out), site2)
  const next = await writeSite(out, state, site3)
  assert.notEqual(next.base, 'staging', 'an unrecorded staging folder is thrown away')
  assert.deepEqual(await contents(out), site3)
})

test('a swap interrupted between its two renames is recovered: the last complete site is back, and its unrecorded successor is not trusted', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site2)
  const writer = await OutputWriter.open(out, {stateDir: state})
  await writeFiles(writer, site3)
  await writer.removeStale()
  // Do what commit does up to the first rename, then stop as if killed: the new tree is recorded only once live.
  const target = outputTarget(out)
  await rm(target.previousDir, {recursive: true, force: true})
  await rename(target.outDir, target.previousDir)
  await rm(target.lockFile)
  assert.equal(existsSync(out), false, 'between the renames there is no live site')
  const next = await OutputWriter.open(out, {stateDir: state})
  assert.deepEqual(await contents(out), site2, 'the last complete site is back')
  assert.notEqual(next.base, 'staging', 'the unrecorded new tree is thrown away')
  await writeFiles(next, site3)
  await next.commit()
  assert.deepEqual(await contents(out), site3)
})

test('a build is live when `onLive` is called; killed before it records the new site, the next build starts from the old one', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site2)
  const writer = await OutputWriter.open(out, {stateDir: state})
  await writeFiles(writer, site3)
  let live: string | undefined
  const killed = new Error('killed after the swap')
  await assert.rejects(
    writer.commit(() => {
      live = readFileSync(path.join(out, 'index.html'), 'utf8')
      throw killed
    }),
    killed,
  )
  assert.equal(live, site3['index.html'], 'the new site was in place')
  // Killed here: the new site is live but not recorded, and the lock is stale.
  await rm(outputTarget(out).lockFile)
  const next = await writeSite(out, state, site1)
  assert.equal(next.base, 'previous', 'the old live site, still recorded, is the starting point')
  assert.deepEqual(await contents(out), site1)
  const after = await writeSite(out, state, site2)
  assert.deepEqual(await contents(out), site2)
  assert.equal(after.written, 3, 'the unrecorded site, now the back buffer, was not trusted: a copy of the live one was')
})

test('without a state folder every build writes a fresh tree and keeps no back buffer', async () => {
  const {out} = await place()
  await writeSite(out, undefined, site1)
  const second = await writeSite(out, undefined, site2)
  assert.equal(second.written, 4)
  assert.deepEqual(await contents(out), site2)
  assert.equal(existsSync(outputTarget(out).previousDir), false)
})

test('a file of the old site where a folder is now needed, and the reverse, make room', async () => {
  const {out, state} = await place()
  await writeSite(out, state, {'x': 'a file', 'y/index.html': 'in a folder'})
  await writeSite(out, state, {'x/index.html': 'now a folder', 'y': 'now a file'})
  assert.deepEqual(await contents(out), {'x/index.html': 'now a folder', 'y': 'now a file'})
  await writeSite(out, state, {'x': 'a file again', 'y/index.html': 'a folder again'})
  assert.deepEqual(await contents(out), {'x': 'a file again', 'y/index.html': 'a folder again'})
})

test('builds that take their manifests from memory change only those no tree is recorded with: each recorded one stays as its file says', async () => {
  const {out, state} = await place()
  const memo = new ManifestMemo()
  const sites = [site1, site2, site3, {'index.html': 'x', 'a': 'a file where a folder was'}, {'a/index.html': 'a folder again'}, site1]
  for (const [step, site] of sites.entries()) {
    // Note: the second build starts from a copy of the live site (base and live manifest one map), which then lacks a file it keeps.
    if (step === 1) await rm(path.join(out, 'a/index.html'))
    const writer = await writeSite(out, state, site, memo)
    if (step === 1) assert.equal(writer.base, 'copy')
    assert.deepEqual(await contents(out), site, `site ${step + 1}`)
    const names = (await readdir(state)).filter((file) => /^m-\d+\.manifest$/.test(file))
    assert.ok(names.length > 0, `after site ${step + 1}, a manifest is recorded`)
    for (const name of names) {
      const file = path.join(state, name)
      const [held, read] = [await memo.read(file), await readManifest(file)]
      assert.deepEqual(held?.files.toMap(), read?.files.toMap(), `after site ${step + 1}, ${name}`)
    }
  }
})

test('long text known by its bytes (a sitemap), as one string or in pieces, is written whole, into a tree from empty and into one shared with the live site', async () => {
  const {out, state} = await place()
  const line = '<url><loc>https://example.org/\u{1F4F0}/caf\u00e9/</loc></url>\n'
  const sitemap = (build: number): string => `${line.repeat(30_000)}${build}`
  const pieces = (build: number): string[] => [...Array.from({length: 300}, () => line.repeat(100)), `${build}`]
  const written: number[] = []
  for (const build of [1, 2, 3, 3]) {
    const writer = await OutputWriter.open(out, {stateDir: state})
    await writer.write({path: 'index.html', contents: `home ${build}`, from: []})
    await writer.write({path: 'sitemap.xml', contents: sitemap(build), from: []})
    await writer.write({path: 'sitemap-2.xml', contents: {pieces: pieces(build)}, from: []})
    await writer.commit()
    assert.deepEqual(await readFile(path.join(out, 'sitemap.xml')), Buffer.from(sitemap(build)), `build ${build}, from ${writer.base}`)
    assert.deepEqual(await readFile(path.join(out, 'sitemap-2.xml')), Buffer.from(pieces(build).join('')), `build ${build} in pieces, from ${writer.base}`)
    written.push(writer.written)
  }
  assert.deepEqual(written, [3, 3, 3, 0], 'the same text again is taken from the live site')
})

test('a rendered page whose bytes did not change is left as it is', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site1)
  const writer = await OutputWriter.open(out, {stateDir: state})
  for (const [file, text] of Object.entries(site1)) await writer.write({path: file, contents: text, from: []}, `new key for ${file}`)
  await writer.commit()
  assert.equal(writer.written, 0)
  assert.equal(writer.unchanged, 4)
  assert.deepEqual(await contents(out), site1)
})

test('a path written twice in one build ends with the last contents, and is told as a clash once', async () => {
  const {out, state} = await place()
  await writeSite(out, state, {'assets/site.css': 'user'})
  await writeSite(out, state, {'assets/site.css': 'user'})
  const writer = await OutputWriter.open(out, {stateDir: state})
  await writer.write({path: 'assets/site.css', contents: 'built-in', from: []})
  assert.deepEqual(writer.takeClashes(), [])
  await writer.write({path: 'assets/site.css', contents: 'user', from: []})
  assert.deepEqual(writer.takeClashes(), ['assets/site.css'])
  assert.deepEqual(writer.takeClashes(), [], 'each clash is told once')
  await writer.commit()
  assert.deepEqual(await contents(out), {'assets/site.css': 'user'})
})

test('a path another thread wrote that was already produced is told as a clash', async () => {
  const {out} = await place()
  const writer = await OutputWriter.open(out)
  await writer.write({path: 'topics/index.html', contents: 'the topic index', from: []})
  writer.recordWritten('a/index.html', 'k1', 1)
  assert.deepEqual(writer.takeClashes(), [])
  writer.recordWritten('topics/index.html', 'k2', 1)
  assert.deepEqual(writer.takeClashes(), ['topics/index.html'])
  await writer.abort()
})

test('a tree written from empty is the same whether its files go through the writer thread or not', async () => {
  const files: Record<string, string> = {}
  for (let index = 0; index < 300; index++) files[`${index % 5}/page-${index}/index.html`] = `page ${index}`
  const sites: Record<string, string>[] = []
  for (const threadAfter of [Infinity, 0, 100]) {
    const {out} = await place()
    const writer = await OutputWriter.open(out, {threadAfter})
    for (const [file, text] of Object.entries(files)) await writer.write({path: file, contents: text, from: []}, text)
    // Note: an asset at a page's path wins, so it must land after the page, through the same queue.
    await writer.write({path: '0/page-0/index.html', contents: 'asset', from: []})
    await writer.commit()
    assert.equal(writer.written, 301, `threadAfter ${threadAfter}`)
    assert.equal(writer.bytes, Object.values(files).reduce((sum, text) => sum + text.length, 0) + 'asset'.length)
    sites.push(await contents(out))
  }
  assert.equal(sites[0]?.['0/page-0/index.html'], 'asset')
  assert.deepEqual(sites[1], sites[0])
  assert.deepEqual(sites[2], sites[0])
})

test('a file the writer thread cannot write fails the build, which then leaves the live site as it was', async () => {
  const {out} = await place()
  await writeSite(out, undefined, site1)
  const writer = await OutputWriter.open(out, {threadAfter: 0})
  await writer.write({path: 'index.html', contents: 'new home', from: []})
  await writer.write({path: 'index.html/inside.html', contents: 'a folder where a file is', from: []})
  await assert.rejects(writer.commit(), (error: NodeJS.ErrnoException) => error.code === 'ENOTDIR' || error.code === 'EEXIST')
  await writer.abort()
  assert.deepEqual(await contents(out), site1)
  assert.equal(existsSync(outputTarget(out).stagingDir), false)
})

test('a back buffer prepared after a build from empty is where the next build starts, and shares the live files', async () => {
  const {out, state} = await place()
  const first = await writeSite(out, state, site1)
  const {previousDir} = outputTarget(out)
  assert.equal(existsSync(previousDir), false, 'a build from empty keeps no back buffer')
  assert.equal(first.backBufferReady, false)
  assert.equal(await OutputWriter.prepareBackBuffer(out, state), true)
  assert.deepEqual(await contents(previousDir), site1)
  const [live, back] = await Promise.all([out, previousDir].map((dir) => stat(path.join(dir, 'a/index.html'))))
  assert.equal(back?.ino, live?.ino, 'a hard link, not a copy of the bytes')
  assert.equal(await OutputWriter.prepareBackBuffer(out, state), false, 'there is one already')
  const second = await writeSite(out, state, site2)
  assert.equal(second.base, 'previous')
  assert.equal(second.backBufferReady, true, 'the old live site, one build behind')
  assert.deepEqual(await contents(out), site2)
  assert.deepEqual(await contents(previousDir), site1, 'the live site was not changed through the links')
})

test('a back buffer whose making was stopped is not trusted by the next build', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  const stop = new AbortController()
  stop.abort()
  assert.equal(await OutputWriter.prepareBackBuffer(out, state, stop.signal), false)
  const second = await writeSite(out, state, site2)
  assert.equal(second.base, 'copy')
  assert.deepEqual(await contents(out), site2)
})

test('preparing a back buffer while a build holds the output folder fails at once with the lock\'s message', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  const writer = await OutputWriter.open(out, {stateDir: state})
  try {
    await assert.rejects(OutputWriter.prepareBackBuffer(out, state), /writing the output folder/)
  } finally {
    await writer.abort()
  }
})

// Note: with manifests kept in memory too, as the dev server keeps them: the live site is then compared twice, first
// against the far-behind old site, then against the prepared back buffer, whose manifest holds the same files.
for (const memo of [undefined, new ManifestMemo()]) {
  test(`a back buffer far behind the live site is replaced by a prepared one, so the next build need not copy${memo ? ' (manifests in memory)' : ''}`, async () => {
    const {out, state} = await place()
    const site = (version: string): Record<string, string> => Object.fromEntries(Array.from({length: 1200}, (_, index) => [`p${index}/index.html`, `${version} ${index}`]))
    await writeSite(out, state, site('old'), memo)
    const changed = await writeSite(out, state, site('new'), memo)
    assert.deepEqual(await contents(outputTarget(out).previousDir), site('old'), 'the back buffer is the old site, which differs in every file')
    assert.equal(changed.backBufferReady, false, 'too far behind to start from')
    assert.equal(await OutputWriter.prepareBackBuffer(out, state, undefined, memo), true)
    assert.deepEqual(await contents(outputTarget(out).previousDir), site('new'))
    await discardsDone()
    const edited = {...site('new'), 'p7/index.html': 'edited'}
    const next = await writeSite(out, state, edited, memo)
    assert.equal(next.base, 'previous')
    assert.equal(next.written, 1)
    assert.deepEqual(await contents(out), edited)
  })
}

test('a file unchanged in the starting tree is kept at once; any other waits for `reuse`', async () => {
  const {out, state} = await place()
  await writeSite(out, state, site1)
  await writeSite(out, state, site2)
  const writer = await OutputWriter.open(out, {stateDir: state})
  assert.equal(writer.base, 'previous', 'the starting tree is site 1')
  assert.equal(writer.keepInPlace('a/index.html', 'a'), true)
  assert.equal(writer.keepInPlace('a/index.html', 'a'), false, 'a path produced already is not kept again')
  assert.equal(writer.keepInPlace('index.html', 'home 2'), false, 'a different key')
  assert.equal(writer.keepInPlace('c/index.html', 'c'), false, 'not in the starting tree, though the live site has it')
  for (const file of ['c/index.html', 'index.html', 'feed.xml']) assert.equal(await writer.reuse(file, site2[file as keyof typeof site2]), true, `\`reuse\` links ${file} from the live site`)
  await writer.commit()
  assert.equal(writer.unchanged, 1)
  assert.equal(writer.linked, 3)
  assert.equal(writer.written, 0)
  assert.deepEqual(await contents(out), site2)
})
