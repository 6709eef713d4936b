import assert from 'node:assert/strict'
import {test} from 'node:test'
import {problem} from './content-error.js'
import {formatProblems, showInvisible, sortProblems} from './format-problems.js'

const at = (file: string, line: number, column: number) => ({file, place: {line, column}})

test('problems sort by file, line, column and rule, in code-unit order', () => {
  const problems = [
    problem('date-invalid', at('seeds/b.txt', 1, 7), 'b'),
    problem('front-matter-unknown-key', at('seeds/a.md', 3, 1), 'a3'),
    problem('date-missing', at('seeds/a.md', 1, 1), 'a1'),
    problem('binary-file', at('seeds/Z.txt', 9, 9), 'Z'),
    problem('body-empty', at('seeds/a.md', 1, 1), 'a1 body'),
  ]
  assert.deepEqual(sortProblems(problems).map((item) => item.message), ['Z', 'a1 body', 'a1', 'a3', 'b'])
})

test('the report: one clickable line per problem, the hint, the other places, then a count', () => {
  const report = formatProblems([
    problem('url-collision', at('seeds/b.md', 4, 7), 'the slug "x" gives /2024/03/01/x/, which seeds/a.md already has', [at('seeds/a.md', 4, 7)]),
    problem('front-matter-unknown-key', at('seeds/a.md', 2, 8), '`titel` is not a front-matter key news-archive reads, so it is ignored'),
  ])
  assert.equal(
    report,
    [
      'seeds/a.md:2:8: warning: `titel` is not a front-matter key news-archive reads, so it is ignored [front-matter-unknown-key]',
      '  hint: Known keys: title, date, topics, tags, summary, author, source, slug, draft. Check the spelling.',
      'seeds/b.md:4:7: error: the slug "x" gives /2024/03/01/x/, which seeds/a.md already has [url-collision]',
      '  hint: Give one of them a different `slug` in its front matter.',
      '  also: seeds/a.md:4:7',
      '1 error, 1 warning',
    ].join('\n'),
  )
})

const invisible = [
  {text: 'plain é text', shown: 'plain é text'},
  {text: 'a\u001b[2Jb', shown: 'a\\u{1B}[2Jb'},
  {text: 'x\u0007y', shown: 'x\\u{7}y'},
  {text: 'bud\u200bget', shown: 'bud\\u{200B}get'},
  {text: '\u202etxt.exe', shown: '\\u{202E}txt.exe'},
  {text: 'line\u2028break', shown: 'line\\u{2028}break'},
  {text: 'new\nline', shown: 'new\\u{A}line'},
  {text: '\ufeffbom', shown: '\\u{FEFF}bom'},
] as const

for (const example of invisible) {
  test(`showInvisible(${JSON.stringify(example.text)})`, () => {
    assert.equal(showInvisible(example.text), example.shown)
  })
}

test('a file name or value that holds terminal escapes is reported with them escaped', () => {
  const report = formatProblems([problem('date-invalid', at('seeds/\u001b]0;x\u0007.txt', 1, 7), 'the date line is "\u001b[31mred"')])
  assert.doesNotMatch(report, /[\u0000-\u0009\u000b-\u001f\u007f]/)
  assert.match(report, /seeds\/\\u\{1B\}\]0;x\\u\{7\}\.txt:1:7: error: the date line is "\\u\{1B\}\[31mred"/)
})

test('problems left out of the report are still counted, and the count line says how many were not listed', () => {
  const problems = [
    problem('front-matter-unknown-key', at('seeds/a.md', 2, 8), 'a'),
    problem('front-matter-unknown-key', at('seeds/b.md', 2, 8), 'b'),
    problem('date-invalid', at('seeds/c.txt', 1, 7), 'c'),
  ]
  const report = formatProblems(problems, {shownBefore: (item) => item.file === 'seeds/a.md'})
  assert.doesNotMatch(report, /seeds\/a\.md/)
  assert.match(report, /seeds\/b\.md:2:8/)
  assert.match(report, /^1 error, 2 warnings \(1 shown before and not listed again; `news-archive check` lists them all\)$/m)
  assert.match(formatProblems(problems), /^1 error, 2 warnings$/m)
})
