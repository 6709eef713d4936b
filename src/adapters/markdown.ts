import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkHtml from 'remark-html'
import type {Root} from 'mdast'
import {sanitizeSchema} from './markdown-schema.js'

const parser = unified().use(remarkParse)
// Note: remark-html sanitises by default; we pass an extended allow-list, never `false`.
const compiler = unified().use(remarkHtml, {sanitize: sanitizeSchema})

/** Parse Markdown into mdast. Positions are positions in `text`. */
export function parseMarkdown(text: string): Root {
  return parser.parse(text)
}

/** Serialise mdast as sanitised HTML. */
export function markdownToHtml(tree: Root): string {
  return compiler.stringify(compiler.runSync(tree) as Root)
}
