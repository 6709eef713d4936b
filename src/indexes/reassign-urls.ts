import type {Article} from '../model/article.js'
import type {Problem} from '../problems/content-error.js'
import {compareCodeUnits} from '../text/code-unit-order.js'
import type {PlacedArticle} from './archive.js'
import {bySource, fewChanges} from './match-articles.js'
import {compilePermalink, placingOf, shortestSuffix, suffixedUrl, type Placings} from './url-placings.js'

/**
 * `assignUrls` from the call before (`previous`, of the same pattern, which
 * this takes over and changes): only the articles added or removed since
 * (matched by identity, in source path order) are placed, and the URLs they
 * share with others settled again; every other article keeps its placing.
 * The result is that of placing every article afresh (a property test checks
 * it). Undefined when that must be done after all: many changes, a problem
 * (two given slugs on one URL), or a suffix that is not the shortest, whose
 * length hangs on the order the URLs are settled in.
 *
 * Why: at 100,000 articles, mapping every URL and placing every article took
 * 0.14-0.22 s of a dev build that added one seed, in profiles.
 */
export function reassignUrls(articles: readonly Article[], previous: Placings): {placed: PlacedArticle[]; problems: Problem[]; placings: Placings} | undefined {
  if (previous.problemCount > 0 || previous.longSuffix) return undefined
  // Note: a seed written again is another object: its old article is taken out and its new one placed.
  const match = fewChanges(previous.articles, articles, bySource, () => false)
  if (match === undefined) return undefined
  const {before, after} = match

  const {held, shared, suffixes, suffixed} = previous
  const permalinkFor = compilePermalink(previous.pattern)
  /** The URLs whose articles changed, with the articles that had them before. */
  const unsettled = new Map<string, readonly Article[]>()
  const unsettle = (url: string): void => {
    if (!unsettled.has(url)) unsettled.set(url, [...(shared.get(url) ?? [])])
  }
  for (let old = 0; old < previous.articles.length; old++) {
    if (after[old] !== -1) continue
    const url = previous.urls[old] as string
    unsettle(url)
    const group = shared.get(url)
    if (group === undefined) {
      held.delete(url)
      continue
    }
    group.splice(group.indexOf(previous.articles[old] as Article), 1)
    if (group.length === 1) shared.delete(url)
  }
  /** URLs no article had before, with the added article that has them. */
  const newlyHeld = new Map<string, Article>()
  const urls = articles.map((article, index) => {
    const old = before[index] as number
    if (old >= 0) return previous.urls[old] as string
    const url = permalinkFor(article.date, article.slug)
    // Note: a URL given out with a suffix, now an article's own, would move that article: settled afresh.
    if (suffixed.has(url)) return undefined
    unsettle(url)
    if (!held.has(url)) {
      held.set(url, -1)
      newlyHeld.set(url, article)
      return url
    }
    const group = shared.get(url) ?? [newlyHeld.get(url) ?? holderOf(url, articles, before, previous)]
    const at = group.findIndex((other) => compareCodeUnits(other.source, article.source) > 0)
    group.splice(at < 0 ? group.length : at, 0, article)
    shared.set(url, group)
    return url
  })
  if (urls.includes(undefined)) return undefined

  // Note: each changed URL's articles, before and now, are placed again; the rest keep their placings.
  const moved = new Set<Article>()
  for (const [url, earlier] of unsettled) {
    for (const article of earlier) {
      moved.add(article)
      const place = suffixes.get(article)
      if (place === undefined) continue
      suffixes.delete(article)
      suffixed.delete(place.url)
    }
    const group = shared.get(url)
    if (group === undefined) continue
    const given = group.filter((article) => article.slugOrigin === 'given')
    if (given.length > 1) return undefined
    const keeper = given[0] ?? group[0]
    for (const article of group) {
      moved.add(article)
      if (article === keeper) continue
      const place = suffixedUrl(permalinkFor, article, shortestSuffix)
      if (held.has(place.url) || suffixed.has(place.url)) return undefined
      suffixes.set(article, place)
      suffixed.add(place.url)
    }
  }
  const placings = articles.map((article, index) => {
    const old = before[index] as number
    if (old >= 0 && !moved.has(article)) return previous.placed[old] as PlacedArticle
    const place = suffixes.get(article)
    return placingOf(article, place?.url ?? (urls[index] as string), place?.slug ?? article.slug, old >= 0 ? previous.placed[old] : undefined)
  })
  return {placed: placings, problems: [], placings: {...previous, articles, urls: urls as string[], placed: placings}}
}

/** The one article before this build that has `url` (before any suffix) and is still here. */
function holderOf(url: string, articles: readonly Article[], before: Int32Array, previous: Placings): Article {
  // Note: a new URL shared with an old one is rare; looking for its holder then costs less than a map of every one.
  for (let index = 0; index < articles.length; index++) {
    const old = before[index] as number
    if (old >= 0 && previous.urls[old] === url) return articles[index] as Article
  }
  throw new Error(`no article has ${url}, which the placings hold`)
}
