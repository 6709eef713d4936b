import type {Root} from 'mdast'
import type {FrontMatter} from '../adapters/front-matter.js'
import type {Dateline} from '../model/article.js'
import type {Problem} from '../problems/content-error.js'
import type {SourcePoint} from '../problems/source-point.js'

/** Which syntax a seed's body is written in, from its file extension. */
export type BodyKind = 'text' | 'markdown'

/** A seed split into its parts: front matter, date line and body tree. Nothing checked yet beyond syntax. */
export interface ParsedSource {
  readonly path: string
  readonly file: string
  readonly hash: string
  readonly kind: BodyKind
  /** The decoded text: LF line ends, no BOM. Positions point into it. */
  readonly text: string
  readonly frontMatter?: FrontMatter
  /** The value after the word `date` on the seed's first line, and where it is. */
  readonly dateLine?: {readonly value: string; readonly at: SourcePoint}
  /** 0-based offset where the body starts. */
  readonly bodyStart: number
  /** The body as mdast; positions are positions in `text`. */
  readonly body: Root
  readonly dateline?: Dateline
  /** Warnings found while parsing (errors are thrown). */
  readonly warnings: readonly Problem[]
}
