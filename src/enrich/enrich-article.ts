import {markdownToHtml} from '../adapters/markdown.js'
import {slugify} from '../adapters/slug.js'
import type {Article, Topic} from '../model/article.js'
import {readDate} from '../model/read-date.js'
import {readFields} from '../model/read-fields.js'
import type {Problem} from '../problems/content-error.js'
import type {ParsedSource} from '../parse/parsed-source.js'
import {describeBody} from './describe-body.js'
import {deriveHeadline} from './headline.js'
import {deriveSummary} from './summary.js'
import {extractTopics, type TopicRules} from './topics/extract-topics.js'
import {topicSlug} from './topics/topic-slug.js'

/** The settings that change what an article becomes (and so key its cache entry). */
export interface EnrichSettings {
  readonly maxTopics: number
  readonly addExtractedTopics: boolean
  readonly topicRules?: TopicRules
}

/** Words a reader reads in a minute, for reading times. */
const wordsPerMinute = 230
/** Longest derived slug, in characters; cut at a hyphen. */
const maxSlugLength = 60

/**
 * Turn a parsed seed into its `Article`: check the given fields, derive what
 * is missing (title, summary, slug, topics) and render the body (a
 * Markdown body needs `loadMarkdown` first).
 *
 * @throws {ContentError} When a field is missing or has the wrong type.
 */
export function toArticle(parsed: ParsedSource, settings: EnrichSettings): {article: Article; warnings: Problem[]} {
  const date = readDate(parsed)
  const {fields, warnings} = readFields(parsed)
  const body = describeBody(parsed.body)
  const {lead} = body
  const title = fields.title ?? deriveHeadline(lead)
  const summary = fields.summary ?? deriveSummary(lead)
  const topics = chooseTopics(fields.topicNames, settings, {
    ...(fields.title === undefined ? {} : {title: fields.title}),
    paragraphs: body.paragraphs,
    ...(parsed.dateline ? {datelinePlace: parsed.dateline.place} : {}),
  })
  const slug = fields.slug ?? deriveSlug(title)
  const article: Article = {
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
    topics,
  }
  return {article, warnings: [...parsed.warnings, ...warnings]}
}

function chooseTopics(given: readonly string[] | undefined, settings: EnrichSettings, text: Parameters<typeof extractTopics>[0]): Topic[] {
  const topics: Topic[] = []
  const seen = new Set<string>()
  const add = (topic: Topic): void => {
    if (topic.slug === '' || seen.has(topic.slug)) return
    seen.add(topic.slug)
    topics.push(topic)
  }
  for (const name of given ?? []) add({name, slug: topicSlug(name), kind: 'subject', origin: 'given'})
  if (given === undefined || settings.addExtractedTopics) {
    const extracted = extractTopics(text, {max: settings.maxTopics, ...(settings.topicRules ? {rules: settings.topicRules} : {})})
    for (const topic of extracted) add({name: topic.name, slug: topicSlug(topic.name), kind: topic.kind, origin: 'derived'})
  }
  return topics
}

/** A slug from a title: at most 60 characters, cut at a hyphen; `article` when the title has no letters. */
export function deriveSlug(title: string): string {
  const full = slugify(title)
  if (full === '') return 'article'
  if (full.length <= maxSlugLength) return full
  const cut = full.slice(0, maxSlugLength + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > 20 ? cut.slice(0, lastHyphen) : full.slice(0, maxSlugLength).replace(/-+$/, '')
}
