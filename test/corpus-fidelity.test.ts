import test from 'node:test'
import assert from 'node:assert/strict'
import {markdownToHtml} from '../src/adapters/markdown.js'
import {plainTextToMdast} from '../src/parse/plain-text/plain-text-to-mdast.js'
import {checkFidelity} from '../src/quality/fidelity.js'
import {readCorpus} from './helpers/corpus.js'

/** ` date 1987-02-26 `: every corpus seed starts with a space, the word, the date and a space. */
const dateLine = /^\s*date \d{4}-\d\d-\d\d /

test('every corpus article renders with nothing lost, added or reordered', (t) => {
  const failures: string[] = []
  let checked = 0
  for (const {file, text} of readCorpus()) {
    const start = dateLine.exec(text)?.[0].length
    assert.ok(start !== undefined, `${file} has no date line`)
    const result = checkFidelity(text.slice(start), markdownToHtml(plainTextToMdast(text, start).tree))
    checked++
    if (!result.ok) failures.push(`${file}: ${result.firstDifference ?? ''}`)
  }
  t.diagnostic(`checked ${checked} articles, ${checked - failures.length} faithful`)
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${checked} articles lost, added or reordered words`)
})
