import type {TopicKind} from '../../model/article.js'
import {nameKey} from './name-key.js'
import type {CompiledRules} from './topic-rules.js'
import {compareCodeUnits} from '../../text/code-unit-order.js'

/** A topic being counted: one per canonical name. */
export interface TalliedTopic {
  readonly name: string
  readonly kind: TopicKind
  readonly score: number
  /** Order of the first mention; earlier wins ties. */
  readonly first: number
}

interface Entry {
  name: string
  score: number
  /** The part of `score` from the name itself, not worked out from a city's or province's country. */
  named: number
  first: number
  readonly kinds: Map<TopicKind, number>
}

/** Names that are sources, not subjects: wire agencies named in credits and sign-offs. */
const sources = new Set(['reuters', 'reuter', 'reuters news agency'])

/**
 * Adds up the salience of each canonical name over its mentions, applying
 * the topics file's merges and blocklist as names come in.
 */
export class TopicTally {
  readonly #entries = new Map<string, Entry>()
  readonly #rules: CompiledRules

  constructor(rules: CompiledRules) {
    this.#rules = rules
  }

  /**
   * Count one mention of `name` as `kind`, worth `weight`, at running
   * position `order`; `derived` when the text named a city or province and
   * this is its country.
   */
  add(name: string, kind: TopicKind, weight: number, order: number, derived = false): void {
    let key = nameKey(name)
    const merged = this.#rules.merges.get(key)
    if (merged !== undefined) {
      name = merged
      key = nameKey(merged)
      // Note: a merge into an alias's name takes the alias's kind (`Reagan Administration` → the person).
      kind = this.#rules.aliases.get(key)?.kind ?? kind
    }
    if (key === '' || sources.has(key) || this.#rules.blocklist.has(key)) return
    let entry = this.#entries.get(key)
    if (entry === undefined) {
      entry = {name, score: 0, named: 0, first: order, kinds: new Map()}
      this.#entries.set(key, entry)
    }
    entry.score += weight
    if (!derived) entry.named += weight
    entry.first = Math.min(entry.first, order)
    entry.kinds.set(kind, (entry.kinds.get(kind) ?? 0) + weight)
  }

  /**
   * Count `from` as `into` when the text never named `from` itself: the
   * country of `Bonn` is `West Germany` in a story that says West German,
   * though the city data says `Germany`.
   */
  absorbDerived(from: string, into: string): void {
    const source = this.#entries.get(nameKey(from))
    const target = this.#entries.get(nameKey(into))
    if (source === undefined || target === undefined || source.named > 0 || target.named === 0) return
    target.score += source.score
    target.first = Math.min(target.first, source.first)
    this.#entries.delete(nameKey(from))
  }

  /** Every topic scoring at least `minScore`, most salient first; ties by first mention, then name. */
  ranked(minScore: number): TalliedTopic[] {
    const topics: TalliedTopic[] = []
    for (const entry of this.#entries.values()) {
      if (entry.score < minScore) continue
      let kind: TopicKind = 'subject'
      let best = -1
      for (const [candidate, weight] of entry.kinds) {
        if (weight > best) {
          kind = candidate
          best = weight
        }
      }
      topics.push({name: entry.name, kind, score: Math.round(entry.score * 1000) / 1000, first: entry.first})
    }
    return topics.sort((a, b) => b.score - a.score || a.first - b.first || compareCodeUnits(a.name, b.name))
  }
}
