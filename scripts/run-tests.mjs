#!/usr/bin/env node
// Runs node:test over the files matching the given globs, through tsx.
// Node 20's test runner does not expand globs itself.
// Usage: node scripts/run-tests.mjs [--concurrency N] <glob>... [-- <node --test flags>]
import {spawn} from 'node:child_process'
import fastGlob from 'fast-glob'

const args = process.argv.slice(2)
const split = args.indexOf('--')
const patterns = split === -1 ? args : args.slice(0, split)
const extra = split === -1 ? [] : args.slice(split + 1)
const files = (await fastGlob(patterns, {ignore: ['**/node_modules/**']})).sort()
if (files.length === 0) {
  process.stderr.write(`no test files match ${patterns.join(' ')}\n`)
  process.exit(1)
}
// Note: the seed module goes into every test process, so property tests are repeatable.
const propertySeed = new URL('../test/helpers/property-seed.ts', import.meta.url).href
const child = spawn(process.execPath, ['--import', 'tsx', '--import', propertySeed, '--test', ...extra, ...files], {stdio: 'inherit'})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
