import {findKey, writtenValue} from '../adapters/front-matter.js'
import {fail, problem, type Problem} from '../problems/content-error.js'
import type {SourceRef} from '../problems/source-point.js'
import type {ParsedSource} from '../parse/parsed-source.js'
import {describe} from './read-date.js'

/** What an author may write in front matter, checked and typed. Absent keys are absent. */
export interface GivenFields {
  readonly title?: string
  readonly summary?: string
  readonly topicNames?: readonly string[]
  readonly slug?: string
  readonly author?: string
  readonly publisher?: string
  readonly draft: boolean
  /** Where `slug` is written, or the start of the file. */
  readonly slugAt: SourceRef
  readonly topicsAt: SourceRef
}

/** Every front-matter key news-archive reads. Others get a warning, so typos are seen. */
export const knownKeys = new Set(['title', 'date', 'topics', 'tags', 'summary', 'description', 'author', 'source', 'slug', 'draft'])

/** A slug is one URL segment: letters, digits and hyphens, nothing that walks paths. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Read and type-check the optional front-matter fields.
 *
 * @throws {ContentError} `field-invalid`, `topics-invalid` or `slug-invalid` at the key's line.
 */
export function readFields(parsed: ParsedSource): {fields: GivenFields; warnings: Problem[]} {
  const {file, frontMatter} = parsed
  const at = (key: string): SourceRef => ({file, place: frontMatter ? findKey(frontMatter, key) : {line: 1, column: 1}})
  const data = frontMatter?.data ?? {}
  const text = (key: string): string | undefined => {
    const value = data[key]
    if (value === undefined || value === null) return undefined
    // Note: YAML reads `slug: 007` or `title: 1e3` as numbers; the author meant the text as written.
    if (typeof value === 'number') return (frontMatter && writtenValue(frontMatter, key)) ?? String(value)
    if (typeof value !== 'string') fail('field-invalid', at(key), `\`${key}\` is ${describe(value)}; it should be text`)
    const trimmed = value.replace(/\s+/g, ' ').trim()
    return trimmed === '' ? undefined : trimmed
  }

  const draftValue = data['draft']
  if (draftValue !== undefined && draftValue !== null && typeof draftValue !== 'boolean') {
    fail('field-invalid', at('draft'), `\`draft\` is ${describe(draftValue)}; it should be true or false`)
  }
  const slug = text('slug')
  if (slug !== undefined && !slugPattern.test(slug)) {
    fail('slug-invalid', at('slug'), `\`slug\` is "${slug}": a slug may hold only lower-case letters, digits and single hyphens (no "/", "\\", ".." or spaces)`)
  }
  const topicsKey = data['topics'] !== undefined ? 'topics' : 'tags'
  const topicNames = readTopicNames(data[topicsKey], at(topicsKey), topicsKey)
  const warnings = Object.keys(data)
    .filter((key) => !knownKeys.has(key))
    .sort()
    .map((key) => problem('front-matter-unknown-key', at(key), `\`${key}\` is not a front-matter key news-archive reads, so it is ignored`))

  const title = text('title')
  const summary = text('summary') ?? text('description')
  const author = text('author')
  const publisher = text('source')
  const fields: GivenFields = {
    ...(title === undefined ? {} : {title}),
    ...(summary === undefined ? {} : {summary}),
    ...(topicNames === undefined ? {} : {topicNames}),
    ...(slug === undefined ? {} : {slug}),
    ...(author === undefined ? {} : {author}),
    ...(publisher === undefined ? {} : {publisher}),
    draft: draftValue === true,
    slugAt: at('slug'),
    topicsAt: at(topicsKey),
  }
  return {fields, warnings}
}

function readTopicNames(value: unknown, at: SourceRef, key: string): string[] | undefined {
  if (value === undefined || value === null) return undefined
  const list = typeof value === 'string' ? value.split(',') : value
  if (!Array.isArray(list)) fail('topics-invalid', at, `\`${key}\` is ${describe(value)}; it should be a list of names`)
  const names: string[] = []
  for (const item of list) {
    if (typeof item !== 'string' && typeof item !== 'number') {
      fail('topics-invalid', at, `\`${key}\` holds ${describe(item)}; every topic should be a name`)
    }
    const name = String(item).replace(/\s+/g, ' ').trim()
    if (name !== '' && !names.includes(name)) names.push(name)
  }
  return names
}
