import {compareCodeUnits} from '../text/code-unit-order.js'

/**
 * A lookup of where in `items`, an earlier build's list in ascending `keyOf`
 * order, the very same object is: asked for items in that order too, it
 * walks `items` once; -1 for an object `items` does not hold. Note: the dev
 * server's build cache hands out the same objects build after build for what
 * did not change, so what an earlier build made of them can be taken over,
 * and a walk costs less than a map of 100,000 entries.
 */
export function indexByIdentity<T>(items: readonly T[], keyOf: (item: T) => string): (item: T) => number {
  let at = 0
  return (item) => {
    // Note: most items are the very next one, found without reading either key.
    if (items[at] === item) return at
    const key = keyOf(item)
    while (at < items.length && compareCodeUnits(keyOf(items[at] as T), key) < 0) at++
    return items[at] === item ? at : -1
  }
}
