import assert from 'node:assert/strict'
import {test} from 'node:test'
import fc from 'fast-check'
import {ContentError} from '../problems/content-error.js'
import {decodeText, firstInvalidUtf8} from './decode-text.js'

const strict = new TextDecoder('utf-8', {fatal: true})

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** UTF-8 text with a few bytes changed: mostly valid, so the first bad byte lands anywhere. */
const damagedText = fc
  .tuple(fc.string({unit: 'grapheme', maxLength: 40}), fc.array(fc.tuple(fc.nat(), fc.integer({min: 0x80, max: 0xff})), {maxLength: 3}))
  .map(([text, damage]) => {
    const bytes = new TextEncoder().encode(text)
    for (const [at, byte] of damage) if (bytes.length > 0) bytes[at % bytes.length] = byte
    return bytes
  })

const anyBytes = fc.oneof(fc.uint8Array({maxLength: 60}), damagedText)

test('firstInvalidUtf8 agrees with the standard decoder on any bytes', () => {
  fc.assert(
    fc.property(anyBytes, (bytes) => {
      const bad = firstInvalidUtf8(bytes)
      assert.equal(bad === bytes.length, isUtf8(bytes), 'all valid exactly when the decoder accepts them')
      assert.ok(isUtf8(bytes.subarray(0, bad)), 'everything before the first bad byte is valid')
    }),
    {numRuns: 2000},
  )
})

test('any bytes decode to text with LF line ends, or give a ContentError that points into the file', () => {
  fc.assert(
    fc.property(anyBytes, (bytes) => {
      try {
        const text = decodeText('seeds/a.txt', bytes)
        assert.ok(!text.includes('\r'), 'no CR is left')
      } catch (error) {
        assert.ok(error instanceof ContentError, `only content errors escape: ${String(error)}`)
        assert.ok(['binary-file', 'encoding-invalid'].includes(error.problem.rule))
        const lines = bytes.filter((byte) => byte === 0x0a).length + 1
        assert.ok(error.problem.place.line >= 1 && error.problem.place.line <= lines, `line ${error.problem.place.line} of ${lines}`)
      }
    }),
    {numRuns: 1000},
  )
})
