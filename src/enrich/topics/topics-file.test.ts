import test from 'node:test'
import assert from 'node:assert/strict'
import {ContentError} from '../../problems/content-error.js'
import {readTopicsFile} from './topics-file.js'

const example = `# Topics for the archive
aliases:
  place:
    Beijing: [Peking]
  organisation:
    European Community: [EC, EEC, Common Market]
  person:
    Ronald Reagan: Reagan
merges:
  Reagan Administration: Ronald Reagan
blocklist: [Kremlin, White House]
subjects:
  Crude oil: [crude, barrels]
  Coffee:
    keywords: [coffee, arabica]
    min: 3
`

test('a topics file becomes rules', () => {
  assert.deepEqual(readTopicsFile('topics.yml', example), {
    aliases: [
      {name: 'Beijing', kind: 'place', names: ['Peking']},
      {name: 'European Community', kind: 'organisation', names: ['EC', 'EEC', 'Common Market']},
      {name: 'Ronald Reagan', kind: 'person', names: ['Reagan']},
    ],
    merges: {'Reagan Administration': 'Ronald Reagan'},
    blocklist: ['Kremlin', 'White House'],
    subjects: [{name: 'Crude oil', keywords: ['crude', 'barrels'], min: 2}, {name: 'Coffee', keywords: ['coffee', 'arabica'], min: 3}],
  })
})

test('an empty file, or one with comments only, has no rules', () => {
  for (const text of ['', '# nothing yet\n', 'aliases:\n']) {
    assert.deepEqual(readTopicsFile('topics.yml', text), {aliases: [], merges: {}, blocklist: [], subjects: []})
  }
})

test('words that YAML would read as numbers or booleans stay names', () => {
  assert.deepEqual(readTopicsFile('topics.yml', 'blocklist: [yes, 1987, null, "Off"]\n').blocklist, ['yes', '1987', 'null', 'Off'])
})

test('each mistake is reported at its line and column', async (t) => {
  const table: [mistake: string, text: string, line: number, column: number, message: RegExp][] = [
    ['not YAML', 'aliases:\n  place: a: b\n', 2, 11, /not valid YAML/],
    ['a tab for indentation', 'blocklist:\n\t- Reuters\n', 2, 1, /tab/],
    ['not a mapping', '- Reuters\n', 1, 1, /the topics file must be a list of `name: value` lines/],
    ['an unknown key', 'blocklist: [A]\naliasses:\n  place: {}\n', 2, 1, /`aliasses` is not a key of the topics file; the keys are `aliases`, `merges`, `blocklist`, `subjects`/],
    ['a key given twice', 'blocklist: [A]\nmerges: {}\nblocklist: [B]\n', 3, 1, /`blocklist` is given twice/],
    ['an unknown kind', 'aliases:\n  place:\n    Beijing: [Peking]\n  persons:\n    A: [B]\n', 4, 3, /the kind `persons`; use person, place or organisation/],
    ['a list where a name belongs', 'merges:\n  A: [B, C]\n', 2, 6, /must be a single word or phrase, not a list/],
    ['a name where a list belongs', 'blocklist: Reuters\n', 1, 12, /must be a list/],
    ['an empty entry (at its list)', 'blocklist:\n  - Reuters\n  -\n', 2, 3, /`blocklist` has an empty entry/],
    ['a subject without keywords', 'subjects:\n  Oil:\n    min: 2\n', 2, 3, /subject `Oil` has no `keywords`/],
    ['an unknown subject key', 'subjects:\n  Oil:\n    keywords: [oil]\n    minimum: 2\n', 4, 5, /has the key `minimum`/],
    ['a minimum that is not a count', 'subjects:\n  Oil:\n    keywords: [oil]\n    min: 0.5\n', 4, 10, /`min` of `Oil` is "0.5"; it must be a whole number from 1 to 1000/],
    ['an alias (`*name`)', 'aliases:\n  place:\n    X: &names [Y]\n    Z: *names\n', 4, 8, /anchors and aliases/],
    ['two documents', 'blocklist: [A]\n---\nblocklist: [B]\n', 1, 1, /more than one YAML document/],
  ]
  for (const [mistake, text, line, column, message] of table) {
    await t.test(mistake, () => {
      assert.throws(() => readTopicsFile('site/topics.yml', text), (error: unknown) => {
        assert.ok(error instanceof ContentError, String(error))
        assert.equal(error.problem.rule, 'topics-file-invalid')
        assert.equal(error.problem.file, 'site/topics.yml')
        assert.deepEqual(error.problem.place, {line, column}, error.message)
        assert.match(error.problem.message, message)
        return true
      })
    })
  }
})
