import type {PlacedArticle, TopicEntry} from './archive.js'

/** Related articles shown per article. */
const relatedLimit = 5
/** How far to look along each topic's list on either side of the article. Keeps the step linear. */
const window = 40

/**
 * Up to five related articles per article: those sharing the most topics,
 * each topic weighted by its rarity (inverse document frequency), nearer in
 * time breaking ties. Candidates come from a window around the article in
 * each topic's list, so the cost grows with the number of articles, not its
 * square. No two articles here have the same text: `buildArchive` publishes
 * byte-identical seeds once.
 *
 * Note: at 100,000 articles the windows visit about fifty million candidates,
 * so the loop works on numbers only: topics are numbered, each topic's next
 * position is a cursor (its list is in article order, as the articles are
 * visited), scores live in one reused array, and the best five are kept in
 * place rather than collected and sorted.
 */
export function findRelated(articles: readonly PlacedArticle[], topics: ReadonlyMap<string, TopicEntry>): number[][] {
  const total = articles.length
  const lists: (readonly number[])[] = []
  const weights: number[] = []
  const topicIds = new Map<string, number>()
  for (const [slug, entry] of topics) {
    topicIds.set(slug, lists.length)
    lists.push(entry.articles)
    weights.push(Math.log(1 + total / entry.articles.length))
  }
  const cursors = new Int32Array(lists.length)
  const scores = new Float64Array(total)
  const touched = new Int32Array(total)
  const best = new Int32Array(relatedLimit)
  const related: number[][] = new Array(total)
  for (let index = 0; index < total; index++) {
    let touchedCount = 0
    for (const topic of (articles[index] as PlacedArticle).topics) {
      const id = topicIds.get(topic.slug)
      if (id === undefined) continue
      const list = lists[id] as readonly number[]
      // Note: an article lists a topic once, so the topic's cursor is at this article.
      let position = cursors[id] as number
      while (position < list.length && (list[position] as number) < index) position++
      if (list[position] !== index) continue
      cursors[id] = position + 1
      if (list.length < 2) continue
      const weight = weights[id] as number
      const to = Math.min(list.length, position + window + 1)
      for (let k = Math.max(0, position - window); k < to; k++) {
        const other = list[k] as number
        // Note: every weight is above 0, so a score of 0 means not seen yet.
        if (scores[other] === 0) touched[touchedCount++] = other
        scores[other] = (scores[other] as number) + weight
      }
    }
    let kept = 0
    for (let t = 0; t < touchedCount; t++) {
      const other = touched[t] as number
      // Note: the article itself was scored with the rest, which is cheaper than testing each visit.
      if (other === index) continue
      if (kept === relatedLimit && !ranksBefore(other, best[relatedLimit - 1] as number, index, scores)) continue
      let at = kept < relatedLimit ? kept++ : relatedLimit - 1
      while (at > 0 && ranksBefore(other, best[at - 1] as number, index, scores)) {
        best[at] = best[at - 1] as number
        at--
      }
      best[at] = other
    }
    related[index] = Array.from(best.subarray(0, kept))
    for (let t = 0; t < touchedCount; t++) scores[touched[t] as number] = 0
  }
  return related
}

/** Whether candidate `a` ranks before `b` for article `index`: higher score, then nearer in time, then the lower index. */
function ranksBefore(a: number, b: number, index: number, scores: Float64Array): boolean {
  const scoreA = scores[a] as number
  const scoreB = scores[b] as number
  if (scoreA !== scoreB) return scoreA > scoreB
  const distanceA = Math.abs(a - index)
  const distanceB = Math.abs(b - index)
  return distanceA !== distanceB ? distanceA < distanceB : a < b
}
