/** What a chunked job does with each chunk's results (see `ChunkPlan`, `PipelinePlan`). */
export interface ChunkResultsPlan<Item, Result> {
  readonly items: readonly Item[]
  /** Items per chunk (per message). */
  readonly chunkSize: number
  /**
   * Takes each chunk's results as they come and returns what to hold of them
   * until the end (by default, the results themselves). Note: a job whose
   * results are large can store them here, so it never holds all of them at once.
   */
  readonly keep?: (items: readonly Item[], results: readonly Result[]) => readonly Result[]
  /** Called after each chunk with the number of items done so far. */
  readonly onProgress?: (done: number) => void
}

/** The results of a chunked job, gathered chunk by chunk, whichever thread made them. */
export class ChunkResults<Item, Result> {
  readonly count: number
  private readonly results: (readonly Result[])[]
  private done = 0

  constructor(private readonly plan: ChunkResultsPlan<Item, Result>) {
    this.count = Math.ceil(plan.items.length / plan.chunkSize)
    this.results = new Array(this.count)
  }

  /** The items of chunk `chunk`. */
  items(chunk: number): readonly Item[] {
    const {items, chunkSize} = this.plan
    return items.slice(chunk * chunkSize, (chunk + 1) * chunkSize)
  }

  /**
   * Record chunk `chunk`'s results, through `keep`, and report progress.
   *
   * @throws {Error} When the results, or what `keep` returns, are not one per item: a bug, reported rather than misaligning the rest.
   */
  finish(chunk: number, chunkResults: readonly Result[]): void {
    const chunkOf = this.items(chunk)
    if (chunkResults.length !== chunkOf.length) throw new Error(`chunk ${chunk} came back with ${chunkResults.length} results for ${chunkOf.length} items`)
    const kept = this.plan.keep ? this.plan.keep(chunkOf, chunkResults) : chunkResults
    if (kept.length !== chunkOf.length) throw new Error(`kept ${kept.length} results of a chunk of ${chunkOf.length} items`)
    this.results[chunk] = kept
    this.done += chunkOf.length
    this.plan.onProgress?.(this.done)
  }

  /** One result per item, in the order of the items. */
  all(): Result[] {
    return this.results.flat()
  }
}
