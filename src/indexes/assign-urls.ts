import type {Article} from '../model/article.js'
import {problem, type Problem} from '../problems/content-error.js'
import type {PlacedArticle} from './archive.js'

/** Fill a permalink pattern (`/:year/:month/:day/:slug/`) for one article. */
function permalinkFor(pattern: string, date: string, slug: string): string {
  return pattern.replace(/:year/g, date.slice(0, 4)).replace(/:month/g, date.slice(5, 7)).replace(/:day/g, date.slice(8, 10)).replace(/:slug/g, slug)
}

/**
 * Give every article a unique URL. Given slugs keep their URL, and two given
 * slugs on one URL are an error naming both files. A derived slug that collides
 * gets a suffix from its own content hash, so the result does not depend on
 * the order files are read in; the article first by source path keeps the
 * plain slug, so adding a later seed never moves an older one.
 */
export function assignUrls(articles: readonly Article[], pattern: string): {placed: PlacedArticle[]; problems: Problem[]} {
  const problems: Problem[] = []
  const byUrl = new Map<string, Article[]>()
  for (const article of articles) {
    const url = permalinkFor(pattern, article.date, article.slug)
    const group = byUrl.get(url)
    if (group) group.push(article)
    else byUrl.set(url, [article])
  }
  const taken = new Set(byUrl.keys())
  const urlOf = new Map<Article, {slug: string; url: string}>()
  for (const [url, group] of byUrl) {
    if (group.length === 1) {
      const only = group[0] as Article
      urlOf.set(only, {slug: only.slug, url})
      continue
    }
    const given = group.filter((article) => article.slugOrigin === 'given')
    for (const later of given.slice(1)) {
      const first = given[0] as Article
      problems.push(problem('url-collision', later.slugAt, `the slug "${later.slug}" gives ${url}, which ${first.file} already has`, [first.slugAt]))
    }
    const keeper = given[0] ?? [...group].sort((a, b) => (a.source < b.source ? -1 : 1))[0]
    for (const article of group) {
      if (article === keeper) {
        urlOf.set(article, {slug: article.slug, url})
      } else if (article.slugOrigin === 'derived') {
        urlOf.set(article, uniqueUrl(pattern, article, taken))
      }
    }
  }
  const placed: PlacedArticle[] = []
  for (const article of articles) {
    const place = urlOf.get(article)
    if (place) placed.push({...article, ...place})
  }
  return {placed, problems}
}

function uniqueUrl(pattern: string, article: Article, taken: Set<string>): {slug: string; url: string} {
  for (let length = 6; length <= article.hash.length; length += 2) {
    const slug = `${article.slug}-${article.hash.slice(0, length)}`
    const url = permalinkFor(pattern, article.date, slug)
    if (!taken.has(url)) {
      taken.add(url)
      return {slug, url}
    }
  }
  throw new Error(`no unique URL for ${article.file}: identical content should have been removed first`)
}
