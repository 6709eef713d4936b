import type {TopicKind} from '../model/article.js'
import {problem, type Problem} from '../problems/content-error.js'
import type {PlacedArticle, TopicEntry} from './archive.js'

/** Most related topics listed per topic. */
const relatedTopicLimit = 10

interface Tally {
  readonly articles: number[]
  readonly names: Map<string, number>
  readonly kinds: Map<TopicKind, number>
  readonly cooccurring: Map<string, number>
  /** The first article that gave the topic in front matter, under which name. */
  given?: {readonly name: string; readonly article: PlacedArticle}
}

/**
 * Gather every topic's articles (in article order). Spellings that share a
 * slug are one topic, shown under its most frequent spelling; two different
 * spellings both given in front matter are an error, since the author chose them.
 * `topics` holds only topics with at least `minArticles` articles; `all` holds every one.
 */
export function groupByTopic(articles: readonly PlacedArticle[], minArticles: number): {topics: Map<string, TopicEntry>; all: Map<string, TopicEntry>; problems: Problem[]} {
  const tallies = new Map<string, Tally>()
  const problems: Problem[] = []
  articles.forEach((article, index) => {
    for (const topic of article.topics) {
      let tally = tallies.get(topic.slug)
      if (!tally) {
        tally = {articles: [], names: new Map(), kinds: new Map(), cooccurring: new Map()}
        tallies.set(topic.slug, tally)
      }
      tally.articles.push(index)
      increment(tally.names, topic.name)
      increment(tally.kinds, topic.kind)
      for (const other of article.topics) if (other.slug !== topic.slug) increment(tally.cooccurring, other.slug)
      if (topic.origin === 'given') {
        if (!tally.given) tally.given = {name: topic.name, article}
        else if (tally.given.name !== topic.name) {
          const first = tally.given
          problems.push(problem('topic-slug-collision', {file: article.file, place: {line: 1, column: 1}}, `the topic "${topic.name}" has the URL /topics/${topic.slug}/, already used by "${first.name}"`, [{file: first.article.file, place: {line: 1, column: 1}}]))
        }
      }
    }
  })
  const all = new Map<string, TopicEntry>()
  for (const slug of [...tallies.keys()].sort()) {
    const tally = tallies.get(slug) as Tally
    all.set(slug, {
      name: tally.given?.name ?? mostFrequent(tally.names),
      slug,
      kind: mostFrequent(tally.kinds),
      articles: tally.articles,
      related: [...tally.cooccurring]
        .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
        .slice(0, relatedTopicLimit)
        .map(([other, count]) => ({slug: other, count})),
    })
  }
  const topics = new Map([...all].filter(([, entry]) => entry.articles.length >= minArticles))
  for (const [slug, entry] of topics) {
    topics.set(slug, {...entry, related: entry.related.filter((other) => topics.has(other.slug))})
  }
  return {topics, all, problems}
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/** The most counted key; ties go to the smallest key, so the choice is stable. */
function mostFrequent<K extends string>(counts: ReadonlyMap<K, number>): K {
  let best: K | undefined
  let bestCount = -1
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key
      bestCount = count
    }
  }
  return best as K
}
