#!/usr/bin/env node
// The command-line entry point: runs the compiled generator from lib/.
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const compiled = new URL('../lib/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('news-archive is not compiled yet: run `npm ci` (or `npm run compile`) in its folder first.\n')
  process.exit(2)
}
const {limitHeapGrowth} = await import(new URL('../lib/heap-growth.js', import.meta.url).href)
limitHeapGrowth()
const {main} = await import(compiled.href)
process.exitCode = await main(process.argv.slice(2))
