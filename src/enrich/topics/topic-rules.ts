import type {TopicKind} from '../../model/article.js'
import {prefixesOf} from './gazetteer.js'
import {knownOrganisations} from './known-organisations.js'
import type {KnownName} from './known-names.js'
import {nameKey} from './name-key.js'

/** Names that mean one entity of a kind (`European Community`: `EC`, `EEC`). */
export interface TopicAlias {
  /** The canonical name, shown as the topic. */
  readonly name: string
  readonly kind: Exclude<TopicKind, 'subject'>
  /** Other names found in the text that mean it. */
  readonly names: readonly string[]
}

/** A subject topic given when its keywords occur often enough. */
export interface SubjectRule {
  readonly name: string
  /** Words or phrases; matched without regard to case, as whole words. */
  readonly keywords: readonly string[]
  /** How many keyword occurrences an article needs; at least 1. */
  readonly min: number
}

/**
 * A compiled topics file: plain data (JSON-safe, so it can key a cache and
 * cross to worker threads).
 */
export interface TopicRules {
  readonly aliases: readonly TopicAlias[]
  /** Found name → name it is shown under (`Reagan Administration` → `Ronald Reagan`). */
  readonly merges: Readonly<Record<string, string>>
  /** Names never given as topics. */
  readonly blocklist: readonly string[]
  readonly subjects: readonly SubjectRule[]
}

/** Rules with nothing in them: the built-in behaviour (with the built-in aliases of `knownOrganisations`). */
export const noRules: TopicRules = {aliases: [], merges: {}, blocklist: [], subjects: []}

/** The rules in the form the extractor looks them up, by `nameKey`. */
export interface CompiledRules {
  readonly aliases: ReadonlyMap<string, KnownName>
  /** Leading parts of the aliases of several words, for longest-match lookups. */
  readonly aliasPrefixes: ReadonlySet<string>
  readonly merges: ReadonlyMap<string, string>
  readonly blocklist: ReadonlySet<string>
  readonly subjects: readonly SubjectRule[]
}

const compiled = new WeakMap<TopicRules, CompiledRules>()

/** Compile `rules` once per rules object, after the built-in aliases of well-known organisations, which they override. */
export function compileRules(rules: TopicRules): CompiledRules {
  let result = compiled.get(rules)
  if (result === undefined) {
    const aliases = new Map<string, KnownName>()
    for (const alias of [...knownOrganisations, ...rules.aliases]) {
      for (const name of [alias.name, ...alias.names]) {
        const key = nameKey(name)
        if (key === '') continue
        aliases.set(key, {name: alias.name, kind: alias.kind, place: undefined})
      }
    }
    const merges = new Map(Object.entries(rules.merges).map(([from, to]) => [nameKey(from), to] as const))
    result = {aliases, aliasPrefixes: prefixesOf(aliases.keys()), merges, blocklist: new Set(rules.blocklist.map(nameKey)), subjects: rules.subjects}
    compiled.set(rules, result)
  }
  return result
}
