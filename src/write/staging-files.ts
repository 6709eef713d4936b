import type {FileTable} from './file-table.js'

/**
 * The files of a staging tree while one build writes it: those of the tree
 * it started as (the starting files), and those the build produced, each
 * with its key. Both live in one `FileTable`, the starting tree's, which the
 * build changes into the new tree's: a file produced is stamped with the
 * build's stamp (`FileTable.begin`), so keeping a starting file unchanged
 * costs one lookup and no insertion. Once `finish` has dropped what was not
 * produced, the table is the new tree's.
 */
export class StagingFiles {
  private readonly stamp: number
  /** The starting key of each starting file produced with another key. Note: a few per build; most files keep theirs. */
  private readonly replaced = new Map<string, string>()
  /** Starting files gone from the tree (unlinked, or missing from the live site it was copied from). */
  private readonly gone = new Set<string>()
  /** Files produced. Note: when that is every file of the table, none is stale, and none is looked for (see `finish`). */
  private count = 0
  /** Files this build added to the table, and those `finish` dropped from it. */
  private added = 0
  private dropped = 0

  /** The files of a tree that starts as `table`'s, which this build changes from now on: no one else may read it until `finish`. */
  constructor(readonly table: FileTable) {
    this.stamp = table.begin()
  }

  /** Files produced so far. */
  get producedCount(): number {
    return this.count
  }

  /** The table's stamp before this build began to change it. */
  get startStamp(): number {
    return this.stamp - 1
  }

  /**
   * Once `finish` is done, at least the number of paths whose key the new
   * table does not share with the starting table (a file produced with
   * another key, added or dropped): what `farBehind` bounds its walk with.
   */
  get changedCount(): number {
    return this.replaced.size + this.added + this.dropped
  }

  /**
   * Produce `path` with `key` if it is a starting file still in place with
   * that key, and nothing produced it yet; otherwise false, and nothing changes.
   */
  keep(path: string, key: string): boolean {
    const entry = this.table.entry(path)
    // Note: a file not yet produced has its starting key.
    if (entry === undefined || entry.made === this.stamp || entry.key !== key || (this.gone.size > 0 && this.gone.has(path))) return false
    entry.made = this.stamp
    this.count++
    return true
  }

  /** Whether `path` was produced. */
  produced(path: string): boolean {
    return this.table.entry(path)?.made === this.stamp
  }

  /** The key of starting file `path` while it is still in the tree, else undefined. */
  startingKey(path: string): string | undefined {
    const entry = this.table.entry(path)
    if (entry === undefined || entry.born === this.stamp || (this.gone.size > 0 && this.gone.has(path))) return undefined
    return entry.made === this.stamp ? (this.replaced.get(path) ?? entry.key) : entry.key
  }

  /** Whether `path` is a starting file still in the tree. */
  inStart(path: string): boolean {
    return this.startingKey(path) !== undefined
  }

  /** Record `path` as a file of the new tree with `key` (the last one produced sets it). */
  produce(path: string, key: string): void {
    const entry = this.table.entry(path)
    if (entry === undefined) {
      this.table.add(path, key, this.stamp)
      this.count++
      this.added++
      return
    }
    if (entry.made !== this.stamp) {
      this.count++
      entry.made = this.stamp
    }
    if (entry.key !== key) {
      // Note: until produced with another key, a starting file's entry holds its starting key.
      if (entry.born !== this.stamp && !this.replaced.has(path)) this.replaced.set(path, entry.key)
      entry.key = key
    }
  }

  /** Record that starting file `path` is gone from the tree. */
  markGone(path: string): void {
    this.gone.add(path)
  }

  /**
   * Drop every file not produced from the table, which is then the new
   * tree's; returns the starting files among them still in the tree (stale),
   * in the table's order.
   */
  finish(): string[] {
    const stale: string[] = []
    // Note: most builds produce every file of the table, so there is nothing to drop or to look for.
    if (this.count === this.table.size) return stale
    this.table.keepOnlyMade(this.stamp, (path) => {
      this.dropped++
      if (!this.gone.has(path)) stale.push(path)
    })
    return stale
  }

  /** The paths and keys produced, in the table's order. */
  forEachProduced(visit: (key: string, path: string) => void): void {
    this.table.forEachEntry((entry, path) => {
      if (entry.made === this.stamp) visit(entry.key, path)
    })
  }
}
