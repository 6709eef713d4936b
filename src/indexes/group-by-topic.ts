import type {TopicKind} from '../model/article.js'
import {problem, type Problem} from '../problems/content-error.js'
import type {PlacedArticle, TopicEntry} from './archive.js'
import {topEntries} from './top-entries.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** Most related topics listed per topic. */
const relatedTopicLimit = 10

interface Tally {
  readonly slug: string
  /** Mentions of the topic: one per article that names it. */
  count: number
  readonly names: Counts<string>
  readonly kinds: Counts<TopicKind>
  /** The first article that gave the topic in front matter, under which name. */
  given?: {readonly name: string; readonly article: PlacedArticle}
}

/**
 * Each article's topics by number: article `a`'s are `articleTopics[topicStarts[a]]`
 * up to `articleTopics[topicStarts[a + 1]]`, in the order it names them, each
 * numbered by its place in the map of every topic (`groupByTopic`'s `all`).
 */
export interface TopicMentions {
  readonly topicStarts: Int32Array
  readonly articleTopics: Int32Array
}

/**
 * Gather every topic's articles (in article order). Spellings that share a
 * slug are one topic, shown under its most frequent spelling; two different
 * spellings both given in front matter are an error, since the author chose them.
 * `topics` holds the topics that get a page: those given in front matter, and
 * those found in the text of at least `minArticles` articles; `all` holds every
 * one (those without a page with no related topics).
 * Note: a name found in one article's text is most often a passing mention, and
 * its page would only repeat the link to that article; an author's own topic
 * always gets its page, since the article links to it on purpose.
 */
export function groupByTopic(articles: readonly PlacedArticle[], minArticles: number): {topics: Map<string, TopicEntry>; all: Map<string, TopicEntry>; mentions: TopicMentions; problems: Problem[]} {
  const tallies: Tally[] = []
  const idOfSlug = new Map<string, number>()
  const problems: Problem[] = []
  // Note: each article's topics by number, for counting co-occurrences: at 100,000 articles they take millions of steps.
  // Article `a`'s are `ids[firstIdOf[a]]` to `ids[firstIdOf[a + 1] - 1]`.
  let mentions = 0
  for (const article of articles) mentions += article.topics.length
  const ids = new Int32Array(mentions)
  const firstIdOf = new Int32Array(articles.length + 1)
  let at = 0
  // Note: a loop rather than `forEach`, whose callback would keep `at` in a context of its own, dearer to count with.
  for (let index = 0; index < articles.length; index++) {
    const article = articles[index] as PlacedArticle
    firstIdOf[index] = at
    for (const topic of article.topics) {
      let id = idOfSlug.get(topic.slug)
      if (id === undefined) {
        id = tallies.length
        idOfSlug.set(topic.slug, id)
        tallies.push({slug: topic.slug, count: 0, names: new Counts(topic.name), kinds: new Counts(topic.kind)})
      }
      ids[at++] = id
      const tally = tallies[id] as Tally
      tally.count++
      tally.names.add(topic.name)
      tally.kinds.add(topic.kind)
      if (topic.origin === 'given') {
        if (!tally.given) tally.given = {name: topic.name, article}
        else if (tally.given.name !== topic.name) {
          const first = tally.given
          problems.push(problem('topic-slug-collision', {file: article.file, place: {line: 1, column: 1}}, `the topic "${topic.name}" has the URL /topics/${topic.slug}/, already used by "${first.name}"`, [{file: first.article.file, place: {line: 1, column: 1}}]))
        }
      }
    }
  }
  firstIdOf[articles.length] = at
  const articlesOf = articleLists(tallies, ids, firstIdOf)
  const hasPage = tallies.map((tally) => tally.given !== undefined || tally.count >= minArticles)
  const related = relatedTopics(tallies, articlesOf, ids, firstIdOf, hasPage)
  const all = new Map<string, TopicEntry>()
  const topics = new Map<string, TopicEntry>()
  const placeInAll = new Int32Array(tallies.length)
  for (const [id, tally] of [...tallies.entries()].sort(([, a], [, b]) => compareCodeUnits(a.slug, b.slug))) {
    placeInAll[id] = all.size
    const entry: TopicEntry = {
      name: tally.given?.name ?? tally.names.mostFrequent(),
      slug: tally.slug,
      kind: tally.kinds.mostFrequent(),
      articles: articlesOf[id] as number[],
      related: related[id] as TopicEntry['related'],
    }
    all.set(tally.slug, entry)
    if (hasPage[id]) topics.set(tally.slug, entry)
  }
  // Note: the related articles are found from these numbers; numbered here, the slugs of 100,000 articles' topics are
  // not looked up a second time (about 50 ms of a dev build that adds one seed, in profiles).
  const numbered = {topicStarts: firstIdOf, articleTopics: ids.map((id) => placeInAll[id] as number)}
  return {topics, all, mentions: numbered, problems}
}

