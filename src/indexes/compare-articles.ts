import type {Article} from '../model/article.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** The one order of articles everywhere: newest day first, then source path (code-unit order). */
export function compareArticles(a: Article, b: Article): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1
  return compareCodeUnits(a.source, b.source)
}
