/** One seed file as read from disk: bytes, not yet decoded. */
export interface SourceFile {
  /** Path relative to the seeds folder, `/`-separated. */
  readonly path: string
  /** The path problems are reported under: the seeds folder as the user gave it, joined with `path`. */
  readonly file: string
  readonly bytes: Uint8Array
  /** SHA-256 of `bytes`, hex. Keys the build cache and finds exact duplicates. */
  readonly hash: string
}
