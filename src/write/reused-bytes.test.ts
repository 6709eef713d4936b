import assert from 'node:assert/strict'
import {test} from 'node:test'
import {reusedBytes} from './reused-bytes.js'

test('reusedBytes encodes text as UTF-8, whole', () => {
  for (const text of ['', 'plain', 'Zürich – 東京 🗞', 'x'.repeat(1 << 20), 'é'.repeat(600_000)]) {
    assert.equal(Buffer.from(reusedBytes(text)).toString('utf8'), text)
    assert.equal(reusedBytes(text).byteLength, Buffer.byteLength(text))
  }
})

test('reusedBytes reuses its buffer for short text and gives long text its own', () => {
  const first = reusedBytes('first')
  const second = reusedBytes('second')
  assert.equal(first.buffer, second.buffer, 'one buffer for both')
  assert.equal(Buffer.from(first).toString(), 'secon', 'the earlier bytes are overwritten')
  const long = reusedBytes('é'.repeat(600_000))
  assert.notEqual(long.buffer, second.buffer)
  assert.equal(Buffer.from(second).toString(), 'second', 'long text leaves the reused buffer alone')
})
