import {problem, type Problem} from '../problems/content-error.js'
import type {PlacedArticle, TopicEntry} from './archive.js'
import {regroupTopics} from './regroup-topics.js'
import {countMention, hasPage, newTally, relatedTopics, type Tally, type TopicGrouping} from './topic-tallies.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/**
 * Each article's topics by number: article `a`'s are `articleTopics[topicStarts[a]]`
 * up to `articleTopics[topicStarts[a + 1]]`, in the order it names them, each
 * numbered by its place in the map of every topic (`groupByTopic`'s `all`).
 */
export interface TopicMentions {
  readonly topicStarts: Int32Array
  readonly articleTopics: Int32Array
}

/** What `groupByTopic` gives. */
export interface TopicGroups {
  readonly topics: Map<string, TopicEntry>
  readonly all: Map<string, TopicEntry>
  readonly mentions: TopicMentions
  readonly problems: Problem[]
  readonly memo: TopicGrouping
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
 * `previous` is what the call before returned as `memo`, in a process that
 * runs several builds: when few articles changed since, only their topics are
 * counted again (see `regroupTopics`); the result is the same.
 */
export function groupByTopic(articles: readonly PlacedArticle[], minArticles: number, previous?: TopicGrouping): TopicGroups {
  const regrouped = previous !== undefined && previous.minArticles === minArticles && previous.problems.length === 0 ? regroupTopics(articles, previous) : undefined
  return present(regrouped ?? groupAfresh(articles, minArticles))
}

/** Every article's topics counted. */
function groupAfresh(articles: readonly PlacedArticle[], minArticles: number): TopicGrouping {
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
        tallies.push(newTally(topic))
      }
      ids[at++] = id
      const first = countMention(tallies[id] as Tally, topic, article)
      if (first) problems.push(problem('topic-slug-collision', {file: article.file, place: {line: 1, column: 1}}, `the topic "${topic.name}" has the URL /topics/${topic.slug}/, already used by "${first.name}"`, [{file: first.article.file, place: {line: 1, column: 1}}]))
    }
  }
  firstIdOf[articles.length] = at
  fillArticleLists(tallies, ids, firstIdOf)
  for (const tally of tallies) tally.hasPage = hasPage(tally, minArticles)
  relatedTopics(tallies, ids, firstIdOf, tallies.keys())
  const bySlug = [...tallies.keys()].sort((a, b) => compareCodeUnits((tallies[a] as Tally).slug, (tallies[b] as Tally).slug))
  return {articles, minArticles, tallies, idOfSlug, ids, firstIdOf, bySlug, problems}
}

/** The maps and numbers `groupByTopic` gives, from a grouping. */
function present(grouping: TopicGrouping): TopicGroups {
  const {tallies, ids, firstIdOf, bySlug} = grouping
  const all = new Map<string, TopicEntry>()
  const topics = new Map<string, TopicEntry>()
  const placeInAll = new Int32Array(tallies.length)
  for (const id of bySlug) {
    const tally = tallies[id] as Tally
    placeInAll[id] = all.size
    const entry: TopicEntry = {
      name: tally.given?.name ?? tally.names.mostFrequent(),
      slug: tally.slug,
      kind: tally.kinds.mostFrequent(),
      articles: tally.articles,
      related: tally.related,
    }
    all.set(tally.slug, entry)
    if (tally.hasPage) topics.set(tally.slug, entry)
  }
  // Note: the related articles are found from these numbers; numbered here, the slugs of 100,000 articles' topics are
  // not looked up a second time (about 50 ms of a dev build that adds one seed, in profiles).
  const mentions = {topicStarts: firstIdOf, articleTopics: ids.map((id) => placeInAll[id] as number)}
  return {topics, all, mentions, problems: [...grouping.problems], memo: grouping}
}

/**
 * Fill each topic's articles (by number, in article order), from each article's
 * topics (`ids`, as `groupByTopic` lists them). Note: each list is made at
 * its full length and filled, rather than grown a push at a time: with that
 * and the plain loop that counts them, grouping the 476,376 topic mentions of
 * 100,003 articles took 15–30 % less time (BENCHMARKS.md).
 */
function fillArticleLists(tallies: readonly Tally[], ids: Int32Array, firstIdOf: Int32Array): void {
  const lists = tallies.map((tally) => new Array<number>(tally.count))
  const filled = new Int32Array(tallies.length)
  for (let article = 0; article + 1 < firstIdOf.length; article++) {
    for (let at = firstIdOf[article] as number; at < (firstIdOf[article + 1] as number); at++) {
      const id = ids[at] as number
      ;(lists[id] as number[])[(filled[id] as number)++] = article
    }
  }
  tallies.forEach((tally, id) => {
    tally.articles = lists[id] as number[]
  })
}

