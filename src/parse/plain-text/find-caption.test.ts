import test from 'node:test'
import assert from 'node:assert/strict'
import {findCaption, toCreditCase} from './find-caption.js'

/** The paragraph text left, the caption and the credit, or `undefined`. */
function split(value: string): [string, string, string] | undefined {
  const match = findCaption(value)
  if (!match) return undefined
  return [value.slice(0, match.captionStart).trim(), value.slice(match.captionStart, match.captionEnd), value.slice(...match.credit)]
}

test('splits a caption and its credit off the end of a paragraph', () => {
  const glued =
    '"It has been Russia that has escalated the conflict time and time again," Miller said, pointing to Russia\'s Kursk region. ' +
    'North Korean leader Kim Jong Un attends the 10th Plenary Meeting in Pyongyang, North Korea, July 2, 2024. (credit: KCNA VIA REUTERS)'
  assert.deepEqual(split(glued), [
    '"It has been Russia that has escalated the conflict time and time again," Miller said, pointing to Russia\'s Kursk region.',
    'North Korean leader Kim Jong Un attends the 10th Plenary Meeting in Pyongyang, North Korea, July 2, 2024.',
    'KCNA VIA REUTERS',
  ])
  assert.deepEqual(split('U.S. President Joe Biden speaks in Washington. (Photo: Getty Images)'), [
    '',
    'U.S. President Joe Biden speaks in Washington.',
    'Getty Images',
  ])
  assert.deepEqual(split('The talks ended. A trader works on the floor. Picture taken March 3. (REUTERS/Kevin Lamarque)'), [
    'The talks ended.',
    'A trader works on the floor. Picture taken March 3.',
    'REUTERS/Kevin Lamarque',
  ])
  assert.deepEqual(split('Firefighters battle the Palisades fire in Los Angeles, California, U.S. January 8, 2025. REUTERS/Ringo Chiu/File Photo'), [
    '',
    'Firefighters battle the Palisades fire in Los Angeles, California, U.S. January 8, 2025.',
    'REUTERS/Ringo Chiu/File Photo',
  ])
})

test('leaves brackets that are not photo credits alone', () => {
  for (const value of [
    'an agreed pecking order of what your (creditors) claim to assets is."',
    'Nothing for the (credit) market to get excited about, added Robert di Clemente.',
    'Sales rose (see table).',
    'Shares of the company (REUT) rose.',
    'The deal was reported by REUTERS/IPSOS polls',
  ]) {
    assert.equal(findCaption(value), undefined, value)
  }
})

test('puts an all-capitals credit in title case, keeping its words', () => {
  const cases: Array<[string, string]> = [
    ['KCNA VIA REUTERS', 'KCNA via Reuters'],
    ['GETTY IMAGES', 'Getty Images'],
    ['AFP', 'AFP'],
    ['MARC ISRAEL SELLEM/THE JERUSALEM POST', 'Marc Israel Sellem/the Jerusalem Post'],
    ['Reuters/Kim Hong-Ji', 'Reuters/Kim Hong-Ji'],
  ]
  for (const [credit, expected] of cases) assert.equal(toCreditCase(credit), expected)
})
