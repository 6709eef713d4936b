import {createRequire} from 'node:module'
import type grayMatter from 'gray-matter'
import type * as JsYaml from 'js-yaml'
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
    yaml: (text: string) => {
      const yaml = (loadedYaml ??= requireHere('js-yaml') as typeof JsYaml)
      return yaml.load(text, {schema: yaml.CORE_SCHEMA}) as object
    },
    js: refuse,
    javascript: refuse,
  },
}

/**
 * gray-matter, loaded when the first front matter is read. Note: with the
 * js-yaml it brings (another version than ours) it took 80 ms of every start
 * of the generator, and an archive of plain-text seeds never uses it.
 */
let loadedMatter: typeof grayMatter | undefined
/**
 * js-yaml's CommonJS build, loaded with gray-matter. Note: it holds the same
 * parser as the ES module, whose `load` spreads its options into new objects
 * on every call, which Node 20 makes slowly: on 10,000 small front matters
 * the CommonJS build took about 15 µs apiece against 40 µs.
 */
let loadedYaml: typeof JsYaml | undefined
const requireHere = createRequire(import.meta.url)

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

  // Note: loaded outside the `try` below, so a broken install is not reported as bad YAML.
  const matter = (loadedMatter ??= requireHere('gray-matter') as typeof grayMatter)
  let data: unknown
  try {
    // Note: an options object is always passed, or gray-matter caches by input string.
    data = matter(`---\n${raw}---\n`, options).data
  } catch (error) {
    if (error instanceof FrontMatterError) throw error
    const mark = (error as {mark?: {line?: number; column?: number}}).mark
    const reason = (error as {reason?: string}).reason ?? 'it is not valid YAML'
    // Note: js-yaml's mark is 0-based, and gray-matter hands it the block with the
    // newline after the opening fence, so its line n is line n - 1 of `raw` and line n + 1 of the file.
    const explained = explainYamlError(reason, raw, Math.max((mark?.line ?? 1) - 1, 0), mark?.column ?? 0)
    throw new FrontMatterError('yaml', explained.message, {line: explained.line + 2, column: explained.column + 1}, {cause: error})
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('not-mapping', `the front matter is ${Array.isArray(data) ? 'a list' : 'a single value'}, not \`key: value\` lines`, {line: 2, column: 1})
  }
  return {data: data as Readonly<Record<string, unknown>>, raw, bodyStart}
}

/** A js-yaml error in the author's words, and where to look (0-based line in the block, 0-based column). */
interface ExplainedYamlError {
  readonly message: string
  readonly line: number
  readonly column: number
}

/**
 * Turn js-yaml's terse reasons into what went wrong and where the author
 * should look. For an unclosed quote or bracket js-yaml only notices at a
 * later line, so the opener's line is found and reported instead.
 */
export function explainYamlError(reason: string, raw: string, line: number, column: number): ExplainedYamlError {
  const lines = raw.split('\n')
  const text = lines[line] ?? ''
  const at = (message: string): ExplainedYamlError => ({message, line, column})
  if (reason === 'deficient indentation' || reason.startsWith('unexpected end of the stream')) {
    const opener = findUnclosed(lines, line)
    if (opener) return {message: `the ${opener.what} opened here is never closed`, line: opener.line, column: opener.column}
    return at('this line is indented less than the value it continues')
  }
  if (reason === 'duplicated mapping key') return at(`\`${text.split(':')[0]?.trim() ?? ''}\` is given a second time here; keep only one`)
  if (reason === 'tab characters must not be used in indentation') return at('this line is indented with a tab; YAML allows only spaces')
  const tag = /^unknown (?:scalar )?tag !<tag:yaml\.org,2002:(.*)>$/.exec(reason) ?? /^unknown (?:scalar )?tag !<(.*)>$/.exec(reason)
  if (tag) return at(`the tag "!!${tag[1] ?? ''}" is not allowed: front matter holds only text, numbers, true or false, and lists`)
  const alias = /^unidentified alias "(.*)"$/.exec(reason)
  // Note: js-yaml marks the alias's name; the `*` before it is where the author looks.
  if (alias) return {message: `the alias "*${alias[1] ?? ''}" refers to no anchor "&${alias[1] ?? ''}"`, line, column: text[column - 1] === '*' ? column - 1 : column}
  if (reason === 'bad indentation of a mapping entry') {
    const value = text.slice(text.indexOf(':') + 1)
    if (/:\s/.test(value)) return at('the value holds a second ": ", which YAML reads as another key; put the whole value in quotes')
    if (/^[@`]/.test(text.slice(column))) return at(`a value cannot start with "${text[column] ?? ''}"; put the whole value in quotes`)
    return at('this line does not fit the `key: value` lines around it: check its indentation and quotes')
  }
  if (reason === 'end of the stream or a document separator is expected') return at('this line does not continue the front matter: every top-level key starts at the beginning of its line')
  return at(`the YAML cannot be read (${reason})`)
}

/** The last line before `before` that opens a quote or bracket it does not close. */
function findUnclosed(lines: readonly string[], before: number): {what: string; line: number; column: number} | undefined {
  for (let index = Math.min(before, lines.length - 1); index >= 0; index--) {
    const text = lines[index] ?? ''
    const valueStart = text.indexOf(':') + 1
    const value = text.slice(valueStart)
    const start = valueStart + (value.length - value.trimStart().length)
    const first = text[start]
    if (first === '"' || first === "'") {
      const rest = text.slice(start + 1)
      const closed = first === '"' ? /(^|[^\\])"/.test(rest) : rest.includes("'")
      if (!closed) return {what: 'quote', line: index, column: start}
    }
    if (first === '[' || first === '{') {
      let depth = 0
      for (const char of text.slice(start)) depth += char === '[' || char === '{' ? 1 : char === ']' || char === '}' ? -1 : 0
      if (depth > 0) return {what: first === '[' ? 'list' : 'mapping', line: index, column: start}
    }
  }
  return undefined
}

/**
 * The text of a top-level key's value exactly as written on its line (a plain
 * scalar, without a trailing comment), or undefined when the key is absent or
 * its value spans lines. YAML reads `slug: 007` as the number 7; this keeps "007".
 */
export function writtenValue(frontMatter: FrontMatter, key: string): string | undefined {
  const line = frontMatter.raw.split('\n').find((text) => text.startsWith(`${key}:`))
  if (line === undefined) return undefined
  const value = line.slice(key.length + 1).replace(/\s+#.*$/, '').trim()
  return value === '' ? undefined : value
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
