import type {PlacedArticle, TopicEntry} from './archive.js'
import {compareArticles} from './compare-articles.js'
import {RelatedFinder, relatedOutput, relatedWindow, roundedCount, type RelatedInputs} from './find-related.js'
import {relatedLimit} from './related-lists.js'
import {fewChanges, type Match} from './match-articles.js'
import {sameTopics} from './same-topics.js'

/**
 * What one build's related articles lend the next in a process that runs
 * several builds (the dev server): the articles and topics they were found
 * from, and the lists (as `relatedOutput` holds them). Nothing in it is
 * changed by the next build, which checks it against its own articles.
 */
export interface RelatedMemo {
  readonly articles: readonly PlacedArticle[]
  readonly topics: ReadonlyMap<string, TopicEntry>
  readonly found: Int32Array
}

/** What `relateAgain` found. */
export interface FoundAgain {
  /** Every article's list, as `relatedOutput` holds them. */
  readonly found: Int32Array
  /** The articles whose lists were found again, rather than carried over. */
  readonly foundAgain: number
}

/**
 * The related articles of `inputs` (made from `articles` and `topics`, as
 * `relatedInputs` makes them), as `RelatedFinder` would find them all, but
 * found again only for the articles whose lists a change since `previous`
 * can reach; the other lists are carried over. Undefined when more changed:
 * more articles than `maxShare` of them to find again, or more than
 * `fewChanges` follows; the caller finds them all.
 *
 * Why: at 100,000 articles finding every list took 1.5-2 s of CPU in each
 * dev build that added one seed. An article's list depends only on the
 * candidates in the windows around it in its topics' lists, those topics'
 * weights and the candidates' days; so it can change only when
 *  - the article is new, or its topics or day changed (it is matched anew),
 *  - one of its topics' weight changed (its count crossed a step, see
 *    `topicWeight`): every article of that topic,
 *  - an article came into or left one of its topics' lists within the
 *    window's reach of it: the first change along a list on either side of
 *    an article decides whether its window there holds the same articles.
 */
export function relateAgain(previous: RelatedMemo, inputs: RelatedInputs, articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>, maxShare: number): FoundAgain | undefined {
  const total = inputs.total
  if (roundedCount(previous.articles.length) !== roundedCount(total)) return undefined
  const match = fewChanges(previous.articles, articles, compareArticles, (article, old) => sameTopics(article.topics, old.topics))
  if (match === undefined) return undefined
  const again = new Uint8Array(total)
  // Note: only the topics of articles added or removed can have other lists than before: an article matched to one of
  // the build before has the same topics (and the same day).
  const touched = new Set<string>()
  for (let index = 0; index < total; index++) {
    if (match.before[index] !== -1) continue
    // Note: a new article's list has nothing to carry over (one with topics is marked again below, in its topics' lists).
    again[index] = 1
    for (const topic of (articles[index] as PlacedArticle).topics) touched.add(topic.slug)
  }
  previous.articles.forEach((article, old) => {
    if (match.after[old] === -1) for (const topic of article.topics) touched.add(topic.slug)
  })
  for (const slug of touched) {
    const entry = topics.get(slug)
    const old = previous.topics.get(slug)
    if (entry === undefined) continue
    if (old === undefined || roundedCount(old.articles.length) !== roundedCount(entry.articles.length)) {
      for (const index of entry.articles) again[index] = 1
    } else markChangedWindows(old.articles, entry.articles, match.after, again)
  }
  const found = relatedOutput(total)
  const width = relatedLimit + 1
  let count = 0
  for (let index = 0; index < total; index++) {
    if (again[index] === 0 && !carryList(previous.found, match, index, found)) again[index] = 1
    count += again[index] as number
  }
  if (count > total * maxShare) return undefined
  const finder = new RelatedFinder(inputs, found)
  for (let index = 0; index < total; index++) {
    if (again[index] === 0) continue
    found.fill(0, index * width, (index + 1) * width)
    finder.relate(index, index + 1)
  }
  return {found, foundAgain: count}
}

/**
 * Mark in `again` the articles of a topic's new list (`list`) within the
 * window's reach (and one more) of a place where an article came in or left,
 * walking it beside the old list (`old`, whose articles `after` numbers anew).
 */
function markChangedWindows(old: readonly number[], list: readonly number[], after: Int32Array, again: Uint8Array): void {
  const reach = relatedWindow + 1
  const mark = (place: number): void => {
    const end = Math.min(list.length, place + reach + 1)
    for (let at = Math.max(0, place - reach); at < end; at++) again[list[at] as number] = 1
  }
  let from = 0
  let at = 0
  while (from < old.length || at < list.length) {
    const moved = from < old.length ? (after[old[from] as number] as number) : -2
    if (at < list.length && moved === list[at]) {
      from++
      at++
    } else if (moved === -1 || (moved >= 0 && (at === list.length || moved < (list[at] as number)))) {
      // Note: an old article left here (removed, or no longer of this topic).
      mark(at)
      from++
    } else {
      // Note: an article came in here (added, or newly of this topic).
      mark(at)
      at++
    }
  }
}

/**
 * Copy an unchanged article's list from `previous` into `found`, its
 * articles numbered anew; false when one of them is gone (which a change
 * within the window's reach would have marked; this is the last guard).
 */
function carryList(previous: Int32Array, match: Match, index: number, found: Int32Array): boolean {
  const width = relatedLimit + 1
  const from = (match.before[index] as number) * width
  const to = index * width
  const count = previous[from] as number
  for (let place = 1; place <= count; place++) {
    const moved = match.after[previous[from + place] as number] as number
    if (moved < 0) return false
    found[to + place] = moved
  }
  found[to] = count
  return true
}
