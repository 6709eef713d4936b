/** One file of the built site. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, never leaving it. */
  readonly path: string
  readonly contents: string | Uint8Array
  /** Source files the output was made from, for collision reports. */
  readonly from: readonly string[]
}

/**
 * A file whose bytes are made only when needed: `inputs` names everything
 * they are made from besides the site-wide settings, so an incremental build
 * can keep the file from an earlier build without making it.
 */
export interface DeferredFile {
  readonly path: string
  readonly inputs: string
  readonly from: readonly string[]
  make(): string | Uint8Array
}
