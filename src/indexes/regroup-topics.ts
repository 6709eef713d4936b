import {compareCodeUnits} from '../text/code-unit-order.js'
import type {PlacedArticle} from './archive.js'
import {countMention, hasPage, newTally, relatedTopics, takeBackMention, type Tally, type TopicGrouping} from './topic-tallies.js'
import {sameTopics} from './same-topics.js'
import {compareArticles} from './compare-articles.js'
import {fewChanges} from './match-articles.js'

/**
 * The grouping of `articles` by topic, made from `previous` (the grouping of
 * the build before, which this takes over and changes) by counting only the
 * articles added or removed since, or their topics changed: the very grouping
 * counting every article afresh gives (`groupByTopic`, whose property test
 * checks it). Undefined when that must be done after all: too many changes,
 * or one that could give a problem (a second spelling given for a slug).
 *
 * Why: at 100,000 articles, counting the 476,000 topic mentions afresh took
 * 0.23-0.39 s of a dev build that added one seed, in profiles, most of it
 * waiting on memory for the articles' topics and the slugs' map. Here, every
 * topic's list and every article's topic numbers are carried over as
 * numbers; only the changed articles' topics are looked up, and only their
 * topics' companions counted again, with those of any topic that gained or
 * lost its page.
 */
export function regroupTopics(articles: readonly PlacedArticle[], previous: TopicGrouping): TopicGrouping | undefined {
  const {tallies, idOfSlug, minArticles} = previous
  const match = fewChanges(previous.articles, articles, compareArticles, (article, old) => sameTopics(article.topics, old.topics))
  if (match === undefined) return undefined
  const {before, after} = match

  const born = new Set<number>()
  const touched = new Set<number>()
  // Note: the removed articles' mentions are taken back first, so a spelling given anew by an added one is judged alone.
  for (let old = 0; old < previous.articles.length; old++) {
    if (after[old] !== -1) continue
    const {topics} = previous.articles[old] as PlacedArticle
    const first = previous.firstIdOf[old] as number
    topics.forEach((topic, place) => {
      const id = previous.ids[first + place] as number
      takeBackMention(tallies[id] as Tally, topic)
      touched.add(id)
    })
  }
  // Note: each added article's topic numbers, and each topic's added articles, in article order.
  const addedIds = new Map<number, number[]>()
  const addedTo = new Map<number, number[]>()
  for (let index = 0; index < articles.length; index++) {
    if (before[index] !== -1) continue
    const numbers: number[] = []
    for (const topic of (articles[index] as PlacedArticle).topics) {
      let id = idOfSlug.get(topic.slug)
      if (id === undefined) {
        id = tallies.length
        idOfSlug.set(topic.slug, id)
        tallies.push(newTally(topic))
      }
      const tally = tallies[id] as Tally
      if (tally.count === 0) born.add(id)
      if (countMention(tally, topic, articles[index] as PlacedArticle)) return undefined
      numbers.push(id)
      touched.add(id)
      const list = addedTo.get(id)
      if (list) list.push(index)
      else addedTo.set(id, [index])
    }
    addedIds.set(index, numbers)
  }

  const {ids, firstIdOf} = carryNumbers(articles, before, previous, addedIds)
  for (const [id, tally] of tallies.entries()) tally.articles = carryList(tally.articles, after, touched.has(id) ? addedTo.get(id) : undefined)

  // Note: a topic whose page came or went changes the companions of every topic its articles name. Only a touched
  // topic's count can have changed, so only its page.
  const recount = new Set(touched)
  for (const id of touched) {
    const tally = tallies[id] as Tally
    const had = tally.hasPage
    tally.hasPage = hasPage(tally, minArticles)
    if (tally.hasPage === had) continue
    for (const article of tally.articles) for (let at = firstIdOf[article] as number; at < (firstIdOf[article + 1] as number); at++) recount.add(ids[at] as number)
  }
  relatedTopics(tallies, ids, firstIdOf, recount)
  const dead = [...touched].some((id) => (tallies[id] as Tally).count === 0)
  const bySlug = born.size === 0 && !dead ? previous.bySlug : mergeBySlug(previous.bySlug, born, tallies)
  return {articles, minArticles, tallies, idOfSlug, ids, firstIdOf, bySlug, problems: []}
}

/** Every article's topic numbers in the new order: an unchanged article's copied from the grouping before. */
function carryNumbers(articles: readonly PlacedArticle[], before: Int32Array, previous: TopicGrouping, addedIds: ReadonlyMap<number, readonly number[]>): {ids: Int32Array; firstIdOf: Int32Array} {
  const firstIdOf = new Int32Array(articles.length + 1)
  let mentions = 0
  for (let index = 0; index < articles.length; index++) {
    const old = before[index] as number
    mentions += old < 0 ? (addedIds.get(index) as readonly number[]).length : (previous.firstIdOf[old + 1] as number) - (previous.firstIdOf[old] as number)
  }
  const ids = new Int32Array(mentions)
  let at = 0
  for (let index = 0; index < articles.length; index++) {
    firstIdOf[index] = at
    const old = before[index] as number
    if (old < 0) {
      for (const id of addedIds.get(index) as readonly number[]) ids[at++] = id
      continue
    }
    const end = previous.firstIdOf[old + 1] as number
    for (let from = previous.firstIdOf[old] as number; from < end; from++) ids[at++] = previous.ids[from] as number
  }
  firstIdOf[articles.length] = at
  return {ids, firstIdOf}
}

/**
 * A topic's articles in the new order: the old list's numbers moved as
 * `after` says (those removed left out), merged with `added` (ascending).
 */
function carryList(list: readonly number[], after: Int32Array, added: readonly number[] | undefined): number[] {
  const moved = new Array<number>(list.length)
  let length = 0
  for (const old of list) {
    const index = after[old] as number
    if (index >= 0) moved[length++] = index
  }
  moved.length = length
  if (added === undefined) return moved
  const merged = new Array<number>(length + added.length)
  let from = 0
  let next = 0
  for (let at = 0; at < merged.length; at++) {
    merged[at] = next < added.length && (from === length || (added[next] as number) < (moved[from] as number)) ? (added[next++] as number) : (moved[from++] as number)
  }
  return merged
}

/** `bySlug` without the topics no article names any longer, and with those `born` since. */
function mergeBySlug(bySlug: readonly number[], born: ReadonlySet<number>, tallies: readonly Tally[]): number[] {
  const slugOf = (id: number): string => (tallies[id] as Tally).slug
  const living = bySlug.filter((id) => (tallies[id] as Tally).count > 0 && !born.has(id))
  const newcomers = [...born].filter((id) => (tallies[id] as Tally).count > 0).sort((a, b) => compareCodeUnits(slugOf(a), slugOf(b)))
  const merged: number[] = []
  let next = 0
  for (const id of living) {
    while (next < newcomers.length && compareCodeUnits(slugOf(newcomers[next] as number), slugOf(id)) < 0) merged.push(newcomers[next++] as number)
    merged.push(id)
  }
  while (next < newcomers.length) merged.push(newcomers[next++] as number)
  return merged
}
