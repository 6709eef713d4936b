import {isInitial, nameConnectors, nameSuffixes} from '../enrich/topics/name-words.js'
import {topicSlug} from '../enrich/topics/topic-slug.js'
import type {Topic} from '../model/article.js'
import type {PlacedArticle} from './archive.js'
import {bySource, fewChanges} from './match-articles.js'
import {sameTopics} from './same-topics.js'

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

/** Who the archive names, counted by mention: what `joinSurnames` decides from. */
interface NameCounts {
  /** Surname slug (`croo`) → the people named in full with it, by `Person.key`. */
  readonly fullNames: Map<string, Map<string, Person>>
  /** The slug of a name that is a surname alone (`de-croo`) → the surname slug it stands for → mentions. */
  readonly alone: Map<string, Map<string, number>>
  /** Each name taken apart once; a large archive names the same people in thousands of articles. */
  readonly parts: Map<string, NameParts>
}

/**
 * What one call of `joinSurnames` lends the next one in a process that runs
 * several builds (the dev server). Good for one call only: the next takes
 * its counts over and changes them.
 */
export interface SurnameMemo {
  /** The articles that call was given, in source path order, and what it made of each. */
  readonly given: readonly PlacedArticle[]
  readonly joinedArticles: readonly PlacedArticle[]
  readonly counts: NameCounts
  /** Slug of a name → the person it is filed under. */
  readonly joined: ReadonlyMap<string, Topic>
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
 * in the text are joined; an author's own topics are kept. Gives `articles`
 * itself when nothing is joined. Note: a pure function of the set of
 * articles, whatever their order, so every build and every worker joins the
 * same names under the same spelling.
 *
 * `articles` come in source path order. `previous` is what the call before
 * returned as `memo`, in a process that runs several builds: then only the
 * articles added or removed since are counted, and an article whose topics
 * are joined as before is given as the same object as before (see
 * `rejoinSurnames`); the result is the same.
 */
export function joinSurnames(articles: readonly PlacedArticle[], previous?: SurnameMemo): {articles: readonly PlacedArticle[]; memo: SurnameMemo} {
  return (previous && rejoinSurnames(articles, previous)) ?? joinAfresh(articles)
}

function joinAfresh(articles: readonly PlacedArticle[]): {articles: readonly PlacedArticle[]; memo: SurnameMemo} {
  const counts: NameCounts = {fullNames: new Map(), alone: new Map(), parts: new Map()}
  // Note: a surname's topic slug (`de-croo`) → the slug of the surname as full names end in it (`croo`), the last
  // article's where two differ.
  const surnames = new Map<string, string>()
  for (const article of articles) count(counts, article, 1, (slug, surname) => surnames.set(slug, surname))
  const joined = joinedNames(counts, surnames, false) as Map<string, Topic>
  const joinedArticles = joined.size === 0 ? articles : articles.map((article) => joinedArticle(article, joined))
  return {articles: joinedArticles, memo: {given: articles, joinedArticles, counts, joined}}
}

/**
 * `joinSurnames` from the call before: count only the articles added or
 * removed since (matched by identity, in source path order), decide again,
 * and take over each unchanged article's result when every name is filed as
 * before. Undefined when the call must start afresh: many changes, or names
 * whose filing would depend on the order of the articles (one slug set two
 * ways), which only a count in order settles.
 * Why: at 100,000 articles, counting every article's people took 70-120 ms
 * of a dev build that added one seed, and each joined article came out a new
 * object, which later stages then had to compare field by field.
 */
function rejoinSurnames(articles: readonly PlacedArticle[], previous: SurnameMemo): {articles: readonly PlacedArticle[]; memo: SurnameMemo} | undefined {
  // Note: a seed written again is another object: its old article is taken back and its new one counted.
  const match = fewChanges(previous.given, articles, bySource, () => false)
  if (match === undefined) return undefined
  const {before, after} = match
  const {counts} = previous
  previous.given.forEach((article, old) => {
    if (after[old] === -1) count(counts, article, -1)
  })
  articles.forEach((article, index) => {
    if (before[index] === -1) count(counts, article, 1)
  })
  const surnames = new Map<string, string>()
  for (const [slug, bySurname] of counts.alone) {
    if (bySurname.size > 1) return undefined
    for (const surname of bySurname.keys()) surnames.set(slug, surname)
  }
  const joined = joinedNames(counts, surnames, true)
  if (joined === undefined) return undefined
  const same = sameFiling(joined, previous.joined)
  const joinedArticles = articles.map((article, index) => {
    const old = before[index] as number
    const earlier = old < 0 ? undefined : (previous.joinedArticles[old] as PlacedArticle)
    if (same && earlier !== undefined) return earlier
    const made = joinedArticle(article, joined)
    return earlier !== undefined && made !== article && sameTopics(made.topics, earlier.topics) ? earlier : made
  })
  return {articles: joined.size === 0 ? articles : joinedArticles, memo: {given: articles, joinedArticles, counts, joined}}
}

/**
 * Count (`sign` 1) or take back (-1) the people `article` names in its text;
 * `onAlone` hears of each surname alone.
 */
function count(counts: NameCounts, article: PlacedArticle, sign: 1 | -1, onAlone?: (slug: string, surname: string) => void): void {
  for (const topic of article.topics) {
    if (topic.kind !== 'person' || topic.origin !== 'derived') continue
    let parts = counts.parts.get(topic.name)
    if (parts === undefined) counts.parts.set(topic.name, (parts = surnameOf(topic.name)))
    const {surname, alone, key} = parts
    if (alone) {
      onAlone?.(topic.slug, surname)
      const bySurname = counts.alone.get(topic.slug) ?? new Map<string, number>()
      addTo(bySurname, surname, sign)
      if (bySurname.size === 0) counts.alone.delete(topic.slug)
      else counts.alone.set(topic.slug, bySurname)
      continue
    }
    const people = counts.fullNames.get(surname) ?? new Map<string, Person>()
    const person = people.get(key) ?? {key, articles: 0, spellings: new Map<string, number>()}
    person.articles += sign
    addTo(person.spellings, topic.name, sign)
    if (person.articles === 0) people.delete(key)
    else people.set(key, person)
    if (people.size === 0) counts.fullNames.delete(surname)
    else counts.fullNames.set(surname, people)
  }
}

/** Add `sign` to `key`'s count, dropping it at 0. */
function addTo(counts: Map<string, number>, key: string, sign: 1 | -1): void {
  const value = (counts.get(key) ?? 0) + sign
  if (value === 0) counts.delete(key)
  else counts.set(key, value)
}

/**
 * Slug of a name → the person it is filed under. With `strict`, undefined
 * when two decisions file one slug, which makes the result hang on the order
 * they are made in.
 */
function joinedNames(counts: NameCounts, surnames: ReadonlyMap<string, string>, strict: boolean): Map<string, Topic> | undefined {
  const joined = new Map<string, Topic>()
  const file = (slug: string, topic: Topic): boolean => {
    if (strict && joined.has(slug)) return false
    joined.set(slug, topic)
    return true
  }
  const filed = (person: Person): Topic => {
    const name = mostUsed(person.spellings)
    return {name, slug: topicSlug(name), kind: 'person', origin: 'derived'}
  }
  for (const people of counts.fullNames.values()) {
    for (const person of people.values()) {
      if (person.spellings.size < 2) continue
      const topic = filed(person)
      for (const spelling of person.spellings.keys()) if (topicSlug(spelling) !== topic.slug && !file(topicSlug(spelling), topic)) return undefined
    }
  }
  for (const [slug, surname] of surnames) {
    const people = counts.fullNames.get(surname)
    if (!people) continue
    let total = 0
    let best: Person | undefined
    for (const person of people.values()) {
      total += person.articles
      // Note: ties go to the smaller key, so the choice does not depend on the article order.
      if (!best || person.articles > best.articles || (person.articles === best.articles && person.key < best.key)) best = person
    }
    if (best && best.articles >= minFullNameArticles && best.articles >= total * dominantShare && !file(slug, filed(best))) return undefined
  }
  return joined
}

/** Whether two filings file the same slugs under the same names. */
function sameFiling(joined: ReadonlyMap<string, Topic>, old: ReadonlyMap<string, Topic>): boolean {
  if (joined.size !== old.size) return false
  for (const [slug, topic] of joined) {
    const was = old.get(slug)
    if (was === undefined || was.name !== topic.name || was.slug !== topic.slug) return false
  }
  return true
}

/** `article` with its people filed as `joined` says; the article itself when none is. */
function joinedArticle(article: PlacedArticle, joined: ReadonlyMap<string, Topic>): PlacedArticle {
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
