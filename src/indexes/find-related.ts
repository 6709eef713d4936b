import type {PlacedArticle, TopicEntry} from './archive.js'
import type {TopicMentions} from './group-by-topic.js'
import {relatedLimit, RelatedLists} from './related-lists.js'

/** How far to look along each topic's list on either side of the article. Keeps the step linear. */
export const relatedWindow = 40

/**
 * What `RelatedFinder.relate` works on, as numbers only: topics are numbered, and
 * every list is a run of one flat array. Note: the arrays live in shared
 * memory, so that a worker thread can take some of the articles without
 * a copy (see `RelatedSearch`).
 */
export interface RelatedInputs {
  /** The number of articles. */
  readonly total: number
  /** Topic `t`'s articles are `members[listStarts[t]]` up to `members[listStarts[t + 1]]`, in article order. */
  readonly listStarts: Int32Array
  readonly members: Int32Array
  /** Topic `t`'s weight: its rarity (see `topicWeight`). */
  readonly weights: Float64Array
  /** Article `a`'s day, counted from 1970-01-01, for ties: nearer in time ranks first. */
  readonly days: Int32Array
  /** Article `a`'s topics are `articleTopics[topicStarts[a]]` up to `articleTopics[topicStarts[a + 1]]`. */
  readonly topicStarts: Int32Array
  readonly articleTopics: Int32Array
}

/**
 * Up to five related articles per article: those sharing the most topics,
 * each topic weighted by its rarity (inverse document frequency), the nearer
 * day breaking ties, then the article's place in the archive. Candidates come
 * from a window around the article in each topic's list, so the cost grows
 * with the number of articles, not its square. No two articles here have the
 * same text: `buildArchive` publishes byte-identical seeds once.
 * Note: nothing here moves when an article far away is added or removed
 * (neither the weights, see `topicWeight`, nor the ties, which an index
 * distance would break differently once an article came between), so a dev
 * build finds again only the lists a change can reach (see `relateAgain`).
 */
export function findRelated(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>, mentions?: TopicMentions): RelatedLists {
  const inputs = relatedInputs(articles, topics, mentions)
  const found = relatedOutput(inputs.total)
  new RelatedFinder(inputs, found).relate(0, inputs.total)
  return new RelatedLists(found)
}

/**
 * The numbers `findRelated` works on, in shared memory. Topics an article
 * names but `topics` does not hold are left out. `mentions`, when given, are
 * the articles' topics numbered by their place in `topics`, which must then
 * hold every topic they name (`groupByTopic` gives both).
 */
export function relatedInputs(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>, mentions?: TopicMentions): RelatedInputs {
  const total = articles.length
  let memberCount = 0
  for (const entry of topics.values()) memberCount += entry.articles.length
  const listStarts = sharedInts(topics.size + 1)
  const members = sharedInts(memberCount)
  const weights = new Float64Array(new SharedArrayBuffer(topics.size * Float64Array.BYTES_PER_ELEMENT))
  let at = 0
  let topic = 0
  for (const entry of topics.values()) {
    listStarts[topic] = at
    members.set(entry.articles, at)
    at += entry.articles.length
    weights[topic++] = topicWeight(total, entry.articles.length)
  }
  listStarts[topic] = at
  const {topicStarts, articleTopics} = mentions ?? numberMentions(articles, topics)
  return {total, listStarts, members, weights, days: dayNumbers(articles), topicStarts: sharedCopy(topicStarts), articleTopics: sharedCopy(articleTopics)}
}

/**
 * A topic's weight among `total` articles when `count` of them have it:
 * log(1 + total / count), of both counts rounded down to three binary digits
 * (see `roundedCount`).
 * Why: with the exact counts every article added would change every
 * topic's weight a little, and with it perhaps any article's list; rounded,
 * a topic's weight changes only when its count crosses a step (every eighth
 * to quarter of its size), and so do the lists of its articles, which is
 * what lets a dev build find again only the lists a change can reach.
 */
export function topicWeight(total: number, count: number): number {
  return Math.log(1 + roundedCount(total) / roundedCount(count))
}

/** `count` (a positive integer) rounded down to its three leading binary digits: 1 to 7 as they are, then 8, 10, 12, 14, 16, 20, 24, ... */
export function roundedCount(count: number): number {
  const shift = Math.max(0, 29 - Math.clz32(count))
  return (count >>> shift) << shift
}

/**
 * Each article's day counted from 1970-01-01, in shared memory. Note: the
 * archive's articles come a day at a time, so each day's date is read once.
 */
function dayNumbers(articles: readonly PlacedArticle[]): Int32Array {
  const days = sharedInts(articles.length)
  let date = ''
  let day = 0
  for (let index = 0; index < articles.length; index++) {
    const article = articles[index] as PlacedArticle
    if (article.date !== date) {
      date = article.date
      day = dayNumber(date)
    }
    days[index] = day
  }
  return days
}

/** A `YYYY-MM-DD` date's day counted from 1970-01-01. Note: a date-only ISO string is read as UTC midnight. */
export function dayNumber(date: string): number {
  return Date.parse(date) / 86_400_000
}

/** `TopicMentions` of `articles`, the topics numbered by their place in `topics`; those it does not hold are left out. */
function numberMentions(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>): TopicMentions {
  const topicIds = new Map<string, number>()
  for (const slug of topics.keys()) topicIds.set(slug, topicIds.size)
  let topicCount = 0
  for (const article of articles) topicCount += article.topics.length
  const topicStarts = new Int32Array(articles.length + 1)
  const articleTopics = new Int32Array(topicCount)
  let next = 0
  articles.forEach((article, index) => {
    topicStarts[index] = next
    for (const {slug} of article.topics) {
      const id = topicIds.get(slug)
      if (id !== undefined) articleTopics[next++] = id
    }
  })
  topicStarts[articles.length] = next
  return {topicStarts, articleTopics: articleTopics.subarray(0, next)}
}

