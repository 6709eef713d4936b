import type {TopicKind} from '../../model/article.js'
import {packedMap} from '../../packed-lists.js'
import {resolveDatelinePlace} from './dateline-place.js'
import {findNames} from './find-names.js'
import {findSubjects} from './find-subjects.js'
import {formerCountries} from './former-names.js'
import {isCaseless} from './paragraph-case.js'
import {resolveNames, type PlacedPhrase} from './resolve-names.js'
import {scanCaseless} from './scan-caseless.js'
import {compileRules, noRules, type TopicRules} from './topic-rules.js'
import {TopicTally} from './topic-tally.js'
import {Shape, tokenize, type Token} from './tokenize.js'

export type {TopicRules} from './topic-rules.js'

/** The text of one article, as the topic stage reads it. */
export interface TopicText {
  /** The given title only (derived titles repeat the lead). */
  readonly title?: string
  /** Body paragraphs as plain text, in order, without dateline, captions, credits or sign-off. */
  readonly paragraphs: readonly string[]
  /** The dateline's place as written (`BAHIA BLANCA`, `SALVADOR`, `TOKYO`). */
  readonly datelinePlace?: string
}

/** A topic found in an article's text. */
export interface ExtractedTopic {
  /** Canonical name: one spelling per entity (`United States` for `U.S.`, `US`, `American`). */
  readonly name: string
  readonly kind: TopicKind
  /** Salience: mentions weighted by where they stand; higher is more salient. Three decimals. */
  readonly score: number
}

/** Extra weight of a mention in the given title, and in the first paragraph. */
const titleBonus = 1.5
const leadBonus = 0.5
/** Weight of the dateline's place, and of the country it lies in. */
const datelineWeight = 2
const datelineCountryWeight = 3
/** Fewest words for a story without any capital to be read as all-caps text is. */
const minLowerCaseWords = 8
/** Least score a topic needs: one plain mention. */
const minScore = 1
/** Weight of one keyword occurrence for a subject topic, and the most subject topics per article. */
const subjectHitWeight = 0.6
const maxSubjectScore = 5
const maxSubjects = 2
/** Most of the topics that may be places while topics of other kinds are left. */
const maxPlaceShare = 0.5

interface Section {
  readonly tokens: Token[]
  readonly caseless: boolean
  readonly weight: number
  /** Running position of the section's first token. */
  readonly offset: number
}

/**
 * The topics an editor would give an article: people, places,
 * organisations (each under one canonical name) and subjects, most salient
 * first, at most `max`. Deterministic, and linear in the text's length.
 */
export function extractTopics(text: TopicText, options: {readonly max: number; readonly rules?: TopicRules}): ExtractedTopic[] {
  const rules = compileRules(options.rules ?? noRules)
  const sections = readSections(text)
  const tally = new TopicTally(rules)

  const midSentenceCapitals = new Set<string>()
  for (const section of sections) {
    if (section.caseless) continue
    for (const token of section.tokens) {
      if (!token.sentenceStart && token.shape === Shape.Capital) midSentenceCapitals.add(token.key)
    }
  }
  const placed: PlacedPhrase[] = []
  for (const section of sections) {
    if (section.caseless) continue
    for (const phrase of findNames(section.tokens, rules)) {
      placed.push({phrase, order: section.offset + phrase.tokens[0]!.index, weight: section.weight})
    }
  }
  const articleNames = resolveNames(placed, midSentenceCapitals, tally)
  for (const section of sections) {
    if (!section.caseless) continue
    for (const match of scanCaseless(section.tokens, rules, articleNames)) {
      const order = section.offset + match.index
      tally.add(match.name, match.kind, section.weight, order)
      if (match.country && match.country !== match.name) tally.add(match.country, 'place', section.weight / 2, order, true)
    }
  }
  if (text.datelinePlace !== undefined) {
    const place = resolveDatelinePlace(text.datelinePlace, rules)
    if (place) {
      tally.add(place.name, place.kind, datelineWeight, -1)
      if (place.country && place.country !== place.name) tally.add(place.country, 'place', datelineCountryWeight, -1, true)
    }
  }
  for (const former of formerCountries) if (former.successor) tally.absorbDerived(former.successor, former.name)
  const subjects = findSubjects(packedMap(sections, (section) => section.tokens), rules.subjects, leadSections(text))
    .sort((a, b) => b.hits - a.hits || (a.name < b.name ? -1 : 1))
    .slice(0, maxSubjects)
  for (const subject of subjects) tally.add(subject.name, 'subject', Math.min(maxSubjectScore, subject.hits * subjectHitWeight), Number.MAX_SAFE_INTEGER)

  return pickTopics(tally.ranked(minScore), options.max).map(({name, kind, score}) => ({name, kind, score}))
}

/**
 * The first `max` topics, but with at most `maxPlaceShare` of them places
 * while other kinds are left, unless a place scores 40% of the top score: a
 * wire story names many places in passing, and the people and
 * organisations in it matter as much.
 */
function pickTopics<T extends {readonly kind: TopicKind; readonly score: number}>(ranked: readonly T[], max: number): T[] {
  const placeLimit = Math.max(1, Math.ceil(max * maxPlaceShare))
  const central = (ranked[0]?.score ?? 0) / 2.5
  const chosen: T[] = []
  const deferred: T[] = []
  for (const topic of ranked) {
    if (chosen.length >= max) break
    if (topic.kind === 'place' && topic.score < central && chosen.filter((item) => item.kind === 'place').length >= placeLimit) deferred.push(topic)
    else chosen.push(topic)
  }
  const picked = [...chosen, ...deferred].slice(0, Math.max(0, max))
  return ranked.filter((topic) => picked.includes(topic))
}

/** How many of `readSections`' sections are the lead: the title and the first paragraph. */
function leadSections(text: TopicText): number {
  return (text.title === undefined ? 0 : 1) + Math.min(1, text.paragraphs.length)
}

function readSections(text: TopicText): Section[] {
  const sections: Section[] = []
  let offset = 0
  const add = (paragraph: string, bonus: number): void => {
    const tokens = tokenize(paragraph)
    sections.push({tokens, caseless: isCaseless(tokens), weight: 1 + bonus, offset})
    offset += tokens.length
  }
  if (text.title !== undefined) add(text.title, titleBonus)
  text.paragraphs.forEach((paragraph, index) => add(paragraph, index === 0 ? leadBonus : 0))
  // Note: a story typed without capitals (`surinam may bring the dutch government…`) is read for known names only.
  if (offset >= minLowerCaseWords && sections.every((section) => section.tokens.every((token) => token.shape === Shape.Lower))) {
    return packedMap(sections, (section) => ({...section, caseless: true}))
  }
  return sections
}
