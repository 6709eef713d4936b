/** One file of the built site. */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, never leaving it. */
  readonly path: string
  readonly contents: string | Uint8Array
  /** Source files the output was made from, for collision reports. */
  readonly from: readonly string[]
}
