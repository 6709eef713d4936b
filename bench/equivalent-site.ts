/**
 * The site the peer harness has Hugo build, made by news-archive from the
 * same input, for `peers.ts`: the Markdown with front matter (title, date,
 * tags) that the harness's `convert.mjs` writes for Hugo, and a theme as
 * small as the harness's Hugo layouts (`equivalent-site/`: a page skeleton,
 * an article with its tags, lists of dated links, no feeds per tag).
 *
 * What still differs, so that the two sites are equivalent rather than equal:
 * ours also writes day pages, the archive and topic index pages, a search
 * page, a 404 page, a sitemap, robots.txt, Atom and JSON feeds beside the RSS
 * one and its build cache; its tag (topic) pages list 20 articles a page where
 * Hugo's list them all on one; its year page lists the latest articles and
 * its month page each day's headlines, where Hugo's list every article.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {topicSlug} from '../src/enrich/topics/topic-slug.js'

/** The project folder of the equivalent site: its config and templates. */
export const equivalentProject = path.join(path.dirname(fileURLToPath(import.meta.url)), 'equivalent-site')

/**
 * Write the seeds of the equivalent site for the corpus seeds in `seedsDir`
 * into `workDir/seeds` (and the harness's Hugo site into `workDir/site-hugo`);
 * returns the seeds folder. Not timed, as the harness does not time its conversion.
 *
 * Two changes to the Hugo content, which our generator would otherwise refuse
 * or warn about: the `years` and `months` keys go (Hugo's taxonomies for its
 * date archives; ours are made from `date`), and tags that our generator
 * files under one URL (`Organisation` and `Organization`) are spelled as in
 * the first article that has one, as the error our generator gives asks an author to.
 */
export function makeEquivalentSeeds(harness: string, seedsDir: string, workDir: string): string {
  const site = path.join(workDir, 'site-hugo')
  execFileSync('node', [path.join(harness, 'convert.mjs'), seedsDir, 'hugo', site], {stdio: 'ignore'})
  const posts = path.join(site, 'content', 'posts')
  const seeds = path.join(workDir, 'seeds')
  mkdirSync(seeds, {recursive: true})
  const spellings = new Map<string, string>()
  for (const name of readdirSync(posts).sort()) {
    const lines = readFileSync(path.join(posts, name), 'utf8').split('\n')
    const fence = lines.indexOf('---', 1)
    const kept = lines.filter((line, index) => index > fence || !/^(years|months):/.test(line))
    const keptFence = kept.indexOf('---', 1)
    const tagsAt = kept.findIndex((line, index) => index < keptFence && line.startsWith('tags: '))
    if (tagsAt !== -1) {
      const tags = JSON.parse(kept[tagsAt]!.slice('tags: '.length)) as string[]
      const spelled = tags.map((tag) => {
        const slug = topicSlug(tag)
        if (!spellings.has(slug)) spellings.set(slug, tag)
        return spellings.get(slug)!
      })
      if (spelled.some((tag, index) => tag !== tags[index])) kept[tagsAt] = `tags: [${spelled.map((tag) => JSON.stringify(tag)).join(', ')}]`
    }
    writeFileSync(path.join(seeds, name), kept.join('\n'))
  }
  return seeds
}
