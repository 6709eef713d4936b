import assert from 'node:assert/strict'
import {test} from 'node:test'
import {problem} from './content-error.js'
import {ProblemLog} from './problem-log.js'

const at = (file: string, line: number, column: number) => ({file, place: {line, column}})
const duplicate = (copy: string, of: string) => problem('duplicate-content', at(copy, 1, 1), `the article is byte for byte the same as ${of}`, [at(of, 1, 1)])
const unknownKey = problem('front-matter-unknown-key', at('seeds/a.md', 2, 1), '`titel` is not a front-matter key news-archive reads, so it is ignored')
const badDate = problem('date-invalid', at('seeds/bad.txt', 1, 7), 'there is no 30 February')
const listed = (report: string): string[] => report.split('\n').filter((line) => /^seeds\//.test(line))

test('a build reports every problem the first time, then only warnings the last report did not have, and counts the rest', () => {
  const log = new ProblemLog()
  const first = log.report([duplicate('seeds/b.txt', 'seeds/a.txt'), unknownKey])
  assert.equal(listed(first).length, 2)
  assert.match(first, /^0 errors, 2 warnings$/m)

  const second = log.report([duplicate('seeds/b.txt', 'seeds/a.txt'), unknownKey, duplicate('seeds/c.txt', 'seeds/a.txt')])
  assert.deepEqual(listed(second), ['seeds/c.txt:1:1: warning: the article is byte for byte the same as seeds/a.txt [duplicate-content]'])
  assert.match(second, /^0 errors, 3 warnings \(2 shown before and not listed again; `news-archive check` lists them all\)$/m)
})

test('errors are listed on every build, and a warning that went away and came back is listed again', () => {
  const log = new ProblemLog()
  log.report([badDate, unknownKey])
  const again = log.report([badDate, unknownKey])
  assert.deepEqual(listed(again), ['seeds/bad.txt:1:7: error: there is no 30 February [date-invalid]'])
  assert.match(again, /^1 error, 1 warning \(1 shown before/m)

  assert.equal(log.report([]), '')
  assert.equal(listed(log.report([unknownKey])).length, 1, 'the warning is new again after a build without it')
})

test('a warning that names another place, with the same message, counts as new', () => {
  const log = new ProblemLog()
  const naming = (other: string) => problem('duplicate-content', at('seeds/b.txt', 1, 1), 'the article is byte for byte the same as another seed', [at(other, 1, 1)])
  log.report([naming('seeds/a.txt')])
  assert.equal(listed(log.report([naming('seeds/a.txt')])).length, 0)
  assert.equal(listed(log.report([naming('seeds/z.txt')])).length, 1)
})

test('after `forget` (a build that crashed), every warning is listed again', () => {
  const log = new ProblemLog()
  log.report([unknownKey])
  log.forget()
  assert.equal(listed(log.report([unknownKey])).length, 1)
})
