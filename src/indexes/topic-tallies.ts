import type {Topic, TopicKind} from '../model/article.js'
import type {Problem} from '../problems/content-error.js'
import type {PlacedArticle, TopicEntry} from './archive.js'
import {topEntries} from './top-entries.js'

/** Most related topics listed per topic. */
const relatedTopicLimit = 10

/** What a grouping knows of one topic (one slug), by its number. */
export interface Tally {
  readonly slug: string
  /** Mentions of the topic: one per article that names it. */
  count: number
  readonly names: Counts<string>
  readonly kinds: Counts<TopicKind>
  /**
   * The first article that gave the topic in front matter, under which name.
   * Note: after a regrouping, perhaps another that gave it under that name:
   * the article is only for a problem's report, which a regrouping never makes.
   */
  given?: {readonly name: string; readonly article: PlacedArticle}
  /** Mentions whose origin is `given`: all under `given`'s name, or the grouping has a problem. */
  givenCount: number
  /** Its articles, by number in article order, once per mention. */
  articles: number[]
  hasPage: boolean
  related: TopicEntry['related']
}

/**
 * What one call of `groupByTopic` lends the next one in a process that runs
 * several builds (see `regroupTopics`). Good for one call only: the next
 * takes its tallies over and changes them.
 */
export interface TopicGrouping {
  readonly articles: readonly PlacedArticle[]
  readonly minArticles: number
  /** By topic number; a topic no article names any longer keeps its number with a count of 0. */
  readonly tallies: Tally[]
  readonly idOfSlug: Map<string, number>
  /** Each article's topic numbers: article `a`'s are `ids[firstIdOf[a]]` up to `ids[firstIdOf[a + 1]]`. */
  readonly ids: Int32Array
  readonly firstIdOf: Int32Array
  /** The numbers of the topics some article names, by slug. */
  readonly bySlug: readonly number[]
  readonly problems: readonly Problem[]
}

/** A tally of `topic`'s slug with nothing counted yet. */
export function newTally(topic: Topic): Tally {
  return {slug: topic.slug, count: 0, names: new Counts(topic.name), kinds: new Counts(topic.kind), givenCount: 0, articles: [], hasPage: false, related: []}
}

/**
 * Count one mention of `topic` by `article` in its tally. When it gives the
 * slug in front matter under another name than an earlier article did (a
 * problem), that earlier giving; else undefined.
 */
export function countMention(tally: Tally, topic: Topic, article: PlacedArticle): Tally['given'] {
  tally.count++
  tally.names.add(topic.name)
  tally.kinds.add(topic.kind)
  if (topic.origin !== 'given') return undefined
  tally.givenCount++
  if (tally.given === undefined) tally.given = {name: topic.name, article}
  return tally.given.name === topic.name ? undefined : tally.given
}

/** Take back one mention of `topic` from its tally (see `countMention`). */
export function takeBackMention(tally: Tally, topic: Topic): void {
  tally.count--
  tally.names.remove(topic.name)
  tally.kinds.remove(topic.kind)
  if (topic.origin !== 'given') return
  tally.givenCount--
  // Note: the article `given` names is only for a problem's report, which a regrouping never makes.
  if (tally.givenCount === 0) delete tally.given
}

/** Whether a topic gets a page: given in front matter, or found in at least `minArticles` articles. */
export function hasPage(tally: Tally, minArticles: number): boolean {
  return tally.givenCount > 0 || tally.count >= minArticles
}

/**
 * Set the related topics of the topics numbered `which`: each one's most
 * frequent companions (at most `relatedTopicLimit`), the topics with a page
 * sharing the most articles with it, ties by slug. Note: those without a
 * page are left out before the best are chosen, or they would take places
 * in the list and leave it short. `ids` holds every article's topic numbers,
 * article `a`'s from `firstIdOf[a]` to `firstIdOf[a + 1]`.
 * Note: counted one topic at a time in a reused array, far cheaper than a
 * map of counts per topic.
 */
export function relatedTopics(tallies: readonly Tally[], ids: Int32Array, firstIdOf: Int32Array, which: Iterable<number>): void {
  const counts = new Int32Array(tallies.length)
  const seen: number[] = []
  for (const id of which) {
    const tally = tallies[id] as Tally
    // Note: a topic without a page never shows its companions.
    if (!tally.hasPage) {
      tally.related = []
      continue
    }
    seen.length = 0
    for (const article of tally.articles) {
      for (let at = firstIdOf[article] as number; at < (firstIdOf[article + 1] as number); at++) {
        const other = ids[at] as number
        if (other === id || !(tallies[other] as Tally).hasPage) continue
        if (counts[other] === 0) seen.push(other)
        counts[other] = (counts[other] as number) + 1
      }
    }
    const companions = seen.map((other) => ({slug: (tallies[other] as Tally).slug, count: counts[other] as number}))
    for (const other of seen) counts[other] = 0
    tally.related = topEntries(companions, relatedTopicLimit, (a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1))
  }
}

/**
 * How often each key was `add`ed; `first` is the key expected, seen no times yet.
 * Note: most topics have one spelling and one kind, so a map of counts is made
 * only once a second key turns up: a large archive counts millions of them.
 */
export class Counts<K extends string> {
  private firstCount = 0
  private counts: Map<K, number> | undefined

  constructor(private readonly first: K) {}

  add(key: K): void {
    if (this.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
    else if (key === this.first) this.firstCount++
    else this.counts = new Map([[this.first, this.firstCount], [key, 1]])
  }

  /** Take back one `add` of `key`. */
  remove(key: K): void {
    if (!this.counts) {
      this.firstCount--
      return
    }
    const count = (this.counts.get(key) as number) - 1
    if (count === 0) this.counts.delete(key)
    else this.counts.set(key, count)
  }

  /** The most counted key; ties go to the smallest key, so the choice is stable. */
  mostFrequent(): K {
    if (!this.counts) return this.first
    let best: K | undefined
    let bestCount = -1
    for (const [key, count] of this.counts) {
      if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
        best = key
        bestCount = count
      }
    }
    return best as K
  }
}
