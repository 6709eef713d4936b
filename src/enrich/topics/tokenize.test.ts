import test from 'node:test'
import assert from 'node:assert/strict'
import v8 from 'node:v8'
import {Gap, joinedKey, keysOf, Shape, tokenize, withPossessiveText} from './tokenize.js'

const words = (text: string) => tokenize(text).map((token) => token.text)

test('words, with what joins them kept and numbers left out', async (t) => {
  const table: [text: string, expected: string[]][] = [
    ["Kyiv's forces strike far into Russia with US-made weapons.", ['Kyiv', 'forces', 'strike', 'far', 'into', 'Russia', 'with', 'US', 'weapons']],
    ['The U.S. and U.K. said N.J. and W. Va. agreed.', ['The', 'U.S.', 'and', 'U.K.', 'said', 'N.J.', 'and', 'W', 'Va', 'agreed']],
    ["Workers' Party of Korea", ["Workers'", 'Party', 'of', 'Korea']],
    ['the 11,000 North Korean troops, 1.5 mln dlrs', ['the', 'North', 'Korean', 'troops', 'mln', 'dlrs']],
    ['AT&T and S&P rose; Linda Thomas-Greenfield said', ['AT&T', 'and', 'S&P', 'rose', 'Linda', 'Thomas-Greenfield', 'said']],
    ['Zürich and São Paulo', ['Zürich', 'and', 'São', 'Paulo']],
    ['a Bahamas-based fund with U.S.-made arms and Coca-Cola shares', ['a', 'Bahamas', 'fund', 'with', 'U.S.', 'made', 'arms', 'and', 'Coca-Cola', 'shares']],
    ['in Pyongyang. (credit: KCNA VIA REUTERS) Next', ['in', 'Pyongyang', 'Next']],
    ['Treasury Under-secretary Yavuz Canevi', ['Treasury', 'Under-secretary', 'Yavuz', 'Canevi']],
  ]
  for (const [text, expected] of table) await t.test(text, () => assert.deepEqual(words(text), expected))
})

test('shapes, keys, possessives and gaps', () => {
  const [russia, kursk, region, , opec, comma, said] = tokenize("Russia's Kursk region and OPEC, said")
  assert.deepEqual([russia!.text, russia!.key, russia!.possessive, russia!.shape], ['Russia', 'russia', true, Shape.Capital])
  assert.equal(kursk!.gap, Gap.Space)
  assert.equal(region!.shape, Shape.Lower)
  assert.deepEqual([opec!.shape, opec!.key], [Shape.Upper, 'opec'])
  assert.equal(comma!.text, 'said')
  assert.equal(comma!.gap, Gap.Break)
  assert.equal(said, undefined)
  assert.equal(tokenize('U.S.')[0]!.key, 'us')
  assert.equal(tokenize("Workers'")[0]!.key, 'workers')
})

test('sentence starts: after a full stop, not after an abbreviation or an initial', () => {
  const starts = (text: string) => tokenize(text).filter((token) => token.sentenceStart).map((token) => token.text)
  assert.deepEqual(starts('Miller said so. "It has been Russia," he said.'), ['Miller', 'It'])
  assert.deepEqual(starts('Cargill Inc. analyst John F. Kennedy and Mr. Baker met Gen. Smith.'), ['Cargill'])
  assert.deepEqual(starts('NOTE: net includes gains'), ['NOTE', 'net'])
})

test('bracketed company names are marked', () => {
  const tokens = tokenize('<Newfoundland Capital Corp Ltd> said it will issue <NCC> debentures')
  assert.deepEqual(tokens.filter((token) => token.bracketed).map((token) => token.text), ['Newfoundland', 'Capital', 'Corp', 'Ltd', 'NCC'])
})

test('keysOf gives each token its key, in order', () => {
  const tokens = tokenize('The Bank of Japan’s governor, Satoshi Sumita, said.')
  assert.deepEqual(keysOf(tokens), tokens.map((token) => token.key))
  assert.deepEqual(keysOf([]), [])
})

test('joinedKey joins the keys of the tokens with spaces', () => {
  const tokens = tokenize('The Bank of Japan’s governor')
  assert.equal(joinedKey(tokens), keysOf(tokens).join(' '))
  assert.equal(joinedKey(tokens.slice(1, 2)), 'bank')
  assert.equal(joinedKey([]), '')
})

test('withPossessiveText writes the ending into the word and keeps the fields of every token, in their order', () => {
  const [owner] = tokenize("Moody's Investors Service")
  const named = withPossessiveText(owner!)
  assert.deepEqual([named.text, named.key, named.possessive], ["Moody's", owner!.key, false])
  assert.deepEqual(Object.keys(named), Object.keys(owner!))
  // Note: V8's intrinsic says whether the two objects share one hidden class (see the function's note); the flag lets
  // this test's own code use it.
  v8.setFlagsFromString('--allow-natives-syntax')
  const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean
  assert.equal(sameMap(named, owner!), true)
})
