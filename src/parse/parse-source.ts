import type {Parent, Root, RootContent} from 'mdast'
import {readFrontMatter, FrontMatterError, type FrontMatter} from '../adapters/front-matter.js'
import {parseMarkdown} from '../adapters/markdown.js'
import {fail, problem, type Problem} from '../problems/content-error.js'
import {fileStart, pointAt, type SourcePoint} from '../problems/source-point.js'
import type {RuleId} from '../problems/rules.js'
import type {SourceFile} from '../load/source-file.js'
import {decodeText} from './decode-text.js'
import {plainTextToMdast} from './plain-text/plain-text-to-mdast.js'
import type {BodyKind, ParsedSource} from './parsed-source.js'
import {placeholderText} from '../new-seed/placeholder.js'

/** Limits that protect the build from files that cannot be articles. */
export interface ParseLimits {
  /** Largest seed accepted, in bytes. */
  readonly maxSeedBytes: number
}

const frontMatterRules = {
  yaml: 'front-matter-yaml',
  unclosed: 'front-matter-unclosed',
  language: 'front-matter-language',
  'not-mapping': 'front-matter-not-mapping',
} as const satisfies Record<FrontMatterError['kind'], RuleId>

/** ` date 2024-11-18 ` at the start of the body: optional space, the word, the value. */
const dateLinePattern = /^\s*date:?[ \t]+(\S*)[ \t]?/di

/** How the body of the seed at `path` is written: Markdown for `.md` files (whose parsing needs `loadMarkdown` first), plain text otherwise. */
export function bodyKind(path: string): BodyKind {
  return path.endsWith('.md') ? 'markdown' : 'text'
}

/**
 * Split one seed into front matter, date line and body tree. A Markdown seed
 * (see `bodyKind`) needs `loadMarkdown` first.
 *
 * @throws {ContentError} When the file is not text, its front matter cannot be read, or it has no body.
 */
export function parseSource(source: SourceFile, limits: ParseLimits): ParsedSource {
  const {file} = source
  if (source.bytes.length > limits.maxSeedBytes) {
    fail('file-too-large', {file, place: fileStart}, `the file has ${source.bytes.length.toLocaleString('en')} bytes, more than the limit of ${limits.maxSeedBytes.toLocaleString('en')}`)
  }
  const text = stripBom(decodeText(file, source.bytes))
  const kind = bodyKind(source.path)
  const frontMatter = readFrontMatterAt(file, text)
  let bodyStart = frontMatter?.bodyStart ?? 0
  let dateLine: ParsedSource['dateLine']
  const match = dateLinePattern.exec(text.slice(bodyStart, bodyStart + 200))
  const token = match?.[1] ?? ''
  // Note: a body that merely starts with the word "Date" ("Date palms grow…") is
  // text, not a date line: with a `date:` in the front matter, the value must be
  // a date; without one, the word after `date` must at least look like one.
  if (match && (isDateShaped(token) || (frontMatter?.data['date'] === undefined && looksLikeADate(token)))) {
    const valueOffset = bodyStart + (match.indices?.[1]?.[0] ?? 0)
    dateLine = {value: readDateValue(text, valueOffset, token), at: pointAt(text, valueOffset)}
    bodyStart += match[0].length
  }
  if (text.slice(bodyStart).trim() === '') {
    fail('body-empty', {file, place: pointAt(text, bodyStart)}, emptyBodyMessage(text, frontMatter, dateLine))
  }
  const warnings: Problem[] = []
  const placeholder = text.indexOf(placeholderText, bodyStart)
  if (placeholder !== -1) warnings.push(problem('body-placeholder', {file, place: pointAt(text, placeholder)}, 'the article still holds the placeholder text that `news-archive new` wrote, and is published with it'))
  const parts = kind === 'text' ? plainTextToMdast(text, bodyStart) : {tree: parseMarkdownAt(text, bodyStart)}
  return {
    path: source.path,
    file,
    hash: source.hash,
    kind,
    text,
    ...(frontMatter ? {frontMatter} : {}),
    ...(dateLine ? {dateLine} : {}),
    bodyStart,
    body: parts.tree,
    ...('dateline' in parts && parts.dateline ? {dateline: parts.dateline} : {}),
    warnings,
  }
}

function emptyBodyMessage(text: string, frontMatter: FrontMatter | undefined, dateLine: ParsedSource['dateLine']): string {
  if (dateLine) return 'there is no text after the date line'
  if (frontMatter) return 'there is no text after the front matter'
  return text === '' ? 'the file is empty' : 'the file holds only spaces and blank lines'
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function readFrontMatterAt(file: string, text: string): FrontMatter | undefined {
  try {
    return readFrontMatter(text)
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error
    return fail(frontMatterRules[error.kind], {file, place: error.place}, error.message, {cause: error})
  }
}

/**
 * The date as written. When it is not date-shaped (`18 Nov 2024`), take the
 * next two words too, so the message quotes what the author wrote.
 */
function readDateValue(text: string, offset: number, token: string): string {
  if (!startsWordyDate(token)) return token
  const rest = text.slice(offset, offset + 40).split('\n')[0] ?? ''
  return rest.split(/[ \t]+/).slice(0, 3).join(' ')
}

/** `18` of `18 Nov 2024`, or `Nov` of `Nov 18, 2024`: a date written in words continues. */
function startsWordyDate(token: string): boolean {
  return /^\d{1,2}(st|nd|rd|th)?[.,]?$/i.test(token) || monthWords.test(token)
}

const monthWords = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[.,]?$/i

/** Whether the word after `date` is meant as one: empty, a number, or a month's name. */
function looksLikeADate(token: string): boolean {
  return token === '' || /^\d/.test(token) || monthWords.test(token)
}

function isDateShaped(token: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(token)
}

/**
 * Parse a Markdown body that starts at `start` and shift every position so it
 * points into the whole file.
 */
function parseMarkdownAt(text: string, start: number): Root {
  const tree = parseMarkdown(text.slice(start))
  const origin = pointAt(text, start)
  shiftPositions(tree, origin, start)
  return demoteHeadings(tree)
}

/**
 * The page's `<h1>` is the article's title, so body headings start at `<h2>`:
 * `#` becomes level 2, `##` level 3, and so on (at most 6), wherever they sit
 * (a heading inside a list item or a block quote too). A heading with no text
 * says nothing and is dropped.
 */
function demoteHeadings<T extends Root | RootContent>(node: T): T {
  if (!('children' in node)) return node
  const parent = node as Parent
  parent.children = parent.children.filter((child) => child.type !== 'heading' || child.children.length > 0)
  for (const child of parent.children) {
    if (child.type === 'heading') child.depth = Math.min(child.depth + 1, 6) as typeof child.depth
    else demoteHeadings(child)
  }
  return node
}

function shiftPositions(node: Root | RootContent, origin: SourcePoint, offset: number): void {
  const position = node.position
  if (position) {
    for (const point of [position.start, position.end]) {
      if (point.line === 1) point.column += origin.column - 1
      point.line += origin.line - 1
      if (point.offset !== undefined) point.offset += offset
    }
  }
  if ('children' in node) for (const child of node.children) shiftPositions(child, origin, offset)
}
