import type {TemplateSet} from '../adapters/liquid.js'
import type {Archive} from '../indexes/archive.js'
import {articlePages} from './article-pages.js'
import {datePages, homePages, topicPages, utilityPages} from './list-pages.js'
import type {OutputFile} from './output-file.js'
import type {Page} from './page.js'
import {outputPathFor} from './urls.js'
import type {ViewBuilder} from './views.js'

/** Every template a site needs; all are parsed before the first page renders. */
export const pageTemplates = ['home.html', 'article.html', 'year.html', 'month.html', 'day.html', 'archive.html', 'topics.html', 'topic.html', 'search.html', '404.html'] as const

/**
 * Every HTML page of the site, in a fixed order, as lazy descriptors: the
 * article pages last, since only they show the related articles, which a
 * large build finds meanwhile (see `WriteSiteOptions.beforeArticles`).
 */
export function* planPages(archive: Archive, views: ViewBuilder): Generator<Page> {
  yield* homePages(archive, views)
  yield* datePages(archive, views)
  yield* topicPages(archive, views)
  yield* utilityPages(views)
  yield* articlePages(archive, views)
}

/**
 * Render one page through its template; `view` is its view model when already
 * built, and `path` its output path when already worked out (both by `PageKeys`).
 * Note: the path given is the very string the page's key came with, which
 * the output's file table then holds: a later build that keeps the page
 * looks it up by that same string, with no characters to compare.
 */
export function renderPage(page: Page, templates: TemplateSet, view?: object, path = outputPathFor(page.url)): OutputFile {
  return {path, contents: renderView(page, view, templates), from: page.from}
}

/** The HTML of one page, from its view model when already built, else from a new one. */
export function renderView(page: Page, view: object | undefined, templates: TemplateSet): string {
  return templates.render(page.template, view ?? page.view())
}
