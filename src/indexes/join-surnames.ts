import {topicSlug} from '../enrich/topics/topic-slug.js'
import type {Topic} from '../model/article.js'
import type {PlacedArticle} from './archive.js'

/** Least share of a surname's full-name articles that one person must have for the surname alone to mean them. */
const dominantShare = 2 / 3
/** Fewest articles that must name that person in full. */
const minFullNameArticles = 2

/**
 * One topic page per person: a person found under the surname alone in some
 * articles (`Reagan`, in stories that say only `President Reagan`) is the
 * person other articles name in full (`Ronald Reagan`), when one person has
 * most of the archive's full-name articles with that surname. A surname that
 * two people share more evenly (`James Baker`, `Howard Baker`) stays apart.
 * Only names found in the text are joined; an author's own topics are kept.
 * Returns `articles` itself when nothing is joined. Note: a pure function of
 * the whole archive, so every build and every worker joins the same names.
 */
export function joinSurnames(articles: readonly PlacedArticle[]): readonly PlacedArticle[] {
  const surnames = new Set<string>()
  const fullNames = new Map<string, Map<string, {topic: Topic; articles: number}>>()
  for (const article of articles) {
    for (const topic of article.topics) {
      if (topic.kind !== 'person' || topic.origin !== 'derived') continue
      const space = topic.name.lastIndexOf(' ')
      if (space === -1) {
        surnames.add(topic.slug)
        continue
      }
      const surname = topicSlug(topic.name.slice(space + 1))
      const people = fullNames.get(surname) ?? new Map<string, {topic: Topic; articles: number}>()
      const person = people.get(topic.slug)
      if (person) person.articles++
      else people.set(topic.slug, {topic, articles: 1})
      fullNames.set(surname, people)
    }
  }
  const joined = new Map<string, Topic>()
  for (const surname of surnames) {
    const people = fullNames.get(surname)
    if (!people) continue
    let total = 0
    let best: {topic: Topic; articles: number} | undefined
    for (const person of people.values()) {
      total += person.articles
      // Note: ties go to the smaller slug, so the choice does not depend on the article order.
      if (!best || person.articles > best.articles || (person.articles === best.articles && person.topic.slug < best.topic.slug)) best = person
    }
    if (best && best.articles >= minFullNameArticles && best.articles >= total * dominantShare) joined.set(surname, best.topic)
  }
  if (joined.size === 0) return articles
  return articles.map((article) => {
    if (!article.topics.some((topic) => isJoined(topic, joined))) return article
    const slugs = new Set<string>()
    const topics: Topic[] = []
    for (const topic of article.topics) {
      const person = isJoined(topic, joined) ? (joined.get(topic.slug) as Topic) : topic
      // Note: an article that names both keeps the person once, where they ranked first.
      if (slugs.has(person.slug)) continue
      slugs.add(person.slug)
      topics.push(person)
    }
    return {...article, topics}
  })
}

function isJoined(topic: Topic, joined: ReadonlyMap<string, Topic>): boolean {
  return topic.kind === 'person' && topic.origin === 'derived' && joined.has(topic.slug)
}
