import type {Code, Nodes, Root, RootContent, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Figure} from '../model/article.js'
import {countWords} from '../text/count-words.js'

/** What the article's body holds, read off its tree. */
export interface BodyDescription {
  /** Prose paragraphs as plain text, in order: no captions, credits, sign-offs or tables. */
  readonly paragraphs: readonly string[]
  /**
   * The text a title and summary are derived from: the first prose paragraph
   * with words after its dateline, or the first rows of a table or aligned
   * figures that come before it; failing both, the first other block with
   * words (a heading, a list).
   */
  readonly lead: string
  /** Level-2 headings as plain text. */
  readonly subheadings: readonly string[]
  readonly figures: readonly Figure[]
  readonly wordCount: number
}

/** Classes of paragraphs that are furniture rather than the story. */
const furniture = new Set(['signoff', 'byline', 'continued', 'wire-headline'])

/** Read paragraphs, subheadings, figures and the word count off a body tree. */
export function describeBody(tree: Root): BodyDescription {
  const paragraphs: string[] = []
  const subheadings: string[] = []
  const figures: Figure[] = []
  let wordCount = 0
  let fallbackLead = ''
  let lead: string | undefined
  for (const node of tree.children) {
    const text = toString(node)
    wordCount += countWords(text)
    const hName = node.data?.hName
    if (fallbackLead === '' && hName !== 'figure') fallbackLead = firstLineOf(node)
    // Note: a story that opens with figures is about them; a note or a
    // breakdown in prose after the table is not its lead.
    if (lead === undefined && (node.type === 'table' || (node.type === 'code' && classesOf(node).includes('aligned')))) lead = figuresLead(node)
    if (hName === 'figure') figures.push(readFigure(node))
    else if (node.type === 'heading') {
      if (node.depth <= 2) subheadings.push(text)
    } else if (node.type === 'paragraph' && !classesOf(node).some((name) => furniture.has(name))) {
      const prose = proseText(node)
      paragraphs.push(prose)
      if (lead === undefined && hasWords(prose)) lead = prose
    }
  }
  return {paragraphs, lead: lead || fallbackLead, subheadings, figures, wordCount}
}

/** Enough characters of figures for a headline: `Shr 10 cts vs 14 cts` alone says too little. */
const figuresLeadLength = 40

/**
 * The lead of a story that opens with figures: its first rows, joined with
 * `; ` until they make a headline's length, within the first section.
 */
function figuresLead(node: Table | Code): string {
  const lines = node.type === 'table' ? node.children.map((row) => row.children.map((cell) => toString(cell).trim()).filter((cell) => cell !== '')) : node.value.split('\n').map((line) => line.trim().split(/\s+/).filter((cell) => cell !== ''))
  let lead = ''
  for (const cells of lines.slice(0, 3)) {
    if (cells.length === 0) continue
    // A lone label after the first row starts the next section (`Six mths`).
    if (lead !== '' && cells.length === 1) break
    lead = lead === '' ? cells.join(' ') : `${lead}; ${cells.join(' ')}`
    if (lead.length >= figuresLeadLength) break
  }
  return lead
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}

/**
 * The text of a block with words, for a lead when the story has neither
 * prose nor figures first: a heading, a list, a quotation, code.
 */
function firstLineOf(node: RootContent): string {
  if (node.type === 'code') return node.value.split('\n').find((line) => line.trim() !== '')?.replace(/\s+/g, ' ').trim() ?? ''
  if (node.type === 'paragraph' && classesOf(node).length > 0) return ''
  const text = proseText(node)
  return hasWords(text) ? text : ''
}

function classesOf(node: RootContent): string[] {
  const className = (node.data?.hProperties as {className?: unknown} | undefined)?.className
  return Array.isArray(className) ? className.map(String) : typeof className === 'string' ? className.split(' ') : []
}

/**
 * A paragraph's text without its dateline span, nor the stray wire text
 * before one (`c CHICAGO, March 9 -`), which the page keeps but a headline
 * or summary must not start with.
 */
function proseText(node: Nodes): string {
  if (!('children' in node)) return toString(node)
  const dateline = node.children.findIndex((child) => classesOf(child as RootContent).includes('dateline'))
  // Note: joined as it goes rather than with `map` and `join`: see `packedMap`.
  let text = ''
  for (let index = dateline + 1; index < node.children.length; index++) text += toString(node.children[index])
  return text.trim()
}

function readFigure(node: RootContent): Figure {
  const parts: string[] = []
  let credit: string | undefined
  const walk = (child: Nodes): void => {
    if (classesOf(child as RootContent).includes('credit')) {
      credit = toString(child).replace(/^\(?\s*(?:credit|photo)\s*:\s*/i, '').replace(/\)\s*$/, '').trim()
      return
    }
    if (child.type === 'text') parts.push(child.value)
    else if ('children' in child) for (const grandchild of child.children) walk(grandchild)
  }
  walk(node)
  const caption = parts.join('').replace(/\s+/g, ' ').trim()
  return credit ? {caption, credit} : {caption}
}
