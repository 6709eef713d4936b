import type {Archive} from '../indexes/archive.js'
import type {OutputFile} from './output-file.js'
import type {ViewBuilder} from './views.js'

/**
 * The site's non-HTML files made from the archive: feeds, sitemaps, robots.txt.
 * Placeholder: only robots.txt for now.
 */
export function* siteFiles(archive: Archive, views: ViewBuilder): Generator<OutputFile> {
  void archive
  yield {path: 'robots.txt', contents: `User-agent: *\nAllow: /\n`, from: []}
  void views
}
