import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {after, before, test} from 'node:test'
import {BusyError, lockText, releaseLock, takeLock} from './lock-file.js'

let dir = ''
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'news-archive-lock-'))
})
after(async () => {
  await rm(dir, {recursive: true, force: true})
})

const busy = (holder: number): string => `held by ${holder}`

test('a free lock is taken with this process id, and released', async () => {
  const file = path.join(dir, 'free.lock')
  await takeLock(file, busy)
  const text = await readFile(file, 'utf8')
  assert.equal(text, lockText(process.pid))
  // Note: Linux tells a process's start time, which the lock records beside its id.
  assert.match(text, new RegExp(`^${process.pid} \\d+$`))
  await releaseLock(file)
  assert.equal(existsSync(file), false)
})

test('a lock held by a running process is refused with the message naming it, and left alone', async () => {
  const file = path.join(dir, 'held.lock')
  // Note: process 1 runs on every Linux system.
  await writeFile(file, '1')
  await assert.rejects(takeLock(file, busy), (error: unknown) => error instanceof BusyError && error.message === 'held by 1')
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
