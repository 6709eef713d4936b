import assert from 'node:assert/strict'
import {test} from 'node:test'
import {loadMarkdown} from '../adapters/markdown.js'
import {parseSource} from '../parse/parse-source.js'
import {ContentError} from '../problems/content-error.js'
import {readDate} from './read-date.js'

await loadMarkdown()

/** `readDate` of a seed's text: the date, or `line:column rule: message`. */
function dateOf(text: string, file = 'seeds/a.md'): string {
  try {
    return readDate(parseSource({path: file.slice(6), file, bytes: new TextEncoder().encode(text), hash: 'x'}, {maxSeedBytes: 1e6}))
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error))
    return `${error.problem.place.line}:${error.problem.place.column} ${error.problem.rule}: ${error.problem.message}`
  }
}

const inFrontMatter = (value: string): string => ['---', 'title: T', `date: ${value}`, '---', 'Body.'].join('\n')

const cases = [
  {text: inFrontMatter('2024-03-01'), expected: '2024-03-01'},
  {text: inFrontMatter('"2024-02-29"'), expected: '2024-02-29'},
  {text: inFrontMatter('2023-02-29'), expected: '3:7 date-invalid: `date` is "2023-02-29": 2023 is not a leap year, so February 2023 has 28 days'},
  {text: inFrontMatter('2024-04-31'), expected: '3:7 date-invalid: `date` is "2024-04-31": April 2024 has 30 days'},
  {text: inFrontMatter('2024-13-01'), expected: '3:7 date-invalid: `date` is "2024-13-01": there is no month 13'},
  {text: inFrontMatter('2024-01-00'), expected: '3:7 date-invalid: `date` is "2024-01-00": there is no day 00'},
  {text: inFrontMatter('18 Nov 2024'), expected: '3:7 date-invalid: `date` is "18 Nov 2024": it is not written as YYYY-MM-DD; write "2024-11-18"'},
  {text: inFrontMatter('01/03/2024'), expected: '3:7 date-invalid: `date` is "01/03/2024": it is not written as YYYY-MM-DD'},
  {text: inFrontMatter('true'), expected: '3:7 date-invalid: `date` is the boolean true, not a date written as YYYY-MM-DD'},
  {text: inFrontMatter('3024-01-01'), expected: '3:7 date-in-future: `date` is "3024-01-01": the year 3024 is outside 1000–2100'},
  {text: ' date 0024-02-29 The text.', expected: '1:7 date-in-future: the date line is "0024-02-29": the year 24 is outside 1000–2100'},
  {text: inFrontMatter(''), expected: '3:1 date-missing: `date` is empty'},
  {text: ['---', 'date:', '---', ' date 2024-03-01 Body.'].join('\n'), expected: '2024-03-01'},
  {text: ['---', 'date: 2024-03-02', '---', ' date 2024-03-01 Body.'].join('\n'), expected: '2024-03-02'},
  {text: ['---', 'title: T', '---', 'Body.'].join('\n'), expected: '1:1 date-missing: the front matter has no `date`, and the text does not start with `date YYYY-MM-DD`'},
  {text: ' date 2024-11-18 The text.', expected: '2024-11-18'},
  {text: '\n\n date 2024-02-30 The text.', expected: '3:7 date-invalid: the date line is "2024-02-30": February 2024 has 29 days'},
  {text: ' date 18 Nov 2024 The text.', expected: '1:7 date-invalid: the date line is "18 Nov 2024": it is not written as YYYY-MM-DD; write "2024-11-18"'},
  {text: ' date 11/18/2024 The text.', expected: '1:7 date-invalid: the date line is "11/18/2024": it is not written as YYYY-MM-DD'},
  {text: 'The text has no date.', expected: '1:1 date-missing: the seed does not start with `date YYYY-MM-DD`'},
  {text: 'Date palms grow along the river.', expected: '1:1 date-missing: the seed does not start with `date YYYY-MM-DD`'},
  {text: ' date Nov 18, 2024 The text.', expected: '1:7 date-invalid: the date line is "Nov 18, 2024": it is not written as YYYY-MM-DD; write "2024-11-18"'},
] as const

for (const example of cases) {
  test(`date of ${JSON.stringify(example.text)}`, () => {
    assert.equal(dateOf(example.text, example.text.startsWith('---') ? 'seeds/a.md' : 'seeds/a.txt'), example.expected)
  })
}
