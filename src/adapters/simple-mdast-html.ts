import type {Nodes, PhrasingContent, Root, RootContent, TableRow} from 'mdast'
import {articleClasses} from './article-classes.js'

/**
 * Serialise an mdast tree made only of the plain nodes a plain-text seed
 * becomes (paragraphs, level-2… headings, block quotes, tables, code blocks
 * and text, with the `hName`/`hProperties` the plain-text reader sets) as
 * HTML, byte for byte as remark-html renders it with the site's schema
 * (`markdownToHtml`). Returns undefined for a tree holding anything else, which
 * then goes through remark-html (loaded by `loadMarkdown`).
 *
 * Why: remark-html builds a hast tree, sanitises it and serialises it. For a
 * plain-text seed that was a fifth of processing it (1.2 s of 6.0 s for 10,000
 * corpus seeds on one thread), and those trees never hold anything the
 * sanitiser would change: their elements and classes are the allow-list's own
 * (`articleClasses`), their text is only text.
 *
 * The rules followed, from mdast-util-to-hast, hast-util-sanitize and
 * hast-util-to-html: block children are joined by newlines (and a block quote
 * or table part holds them between newlines); a table's first row goes in
 * `thead` as `th` cells; `data.hName` renames an element (and makes a text
 * node an element around its text); `data.hProperties` become attributes
 * after the element's own; text has `&` and `<` escaped as hexadecimal
 * references and spaces around its line breaks trimmed; a code block gets a
 * final newline; the document ends with one. `simple-mdast-html.test.ts`
 * compares both on every corpus seed and on random trees.
 */
export function simpleMdastToHtml(tree: Root): string | undefined {
  if (tree.data !== undefined || !Array.isArray(tree.children)) return undefined
  const html = blocks(tree.children, false)
  if (html === undefined) return undefined
  const last = html.charCodeAt(html.length - 1)
  return html.length > 0 && last !== 10 && last !== 13 ? `${html}\n` : html
}

/** Elements a tree may name with `hName`, for the nodes that may be renamed. */
const renames: Readonly<Record<string, ReadonlySet<string>>> = {
  paragraph: new Set(['p', 'figcaption']),
  blockquote: new Set(['blockquote', 'figure']),
  tableCell: new Set(['td', 'th']),
  text: new Set(['span']),
}

/** Parts joined by newlines; when `loose`, also after a newline and (if any) before one: mdast-util-to-hast's `wrap`. */
function wrap(parts: readonly string[], loose: boolean): string {
  if (!loose) return parts.join('\n')
  return parts.length > 0 ? `\n${parts.join('\n')}\n` : '\n'
}

/** Block nodes as HTML, wrapped (see `wrap`). */
function blocks(nodes: readonly RootContent[], loose: boolean): string | undefined {
  const parts: string[] = []
  for (const node of nodes) {
    const part = block(node)
    if (part === undefined) return undefined
    parts.push(part)
  }
  return wrap(parts, loose)
}

function block(node: RootContent): string | undefined {
  // Note: a malformed tree (no list of children) is left to remark-html, which says what is wrong.
  if ('children' in node && !Array.isArray(node.children)) return undefined
  switch (node.type) {
    case 'paragraph':
      return element(node, 'p', phrasing(node.children))
    case 'heading':
      // Note: the sanitiser keeps only h1-h6; checked as a number, since it becomes part of a tag name.
      if (!Number.isInteger(node.depth) || node.depth < 1 || node.depth > 6) return undefined
      return element(node, `h${node.depth}`, phrasing(node.children))
    case 'blockquote':
      return element(node, 'blockquote', blocks(node.children, true))
    case 'code': {
      // Note: a renamed code block (`hName`) is refused by `element`, as a renamed table is.
      if (node.lang || node.meta || typeof node.value !== 'string') return undefined
      const code = element(node, 'code', escapeText(node.value ? `${node.value}\n` : ''))
      return code === undefined ? undefined : `<pre>${code}</pre>`
    }
    case 'table': {
      // Note: with `align` (even of nulls) mdast-util-to-hast makes as many cells per row as it has entries.
      if (node.align !== undefined && node.align !== null) return undefined
      const rows: string[] = []
      for (const row of node.children) {
        if (row.type !== 'tableRow' || !Array.isArray(row.children)) return undefined
        // Note: by the row's first place in the table, as mdast-util-to-hast finds it (the same row object may recur).
        const html = tableRow(row, node.children.indexOf(row) === 0 ? 'th' : 'td')
        if (html === undefined) return undefined
        rows.push(html)
      }
      const [head, ...body] = rows
      const parts = [...(head === undefined ? [] : [`<thead>${wrap([head], true)}</thead>`]), ...(body.length > 0 ? [`<tbody>${wrap(body, true)}</tbody>`] : [])]
      return element(node, 'table', wrap(parts, true))
    }
    default:
      return undefined
  }
}

