import {lookUpName, maxNameWords} from './known-names.js'
import {calendarWords, capitalNoise, leadingFunctionWords} from './name-words.js'
import type {ArticleNames} from './resolve-names.js'
import type {CompiledRules} from './topic-rules.js'
import {Gap, Shape, type Token} from './tokenize.js'

/** A known name found in all-caps or title-case text. */
export interface CaselessMatch {
  readonly name: string
  readonly kind: 'person' | 'place' | 'organisation'
  /** The country of a matched city, which counts too. */
  readonly country?: string
  /** Index of the first matched token. */
  readonly index: number
}

/**
 * Find names in text whose capitals say nothing (all-caps wire copy,
 * title-case headlines): only names the gazetteer, the topics file or the
 * article's own mixed-case text already know, longest first.
 */
export function scanCaseless(tokens: readonly Token[], rules: CompiledRules, articleNames: ArticleNames): CaselessMatch[] {
  const matches: CaselessMatch[] = []
  const keys = tokens.map((token) => token.key)
  const longest = maxNameWords(rules)
  let index = 0
  while (index < tokens.length) {
    let matched = 0
    for (let end = Math.min(tokens.length, index + longest); end > index; end--) {
      if (end - index === 1 && !mayBeName(tokens[index]!)) continue
      if (!sameClause(tokens, index, end)) continue
      const known = lookUpName(rules, keys, index, end, true)
      if (known) {
        matches.push({name: known.name, kind: known.kind, index, ...(known.place?.country ? {country: known.place.country} : {})})
        matched = end - index
        break
      }
      const named = articleNames.get(end - index === 1 ? keys[index]! : keys.slice(index, end).join(' '))
      if (named) {
        matches.push({name: named.name, kind: named.kind, index})
        matched = end - index
        break
      }
    }
    index += Math.max(matched, 1)
  }
  return matches
}

function mayBeName(token: Token): boolean {
  if (token.shape === Shape.Number || leadingFunctionWords.has(token.key) || calendarWords.has(token.key) || capitalNoise.has(token.key)) return false
  // Note: `US` without dots is also the pronoun in all-caps text; `U.S.` is not.
  return !(token.key === 'us' && !token.text.includes('.'))
}

function sameClause(tokens: readonly Token[], start: number, end: number): boolean {
  for (let index = start + 1; index < end; index++) {
    if (tokens[index]!.gap !== Gap.Space || tokens[index - 1]!.possessive) return false
  }
  return true
}
