import type {Article} from '../model/article.js'
import {problem, type Problem} from '../problems/content-error.js'
import type {PlacedArticle} from './archive.js'
import {bySource, matchInOrder} from './match-articles.js'
import {reassignUrls} from './reassign-urls.js'
import {compilePermalink, placingOf, shortestSuffix, suffixedUrl, type Permalink, type Placings} from './url-placings.js'

export type {Placings} from './url-placings.js'

/**
 * Give every article a unique URL. Given slugs keep their URL, and two given
 * slugs on one URL are an error naming both files. A derived slug that collides
 * gets a suffix from its own content hash, so the result does not depend on
 * the order files are read in; the article first by source path keeps the
 * plain slug, so adding a later seed never moves an older one. `articles`
 * come in source path order. `previous`, what an earlier call returned as
 * `placings`, lends its URLs and placings of the same article objects (a
 * placing when the URL and slug are the same); when few articles were added
 * or removed since, only those are placed (see `reassignUrls`).
 */
export function assignUrls(articles: readonly Article[], pattern: string, previous?: Placings): {placed: PlacedArticle[]; problems: Problem[]; placings: Placings} {
  const lending = previous?.pattern === pattern ? previous : undefined
  return (lending && reassignUrls(articles, lending)) ?? placeAfresh(articles, pattern, lending)
}

/** Every article placed, with URLs and placings lent by `previous` (of the same pattern). */
function placeAfresh(articles: readonly Article[], pattern: string, previous: Placings | undefined): {placed: PlacedArticle[]; problems: Problem[]; placings: Placings} {
  const problems: Problem[] = []
  const permalinkFor = compilePermalink(pattern)
  // Note: articles are named by their index, and only colliding URLs get a list: a large archive has
  // few collisions, and objects kept across this function cost the collector more than the work itself.
  // Note: the dev server's build cache hands out the same article objects build after build. Their URLs and
  // placings are taken over from the build before: at 100,000 articles, making, hashing and comparing new URLs
  // took about 0.2 s of a dev build, and copying the articles again 0.05–0.1 s, with that many objects for the
  // collector to move.
  const earlier = previous && matchInOrder(previous.articles, articles, bySource, () => false)
  const baseUrls = articles.map((article, index) => previous?.urls[earlier?.[index] ?? -1] ?? permalinkFor(article.date, article.slug))
  const urls = [...baseUrls]
  const firstAt = new Map<string, number>()
  const collisions = new Map<string, number[]>()
  urls.forEach((url, index) => {
    const first = firstAt.get(url)
    if (first === undefined) {
      firstAt.set(url, index)
      return
    }
    const group = collisions.get(url)
    if (group) group.push(index)
    else collisions.set(url, [first, index])
  })
  // Note: the URLs taken are those in `firstAt` and the suffixed ones given out below. A set of all of them, made
  // anew every build: in a script placing 100,000 articles with an earlier call's placings, medians of 280-288 ms
  // with it against 184-200 ms without.
  const suffixed = new Set<string>()
  const suffixes = new Map<Article, {slug: string; url: string}>()
  let longSuffix = false
  const taken = (url: string): boolean => firstAt.has(url) || suffixed.has(url)
  const slugs: (string | undefined)[] = new Array(articles.length)
  const dropped = new Set<number>()
  const of = (index: number): Article => articles[index] as Article
  // Note: in the order each URL first appears, which fixes the order of the problems and of the suffixes taken.
  for (const group of [...collisions.values()].sort((a, b) => (a[0] as number) - (b[0] as number))) {
    const url = urls[group[0] as number] as string
    const given = group.filter((index) => of(index).slugOrigin === 'given')
    for (const later of given.slice(1)) {
      const first = of(given[0] as number)
      problems.push(problem('url-collision', of(later).slugAt, `the slug "${of(later).slug}" gives ${url}, which ${first.file} already has`, [first.slugAt]))
    }
    const keeper = given[0] ?? [...group].sort((a, b) => (of(a).source < of(b).source ? -1 : 1))[0]
    for (const index of group) {
      if (index === keeper) continue
      if (of(index).slugOrigin === 'derived') {
        const place = uniqueUrl(permalinkFor, of(index), taken)
        longSuffix ||= place.slug.length > of(index).slug.length + 1 + shortestSuffix
        suffixed.add(place.url)
        suffixes.set(of(index), place)
        slugs[index] = place.slug
        urls[index] = place.url
      } else {
        dropped.add(index)
      }
    }
  }
  const placed: PlacedArticle[] = []
  const placings: (PlacedArticle | undefined)[] = new Array(articles.length)
  articles.forEach((article, index) => {
    if (dropped.has(index)) return
    const placing = placingOf(article, urls[index] as string, slugs[index] ?? article.slug, previous?.placed[earlier?.[index] ?? -1])
    placings[index] = placing
    placed.push(placing)
  })
  const shared = new Map([...collisions].map(([url, group]) => [url, group.map(of)]))
  return {placed, problems, placings: {pattern, articles, urls: baseUrls, placed: placings, held: firstAt, shared, suffixes, suffixed, longSuffix, problemCount: problems.length}}
}

/** The first suffixed slug of `article` (by ever longer prefixes of its hash) whose URL is not `taken`. */
function uniqueUrl(permalinkFor: Permalink, article: Article, taken: (url: string) => boolean): {slug: string; url: string} {
  for (let length = shortestSuffix; length <= article.hash.length; length += 2) {
    const place = suffixedUrl(permalinkFor, article, length)
    if (!taken(place.url)) return place
  }
  throw new Error(`no unique URL for ${article.file}: identical content should have been removed first`)
}
