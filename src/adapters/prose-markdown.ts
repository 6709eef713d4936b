import type {Paragraph, Root} from 'mdast'
import type {Point} from 'unist'
import {decodeString} from 'micromark-util-decode-string'

/**
 * Parse Markdown that is only prose (paragraphs of text, separated by blank
 * lines) into the very tree remark-parse makes of it, positions and all.
 * Returns undefined for any text that may hold other Markdown, which then
 * goes through remark-parse.
 *
 * Why: most Markdown articles are paragraphs of prose, and remark-parse
 * (micromark) tokenises every character of them: for 10,000 corpus articles
 * written as Markdown with front matter, parsing their bodies took 2.4 s of
 * the main thread's 7.6 s in a cold build. Prose needs none of that.
 *
 * What is prose here, so that CommonMark reads it as paragraphs of text and
 * nothing else:
 * - no line starts with a space or a tab (indented code, and blank lines
 *   that hold spaces), nor ends with one (hard line breaks, and spaces that
 *   CommonMark trims);
 * - no line starts with a character that can open a block: `>` `#` `-` `+`
 *   `*` `_` `=` `` ` `` `~` `<` `[`, or a number followed by `.` or `)`;
 * - no character anywhere that can open an inline construct: `\` `` ` ``
 *   `*` `_` `[` `]` `<`; nor NUL or a carriage return, which the parser
 *   replaces;
 * - `&` may appear: character references (`&amp;`, `&#38;`) are decoded as
 *   remark-parse decodes them, and any other `&` stays as it is.
 *
 * `prose-markdown.test.ts` compares both on every corpus article and on
 * random text made of those characters and ordinary ones.
 */
export function parseProseMarkdown(text: string): Root | undefined {
  if (inlineSyntax.test(text) || blockStart.test(text)) return undefined
  const children: Paragraph[] = []
  let line = 1
  let lineStart = 0
  // Note: where the paragraph being read starts, and where its last line so far ends.
  let first: Point | undefined
  let last: Point | undefined
  for (;;) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    if (lineEnd > lineStart) {
      first ??= {line, column: 1, offset: lineStart}
      last = {line, column: lineEnd - lineStart + 1, offset: lineEnd}
    } else if (first && last) {
      children.push(paragraph(text, first, last))
      first = undefined
    }
    if (newline === -1) break
    line++
    lineStart = newline + 1
  }
  if (first && last) children.push(paragraph(text, first, last))
  const end = {line, column: text.length - lineStart + 1, offset: text.length}
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
}

/** Anything that can open an inline construct, or that the parser replaces. */
const inlineSyntax = /[\\`*_[\]<\0\r]/

/**
 * A line that starts with white space or a block's marker, or ends with white space.
 * Note: `^` and `$` with the `m` flag are the ends of each line; they also
 * match beside U+2028 and U+2029, which CommonMark does not end lines at, so
 * those only make the check stricter.
 */
const blockStart = /^(?:[ \t>#\-+*_=`~<[]|\d{1,9}[.)])|[ \t]$/m

/** The paragraph of text from `start` to `end`, with its one text node. */
function paragraph(text: string, start: Point, end: Point): Paragraph {
  const raw = text.slice(start.offset, end.offset)
  const value = raw.includes('&') ? decodeString(raw) : raw
  return {type: 'paragraph', children: [{type: 'text', value, position: {start: {...start}, end: {...end}}}], position: {start, end}}
}
