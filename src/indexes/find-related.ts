import {topEntries} from './top-entries.js'
import type {PlacedArticle, TopicEntry} from './archive.js'

/** Related articles shown per article. */
const relatedLimit = 5
/** How far to look along each topic's list on either side of the article. Keeps the step linear. */
const window = 40

/**
 * Up to five related articles per article: those sharing the most topics,
 * each topic weighted by its rarity (inverse document frequency), nearer in
 * time breaking ties. Candidates come from a window around the article in each
 * topic's list, so the cost grows with the number of articles, not its square.
 */
export function findRelated(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>): number[][] {
  const positions = new Map<string, Map<number, number>>()
  for (const [slug, entry] of topics) positions.set(slug, new Map(entry.articles.map((article, position) => [article, position])))
  const total = articles.length
  return articles.map((article, index) => {
    const scores = new Map<number, number>()
    for (const topic of article.topics) {
      const entry = topics.get(topic.slug)
      const position = positions.get(topic.slug)?.get(index)
      if (!entry || position === undefined || entry.articles.length < 2) continue
      const weight = Math.log(1 + total / entry.articles.length)
      const from = Math.max(0, position - window)
      const to = Math.min(entry.articles.length, position + window + 1)
      for (let k = from; k < to; k++) {
        const other = entry.articles[k] as number
        if (other !== index && articles[other]?.hash !== article.hash) scores.set(other, (scores.get(other) ?? 0) + weight)
      }
    }
    return topEntries(scores, relatedLimit, ([a, scoreA], [b, scoreB]) => scoreB - scoreA || Math.abs(a - index) - Math.abs(b - index) || a - b).map(([other]) => other)
  })
}

