import {closeSync, openSync, writeSync} from 'node:fs'
import {pieceLength, textPieces} from './text/text-pieces.js'

/** Bytes of text encoded before they are written (see `writeTextSync`). */
const bufferBytes = 1 << 20

/** The buffer `writeTextSync` encodes into, made once. */
let encoded: Buffer | undefined

/**
 * Write `pieces` as UTF-8 to `fd`, through one buffer kept for the purpose;
 * returns the bytes written. Why: `writeFile` encodes its text into a buffer
 * of its own first, and filling that fresh memory cost most of the time: the
 * manifest of a site of 100,000 articles (15 MB of JSON) took 220–270 ms to
 * write so on the machine in BENCHMARKS.md, in most runs, and 130–160 ms
 * through a buffer used again (made in blocks of 2,000 paths).
 * Note: synchronous, so no other write shares the buffer meanwhile.
 */
export function writeTextSync(fd: number, pieces: Iterable<string>): number {
  const buffer = (encoded ??= Buffer.allocUnsafeSlow(bufferBytes))
  let used = 0
  let total = 0
  const flush = (): void => {
    for (let done = 0; done < used; ) done += writeSync(fd, buffer, done, used - done)
    total += used
    used = 0
  }
  for (const piece of pieces) {
    for (const part of piece.length * 3 > bufferBytes ? textPieces(piece) : [piece]) {
      // Note: a UTF-16 code unit takes at most three bytes of UTF-8, so the part always fits after a flush.
      if (used + part.length * 3 > bufferBytes) flush()
      used += buffer.write(part, used)
    }
  }
  flush()
  return total
}

/**
 * Write the text of `pieces` to `file` through `writeTextSync`, opened with
 * `flag` (`w`, or `wx` for a file that must not exist yet); returns the bytes
 * written. For long text and text in pieces (a sitemap), where that is
 * cheaper than `writeFile` (see `pieceLength`).
 */
export function writeTextFile(file: string, pieces: Iterable<string>, flag: 'w' | 'wx'): number {
  const fd = openSync(file, flag)
  try {
    return writeTextSync(fd, pieces)
  } finally {
    closeSync(fd)
  }
}

/** Whether `contents` is text long enough to be written through `writeTextFile`. */
export function isLongText(contents: string | Uint8Array): contents is string {
  return typeof contents === 'string' && contents.length >= pieceLength
}
