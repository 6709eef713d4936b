import {markdownToHtml} from '../adapters/markdown.js'
import type {Article, Topic} from '../model/article.js'
import {readDate} from '../model/read-date.js'
import {readFields} from '../model/read-fields.js'
import type {Problem} from '../problems/content-error.js'
import type {ParsedSource} from '../parse/parsed-source.js'
import {deriveSlug} from './derive-slug.js'
import {describeBody} from './describe-body.js'
import {headlineOfLine} from './headline.js'
import {leadText, summaryOfLine} from './summary.js'
import type {TopicRules, TopicText} from './topics/extract-topics.js'
import {findTopics} from './topics/find-topics.js'
import {topicSlug} from './topics/topic-slug.js'

/** The settings that change what an article becomes (and so key its cache entry). */
export interface EnrichSettings {
  readonly maxTopics: number
  readonly addExtractedTopics: boolean
  readonly topicRules?: TopicRules
}

/** Words a reader reads in a minute, for reading times. */
const wordsPerMinute = 230

/**
 * An article made from its seed but for the topics found in its text, which
 * `finishArticle` adds. Note: two steps so that a build can find topics on
 * another thread (see `processEach`) while this one goes on with the next
 * seeds; `toArticle` does both.
 */
export interface PreparedArticle {
  readonly article: Omit<Article, 'topics'>
  /** The topics the front matter gives, in its order. */
  readonly givenTopics: readonly string[] | undefined
  /** The text to find topics in, unless the given topics are all the article gets (see `EnrichSettings.addExtractedTopics`). */
  readonly topicText?: TopicText
  readonly warnings: Problem[]
}

/**
 * Turn a parsed seed into its `Article`: check the given fields, derive what
 * is missing (title, summary, slug, topics) and render the body (a
 * Markdown body needs `loadMarkdown` first).
 *
 * @throws {ContentError} When a field is missing or has the wrong type.
 */
export function toArticle(parsed: ParsedSource, settings: EnrichSettings): {article: Article; warnings: Problem[]} {
  const prepared = prepareArticle(parsed, settings)
  return finishArticle(prepared, prepared.topicText && findTopics(prepared.topicText, settings))
}

/**
 * All of `toArticle` but finding topics in the text (see `PreparedArticle`).
 *
 * @throws {ContentError} When a field is missing or has the wrong type.
 */
export function prepareArticle(parsed: ParsedSource, settings: EnrichSettings): PreparedArticle {
  const date = readDate(parsed)
  const {fields, warnings} = readFields(parsed)
  const body = describeBody(parsed.body)
  const {lead} = body
  // Note: the headline and the summary start from the same line of the lead, worked out once.
  const line = fields.title === undefined || fields.summary === undefined ? leadText(lead) : ''
  const title = fields.title ?? headlineOfLine(line)
  const summary = fields.summary ?? summaryOfLine(line)
  const slug = fields.slug ?? deriveSlug(title)
  const article: Omit<Article, 'topics'> = {
    source: parsed.path,
    file: parsed.file,
    hash: parsed.hash,
    date,
    title: title === '' ? 'Untitled' : title,
    titleOrigin: fields.title === undefined ? 'derived' : 'given',
    summary,
    summaryOrigin: fields.summary === undefined ? 'derived' : 'given',
    slug,
    slugOrigin: fields.slug === undefined ? 'derived' : 'given',
    slugAt: fields.slugAt,
    ...(fields.author === undefined ? {} : {author: fields.author}),
    ...(fields.publisher === undefined ? {} : {publisher: fields.publisher}),
    draft: fields.draft,
    bodyHtml: markdownToHtml(parsed.body),
    subheadings: body.subheadings,
    figures: body.figures,
    ...(parsed.dateline ? {dateline: parsed.dateline} : {}),
    wordCount: body.wordCount,
    readingMinutes: Math.max(1, Math.round(body.wordCount / wordsPerMinute)),
  }
  const extract = fields.topicNames === undefined || settings.addExtractedTopics
  const topicText: TopicText = {
    ...(fields.title === undefined ? {} : {title: fields.title}),
    paragraphs: body.paragraphs,
    ...(parsed.dateline ? {datelinePlace: parsed.dateline.place} : {}),
  }
  return {article, givenTopics: fields.topicNames, ...(extract ? {topicText} : {}), warnings: [...parsed.warnings, ...warnings]}
}

/** The article of `prepared` with its topics: the given ones, then those found in its text (`found`, from `findTopics`). */
export function finishArticle(prepared: PreparedArticle, found: readonly Topic[] | undefined): {article: Article; warnings: Problem[]} {
  const topics: Topic[] = []
  const seen = new Set<string>()
  const add = (topic: Topic): void => {
    if (topic.slug === '' || seen.has(topic.slug)) return
    seen.add(topic.slug)
    topics.push(topic)
  }
  for (const name of prepared.givenTopics ?? []) add({name, slug: topicSlug(name), kind: 'subject', origin: 'given'})
  for (const topic of found ?? []) add(topic)
  return {article: {...prepared.article, topics}, warnings: prepared.warnings}
}

