import test from 'node:test'
import assert from 'node:assert/strict'
import v8 from 'node:v8'
import {packedFlatMap, packedMap} from './packed-lists.js'

test('packedMap and packedFlatMap give what map and flatMap give', () => {
  const words = ['Bank', 'of', 'Japan']
  assert.deepEqual(packedMap(words, (word, index) => `${index}:${word}`), words.map((word, index) => `${index}:${word}`))
  assert.deepEqual(packedFlatMap(words, (word) => (word.length > 2 ? [word, word] : [])), words.flatMap((word) => (word.length > 2 ? [word, word] : [])))
  assert.deepEqual(packedMap([], () => 1), [])
  assert.deepEqual(packedFlatMap([], () => [1]), [])
})

test('the lists stay packed once V8 optimizes the code that makes them', () => {
  // V8's intrinsics (`%…`) read the array's elements kind and force optimization; the flag lets this test's own code use them.
  v8.setFlagsFromString('--allow-natives-syntax')
  // Note: optimized code made with the feedback of the tests above may be thrown away at its first call (a new
  // callback), so the maker is optimized again, with what it has seen, until its code holds.
  const intrinsics = new Function('make', 'probe', `
    let made, optimized = false;
    for (let attempt = 0; attempt < 5 && !optimized; attempt++) {
      %PrepareFunctionForOptimization(make);
      make(probe);
      make(probe);
      %OptimizeFunctionOnNextCall(make);
      made = make(probe);
      optimized = (%GetOptimizationStatus(make) & 16) !== 0;
    }
    return {holey: %HasHoleyElements(made), optimized};
  `) as (make: (probe: string[]) => unknown[], probe: string[]) => {holey: boolean; optimized: boolean}
  const probe = ['a', 'b', 'c']
  for (const make of [(items: string[]) => packedMap(items, (item) => item + item), (items: string[]) => packedFlatMap(items, (item) => [item, item])]) {
    const {holey, optimized} = intrinsics(make, probe)
    assert.equal(optimized, true, `${String(make)} was not optimized`)
    assert.equal(holey, false, String(make))
  }
})