/**
 * Each topic's articles (by number, in article order), from each article's
 * topics (`ids`, as `groupByTopic` lists them). Note: each list is made at
 * its full length and filled, rather than grown a push at a time: with that
 * and the plain loop that counts them, grouping the 476,376 topic mentions of
 * 100,003 articles took 15–30 % less time (BENCHMARKS.md).
 */
function articleLists(tallies: readonly Tally[], ids: Int32Array, firstIdOf: Int32Array): number[][] {
  const lists = tallies.map((tally) => new Array<number>(tally.count))
  const filled = new Int32Array(tallies.length)
  for (let article = 0; article + 1 < firstIdOf.length; article++) {
    for (let at = firstIdOf[article] as number; at < (firstIdOf[article + 1] as number); at++) {
      const id = ids[at] as number
      ;(lists[id] as number[])[(filled[id] as number)++] = article
    }
  }
  return lists
}

/**
 * Each topic's most frequent companions (at most `relatedTopicLimit`): the
 * topics with a page (`hasPage`, by number) sharing the most articles with
 * it, ties by slug. Note: those without a page are left out before the best
 * are chosen, or they would take places in the list and leave it short. `ids` holds every
 * article's topic numbers, article `a`'s from `firstIdOf[a]` to `firstIdOf[a + 1]`.
 * Note: counted one topic at a time in a reused array, far cheaper than a
 * map of counts per topic.
 */
function relatedTopics(tallies: readonly Tally[], articlesOf: readonly (readonly number[])[], ids: Int32Array, firstIdOf: Int32Array, hasPage: readonly boolean[]): {slug: string; count: number}[][] {
  const counts = new Int32Array(tallies.length)
  const seen: number[] = []
  return tallies.map((_, id) => {
    // Note: a topic without a page never shows its companions.
    if (!hasPage[id]) return []
    seen.length = 0
    for (const article of articlesOf[id] as readonly number[]) {
      for (let at = firstIdOf[article] as number; at < (firstIdOf[article + 1] as number); at++) {
        const other = ids[at] as number
        if (other === id || !hasPage[other]) continue
        if (counts[other] === 0) seen.push(other)
        counts[other] = (counts[other] as number) + 1
      }
    }
    const companions = seen.map((other) => ({slug: (tallies[other] as Tally).slug, count: counts[other] as number}))
    for (const other of seen) counts[other] = 0
    return topEntries(companions, relatedTopicLimit, (a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1))
  })
}

/**
 * How often each key was `add`ed; `first` is the key expected, seen no times yet.
 * Note: most topics have one spelling and one kind, so a map of counts is made
 * only once a second key turns up: a large archive counts millions of them.
 */
class Counts<K extends string> {
  private firstCount = 0
  private counts: Map<K, number> | undefined

  constructor(private readonly first: K) {}

  add(key: K): void {
    if (this.counts) this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
    else if (key === this.first) this.firstCount++
    else this.counts = new Map([[this.first, this.firstCount], [key, 1]])
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
