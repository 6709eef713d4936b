import {longestKnownName} from './known-names.js'
import {calendarWords, capitalNoise, leadingFunctionWords} from './name-words.js'
import type {ArticleNames} from './resolve-names.js'
import type {CompiledRules} from './topic-rules.js'
import {Gap, keysOf, type Token} from './tokenize.js'

/** A known name found in all-caps or title-case text. */
export interface CaselessMatch {
  readonly name: string
  readonly kind: 'person' | 'place' | 'organisation'
  /** The country of a matched city, which counts too. Note: present, undefined, in other matches, so that all have one shape (see `namePhrase`). */
  readonly country: string | undefined
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
  const keys = keysOf(tokens)
  let index = 0
  while (index < tokens.length) {
    const clauseEnd = clauseEndFrom(tokens, index)
    const known = longestKnownName(rules, keys, index, clauseEnd, true)
    const named = longestArticleName(articleNames, keys, index, clauseEnd)
    const end = Math.max(known?.end ?? 0, named?.end ?? 0)
    if (end > index + 1 || (end === index + 1 && mayBeName(tokens[index]!))) {
      if (known && known.end === end) {
        const country = known.known.place?.country
        matches.push({name: known.known.name, kind: known.known.kind, country: country || undefined, index})
      } else if (named) {
        matches.push({name: named.name, kind: named.kind, country: undefined, index})
      }
      index = end
    } else {
      index++
    }
  }
  return matches
}

/** Names in all-caps text are at most this many words long when the article found them. */
const maxArticleNameWords = 5

function longestArticleName(names: ArticleNames, keys: readonly string[], start: number, limit: number): {name: string; kind: CaselessMatch['kind']; end: number} | undefined {
  if (names.size === 0) return undefined
  let found: {name: string; kind: CaselessMatch['kind']; end: number} | undefined
  let key = keys[start]!
  for (let end = start + 1; end <= Math.min(limit, start + maxArticleNameWords); end++) {
    if (end > start + 1) key += ` ${keys[end - 1]!}`
    const named = names.get(key)
    if (named) found = {...named, end}
  }
  return found
}

/** Where the clause that `start` is in ends: at the next comma, full stop or possessive. */
function clauseEndFrom(tokens: readonly Token[], start: number): number {
  let end = start + 1
  while (end < tokens.length && end < start + 6 && tokens[end]!.gap === Gap.Space && !tokens[end - 1]!.possessive) end++
  return end
}

function mayBeName(token: Token): boolean {
  if (leadingFunctionWords.has(token.key) || calendarWords.has(token.key) || capitalNoise.has(token.key)) return false
  // Note: `US` without dots is also the pronoun in all-caps text; `U.S.` is not.
  return !(token.key === 'us' && !token.text.includes('.'))
}

