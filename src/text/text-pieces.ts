/**
 * Text longer than this many UTF-16 code units is best handed to a hash or a
 * file in pieces. Why: encoding long text into a buffer of its own (as a
 * one-shot hash or `writeFile` does) spends most of its time touching that
 * fresh memory; on the machine in BENCHMARKS.md hashing a 6 MB sitemap took
 * 29–57 ms so, against 4–5 ms in pieces of 64 K code units, whose memory is
 * used again.
 */
export const pieceLength = 1 << 16

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
