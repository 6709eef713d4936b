import type {Article} from '../model/article.js'
import {compareArticles} from './compare-articles.js'

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
