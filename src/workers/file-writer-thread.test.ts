import assert from 'node:assert/strict'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {listFiles, makeTempDir} from '../../test/helpers/build-from-files.js'
import {FileWriterThread} from './file-writer-thread.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true})
})

async function tempDir(): Promise<string> {
  const dir = await makeTempDir('news-archive-writer-thread-')
  dirs.push(dir)
  return dir
}

test('the writer thread writes every file, in order, and counts them', async () => {
  const dir = await tempDir()
  const thread = FileWriterThread.start(dir)
  const expected: Record<string, string> = {}
  let bytes = 0
  // Note: more files and characters than one batch holds, and more batches than may be in flight at once.
  for (let index = 0; index < 3000; index++) {
    const file = `${index % 7}/${index}/index.html`
    const text = `page ${index} – ${'x'.repeat(index % 500)}`
    await thread.write(file, text)
    expected[file] = text
    bytes += Buffer.byteLength(text)
  }
  await thread.write('0/0/index.html', 'written twice: the last wins')
  expected['0/0/index.html'] = 'written twice: the last wins'
  bytes += Buffer.byteLength('written twice: the last wins')
  await thread.write('bytes.bin', new Uint8Array([1, 2, 3]))
  bytes += 3
  // Note: larger than a batch buffer, so written by the caller, after what was queued before it.
  const large = 'ü'.repeat(600_000)
  await thread.write('1/1/index.html', large)
  expected['1/1/index.html'] = large
  bytes += Buffer.byteLength(large)
  await thread.write('large/index.html', large)
  await thread.write('large/index.html', 'small, after the large one')
  expected['large/index.html'] = 'small, after the large one'
  bytes += Buffer.byteLength(large) + Buffer.byteLength('small, after the large one')
  // Note: text in pieces is written by the caller too, after what was queued before it, and before what comes after.
  const pieces = ['<urlset>\n', '<url>ü</url>\n'.repeat(5000), '</urlset>\n']
  await thread.write('2/2/index.html', 'queued before the pieces')
  await thread.write('sitemap.xml', {pieces})
  await thread.write('sitemap.xml', 'small, after the pieces')
  await thread.write('sitemap-1.xml', {pieces})
  expected['2/2/index.html'] = 'queued before the pieces'
  expected['sitemap.xml'] = 'small, after the pieces'
  expected['sitemap-1.xml'] = pieces.join('')
  bytes += Buffer.byteLength('queued before the pieces') + 2 * Buffer.byteLength(pieces.join('')) + Buffer.byteLength('small, after the pieces')
  assert.deepEqual(await thread.drain(), {files: 3009, bytes})
  assert.deepEqual(await thread.drain(), {files: 0, bytes: 0}, 'counts are since the last drain')
  await thread.stop()
  const files = await listFiles(dir)
  assert.equal(files.length, 3004)
  for (const [file, text] of Object.entries(expected)) assert.equal(await readFile(path.join(dir, file), 'utf8'), text, file)
  assert.deepEqual([...(await readFile(path.join(dir, 'bytes.bin')))], [1, 2, 3])
})

test('text that ends at, or runs past, the end of a batch buffer is written whole', async () => {
  const dir = await tempDir()
  const thread = FileWriterThread.start(dir)
  const expected = new Map<string, string>()
  let bytes = 0
  const write = async (file: string, text: string): Promise<void> => {
    await thread.write(file, text)
    expected.set(file, text)
    bytes += Buffer.byteLength(text)
  }
  // Note: pages of 50-100 KB with characters of one to four bytes, so that batch buffers (1 MiB) fill
  // at many offsets: a page that does not fit is cut short in the buffer and must go into the next one.
  const characters = ['a', 'ü', '€', '😀']
  for (let index = 0; index < 400; index++) {
    await write(`pages/${index}.html`, `${index}:` + characters.map((character, at) => character.repeat(((index * 7919) % 5000) + at * 1000 + 3000)).join(''))
  }
  assert.deepEqual(await thread.drain(), {files: 400, bytes})
  // Note: a buffer filled to its last byte (its first file is 1 MiB less 64 bytes, the next ends it exactly),
  // then an empty page and one of a single four-byte character, which must go into the next buffer.
  bytes = 0
  await write('exact/0.html', 'x'.repeat(2 ** 20 - 64))
  await write('exact/1.html', '😀'.repeat(16))
  await write('exact/2.html', '')
  await write('exact/3.html', '😀')
  assert.deepEqual(await thread.drain(), {files: 4, bytes})
  await thread.stop()
  for (const [file, text] of expected) assert.equal(await readFile(path.join(dir, file), 'utf8'), text, file)
})

test('a write that fails surfaces at the drain, with its code, and nothing after it is written', async () => {
  const dir = await tempDir()
  await writeFile(path.join(dir, 'taken'), 'a file where a folder must go')
  const thread = FileWriterThread.start(dir)
  await thread.write('taken/index.html', 'x')
  await thread.write('after/index.html', 'y')
  await assert.rejects(thread.drain(), (error: NodeJS.ErrnoException) => error.code === 'ENOTDIR' || error.code === 'EEXIST')
  await assert.rejects(thread.write('later/index.html', 'z'), 'the next write says so too')
  await thread.stop()
  assert.deepEqual(await listFiles(dir), ['taken'])
})

test('a path that would leave the folder is refused by the thread as well', async () => {
  const dir = await tempDir()
  const thread = FileWriterThread.start(dir)
  await thread.write('../outside.html', 'x')
  await assert.rejects(thread.drain(), /refusing to write outside the output folder/)
  await thread.stop()
})

test('writes that overlap keep their order', async () => {
  const dir = await tempDir()
  const thread = FileWriterThread.start(dir)
  const writes: Promise<void>[] = []
  // Note: more than the buffers hold, all asked for at once.
  for (let index = 0; index < 2000; index++) writes.push(thread.write(`same/${index % 10}.html`, `${index} ${'y'.repeat(20_000)}`))
  await Promise.all(writes)
  assert.equal((await thread.drain()).files, 2000)
  await thread.stop()
  for (let file = 0; file < 10; file++) assert.ok((await readFile(path.join(dir, `same/${file}.html`), 'utf8')).startsWith(`${1990 + file} `), `same/${file}.html`)
})

test('a drain asked for while writes are queued waits for them, and a stopped thread answers whoever waits', async () => {
  const dir = await tempDir()
  const thread = FileWriterThread.start(dir)
  for (let index = 0; index < 70; index++) void thread.write(`a/${index}.html`, 'x')
  const [counts] = await Promise.all([thread.drain(), thread.write('after-drain.html', 'y')])
  assert.equal(counts.files, 70, 'the write after the drain is not in it')
  assert.equal((await thread.drain()).files, 1)
  const queued = Array.from({length: 3000}, (_, index) => thread.write(`b/${index}.html`, 'z'.repeat(10_000)).then(() => 'written', () => 'refused'))
  await thread.stop()
  const outcomes = await Promise.all(queued)
  assert.ok(outcomes.includes('refused'), 'writes waiting for a buffer hear that the thread is gone')
  await assert.rejects(thread.drain(), /writer thread stopped/)
})
