/**
 * Text longer than this many UTF-16 code units is best handed to a hash or a
 * file in pieces. Why: encoding long text into a buffer of its own (as a
 * one-shot hash or `writeFile` does) spends most of its time touching that
 * fresh memory; on the machine in BENCHMARKS.md hashing a 6 MB sitemap took
 * 29–57 ms so, against 4–5 ms in pieces of 64 K code units, whose memory is
 * used again.
 */
export const pieceLength = 1 << 16

/**
 * Text given in pieces, to be hashed and written one after another, never
 * joined: a sitemap's lines, in blocks of about `pieceLength` code units.
 * No piece ends in half a surrogate pair. Why: the sitemap of 50,000 URLs
 * is 6 MB of text; joined into one string it costs a copy into fresh memory,
 * dear on the machine in BENCHMARKS.md (see `pieceLength`).
 */
export interface TextPieces {
  readonly pieces: readonly string[]
}

/** Whether `contents` is text in pieces rather than one string or bytes. */
export function isTextPieces(contents: string | Uint8Array | TextPieces): contents is TextPieces {
  return typeof contents === 'object' && !(contents instanceof Uint8Array)
}

/** `text` in pieces of about `pieceLength` code units, never cutting a surrogate pair (which would encode as U+FFFD). */
export function* textPieces(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + pieceLength, text.length)
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++
    yield text.slice(start, end)
    start = end
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
