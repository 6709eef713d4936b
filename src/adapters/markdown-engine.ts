/**
 * The Markdown parser and serialiser: remark and its friends. Loaded only
 * through `loadMarkdown` (see `./markdown.ts`), by builds that have Markdown
 * seeds to parse.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkHtml from 'remark-html'
import {defaultHandlers, type Handlers, type State} from 'mdast-util-to-hast'
import {normalizeUri} from 'micromark-util-sanitize-uri'
import type {Image, ImageReference, Root} from 'mdast'
import type {Element} from 'hast'
import {sanitizeSchema} from './markdown-schema.js'
import {parseProseMarkdown} from './prose-markdown.js'
import {isSiteUrl} from './site-url.js'

/**
 * An image on another host becomes a link to it, named by its alt text.
 * Note: pages load nothing from other hosts (privacy, and the CSP would block
 * it anyway); a reader can still follow the link.
 */
function linkInstead(state: State, node: Image | ImageReference, url: string): Element {
  const result: Element = {type: 'element', tagName: 'a', properties: {href: normalizeUri(url)}, children: [{type: 'text', value: node.alt || url}]}
  state.patch(node, result)
  return result
}

const handlers: Handlers = {
  image: (state, node: Image) => (isSiteUrl(node.url) ? defaultHandlers.image(state, node) : linkInstead(state, node, node.url)),
  imageReference: (state, node: ImageReference) => {
    const definition = state.definitionById.get(String(node.identifier).toUpperCase())
    return definition && !isSiteUrl(definition.url) ? linkInstead(state, node, definition.url) : defaultHandlers.imageReference(state, node)
  },
}

const parser = unified().use(remarkParse)
// Note: remark-html sanitises by default; we pass an extended allow-list, never `false`.
const compiler = unified().use(remarkHtml, {sanitize: sanitizeSchema, handlers})

/** Parse Markdown into mdast. Positions are positions in `text`. Prose alone is read directly (see `parseProseMarkdown`). */
export function parseMarkdown(text: string): Root {
  return parseProseMarkdown(text) ?? parser.parse(text)
}

/** Serialise mdast as sanitised HTML through remark-html. Images from other hosts become links. */
export function markdownToHtml(tree: Root): string {
  return compiler.stringify(compiler.runSync(tree) as Root)
}
