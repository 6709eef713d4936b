import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, before, test} from 'node:test'
import {makeTempDir, removeDir} from '../test/helpers/build-from-files.js'
import {eventually} from '../test/helpers/eventually.js'
import {devSemiSpaceMb, relaunchArguments} from './relaunch.js'

const flag = `--max-semi-space-size=${devSemiSpaceMb}`

test('only the dev server is started again, with the larger young generation', () => {
  assert.deepEqual(relaunchArguments(['dev', '--port', '0'], [], undefined), [flag])
  assert.deepEqual(relaunchArguments(['dev'], ['--enable-source-maps'], ''), ['--enable-source-maps', flag])
  for (const args of [['build'], ['new', '--title', 'dev'], [], ['dev', '--help'], ['dev', '-h']]) assert.equal(relaunchArguments(args, [], undefined), undefined, args.join(' '))
})

test('a young generation given on the command line or in NODE_OPTIONS is kept as it is', () => {
  assert.equal(relaunchArguments(['dev'], [flag], undefined), undefined)
  assert.equal(relaunchArguments(['dev'], ['--max-semi-space-size', '8'], undefined), undefined)
  assert.equal(relaunchArguments(['dev'], [], '--max-old-space-size=900 --max-semi-space-size=32'), undefined)
  assert.deepEqual(relaunchArguments(['dev'], [], '--max-old-space-size=900'), [flag])
})

/**
 * A parent that relaunches `child.mjs` as the command line does, and a
 * child that says what it runs with, stops slowly on its first SIGINT or
 * SIGTERM (as the dev server finishes its build) and at once on a second.
 */
let dir: string
const tsx = import.meta.resolve('tsx')
const relaunchModule = new URL('./relaunch.ts', import.meta.url).href

before(async () => {
  dir = await makeTempDir('news-archive-relaunch-')
  await writeFile(
    path.join(dir, 'parent.mjs'),
    `const {relaunch} = await import(${JSON.stringify(relaunchModule)})
process.exitCode = await relaunch(${JSON.stringify(path.join(dir, 'child.mjs'))}, process.argv.slice(2), ['--import', ${JSON.stringify(tsx)}, ${JSON.stringify(flag)}])
`,
  )
  await writeFile(
    path.join(dir, 'child.mjs'),
    `const {stopWhenOrphaned} = await import(${JSON.stringify(relaunchModule)})
stopWhenOrphaned()
console.log(JSON.stringify({pid: process.pid, execArgv: process.execArgv, args: process.argv.slice(2)}))
const stop = (signal) => {
  process.off('SIGINT', stop)
  process.off('SIGTERM', stop)
  console.log('stopping on ' + signal)
  setTimeout(() => process.exit(7), 300)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
setInterval(() => {}, 1000)
`,
  )
})

after(() => removeDir(dir))

/** Start the parent; resolves once the child has said what it runs with. */
async function startParent(group = false): Promise<{parent: ChildProcess; child: {pid: number; execArgv: string[]; args: string[]}; output: () => string; exited: Promise<number | null>}> {
  const parent = spawn(process.execPath, ['--import', tsx, path.join(dir, 'parent.mjs'), 'dev', '--port', '0'], {stdio: ['ignore', 'pipe', 'inherit'], detached: group})
  let output = ''
  parent.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => parent.once('exit', (code) => resolve(code)))
  assert.ok(await eventually(() => output.includes('\n'), 20_000), 'the child did not start')
  return {parent, child: JSON.parse(output.split('\n')[0] as string), output: () => output, exited}
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

test('the child runs the same command with the flag, and Ctrl-C stops it once, gracefully', async () => {
  // Note: a terminal's Ctrl-C signals the whole foreground process group, here the parent's.
  const {parent, child, output, exited} = await startParent(true)
  assert.ok(child.execArgv.includes(flag), child.execArgv.join(' '))
  assert.deepEqual(child.args, ['dev', '--port', '0'])
  process.kill(-(parent.pid as number), 'SIGINT')
  // Note: the child's own exit code comes back, so it stopped by its handler, not by a second signal.
  assert.equal(await exited, 7)
  assert.match(output(), /stopping on SIGINT\n$/)
  assert.equal(running(child.pid), false)
})

test('a signal sent to the parent alone is passed on', async () => {
  const {parent, output, exited} = await startParent()
  parent.kill('SIGTERM')
  assert.equal(await exited, 7)
  assert.match(output(), /stopping on SIGTERM/)
})

test('a child whose parent is killed stops by itself', async () => {
  const {parent, child, exited} = await startParent()
  parent.kill('SIGKILL')
  await exited
  try {
    assert.ok(await eventually(() => !running(child.pid), 10_000), 'the child outlived its parent')
  } finally {
    if (running(child.pid)) process.kill(child.pid, 'SIGKILL')
  }
})
