import {isInitial, nameConnectors, nameSuffixes} from '../enrich/topics/name-words.js'
import {topicSlug} from '../enrich/topics/topic-slug.js'
import type {Topic} from '../model/article.js'
import type {PlacedArticle} from './archive.js'

/** Least share of a surname's full-name articles that one person must have for the surname alone to mean them. */
const dominantShare = 2 / 3
/** Fewest articles that must name that person in full. */
const minFullNameArticles = 2

interface Person {
  /** The slug of the name without middle initials (`ivan-boesky` for `Ivan F. Boesky`). */
  readonly key: string
  articles: number
  /** Spellings of the name (`José Sarney`, `Jose Sarney`, `Ivan F Boesky`) and their articles. */
  readonly spellings: Map<string, number>
}

/**
 * One topic page per person: a full name with a middle initial (`Ivan F.
 * Boesky`) is the same name without it (`Ivan Boesky`), under the spelling
 * most articles use; and a person found under the surname alone in some
 * articles (`Reagan`, in stories that say only `President Reagan`; `De
 * Croo`) is the person other articles name in full (`Ronald Reagan`), when
 * one person has at least two thirds (and at least two) of the archive's
 * full-name articles with that surname. A surname that two people share
 * more evenly (`James Baker`, `Howard Baker`) stays apart. Only names found
 * in the text are joined; an author's own topics are kept. Returns
 * `articles` itself when nothing is joined. Note: a pure function of the set
 * of articles, whatever their order, so every build and every worker joins
 * the same names under the same spelling.
 */
export function joinSurnames(articles: readonly PlacedArticle[]): readonly PlacedArticle[] {
  // Note: a surname's topic slug (`de-croo`) → the slug of the surname as full names end in it (`croo`).
  const surnames = new Map<string, string>()
  const fullNames = new Map<string, Map<string, Person>>()
  // Note: each name is taken apart once; a large archive names the same people in thousands of articles.
  const namesTakenApart = new Map<string, NameParts>()
  for (const article of articles) {
    for (const topic of article.topics) {
      if (topic.kind !== 'person' || topic.origin !== 'derived') continue
      let parts = namesTakenApart.get(topic.name)
      if (parts === undefined) namesTakenApart.set(topic.name, (parts = surnameOf(topic.name)))
      const {surname, alone, key} = parts
      if (alone) {
        surnames.set(topic.slug, surname)
        continue
      }
      const people = fullNames.get(surname) ?? new Map<string, Person>()
      const person = people.get(key) ?? {key, articles: 0, spellings: new Map<string, number>()}
      person.articles++
      person.spellings.set(topic.name, (person.spellings.get(topic.name) ?? 0) + 1)
      people.set(key, person)
      fullNames.set(surname, people)
    }
  }
  const joined = new Map<string, Topic>()
  const filed = (person: Person): Topic => {
    const name = mostUsed(person.spellings)
    return {name, slug: topicSlug(name), kind: 'person', origin: 'derived'}
  }
  for (const people of fullNames.values()) {
    for (const person of people.values()) {
      if (person.spellings.size < 2) continue
      const topic = filed(person)
      for (const spelling of person.spellings.keys()) if (topicSlug(spelling) !== topic.slug) joined.set(topicSlug(spelling), topic)
    }
  }
  for (const [slug, surname] of surnames) {
    const people = fullNames.get(surname)
    if (!people) continue
    let total = 0
    let best: Person | undefined
    for (const person of people.values()) {
      total += person.articles
      // Note: ties go to the smaller key, so the choice does not depend on the article order.
      if (!best || person.articles > best.articles || (person.articles === best.articles && person.key < best.key)) best = person
    }
    if (best && best.articles >= minFullNameArticles && best.articles >= total * dominantShare) joined.set(slug, filed(best))
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

/** A person's name taken apart (see `surnameOf`). */
interface NameParts {
  readonly surname: string
  readonly alone: boolean
  readonly key: string
}

/**
 * The slug of a person's surname, whether the name is the surname alone
 * (`Reagan` and `De Croo` are; `Ronald Reagan` and `Martin Luther King Jr`
 * are not), and the slug of the name without its middle initials (`Ivan F.
 * Boesky` → `ivan-boesky`).
 */
function surnameOf(name: string): NameParts {
  const words = name.split(' ')
  while (words.length > 1 && nameSuffixes.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, ''))) words.pop()
  const alone = words.slice(0, -1).every((word) => nameConnectors.has(word.toLowerCase()))
  const key = topicSlug(words.filter((word, index) => index === 0 || index === words.length - 1 || !isInitial(word)).join(' '))
  return {surname: topicSlug(words[words.length - 1]!), alone, key}
}

/** The most used spelling; ties go to the smallest, so the choice does not depend on the article order. */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = ''
  let count = 0
  for (const [spelling, uses] of spellings) {
    if (uses > count || (uses === count && spelling < best)) {
      best = spelling
      count = uses
    }
  }
  return best
}

function isJoined(topic: Topic, joined: ReadonlyMap<string, Topic>): boolean {
  return topic.kind === 'person' && topic.origin === 'derived' && joined.has(topic.slug)
}