/**
 * Where `RelatedFinder` puts its results, in shared memory: per article a
 * count, then up to `relatedLimit` article indexes, best first.
 */
export function relatedOutput(total: number): Int32Array {
  return sharedInts(total * (relatedLimit + 1))
}

/**
 * Finds the related articles of ranges of articles, in ascending order, into
 * shared output. Each thread that takes part has its own finder; which
 * thread finds an article's list changes nothing in it.
 *
 * Note: at 100,000 articles the windows visit about fifty million candidates,
 * so the loop works on numbers only: each topic's next position is a cursor
 * (its list is in article order, and this finder's ranges ascend), scores
 * live in one reused array, and the best five are kept in place rather than
 * collected and sorted.
 */
export class RelatedFinder {
  private readonly cursors: Int32Array
  private readonly candidates: Candidates

  constructor(
    private readonly inputs: RelatedInputs,
    private readonly found: Int32Array,
  ) {
    this.cursors = inputs.listStarts.slice(0, -1)
    this.candidates = candidatesFor(inputs.total, inputs.days)
  }

  /** Find the lists of articles `start` up to `end`, after those of any earlier range given to this finder. */
  relate(start: number, end: number): void {
    const {listStarts, members, weights, days, topicStarts, articleTopics} = this.inputs
    const {cursors, candidates, found} = this
    const {scores, touched} = candidates
    for (let index = start; index < end; index++) {
      let touchedCount = 0
      const topicsEnd = topicStarts[index + 1] as number
      for (let t = topicStarts[index] as number; t < topicsEnd; t++) {
        const id = articleTopics[t] as number
        const listStart = listStarts[id] as number
        const listEnd = listStarts[id + 1] as number
        // Note: an article lists a topic once, so the topic's cursor is at or before this article.
        let position = cursors[id] as number
        while (position < listEnd && (members[position] as number) < index) position++
        if (position === listEnd || members[position] !== index) continue
        cursors[id] = position + 1
        if (listEnd - listStart < 2) continue
        const weight = weights[id] as number
        const to = Math.min(listEnd, position + relatedWindow + 1)
        for (let k = Math.max(listStart, position - relatedWindow); k < to; k++) {
          const other = members[k] as number
          // Note: every weight is above 0, so a score of 0 means not seen yet.
          if (scores[other] === 0) touched[touchedCount++] = other
          scores[other] = (scores[other] as number) + weight
        }
      }
      keepBest(index, touchedCount, candidates, found)
    }
  }
}

/** Where a finder scores one article's candidates at a time (see `keepBest`), reused from one article to the next. */
export interface Candidates {
  /** Each article's score as a candidate, 0 for one not scored. */
  readonly scores: Float64Array
  /** The candidates scored, perhaps the article itself among them. */
  readonly touched: Int32Array
  /** Each candidate's day, and the article's (see `RelatedInputs.days`). */
  readonly days: Int32Array
  /** Room for the best. */
  readonly best: Int32Array
}

/** `Candidates` for an archive of `total` articles whose days are `days`. */
export function candidatesFor(total: number, days: Int32Array): Candidates {
  return {scores: new Float64Array(total), touched: new Int32Array(total), days, best: new Int32Array(relatedLimit)}
}

/**
 * Keep the best `relatedLimit` of article `index`'s scored candidates (the
 * first `touchedCount` of `candidates.touched`), best first, as its list in
 * `found` (see `relatedOutput`), and set their scores back to 0 for the next
 * article.
 */
export function keepBest(index: number, touchedCount: number, candidates: Candidates, found: Int32Array): void {
  const {scores, touched, days, best} = candidates
  let kept = 0
  for (let t = 0; t < touchedCount; t++) {
    const other = touched[t] as number
    // Note: the article itself was scored with the rest, which is cheaper than testing each visit.
    if (other === index) continue
    if (kept === relatedLimit && !ranksBefore(other, best[relatedLimit - 1] as number, index, scores, days)) continue
    let at = kept < relatedLimit ? kept++ : relatedLimit - 1
    while (at > 0 && ranksBefore(other, best[at - 1] as number, index, scores, days)) {
      best[at] = best[at - 1] as number
      at--
    }
    best[at] = other
  }
  const out = index * (relatedLimit + 1)
  found[out] = kept
  found.set(best.subarray(0, kept), out + 1)
  for (let t = 0; t < touchedCount; t++) scores[touched[t] as number] = 0
}

/**
 * Whether candidate `a` ranks before `b` for article `index`: higher score,
 * then the nearer day, then the lower index (the one of the two that comes
 * first in the archive, whatever is added or removed elsewhere).
 */
function ranksBefore(a: number, b: number, index: number, scores: Float64Array, days: Int32Array): boolean {
  const scoreA = scores[a] as number
  const scoreB = scores[b] as number
  if (scoreA !== scoreB) return scoreA > scoreB
  const day = days[index] as number
  const distanceA = Math.abs((days[a] as number) - day)
  const distanceB = Math.abs((days[b] as number) - day)
  return distanceA !== distanceB ? distanceA < distanceB : a < b
}

function sharedInts(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT))
}

/** `ints` copied into shared memory, where a worker thread can read them. */
function sharedCopy(ints: Int32Array): Int32Array {
  const copy = sharedInts(ints.length)
  copy.set(ints)
  return copy
}
