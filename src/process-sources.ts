import type {SiteConfig} from './config/site-config.js'
import {toArticle, type EnrichSettings} from './enrich/enrich-article.js'
import type {SourceFile} from './load/source-file.js'
import type {Article} from './model/article.js'
import {parseSource} from './parse/parse-source.js'
import {ContentError, type Problem} from './problems/content-error.js'

/** Articles made from seeds, and every problem found on the way. */
export interface ProcessedSources {
  readonly articles: Article[]
  readonly problems: Problem[]
  /** Sources that had an error and were left out. */
  readonly invalid: string[]
}

/** The settings of `processSource`, derived from the config once per build. */
export interface ProcessSettings extends EnrichSettings {
  readonly maxSeedBytes: number
}

/** Settings for the per-article stages from the site config. */
export function processSettings(config: SiteConfig, topicRules: EnrichSettings['topicRules']): ProcessSettings {
  return {
    maxSeedBytes: config.maxSeedBytes,
    maxTopics: config.topics.max,
    addExtractedTopics: config.topics.addExtracted,
    ...(topicRules ? {topicRules} : {}),
  }
}

/**
 * Parse and enrich one seed. Pure: the same bytes and settings give the same
 * result, so results can be cached by content hash and run on worker threads.
 * A `ContentError` becomes a problem; any other error is a bug and is thrown.
 */
export function processSource(source: SourceFile, settings: ProcessSettings): {article?: Article; problems: Problem[]} {
  try {
    const {article, warnings} = toArticle(parseSource(source, settings), settings)
    return {article, problems: warnings}
  } catch (error) {
    if (error instanceof ContentError) return {problems: [error.problem]}
    throw error
  }
}

/**
 * Run `processSource` over every seed, collecting problems so one bad seed
 * doesn't hide the next. Results are in the order of `sources`.
 */
export async function processSources(sources: readonly SourceFile[], settings: ProcessSettings, onEach?: (done: number) => void): Promise<ProcessedSources> {
  const articles: Article[] = []
  const problems: Problem[] = []
  const invalid: string[] = []
  sources.forEach((source, index) => {
    const result = processSource(source, settings)
    if (result.article) articles.push(result.article)
    else invalid.push(source.file)
    problems.push(...result.problems)
    onEach?.(index + 1)
  })
  return {articles, problems, invalid}
}
