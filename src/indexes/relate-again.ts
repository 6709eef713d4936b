import type {PlacedArticle, TopicEntry} from './archive.js'
import {compareArticles} from './compare-articles.js'
import {candidatesFor, dayNumber, keepBest, relatedOutput, relatedWindow, roundedCount, topicWeight, type Candidates} from './find-related.js'
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
 * The related articles of `articles` (with every topic they name in
 * `topics`), as `findRelated` would find them all, but found again only for
 * the articles whose lists a change since `previous` can reach; the other
 * lists are carried over. Undefined when more changed:
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
export function relateAgain(previous: RelatedMemo, articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>, maxShare: number): FoundAgain | undefined {
  const total = articles.length
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
  let count = 0
  for (let index = 0; index < total; index++) {
    if (again[index] === 0 && !carryList(previous.found, match, index, found)) again[index] = 1
    count += again[index] as number
  }
  if (count > total * maxShare) return undefined
  const finder = new ListFinder(articles, topics, found)
  for (let index = 0; index < total; index++) if (again[index] === 1) finder.relate(index)
  return {found, foundAgain: count}
}

/**
 * Finds single articles' lists by the rules of `RelatedFinder`, from the
 * topics' own lists. Why: for the few articles a change reaches, making the
 * finder's inputs (every topic's list copied into one array, every article's
 * day) took longer than finding their lists (20-35 ms of a dev build that
 * added one seed to 100,000 articles, in profiles).
 */
class ListFinder {
  /** Their `days` hold the days of the articles met so far (see `known`). */
  private readonly candidates: Candidates
  private readonly known: Uint8Array

  constructor(
    private readonly articles: readonly PlacedArticle[],
    private readonly topics: ReadonlyMap<string, TopicEntry>,
    private readonly found: Int32Array,
  ) {
    this.candidates = candidatesFor(articles.length, new Int32Array(articles.length))
    this.known = new Uint8Array(articles.length)
  }

  /** Find article `index`'s list. */
  relate(index: number): void {
    const {articles, topics, candidates} = this
    const {scores, touched} = candidates
    let touchedCount = 0
    // Note: the topics in the article's order, so each candidate's score adds up in the same order as in `RelatedFinder`;
    // an article names each slug once (see `finishArticle`, `joinSurnames`).
    for (const {slug} of (articles[index] as PlacedArticle).topics) {
      const list = topics.get(slug)?.articles
      if (list === undefined || list.length < 2) continue
      const position = placeIn(list, index)
      if (position < 0) continue
      const weight = topicWeight(articles.length, list.length)
      const to = Math.min(list.length, position + relatedWindow + 1)
      for (let k = Math.max(0, position - relatedWindow); k < to; k++) {
        const other = list[k] as number
        if (scores[other] === 0) touched[touchedCount++] = other
        scores[other] = (scores[other] as number) + weight
      }
    }
    this.learnDay(index)
    for (let t = 0; t < touchedCount; t++) this.learnDay(touched[t] as number)
    keepBest(index, touchedCount, candidates, this.found)
  }

  private learnDay(index: number): void {
    if (this.known[index] === 1) return
    this.candidates.days[index] = dayNumber((this.articles[index] as PlacedArticle).date)
    this.known[index] = 1
  }
}

/** Where `index` is in `list` (ascending), or -1. */
function placeIn(list: readonly number[], index: number): number {
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const value = list[middle] as number
    if (value === index) return middle
    if (value < index) low = middle + 1
    else high = middle - 1
  }
  return -1
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