function tableRow(row: TableRow, cellTag: 'th' | 'td'): string | undefined {
  if (row.data !== undefined) return undefined
  const cells: string[] = []
  for (const cell of row.children) {
    if (cell.type !== 'tableCell' || !Array.isArray(cell.children)) return undefined
    const part = element(cell, cellTag, phrasing(cell.children))
    if (part === undefined) return undefined
    cells.push(part)
  }
  return `<tr>${wrap(cells, true)}</tr>`
}

function phrasing(nodes: readonly PhrasingContent[]): string | undefined {
  let html = ''
  for (const node of nodes) {
    if (node.type !== 'text' || typeof node.value !== 'string') return undefined
    const text = escapeText(trimLines(node.value))
    if (node.data === undefined) {
      html += text
      continue
    }
    const part = element(node, undefined, text)
    if (part === undefined) return undefined
    html += part
  }
  return html
}

/**
 * `node` as an element named `tag` (or its `data.hName`) around `content`,
 * with its `data.hProperties` as attributes; undefined when either is outside
 * what this serialiser knows the sanitiser keeps as it is. A text node
 * (`tag` undefined) must name its element.
 */
function element(node: Nodes, tag: string | undefined, content: string | undefined): string | undefined {
  if (content === undefined) return undefined
  const data = node.data as {hName?: unknown; hProperties?: unknown; hChildren?: unknown} | undefined
  let name = tag
  let attributes = ''
  if (data !== undefined) {
    if (data.hChildren !== undefined) return undefined
    if (data.hName !== undefined) {
      if (typeof data.hName !== 'string' || !renames[node.type]?.has(data.hName)) return undefined
      name = data.hName
    }
    if (data.hProperties !== undefined) {
      if (name === undefined) return undefined
      const properties = attributesOf(name, data.hProperties)
      if (properties === undefined) return undefined
      attributes = properties
    }
  }
  return name === undefined ? undefined : `<${name}${attributes}>${content}</${name}>`
}

/** Scopes a header cell may give. */
const scopes = new Set(['row', 'col', 'colgroup'])

/** `properties` as attributes of element `name`, when the allow-list keeps every one of them unchanged. */
function attributesOf(name: string, properties: unknown): string | undefined {
  if (typeof properties !== 'object' || properties === null) return undefined
  let html = ''
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'className') {
      const allowed: readonly string[] | undefined = (articleClasses as Record<string, readonly string[]>)[name]
      if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && allowed?.includes(item))) return undefined
      html += ` class="${value.join(' ')}"`
    } else if (key === 'scope' && name === 'th' && typeof value === 'string' && scopes.has(value)) {
      html += ` scope="${value}"`
    } else if (key === 'colSpan' && name === 'th' && Number.isSafeInteger(value) && (value as number) > 0) {
      html += ` colspan="${value as number}"`
    } else {
      return undefined
    }
  }
  return html
}

/** Text as hast-util-to-html escapes it: `&` and `<` as hexadecimal references. */
function escapeText(text: string): string {
  return /[&<]/.test(text) ? text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;') : text
}

/** Spaces and tabs around line endings removed, as mdast-util-to-hast does to text (trim-lines). */
function trimLines(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1') : text
}
