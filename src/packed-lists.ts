/**
 * `Array.prototype.map` and `flatMap` without their varying results.
 *
 * Why: V8 makes the result of `map` (and `flatMap`) a packed array when it
 * runs the call unoptimized, and a holey one (`HOLEY_ELEMENTS`) once the
 * calling function is optimized. Arrays of the two kinds have different
 * shapes, so the optimized code of every function that reads such arrays,
 * made while it had seen one kind, was thrown away when the other came
 * (`--trace-deopt`: "wrong map") and compiled again: in a cold build of
 * 10,000 corpus articles the topic finder's largest functions were compiled
 * three to seven times each. Arrays grown with `push` are packed in every tier.
 * Used where hot code hands mapped lists on (the topic finder, the plain-text
 * reader); elsewhere `map` is fine.
 */

/** `items.map(make)`, always a packed array. */
export function packedMap<T, U>(items: readonly T[], make: (item: T, index: number) => U): U[] {
  const made: U[] = []
  for (let index = 0; index < items.length; index++) made.push(make(items[index] as T, index))
  return made
}

/** `items.flatMap(make)` for `make` returning arrays, always a packed array. */
export function packedFlatMap<T, U>(items: readonly T[], make: (item: T) => readonly U[]): U[] {
  const made: U[] = []
  for (const item of items) for (const each of make(item)) made.push(each)
  return made
}
