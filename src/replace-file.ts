import {closeSync, openSync, writeSync} from 'node:fs'
import {rename, rm} from 'node:fs/promises'
import {textPieces} from './text/text-pieces.js'

/**
 * Write `file` whole or not at all: into a temporary file beside it, then
 * renamed over it, so a reader (or a build killed halfway) never sees part of
 * it. `contents` may come in pieces, which are written one after another.
 * Note: the temporary name holds the process id; callers hold the build
 * cache's lock, so no other process writes the same file meanwhile.
 */
export async function replaceFile(file: string, contents: string | Iterable<string>): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    const fd = openSync(temporary, 'w')
    try {
      writeText(fd, typeof contents === 'string' ? [contents] : contents)
    } finally {
      closeSync(fd)
    }
    await rename(temporary, file)
  } finally {
    await rm(temporary, {force: true})
  }
}

/** Bytes of text encoded before they are written (see `writeText`). */
const bufferBytes = 1 << 20

/** The buffer `writeText` encodes into, made once. */
let encoded: Buffer | undefined

/**
 * Write `pieces` as UTF-8 to `fd`, through one buffer kept for the purpose.
 * Why: `writeFile` encodes its text into a buffer of its own first, and
 * filling that fresh memory cost most of the time: a build's manifest of a
 * site of 100,000 articles (15 MB of JSON) took 105–224 ms to write so on the
 * machine in BENCHMARKS.md, and 33 ms through a buffer used again.
 * Note: synchronous, so no other write shares the buffer meanwhile.
 */
function writeText(fd: number, pieces: Iterable<string>): void {
  const buffer = (encoded ??= Buffer.allocUnsafeSlow(bufferBytes))
  let used = 0
  const flush = (): void => {
    for (let done = 0; done < used; ) done += writeSync(fd, buffer, done, used - done)
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
}
