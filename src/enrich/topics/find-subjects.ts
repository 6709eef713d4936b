import {economicSubjects} from './economic-subjects.js'
import {nameKey} from './name-key.js'
import type {SubjectRule} from './topic-rules.js'
import {Gap, type Token} from './tokenize.js'

interface Keyword {
  /** Keys of the keyword's words after the first. */
  readonly rest: readonly string[]
  readonly subject: number
}

/** Subject rules, indexed by the first word of each keyword. */
interface SubjectIndex {
  readonly rules: readonly SubjectRule[]
  readonly byFirstWord: ReadonlyMap<string, readonly Keyword[]>
  /** `length * 128 + first char code` of every first word, to skip most words without hashing them. */
  readonly shapes: ReadonlySet<number>
}

const indexes = new WeakMap<readonly SubjectRule[], SubjectIndex>()

/** A subject that an article's words call for, with how often. */
export interface FoundSubject {
  readonly name: string
  /** Its keywords' occurrences, those in the lead counted `leadHitWeight` times. */
  readonly hits: number
}

/**
 * How much a keyword in the lead (the title and the first paragraph) counts.
 * Note: a wire story says what it is about first, and a short one says it
 * once (`Alpha Widgets Inc said it acquired Beta Tools Inc`). Against the corpus's
 * editors' labels, subject recall rose from 0.684 to 0.785 with it (and
 * `tender` and `purchase` left out of Acquisitions); the share of subjects
 * matching a label fell from 0.722 to 0.697, and subjects now take some
 * of the six places of people and organisations (recall 0.006 lower each).
 */
const leadHitWeight = 2

/**
 * The subjects whose keywords occur at least their `min` times in the
 * paragraphs' words, the first `lead` paragraphs counting `leadHitWeight`
 * times: the built-in economic subjects and the topics file's (which
 * replace a built-in subject of the same name).
 */
export function findSubjects(paragraphs: readonly (readonly Token[])[], fileRules: readonly SubjectRule[], lead = 0): FoundSubject[] {
  const index = indexFor(fileRules)
  const hits = new Array<number>(index.rules.length).fill(0)
  for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
    const tokens = paragraphs[paragraph]!
    const weight = paragraph < lead ? leadHitWeight : 1
    for (let position = 0; position < tokens.length; position++) {
      const key = tokens[position]!.key
      if (!index.shapes.has(key.length * 128 + (key.charCodeAt(0) & 127))) continue
      const keywords = index.byFirstWord.get(key)
      if (keywords === undefined) continue
      // Note: the longest keyword wins and its words are used up, so `crude oil prices` is one hit, not three.
      let best: Keyword | undefined
      for (const keyword of keywords) {
        if ((best === undefined || keyword.rest.length > best.rest.length) && keyword.rest.every((key, offset) => {
          const next = tokens[position + 1 + offset]
          return next?.key === key && next.gap === Gap.Space
        })) best = keyword
      }
      if (best === undefined) continue
      hits[best.subject]! += weight
      position += best.rest.length
    }
  }
  return index.rules.flatMap((rule, number) => (hits[number]! >= rule.min ? [{name: rule.name, hits: hits[number]!}] : []))
}

function indexFor(fileRules: readonly SubjectRule[]): SubjectIndex {
  let index = indexes.get(fileRules)
  if (index === undefined) {
    const replaced = new Set(fileRules.map((rule) => nameKey(rule.name)))
    const rules = [...economicSubjects.filter((rule) => !replaced.has(nameKey(rule.name))), ...fileRules]
    const byFirstWord = new Map<string, Keyword[]>()
    rules.forEach((rule, subject) => {
      for (const keyword of new Set(rule.keywords.map((text) => text.split(/\s+/).map(nameKey).filter((key) => key !== '').join(' ')))) {
        if (keyword === '') continue
        const [first, ...rest] = keyword.split(' ') as [string, ...string[]]
        const list = byFirstWord.get(first) ?? []
        list.push({rest, subject})
        byFirstWord.set(first, list)
      }
    })
    const shapes = new Set([...byFirstWord.keys()].map((key) => key.length * 128 + (key.charCodeAt(0) & 127)))
    index = {rules, byFirstWord, shapes}
    indexes.set(fileRules, index)
  }
  return index
}
