import matter from 'gray-matter'
import * as yaml from 'js-yaml'
import type {SourcePoint} from '../problems/source-point.js'

/** Front matter read from the top of a file. */
export interface FrontMatter {
  /** The parsed mapping, untyped: `model/` reads each field. */
  readonly data: Readonly<Record<string, unknown>>
  /** The raw YAML between the fences, for finding the line of a key. */
  readonly raw: string
  /** 0-based offset in the text where the body starts (after the closing fence's newline). */
  readonly bodyStart: number
}

/** Why front matter could not be read, at a place in the file. */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError'
  constructor(
    readonly kind: 'yaml' | 'unclosed' | 'language' | 'not-mapping',
    message: string,
    readonly place: SourcePoint,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

function refuse(): never {
  throw new FrontMatterError('language', 'front matter in JavaScript is never run', {line: 1, column: 4})
}

// Note: gray-matter evaluates `---js` blocks with eval by default (CVE-2022-25863);
// both names are overridden, and YAML uses the core schema so dates stay text.
const options = {
  engines: {
    yaml: (text: string) => yaml.load(text, {schema: yaml.CORE_SCHEMA}) as object,
    js: refuse,
    javascript: refuse,
  },
}

/**
 * Split YAML front matter off `text` (LF line ends, no BOM). Returns
 * `undefined` when the text does not start with a `---` line.
 *
 * @throws {FrontMatterError} When the block is not closed, not YAML, or not a mapping.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  if (!text.startsWith('---')) return undefined
  const firstLineEnd = text.indexOf('\n')
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)
  if (/^-{4,}\s*$/.test(firstLine)) return undefined // a horizontal rule, not a fence
  if (firstLine.trimEnd() !== '---') {
    const language = firstLine.slice(3).trim()
    throw new FrontMatterError('language', `the front matter is marked as "${language}"; only YAML is read`, {line: 1, column: 4})
  }
  const close = /^---[ \t]*$/m
  const rest = firstLineEnd === -1 ? '' : text.slice(firstLineEnd + 1)
  const closing = close.exec(rest)
  if (!closing) {
    throw new FrontMatterError('unclosed', 'the front matter opened on line 1 is never closed with a `---` line', {line: 1, column: 1})
  }
  const rawEnd = firstLineEnd + 1 + closing.index
  const raw = text.slice(firstLineEnd + 1, rawEnd)
  const afterFence = rawEnd + closing[0].length
  const bodyStart = text[afterFence] === '\n' ? afterFence + 1 : afterFence

  let data: unknown
  try {
    // Note: an options object is always passed, or gray-matter caches by input string.
    data = matter(`---\n${raw}---\n`, options).data
  } catch (error) {
    if (error instanceof FrontMatterError) throw error
    const mark = (error as {mark?: {line?: number; column?: number}}).mark
    const reason = (error as {reason?: string}).reason ?? 'it is not valid YAML'
    // Note: js-yaml's mark is 0-based, and gray-matter hands it the block with the
    // newline after the opening fence, so block line n is file line n + 1.
    const place = mark?.line === undefined ? {line: 2, column: 1} : {line: mark.line + 1, column: (mark.column ?? 0) + 1}
    throw new FrontMatterError('yaml', reason, place, {cause: error})
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('not-mapping', 'the front matter is a single value, not `key: value` lines', {line: 2, column: 1})
  }
  return {data: data as Readonly<Record<string, unknown>>, raw, bodyStart}
}

/**
 * The 1-based place of a top-level key in front matter whose raw block starts
 * on file line 2, or the opening fence when the key is absent.
 */
export function findKey(frontMatter: FrontMatter, key: string): SourcePoint {
  const lines = frontMatter.raw.split('\n')
  const index = lines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`))
  if (index === -1) return {line: 1, column: 1}
  const line = lines[index] ?? ''
  const valueColumn = line.indexOf(':') + 1
  const value = line.slice(valueColumn).search(/\S/)
  return {line: index + 2, column: value === -1 ? 1 : valueColumn + value + 1}
}
