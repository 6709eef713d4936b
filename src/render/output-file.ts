/** One file of the built site. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, never leaving it. */
  readonly path: string
  readonly contents: string | Uint8Array
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
  make(): string | Uint8Array
}
