import type {Article, IsoDate} from '../model/article.js'
import type {Problem} from '../problems/content-error.js'
import type {Archive, PlacedArticle, TopicEntry} from './archive.js'
import {assignUrls, type Placings} from './assign-urls.js'
import {dropDuplicates, type DuplicateMemo} from './drop-duplicates.js'
import {groupByTopic, type TopicMentions} from './group-by-topic.js'
import type {TopicGrouping} from './topic-tallies.js'
import {joinSurnames, type SurnameMemo} from './join-surnames.js'
import {findRelated} from './find-related.js'
import {bySource} from './match-articles.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** What indexing needs to know from the config. */
export interface IndexSettings {
  readonly permalink: string
  readonly minTopicArticles: number
  /** Publish drafts too (for previews). */
  readonly drafts: boolean
}

/** An archive before its related articles are found (see `indexArticles`). */
export interface IndexedArchive {
  readonly archive: Omit<Archive, 'related'>
  /** Every topic the articles name, with a page or not: what related articles are found through. */
  readonly allTopics: ReadonlyMap<string, TopicEntry>
  /** Each article's topics, numbered by their place in `allTopics`. */
  readonly topicMentions: TopicMentions
  readonly problems: Problem[]
  /** What the next build of the same process may start from (see `IndexMemo`). */
  readonly memo: IndexMemo
}

/**
 * What one call of `indexArticles` lends the next one in a process that runs
 * several builds (the dev server): how it placed the articles (see
 * `assignUrls`), which were copies (see `dropDuplicates`), whose names it
 * joined (see `joinSurnames`) and how it grouped them by topic (see
 * `groupByTopic`). Good for one call only: the next takes
 * it over and changes it, so a call that fails leaves it spoilt.
 */
export interface IndexMemo {
  readonly placings: Placings
  readonly duplicates: DuplicateMemo
  readonly surnames: SurnameMemo
  readonly topics: TopicGrouping
}

/**
 * Index the articles by date and topic: drop drafts and exact duplicates,
 * give every article a unique URL, file a person named by surname alone
 * under their full name, group, and find related articles.
 * The result does not depend on the order of `articles`.
 */
export function buildArchive(articles: readonly Article[], settings: IndexSettings): {archive: Archive; problems: Problem[]} {
  const {archive, allTopics, topicMentions, problems} = indexArticles(articles, settings)
  return {archive: {...archive, related: findRelated(archive.articles, allTopics, topicMentions)}, problems}
}

/**
 * `buildArchive` without the related articles, which a large build finds on
 * a worker thread (`RelatedSearch`) from `allTopics`. `previous` is what the
 * call before returned as `memo`, in a process that runs several builds.
 */
export function indexArticles(articles: readonly Article[], settings: IndexSettings, previous?: IndexMemo): IndexedArchive {
  const sorted = publishedBySource(articles, settings.drafts)
  const {unique, problems, memo: duplicates} = dropDuplicates(sorted, previous?.duplicates)
  const placed = assignUrls(unique, settings.permalink, previous?.placings)
  problems.push(...placed.problems)
  const joined = joinSurnames(placed.placed, previous?.surnames)
  const ordered = newestDayFirst(joined.articles)
  const days = dayRuns(ordered)
  const months = mergeRuns(days, 7)
  const years = mergeRuns(days, 4)
  const topics = groupByTopic(ordered, settings.minTopicArticles, previous?.topics)
  problems.push(...topics.problems)
  const archive = {
    articles: ordered,
    days: days as Map<IsoDate, number[]>,
    months,
    years,
    topics: topics.topics,
  }
  return {archive, allTopics: topics.all, topicMentions: topics.mentions, problems, memo: {placings: placed.placings, duplicates, surnames: joined.memo, topics: topics.memo}}
}

/**
 * `articles` without the drafts (unless `drafts`), in source path order.
 * Note: a build gives them in that order already (its seeds'), which the
 * pass that leaves drafts out checks; sorting them anyway read every
 * article's path again (20-40 ms of a dev build that added one seed to
 * 100,000, with the spread and filter before it, in profiles).
 */
function publishedBySource(articles: readonly Article[], drafts: boolean): Article[] {
  const published: Article[] = []
  let ordered = true
  let last = ''
  for (const article of articles) {
    if (article.draft && !drafts) continue
    if (published.length > 0 && compareCodeUnits(last, article.source) > 0) ordered = false
    last = article.source
    published.push(article)
  }
  return ordered ? published : published.sort(bySource)
}

/**
 * `articles`, given in source path order, in the one order of the archive
 * (see `compareArticles`): each day's articles gathered in the order given,
 * the days newest first. Note: the same as sorting them with
 * `compareArticles`, which at 100,000 articles took about 0.1 s of a build
 * that added one seed; only the days need sorting.
 */
function newestDayFirst(articles: readonly PlacedArticle[]): PlacedArticle[] {
  const byDay = new Map<string, PlacedArticle[]>()
  for (const article of articles) {
    const list = byDay.get(article.date)
    if (list) list.push(article)
    else byDay.set(article.date, [article])
  }
  const ordered: PlacedArticle[] = []
  for (const day of [...byDay.keys()].sort(compareCodeUnits).reverse()) for (const article of byDay.get(day) as PlacedArticle[]) ordered.push(article)
  return ordered
}

/**
 * Each day's article indexes, days ascending, each list in article order.
 * Note: articles are newest day first, so each day's follow one another.
 */
function dayRuns(articles: readonly PlacedArticle[]): Map<string, number[]> {
  const runs: [string, number[]][] = []
  let list: number[] = []
  let last: string | undefined
  for (let index = 0; index < articles.length; index++) {
    const day = (articles[index] as PlacedArticle).date
    if (day !== last) {
      last = day
      list = []
      runs.push([day, list])
    }
    list.push(index)
  }
  return new Map(runs.reverse())
}

/**
 * The runs of `days` (as `dayRuns` gives them) merged by the first `length`
 * characters of the day (`YYYY-MM`, `YYYY`), keys ascending, each list in
 * article order. Note: a month's days are next to one another, and so are
 * their articles, newest day first; so each month's list is its days' lists
 * from the newest, and its key is cut once per day rather than once per
 * article (200,000 times at 100,000 articles).
 */
function mergeRuns(days: ReadonlyMap<string, readonly number[]>, length: number): Map<string, number[]> {
  const keys = [...days.keys()]
  const lists = [...days.values()]
  const merged: [string, number[]][] = []
  for (let end = keys.length; end > 0; ) {
    const key = (keys[end - 1] as string).slice(0, length)
    let start = end - 1
    while (start > 0 && (keys[start - 1] as string).startsWith(key)) start--
    const list: number[] = []
    for (let at = end - 1; at >= start; at--) for (const index of lists[at] as readonly number[]) list.push(index)
    merged.push([key, list])
    end = start
  }
  return new Map(merged.reverse())
}
