import type {Article, IsoDate} from '../model/article.js'
import {problem, type Problem} from '../problems/content-error.js'
import {fileStart} from '../problems/source-point.js'
import type {Archive, PlacedArticle, TopicEntry} from './archive.js'
import {assignUrls, type Placings} from './assign-urls.js'
import {compareArticles} from './compare-articles.js'
import {groupByTopic} from './group-by-topic.js'
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
  readonly problems: Problem[]
  /** How the articles were placed, for the next build of the same process (see `assignUrls`). */
  readonly placings: Placings
}

/**
 * Index the articles by date and topic: drop drafts and exact duplicates,
 * give every article a unique URL, file a person named by surname alone
 * under their full name, group, and find related articles.
 * The result does not depend on the order of `articles`.
 */
export function buildArchive(articles: readonly Article[], settings: IndexSettings): {archive: Archive; problems: Problem[]} {
  const {archive, allTopics, problems} = indexArticles(articles, settings)
  return {archive: {...archive, related: findRelated(archive.articles, allTopics)}, problems}
}

/**
 * `buildArchive` without the related articles, which a large build finds on
 * a worker thread (`RelatedSearch`) from `allTopics`. `previous` is what an
 * earlier call returned as `placings`, in a process that runs several builds.
 */
export function indexArticles(articles: readonly Article[], settings: IndexSettings, previous?: Placings): IndexedArchive {
  const sorted = [...articles].filter((article) => settings.drafts || !article.draft).sort(bySource)
  const {unique, problems} = dropDuplicates(sorted)
  const placed = assignUrls(unique, settings.permalink, previous)
  problems.push(...placed.problems)
  const ordered = [...joinSurnames(placed.placed)].sort(compareArticles)
  const days = groupBy(ordered, (article) => article.date)
  const months = groupBy(ordered, (article) => article.date.slice(0, 7))
  const years = groupBy(ordered, (article) => article.date.slice(0, 4))
  const topics = groupByTopic(ordered, settings.minTopicArticles)
  problems.push(...topics.problems)
  const archive = {
    articles: ordered,
    days: days as Map<IsoDate, number[]>,
    months,
    years,
    topics: topics.topics,
  }
  return {archive, allTopics: topics.all, problems, placings: placed.placings}
}

function bySource(a: Article, b: Article): number {
  return compareCodeUnits(a.source, b.source)
}

/** Keep the first of each set of byte-identical seeds (by source path); warn about the rest. */
function dropDuplicates(sorted: readonly Article[]): {unique: Article[]; problems: Problem[]} {
  const firstByHash = new Map<string, Article>()
  const unique: Article[] = []
  const problems: Problem[] = []
  for (const article of sorted) {
    const first = firstByHash.get(article.hash)
    if (first) {
      problems.push(problem('duplicate-content', {file: article.file, place: fileStart}, `the article is byte for byte the same as ${first.file}, so it is published once, as that file`, [{file: first.file, place: fileStart}]))
      continue
    }
    firstByHash.set(article.hash, article)
    unique.push(article)
  }
  return {unique, problems}
}

/** Group article indexes by a key, keys ascending, each list in article order. */
function groupBy(articles: readonly PlacedArticle[], keyOf: (article: PlacedArticle) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  articles.forEach((article, index) => {
    const key = keyOf(article)
    const list = groups.get(key)
    if (list) list.push(index)
    else groups.set(key, [index])
  })
  return new Map([...groups].sort(([a], [b]) => compareCodeUnits(a, b)))
}
