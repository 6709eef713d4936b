import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {findAllFiles} from '../../src/adapters/glob.js'

/** One page of each kind of a built site, by URL path: what browser tests and Lighthouse look at. */
export interface SamplePages {
  readonly home: string
  readonly article: string
  readonly year: string
  readonly month: string
  /** The topic with the most articles; none where no topic has a page (the example's single article). */
  readonly topic?: string
}

/**
 * The first article, month and year by path, and the busiest topic (it has
 * the most to draw), of the site built in `dir`.
 *
 * @throws {Error} When the site has no article, month or year page.
 */
export async function samplePages(dir: string): Promise<SamplePages> {
  const files = (await findAllFiles(dir)).sort()
  const first = (pattern: RegExp): string => {
    const file = files.find((candidate) => pattern.test(candidate))
    if (!file) throw new Error(`the site in ${dir} has no page matching ${pattern}`)
    return `/${file.replace(/index\.html$/, '')}`
  }
  const topic = await busiestTopic(dir)
  return {
    home: '/',
    article: first(/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/),
    year: first(/^\d{4}\/index\.html$/),
    month: first(/^\d{4}\/\d{2}\/index\.html$/),
    ...(topic === undefined ? {} : {topic}),
  }
}

/** The topic page with the most articles, by the counts the topic index shows (with their thousands separators). */
async function busiestTopic(dir: string): Promise<string | undefined> {
  const index = await readFile(path.join(dir, 'topics', 'index.html'), 'utf8')
  const topics = [...index.matchAll(/<a href="(\/topics\/[^"]+\/)">[^<]*<\/a> <span class="kind">[^<]*<\/span> <span class="count">([\d,.\s]+)<\/span>/g)]
    .map((match) => ({href: match[1] as string, count: Number((match[2] as string).replace(/\D/g, ''))}))
    .sort((a, b) => b.count - a.count || (a.href < b.href ? -1 : 1))
  return topics[0]?.href
}
