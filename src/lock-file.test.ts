import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {existsSync} from 'node:fs'
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, before, test} from 'node:test'
import {repoRoot} from '../test/helpers/corpus.js'
import {BusyError, lockText, releaseLock, takeLock} from './lock-file.js'

let dir = ''
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-archive-lock-'))
})
after(async () => {
  await rm(dir, {recursive: true, force: true})
})

const busy = 'testing'

test('a free lock is taken with this process id, and released', async () => {
  const file = path.join(dir, 'free.lock')
  await takeLock(file, busy)
  const text = await readFile(file, 'utf8')
  assert.equal(text, lockText(process.pid))
  // Note: where the system tells a process's start time (Linux's /proc), the lock records it beside the id.
  assert.match(text, existsSync('/proc/self/stat') ? new RegExp(`^${process.pid} \\d+$`) : new RegExp(`^${process.pid}$`))
  await releaseLock(file)
  assert.equal(existsSync(file), false)
})

test('a lock held by a running process is refused with the message naming it, and left alone', async () => {
  const file = path.join(dir, 'held.lock')
  // Note: process 1 runs on every Linux system.
  await writeFile(file, '1')
  await assert.rejects(takeLock(file, busy), (error: unknown) => error instanceof BusyError && error.message === `another build (process 1) is testing; wait for it to finish, or delete ${file} if that process is gone`)
  assert.equal(await readFile(file, 'utf8'), '1')
})

test('a stale lock (its process is gone, or the file is unreadable) is taken over', async () => {
  for (const [name, contents] of [['gone', '99999999'], ['garbage', 'not a process'], ['empty', '']] as const) {
    const file = path.join(dir, `${name}.lock`)
    // Note: process ids are at most 2^22 on Linux, so 99999999 never runs.
    await writeFile(file, contents)
    await takeLock(file, busy)
    assert.equal(await readFile(file, 'utf8'), lockText(process.pid), name)
  }
})

test('a lock naming a running process id but another start time (the id was reused) is taken over', async () => {
  const held = path.join(dir, 'same-start.lock')
  await writeFile(held, lockText(1))
  await assert.rejects(takeLock(held, busy), BusyError, 'process 1 with its own start time holds the lock')
  const reused = path.join(dir, 'reused.lock')
  // Note: as a build cache restored in a new CI container may hold: process 1 there is another process than when the lock was taken.
  await writeFile(reused, '1 999999999999')
  await takeLock(reused, busy)
  assert.equal(await readFile(reused, 'utf8'), lockText(process.pid))
})

test('a lock naming a zombie (a build that ended, not yet collected by its parent) is taken over', async () => {
  // Note: the child ends only once the shell has become `sleep 5`, a parent that never collects it. A child that ended
  // before the exec could be collected by the shell itself, leaving no zombie to find: 4 tries in 20 with dash, 2 with bash.
  const script = '(while [ "$(cat /proc/$$/comm)" != sleep ]; do sleep 0.01; done) & echo $!; exec sleep 5'
  const parent = spawn('sh', ['-c', script], {stdio: ['ignore', 'pipe', 'ignore']})
  try {
    const [line] = (await once(parent.stdout, 'data')) as [Buffer]
    const zombie = Number(line.toString().trim())
    for (let waited = 0; !(await readFile(`/proc/${zombie}/stat`, 'utf8')).includes(') Z '); waited++) {
      assert.ok(waited < 100, `process ${zombie} became a zombie`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const file = path.join(dir, 'zombie.lock')
    await writeFile(file, lockText(zombie))
    await takeLock(file, busy)
    assert.equal(await readFile(file, 'utf8'), lockText(process.pid))
  } finally {
    parent.kill()
  }
})

test('a lock of another process is not released by this one', async () => {
  const file = path.join(dir, 'theirs.lock')
  await writeFile(file, lockText(1))
  await releaseLock(file)
  assert.equal(await readFile(file, 'utf8'), lockText(1))
})

test('of several processes that find a stale lock at the same moment, exactly one takes it', {timeout: 60_000}, async () => {
  const file = path.join(dir, 'contended.lock')
  const go = path.join(dir, 'go')
  await writeFile(file, '99999999')
  const children = Array.from({length: 6}, () =>
    spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'take-lock-child.ts'), file, go, '3000'], {cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit']}),
  )
  const outputs = children.map((child) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    return {child, text: () => text, exit: once(child, 'exit')}
  })
  // Note: every process is started and waiting before any tries, so they try together.
  while (!outputs.every((output) => output.text().includes('ready'))) await new Promise((resolve) => setTimeout(resolve, 10))
  await writeFile(go, '')
  await Promise.all(outputs.map((output) => output.exit))
  const results = outputs.map((output) => output.text().trim().split('\n').at(-1))
  assert.deepEqual(results.filter((result) => result === 'took').length, 1, results.join(', '))
  assert.equal(results.filter((result) => result === 'busy').length, 5, results.join(', '))
  assert.equal(existsSync(file), false, 'the winner let it go')
  assert.deepEqual((await readdir(dir)).filter((name) => name.startsWith('contended.lock.')), [], 'no temporary files are left')
})
