import type {Root} from 'mdast'
import {simpleMdastToHtml} from './simple-mdast-html.js'

/**
 * The Markdown engine once `loadMarkdown` has loaded it. Note: remark and the
 * modules it needs are over 150 files, which took 0.2 s of every start of the
 * generator; an archive of plain-text seeds never uses them, since their
 * trees are written out directly (`simpleMdastToHtml`).
 */
let engine: typeof import('./markdown-engine.js') | undefined

/** Load the Markdown engine, which `parseMarkdown` needs, and `markdownToHtml` for any tree not made from plain text. */
export async function loadMarkdown(): Promise<void> {
  engine ??= await import('./markdown-engine.js')
}

/** Parse Markdown into mdast. Positions are positions in `text`. Needs `loadMarkdown` first. */
export function parseMarkdown(text: string): Root {
  return loadedEngine().parseMarkdown(text)
}

/**
 * Serialise mdast as sanitised HTML. Images from other hosts become links.
 * Note: a tree of only plain blocks and text (every plain-text seed's) is
 * written out directly, to the same bytes (see `simpleMdastToHtml`); any
 * other tree needs `loadMarkdown` first.
 */
export function markdownToHtml(tree: Root): string {
  return simpleMdastToHtml(tree) ?? loadedEngine().markdownToHtml(tree)
}

function loadedEngine(): typeof import('./markdown-engine.js') {
  if (!engine) throw new Error('the Markdown engine is not loaded: await loadMarkdown() before parsing or serialising Markdown')
  return engine
}
