import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {test} from 'node:test'
import {fingerprint, fingerprintAll, fingerprintPieces, stableJson} from './hash.js'

const cases = [
  {name: 'key order does not matter', a: {x: 1, y: 2}, b: {y: 2, x: 1}, same: true},
  {name: 'map insertion order does not matter', a: new Map([['a', 1], ['b', 2]]), b: new Map([['b', 2], ['a', 1]]), same: true},
  {name: 'set order does not matter', a: new Set(['a', 'b']), b: new Set(['b', 'a']), same: true},
  {name: 'array order matters', a: [1, 2], b: [2, 1], same: false},
  {name: 'a map is not an empty object', a: new Map([['a', 1]]), b: {}, same: false},
  {name: 'regular expressions keep their source', a: /a/i, b: /b/i, same: false},
  {name: 'nested values are compared', a: {rules: {aliases: new Map([['UK', 'United Kingdom']])}}, b: {rules: {aliases: new Map([['UK', 'Britain']])}}, same: false},
] as const

for (const example of cases) {
  test(`stableJson: ${example.name}`, () => {
    assert.equal(stableJson(example.a) === stableJson(example.b), example.same)
  })
}

test('fingerprint separates its parts', () => {
  assert.notEqual(fingerprint('ab', 'c'), fingerprint('a', 'bc'))
  assert.equal(fingerprint('ab', 'c'), fingerprint('ab', 'c'))
  assert.match(fingerprint('x'), /^[0-9a-f]{32}$/)
})

test('stableJson refuses functions, which have no fingerprint', () => {
  assert.throws(() => stableJson({f: () => 1}), TypeError)
})

test('fingerprintAll takes a list longer than a call can spread (a site of 100,000 pages)', () => {
  const parts = Array.from({length: 400_000}, (_, index) => `page/${index}/index.html`)
  assert.match(fingerprintAll(parts), /^[0-9a-f]{32}$/)
  assert.equal(fingerprintAll(['a', 'b']), fingerprint('a', 'b'))
})

test('fingerprint hashes text and bytes alike: each part followed by a NUL', () => {
  const expected = createHash('sha256').update('ab\0é\0').digest('hex').slice(0, 32)
  assert.equal(fingerprint('ab', 'é'), expected)
  assert.equal(fingerprint(Buffer.from('ab'), 'é'), expected)
  assert.equal(fingerprintAll(new Set(['ab', 'é'])), expected)
})

test('fingerprint of long text, hashed in pieces, is that of the whole text', () => {
  const whole = (...parts: string[]): string => createHash('sha256').update(`${parts.join('\0')}\0`).digest('hex').slice(0, 32)
  // Note: a pair of surrogates (an emoji) on each side of where a piece may end, and text long enough for several pieces.
  const long = Array.from({length: 40_000}, (_, index) => `<url>${index}\u{1F600}é</url>`).join('\n')
  assert.equal(fingerprint(long), whole(long))
  for (let shift = 0; shift < 4; shift++) {
    const shifted = 'x'.repeat(shift) + long
    assert.equal(fingerprint(shifted, 'tail'), whole(shifted, 'tail'))
  }
  const many = Array.from({length: 30_000}, (_, index) => `page/${index}/\u{1F4F0}`)
  assert.equal(fingerprintAll(many), whole(...many))
  assert.equal(fingerprint('short', long, Buffer.from('bytes'), 'end'), createHash('sha256').update(`short\0${long}\0bytes\0end\0`).digest('hex').slice(0, 32))
})

test('fingerprint of text in pieces is that of the text joined, wherever the pieces end', () => {
  const lines = Array.from({length: 20_000}, (_, index) => `<url>${index}\u{1F600}é</url>\n`)
  const joined = lines.join('')
  for (const size of [1, 7, 500, 20_000]) {
    const pieces: string[] = []
    for (let start = 0; start < lines.length; start += size) pieces.push(lines.slice(start, start + size).join(''))
    assert.equal(fingerprintPieces({pieces}), fingerprint(joined), `${size} lines a piece`)
  }
  assert.equal(fingerprintPieces({pieces: ['short', ' text']}), fingerprint('short text'))
  assert.equal(fingerprintPieces({pieces: []}), fingerprint(''))
})
