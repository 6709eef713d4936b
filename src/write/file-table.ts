/**
 * One file of a `FileTable`. Note: an object per file, so a build changes its
 * fields in place rather than setting a map's entry.
 */
export interface FileEntry {
  /** The key the file was produced from. */
  key: string
  /** The stamp of the change (`FileTable.begin`) that last produced the file; 0 for a table read from a manifest. */
  made: number
  /** The stamp of the change that added the file to the table. */
  readonly born: number
}

/**
 * What a site tree holds (see `TreeManifest`): output path (`/`-separated,
 * relative to the tree) → the key its file was produced from.
 *
 * A build that turns a tree into the next one changes the tree's table in
 * place (see `StagingFiles`) rather than making a new one. Why: at 100,000
 * articles a site has 157,000 files, and a dev build that adds one seed keeps
 * nearly all of them. Looked up in the old tree's map and set in a new one,
 * keeping them took 0.28-0.38 s of such a build's main thread in CPU
 * profiles; looked up and stamped, 0.10-0.13 s (in a script, 157,000 paths
 * took 90-110 ms to set in a new map, 20-26 ms to look up and stamp).
 */
export class FileTable {
  private constructor(
    private readonly entries: Map<string, FileEntry>,
    /** The stamp of the last change begun. */
    private latest: number,
  ) {}

  /** A table of no files. */
  static empty(): FileTable {
    return new FileTable(new Map(), 0)
  }

  /** A table of the given `[path, key]` pairs, in their order. */
  static of(pairs: Iterable<readonly [string, string]>): FileTable {
    const table = FileTable.empty()
    for (const [path, key] of pairs) table.set(path, key)
    return table
  }

  get size(): number {
    return this.entries.size
  }

  /** The key of `path`, or undefined when the table has no such file. */
  get(path: string): string | undefined {
    return this.entries.get(path)?.key
  }

  /**
   * Call `visit` with each file's key and path, in the order they were added.
   * Note: `forEach` rather than an iterator, which makes a pair per file (see `writePacked`).
   */
  forEach(visit: (key: string, path: string) => void): void {
    this.entries.forEach((entry, path) => visit(entry.key, path))
  }

  /** Call `visit` with each file's entry and path, in the order they were added. */
  forEachEntry(visit: (entry: Readonly<FileEntry>, path: string) => void): void {
    this.entries.forEach(visit)
  }

  /** The paths, in the order they were added. */
  paths(): IterableIterator<string> {
    return this.entries.keys()
  }

  /** The files as a map of path → key (for a worker thread, which cannot be sent a class). */
  toMap(): Map<string, string> {
    const map = new Map<string, string>()
    this.forEach((key, path) => map.set(path, key))
    return map
  }

  /** A table of the same files that changes apart from this one. */
  clone(): FileTable {
    const entries = new Map<string, FileEntry>()
    this.entries.forEach((entry, path) => entries.set(path, {key: entry.key, made: 0, born: 0}))
    return new FileTable(entries, 0)
  }

  /**
   * Add a file, or set the key of one: as read from a manifest, before any
   * change begins.
   */
  set(path: string, key: string): void {
    const entry = this.entries.get(path)
    if (entry === undefined) this.entries.set(path, {key, made: this.latest, born: this.latest})
    else entry.key = key
  }

  /**
   * Begin a change: returns its stamp, greater than any file's in the table.
   * Note: what was found of the table before (see `farBehind`) may no longer hold once this is called.
   */
  begin(): number {
    return ++this.latest
  }

  /** The stamp of the last change begun (0 for none): tells one state of the table from a later one. */
  get stamp(): number {
    return this.latest
  }

  /** The entry of `path`, for the change under way to read and set. */
  entry(path: string): FileEntry | undefined {
    return this.entries.get(path)
  }

  /** Add a file the change under way produced (stamped `made` and `born`). */
  add(path: string, key: string, stamp: number): void {
    this.entries.set(path, {key, made: stamp, born: stamp})
  }

  /** Remove every file the change stamped `stamp` did not produce; `removed` is called with each one's path first. */
  keepOnlyMade(stamp: number, removed: (path: string) => void): void {
    // Note: deleting the entry being visited is safe in a map's `forEach`; the entries after it are still visited.
    this.entries.forEach((entry, path) => {
      if (entry.made === stamp) return
      removed(path)
      this.entries.delete(path)
    })
  }
}
