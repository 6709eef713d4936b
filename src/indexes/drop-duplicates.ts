import type {Article} from '../model/article.js'
import {problem, type Problem} from '../problems/content-error.js'
import {fileStart} from '../problems/source-point.js'
import {compareCodeUnits} from '../text/code-unit-order.js'
import {bySource, matchInOrder} from './match-articles.js'

/**
 * What one call of `dropDuplicates` found, for the next call of the same
 * process to start from. The next call takes it over and changes it, so it
 * is good for one call only.
 */
export interface DuplicateMemo {
  /** The articles it was given, in source path order. */
  readonly sorted: readonly Article[]
  /** The first article (by source path) of each content hash. */
  readonly firstByHash: Map<string, Article>
  /** The articles left out as copies of an earlier one, in source path order. */
  readonly copies: readonly Article[]
}

/**
 * Changes to the articles beyond which `dropDuplicates` starts afresh rather
 * than from its memo. Note: each change costs a few lookups; walking every
 * article costs about as much as a thousand.
 */
const maxChanges = 1000

/**
 * Keep the first of each set of byte-identical seeds (by source path); warn
 * about the rest. `sorted` is in source path order. With `previous` (what an
 * earlier call returned as `memo`, in a process that runs several builds), the
 * articles that are the very same objects as then are taken as they were and
 * only the others looked at. Note: at 100,000 articles, hashing them all into
 * a map anew took about 0.1 s of a dev build that added one seed.
 */
export function dropDuplicates(sorted: readonly Article[], previous?: DuplicateMemo): {unique: Article[]; problems: Problem[]; memo: DuplicateMemo} {
  const {list, firstByHash} = (previous && copiesSince(previous, sorted)) ?? copiesAfresh(sorted)
  const unique = withoutCopies(sorted, list)
  const problems = list.map((copy) => {
    const first = firstByHash.get(copy.hash) as Article
    return problem('duplicate-content', {file: copy.file, place: fileStart}, `the article is byte for byte the same as ${first.file}, so it is published once, as that file`, [{file: first.file, place: fileStart}])
  })
  return {unique, problems, memo: {sorted, firstByHash, copies: list}}
}

/**
 * `sorted` without `copies` (some of its articles, in the same order), walking
 * both: a copy is the next one when it is the very same object. Note: looking
 * each article up in a set of the copies read every article object (about
 * 20 ms of a dev build that added one seed to 100,000, in profiles).
 */
function withoutCopies(sorted: readonly Article[], copies: readonly Article[]): Article[] {
  const unique: Article[] = []
  let next = 0
  for (const article of sorted) {
    if (article === copies[next]) next++
    else unique.push(article)
  }
  if (next === copies.length) return unique
  // Note: not reached: every copy is one of `sorted`, in its order (see `copiesAfresh`, `copiesSince`).
  const left = new Set(copies)
  return sorted.filter((article) => !left.has(article))
}

interface Copies {
  readonly list: Article[]
  readonly firstByHash: Map<string, Article>
}

/** Every article of `sorted` that is a copy of an earlier one, and the first of each hash. */
function copiesAfresh(sorted: readonly Article[]): Copies {
  const firstByHash = new Map<string, Article>()
  const list: Article[] = []
  for (const article of sorted) {
    if (firstByHash.has(article.hash)) list.push(article)
    else firstByHash.set(article.hash, article)
  }
  return {list, firstByHash}
}

/**
 * The copies among `sorted` found from `previous` and the articles added and
 * removed since, updating its map; undefined when a change would make another
 * article the first of its hash (or there are too many), for the caller to
 * start afresh.
 */
function copiesSince(previous: DuplicateMemo, sorted: readonly Article[]): Copies | undefined {
  const changes = articleChanges(previous.sorted, sorted)
  if (changes === undefined) return undefined
  const {firstByHash} = previous
  const copied = new Set(previous.copies.map((copy) => copy.hash))
  const gone = new Set<Article>()
  for (const article of changes.removed) {
    if (firstByHash.get(article.hash) !== article) gone.add(article)
    else if (copied.has(article.hash)) return undefined
    else firstByHash.delete(article.hash)
  }
  const list = previous.copies.filter((copy) => !gone.has(copy))
  let added = false
  for (const article of changes.added) {
    const first = firstByHash.get(article.hash)
    if (first === undefined) firstByHash.set(article.hash, article)
    else if (compareCodeUnits(first.source, article.source) < 0) {
      list.push(article)
      added = true
    } else return undefined
  }
  if (added) list.sort((a, b) => compareCodeUnits(a.source, b.source))
  return {list, firstByHash}
}

/**
 * The articles of `after` that are not the same objects in `before`, and
 * those of `before` not in `after`, each in source path order; undefined
 * past `maxChanges`. Note: an article whose seed changed is another object
 * at the same source path, so it is one removed and one added.
 */
function articleChanges(before: readonly Article[], after: readonly Article[]): {added: Article[]; removed: Article[]} | undefined {
  const found = matchInOrder(before, after, bySource, () => false)
  const kept = new Uint8Array(before.length)
  const added: Article[] = []
  for (let index = 0; index < after.length; index++) {
    const at = found[index] as number
    if (at >= 0) kept[at] = 1
    else if (added.push(after[index] as Article) > maxChanges) return undefined
  }
  const removed = before.filter((_, at) => kept[at] === 0)
  return added.length + removed.length > maxChanges ? undefined : {added, removed}
}
