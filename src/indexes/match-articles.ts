import type {Article} from '../model/article.js'
import {compareArticles} from './compare-articles.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/**
 * For each item of `after`, its index in `before`, or -1: both lists are
 * sorted by `order`, in which no two items of one list are equal, so one
 * walk along both matches them. Items in the same place match when they are
 * the same object or `same` says so.
 * Note: the build cache hands out the same article objects build after
 * build, so most steps compare two pointers and read no article.
 */
export function matchInOrder<T>(before: readonly T[], after: readonly T[], order: (a: T, b: T) => number, same: (item: T, old: T) => boolean): Int32Array {
  const found = new Int32Array(after.length).fill(-1)
  let old = 0
  for (let index = 0; index < after.length && old < before.length; ) {
    const item = after[index] as T
    const earlier = before[old] as T
    if (item === earlier) {
      found[index++] = old++
      continue
    }
    const place = order(item, earlier)
    if (place === 0) {
      if (same(item, earlier)) found[index] = old
      index++
      old++
    } else if (place < 0) index++
    else old++
  }
  return found
}

/** `matchInOrder` for articles in the archive's one order (`compareArticles`). */
export function matchArticles<T extends Article>(before: readonly T[], after: readonly T[], same: (article: T, old: T) => boolean): Int32Array {
  return matchInOrder(before, after, compareArticles, same)
}

/** Both ways of a match (see `matchInOrder`). */
export interface Match {
  /** For each item of the new list, its index in the old one, or -1. */
  readonly before: Int32Array
  /** For each item of the old list, its index in the new one, or -1. */
  readonly after: Int32Array
}

/**
 * Changes beyond which a dev build's index starts afresh rather than from
 * what the build before made: a share of the archive, at least a few. Note:
 * each change costs a few lookups; a walk over every article, about as much
 * as a thousand of them.
 */
const changesShare = 1 / 64
const minChangesLimit = 64

/**
 * `matchInOrder` of a list with the list one build before it, both ways,
 * when few enough items were added or removed (see `changesShare`) for the
 * caller to follow them one by one; else undefined.
 */
export function fewChanges<T>(before: readonly T[], after: readonly T[], order: (a: T, b: T) => number, same: (item: T, old: T) => boolean): Match | undefined {
  const found = matchInOrder(before, after, order, same)
  const moved = new Int32Array(before.length).fill(-1)
  let matched = 0
  for (let index = 0; index < after.length; index++) {
    const old = found[index] as number
    if (old < 0) continue
    moved[old] = index
    matched++
  }
  const changes = after.length - matched + (before.length - matched)
  return changes > Math.max(minChangesLimit, after.length * changesShare) ? undefined : {before: found, after: moved}
}

/** The order of a list of articles in source path order. */
export function bySource(a: Article, b: Article): number {
  return compareCodeUnits(a.source, b.source)
}
