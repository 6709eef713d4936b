// PLACEHOLDER until the plain-text parser lands: paragraphs only.
import type {Root, Paragraph} from 'mdast'
import type {Dateline} from '../../model/article.js'
export interface PlainTextBody { readonly tree: Root; readonly dateline?: Dateline }
export function plainTextToMdast(text: string, start: number): PlainTextBody {
  const children: Paragraph[] = text.slice(start).split(/\n\s*\n/).filter((p) => p.trim() !== '').map((p) => ({type: 'paragraph', children: [{type: 'text', value: p.replace(/\s+/g, ' ').trim()}]}))
  return {tree: {type: 'root', children}}
}
