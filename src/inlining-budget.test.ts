import assert from 'node:assert/strict'
import {test} from 'node:test'
import {runsOnce} from './inlining-budget.js'

test('every command but the dev server runs one build and exits', () => {
  for (const args of [[], ['build'], ['--out', 'site'], ['check'], ['new', '--title', 'dev'], ['build', '--help']]) assert.equal(runsOnce(args), true, args.join(' '))
  for (const args of [['dev'], ['dev', '--port', '0'], ['dev', '--help']]) assert.equal(runsOnce(args), false, args.join(' '))
})
