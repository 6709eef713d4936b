import test from 'node:test'
import assert from 'node:assert/strict'
import {bandScale, countScale, levelScale} from './scale.js'

test('a count scale starts at 0 and rounds its top up to a nice value', () => {
  const cases: [number, number, number[]][] = [
    [97, 100, [0, 50, 100]],
    [1234, 1500, [0, 500, 1000, 1500]],
    [0, 1, [0, 0.5, 1]],
  ]
  for (const [max, top, ticks] of cases) {
    const scale = countScale(max, [100, 0])
    assert.equal(scale.top, top, `max ${max}`)
    assert.deepEqual(scale.ticks(3), ticks, `max ${max}`)
    assert.equal(scale(0), 100)
    assert.equal(scale(top), 0)
  }
})

test('bands are equal, in key order, with the padding left between them', () => {
  const x = bandScale(['a', 'b', 'c', 'd'], [0, 100], 0)
  assert.deepEqual(['a', 'b', 'c', 'd'].map((key) => x(key)), [0, 25, 50, 75])
  assert.equal(x.bandwidth, 25)
  assert.ok(Number.isNaN(x('z')))
  const padded = bandScale(['a', 'b'], [0, 100], 0.2)
  assert.ok(padded.bandwidth < padded.step)
})

test('levels: none is 0, the busiest day is the top shade, one busy day does not wash out the rest', () => {
  const level = levelScale(400, 4)
  const cases: [number, number][] = [[0, 0], [1, 1], [400, 4], [1000, 4]]
  for (const [count, expected] of cases) assert.equal(level(count), expected, `count ${count}`)
  assert.ok(level(40) >= 3, 'a tenth of the busiest day is still a strong shade on a log scale')
  const levels = [1, 2, 5, 10, 20, 50, 100, 200, 400].map(level)
  assert.deepEqual([...levels].sort((a, b) => a - b), levels, 'shades never go down as counts go up')
})
