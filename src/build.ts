import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {findAllFiles} from './adapters/glob.js'
import {loadTemplates, TemplateError, type TemplateSet} from './adapters/liquid.js'
import {loadConfig} from './config/load-config.js'
import type {SiteConfig} from './config/site-config.js'
import {readTopicsFile} from './enrich/topics/topics-file.js'
import type {TopicRules} from './enrich/topics/extract-topics.js'
import type {Archive} from './indexes/archive.js'
import {buildArchive} from './indexes/build-archive.js'
import {loadSources} from './load/load-sources.js'
import {defaultConfigFile, packageRoot, type BuildOptions} from './options.js'
import {processSettings, processSources} from './process-sources.js'
import {ContentError, isError, problem, type Problem} from './problems/content-error.js'
import {fileStart} from './problems/source-point.js'
import {pageTemplates, planPages, renderPage} from './render/render-site.js'
import {siteFiles} from './render/site-files.js'
import {indexSearch} from './search/index-search.js'
import {siteUrls} from './render/urls.js'
import {ViewBuilder} from './render/views.js'
import {OutputWriter} from './write/write-output.js'

/** What a build did. */
export interface BuildResult {
  readonly problems: readonly Problem[]
  /** Seeds left out because of errors (with `skipInvalid`). */
  readonly skipped: readonly string[]
  readonly articles: number
  /** Files written into the output folder; 0 when nothing was written. */
  readonly written: number
  readonly bytes: number
  readonly wrote: boolean
}

/**
 * Build the archive: read every seed, check it, index it, render it and write
 * it. Nothing is written when any seed has an error (unless `skipInvalid`),
 * and the last good site stays in place until the new one is complete.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const config = await readConfig(options)
  const topicRules = await readTopicRules(options, config)
  const {sources, problems: loadProblems} = await loadSources(path.resolve(options.cwd, options.seedsDir), options.seedsDir)
  const processed = await processSources(sources, processSettings(config, topicRules), (done) => options.onProgress?.('read', done, sources.length))
  const {archive, problems: indexProblems} = buildArchive(processed.articles, {permalink: config.permalink, minTopicArticles: config.topics.minArticles, drafts: options.drafts})
  const problems = [...loadProblems, ...processed.problems, ...indexProblems]
  const skipped = [...loadProblems.map((item) => item.file), ...processed.invalid]
  const result = {problems, skipped, articles: archive.articles.length, written: 0, bytes: 0, wrote: false}
  if (options.check || (problems.some(isError) && (!options.skipInvalid || indexProblems.some(isError)))) return result

  const templates = readTemplates(options)
  const writer = await OutputWriter.open(path.resolve(options.cwd, options.outDir))
  try {
    await writeSite(archive, config, templates, writer, options)
    await writer.flush()
    await indexSearch(writer.target.stagingDir)
    await writer.commit()
  } catch (error) {
    await writer.abort()
    if (error instanceof TemplateError) return {...result, problems: [...problems, templateProblem(error)]}
    throw error
  }
  return {...result, written: writer.written, bytes: writer.bytes, wrote: true}
}

async function writeSite(archive: Archive, config: SiteConfig, templates: TemplateSet, writer: OutputWriter, options: BuildOptions): Promise<void> {
  const views = new ViewBuilder(archive, config, siteUrls(config.baseUrl))
  let done = 0
  const total = archive.articles.length
  for (const page of planPages(archive, views)) {
    await writer.write(renderPage(page, templates))
    if (++done % 500 === 0) options.onProgress?.('write', Math.min(done, total), total)
  }
  for (const file of siteFiles(archive, views)) await writer.write(file)
  for (const dir of assetDirs(options)) {
    for (const relative of await findAllFiles(dir)) await writer.copy(path.join(dir, relative), relative)
  }
}

async function readConfig(options: BuildOptions): Promise<SiteConfig> {
  const file = options.configFile ?? (existsSync(path.resolve(options.cwd, defaultConfigFile)) ? defaultConfigFile : undefined)
  return loadConfig({
    ...(file === undefined ? {} : {path: path.resolve(options.cwd, file)}),
    display: file ?? defaultConfigFile,
    ...(options.baseUrl === undefined ? {} : {baseUrl: options.baseUrl}),
  })
}

async function readTopicRules(options: BuildOptions, config: SiteConfig): Promise<TopicRules | undefined> {
  const file = path.resolve(options.cwd, config.topics.file)
  if (!existsSync(file)) return undefined
  return readTopicsFile(config.topics.file, await readFile(file, 'utf8'))
}

/** The user's templates folder first, then the built-in one, so a user may override single templates. */
function templateDirs(options: BuildOptions): string[] {
  return [...new Set([path.resolve(options.cwd, 'templates'), path.join(packageRoot, 'templates')])].filter((dir) => existsSync(dir))
}

/** Built-in assets first, then the user's `public/`, which may replace them. */
function assetDirs(options: BuildOptions): string[] {
  return [...new Set([path.join(packageRoot, 'public'), path.resolve(options.cwd, 'public')])].filter((dir) => existsSync(dir))
}

function readTemplates(options: BuildOptions): TemplateSet {
  try {
    return loadTemplates(templateDirs(options), pageTemplates)
  } catch (error) {
    if (error instanceof TemplateError) throw new ContentError(templateProblem(error), {cause: error})
    throw error
  }
}

function templateProblem(error: TemplateError): Problem {
  return problem('template-invalid', {file: `templates/${path.basename(error.file)}`, place: error.line > 0 ? {line: error.line, column: error.column} : fileStart}, error.message)
}
