import type {Article, IsoDate} from '../model/article.js'
import type {Problem} from '../problems/content-error.js'
import type {Archive, PlacedArticle, TopicEntry} from './archive.js'
import {assignUrls, type Placings} from './assign-urls.js'
import {dropDuplicates, type DuplicateMemo} from './drop-duplicates.js'
import {groupByTopic, type TopicMentions} from './group-by-topic.js'
import {joinSurnames} from './join-surnames.js'
import {findRelated} from './find-related.js'
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
 * `assignUrls`) and which were copies (see `dropDuplicates`). Good for one
 * call only: the next takes it over and changes it.
 */
export interface IndexMemo {
  readonly placings: Placings
  readonly duplicates: DuplicateMemo
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
  const sorted = [...articles].filter((article) => settings.drafts || !article.draft).sort(bySource)
  const {unique, problems, memo: duplicates} = dropDuplicates(sorted, previous?.duplicates)
  const placed = assignUrls(unique, settings.permalink, previous?.placings)
  problems.push(...placed.problems)
  const ordered = newestDayFirst(joinSurnames(placed.placed))
  const days = runsOf(ordered, (article) => article.date)
  const months = runsOf(ordered, (article) => article.date.slice(0, 7))
  const years = runsOf(ordered, (article) => article.date.slice(0, 4))
  const topics = groupByTopic(ordered, settings.minTopicArticles)
  problems.push(...topics.problems)
  const archive = {
    articles: ordered,
    days: days as Map<IsoDate, number[]>,
    months,
    years,
    topics: topics.topics,
  }
  return {archive, allTopics: topics.all, topicMentions: topics.mentions, problems, memo: {placings: placed.placings, duplicates}}
}

function bySource(a: Article, b: Article): number {
  return compareCodeUnits(a.source, b.source)
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
 * Article indexes by a key of their date (the day, month or year), keys
 * ascending, each list in article order. Note: articles are newest day
 * first, so each key's articles follow one another.
 */
function runsOf(articles: readonly PlacedArticle[], keyOf: (article: PlacedArticle) => string): Map<string, number[]> {
  const runs: [string, number[]][] = []
  let list: number[] = []
  let last: string | undefined
  for (let index = 0; index < articles.length; index++) {
    const key = keyOf(articles[index] as PlacedArticle)
    if (key !== last) {
      last = key
      list = []
      runs.push([key, list])
    }
    list.push(index)
  }
  return new Map(runs.reverse())
}
