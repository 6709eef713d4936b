#!/usr/bin/env node
// The command-line entry point: runs the compiled generator from lib/.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const compiled = new URL('../lib/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('news-archive is not compiled yet: run `npm ci` (or `npm run compile`) in its folder first.\n')
  process.exit(2)
}
const args = process.argv.slice(2)
const {relaunch, relaunchArguments, stopWhenOrphaned} = await import(new URL('../lib/relaunch.js', import.meta.url).href)
// Note: the dev server runs in a process of its own with a larger young generation, which V8 sets only at start-up.
const nodeArguments = relaunchArguments(args, process.execArgv, process.env.NODE_OPTIONS)
if (nodeArguments) {
  process.exitCode = await relaunch(fileURLToPath(import.meta.url), args, nodeArguments)
} else {
  stopWhenOrphaned()
  const {limitHeapGrowth} = await import(new URL('../lib/heap-growth.js', import.meta.url).href)
  limitHeapGrowth()
  const {limitInlining, runsOnce} = await import(new URL('../lib/inlining-budget.js', import.meta.url).href)
  if (runsOnce(args)) limitInlining()
  const {main} = await import(compiled.href)
  process.exitCode = await main(args)
}
