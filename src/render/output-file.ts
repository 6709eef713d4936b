import {isTextPieces, type TextPieces} from '../text/text-pieces.js'

/** What a file of the site holds: text, bytes, or text in pieces. */
export type FileContents = string | Uint8Array | TextPieces

/** `contents` as one string or as bytes (text in pieces joined): for a comparison of bytes, and for tests. */
export function wholeContents(contents: FileContents): string | Uint8Array {
  return isTextPieces(contents) ? contents.pieces.join('') : contents
}

/** One file of the built site. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, never leaving it. */
  readonly path: string
  readonly contents: FileContents
  /** Source files the output was made from, for collision reports. */
  readonly from: readonly string[]
}

/**
 * A file whose bytes are made only when needed: `inputs()` names everything
 * they are made from besides the site-wide settings, so an incremental build
 * can keep the file from an earlier build without making it.
 */
export interface DeferredFile {
  readonly path: string
  inputs(): string
  /**
   * The articles the file shows, in order, when everything else it is made
   * from follows from its path, the site-wide settings and those articles'
   * cards (a topic's feed: see `CarriedKeys.fileKey`).
   */
  readonly articles?: readonly number[]
  readonly from: readonly string[]
  make(): FileContents
  /**
   * Whether `inputs()` is the fingerprint of the bytes `make()` makes (as
   * `contentKey` gives it), which is then the file's key, as it is for a
   * file written from its bytes: other inputs always make other bytes.
   */
  readonly byContent?: boolean
}
