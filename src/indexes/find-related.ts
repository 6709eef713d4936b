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
  // Note: one score slot per article, reset after each use, instead of a map per
  // article: at 100,000 articles the window visits tens of millions of candidates.
  const scores = new Float64Array(total)
  const touched: number[] = []
  // Note: articles with the same text (same hash) are not related; comparing numbers is far cheaper than reading each article's hash.
  const textIds = new Int32Array(total)
  const idOfHash = new Map<string, number>()
  articles.forEach((article, index) => {
    let id = idOfHash.get(article.hash)
    if (id === undefined) {
      id = idOfHash.size
      idOfHash.set(article.hash, id)
    }
    textIds[index] = id
  })
  return articles.map((article, index) => {
    touched.length = 0
    const textId = textIds[index]
    for (const topic of article.topics) {
      const entry = topics.get(topic.slug)
      const position = positions.get(topic.slug)?.get(index)
      if (!entry || position === undefined || entry.articles.length < 2) continue
      const weight = Math.log(1 + total / entry.articles.length)
      const from = Math.max(0, position - window)
      const to = Math.min(entry.articles.length, position + window + 1)
      for (let k = from; k < to; k++) {
        const other = entry.articles[k] as number
        if (other === index || textIds[other] === textId) continue
        // Note: every weight is above 0, so a score of 0 means not seen yet.
        if (scores[other] === 0) touched.push(other)
        scores[other] = (scores[other] as number) + weight
      }
    }
    const candidates = touched.map((other): [number, number] => [other, scores[other] as number])
    for (const other of touched) scores[other] = 0
    return topEntries(candidates, relatedLimit, ([a, scoreA], [b, scoreB]) => scoreB - scoreA || Math.abs(a - index) - Math.abs(b - index) || a - b).map(([other]) => other)
  })
}
