import {link, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fingerprint, fingerprintAll, fingerprintPieces} from '../cache/hash.js'
import {wholeContents, type FileContents, type OutputFile} from '../render/output-file.js'
import {isTextPieces} from '../text/text-pieces.js'
import {cloneTree} from './clone-tree.js'
import {deleteInBackground, freeTreeName, leftoversOf} from './discard-tree.js'
import {emptyManifest, type ManifestMemo, type TreeManifest} from './tree-manifest.js'
import {FileTable} from './file-table.js'
import {StagingFiles} from './staging-files.js'
import {releaseLock} from '../lock-file.js'
import {exists, outputTarget, recover, takeOutputLock, type OutputTarget} from './output-target.js'
import {TreeRegistry, treeIdentity, type TreeIdentity} from './tree-registry.js'
import {pathInside, writeNewFile} from './new-files.js'
import {FileWriterThread} from '../workers/file-writer-thread.js'
import {compareCodeUnits} from '../text/code-unit-order.js'
import {isLongText, writeTextFile} from '../write-text.js'

export {outputTarget, type OutputTarget}

/** Files written at once: keeps the disk busy without running out of file handles. */
const writeConcurrency = 32

/** How a build may start from the trees earlier builds left. */
export interface WriterOptions {
  /**
   * A folder (in the build cache) where the writer records which site trees
   * are complete and what they hold. Without it every build writes a fresh
   * tree, as a clean build does.
   */
  readonly stateDir?: string
  /** `false` trusts no earlier tree (a clean build); the new tree is still recorded. */
  readonly reuse?: boolean
  /** Where a long-running process keeps the manifests it writes, for its next build (see `ManifestMemo`). */
  readonly manifests?: ManifestMemo
  /**
   * New files written into a tree that started empty before a writer thread
   * (`FileWriterThread`) writes the rest; by default never. Note: a site
   * smaller than this never starts the thread.
   */
  readonly threadAfter?: number
}

/**
 * What the staging tree started as: `empty`; `previous`, the site before the
 * last swap (the back buffer); `staging`, a complete tree whose swap was
 * interrupted; or `copy`, hard links to the live site's files.
 */
export type StagingBase = 'empty' | 'previous' | 'staging' | 'copy'

/**
 * Writes a site into a staging folder, then swaps it in. A build that fails or
 * is killed leaves the last complete site in place; the next build cleans up.
 *
 * With a `stateDir`, builds are incremental and still atomic (double
 * buffering): the staging folder starts as the complete tree of an earlier
 * build whose manifest says what each file was made from; the build changes
 * only the files whose key differs (taking a file unchanged since the live
 * site from it by a hard link), deletes files no longer produced, and swaps.
 * The old live site becomes the next build's starting point; after a tree
 * written from empty there is none, and the next build starts from hard
 * links to the live site (`copy`).
 * Note: a file is never written in place in a tree that may share it with
 * another by a hard link: it is unlinked, then created anew.
 */
export class OutputWriter {
  private readonly dirs = new Set<string>()
  private readonly pending = new Set<Promise<void>>()
  private failure: unknown
  /** The files of the starting tree and those produced: at the end, the new tree's (see `StagingFiles`). */
  private readonly files: StagingFiles
  /** Files of the live site found missing. */
  private readonly frontMissing = new Set<string>()
  /** Whether the starting tree's files are the live site's (see `reusableKeys`). */
  private readonly startsAsFront: boolean
  private searchKey = ''
  private searchEntries: readonly string[] = []
  private staleRemoved = false
  /** Whether the live site lacks files its manifest lists (deleted by hand), so it must not be a later build's starting point. */
  private frontDamaged = false
  /** Old trees moved aside (see `freeTreeName`), deleted once the build is done. */
  private readonly discarded: string[] = []
  /** Writes the new files of a tree that started empty, once `threadAfter` have been written here. */
  private thread: FileWriterThread | undefined
  private threadAfter = Infinity
  /** Paths produced more than once since `takeClashes` was last called. */
  private clashes: string[] = []
  /** Files whose bytes were written. */
  written = 0
  /** Bytes written. */
  bytes = 0
  /** Files taken unchanged from the live site by a hard link. */
  linked = 0
  /** Files already in place, left as they were. */
  unchanged = 0
  /** Files of the old tree that the new site no longer has, deleted. */
  removed = 0
  /**
   * Whether, once committed, the new site has a back buffer the next build
   * can start from (see `commit`); when not, `prepareBackBuffer` makes one.
   */
  backBufferReady = false

  private constructor(
    readonly target: OutputTarget,
    /** What the staging tree started as. */
    readonly base: StagingBase,
    baseFiles: FileTable,
    private readonly baseSearch: {readonly key: string; readonly entries: readonly string[]},
    private readonly front: FileTable | undefined,
    private readonly registry: TreeRegistry | undefined,
    private readonly frontSearch: {readonly key: string; readonly entries: readonly string[]} = {key: '', entries: []},
  ) {
    // Note: the starting tree's table becomes the new tree's. It is the live site's when the staging tree is a copy of
    // it (or a back buffer linked from it, whose manifest is the live site's, see `registerCopy`): that one is copied.
    this.startsAsFront = baseFiles === front
    this.files = new StagingFiles(this.startsAsFront ? baseFiles.clone() : baseFiles)
  }

  /**
   * Take the output lock, recover from an interrupted swap, and prepare the
   * staging folder: fresh, or (with `options.stateDir`) the best complete
   * earlier tree.
   *
   * @throws {BusyError} When another running build holds the lock.
   */
  static async open(outDir: string, options: WriterOptions = {}): Promise<OutputWriter> {
    const target = outputTarget(outDir)
    await mkdir(path.dirname(target.outDir), {recursive: true})
    await takeOutputLock(target)
    try {
      await recover(target)
      const leftovers = await leftoversOf(target.previousDir)
      let writer: OutputWriter
      if (options.stateDir === undefined) {
        await rm(target.stagingDir, {recursive: true, force: true})
        await mkdir(target.stagingDir, {recursive: true})
        writer = new OutputWriter(target, 'empty', FileTable.empty(), {key: '', entries: []}, undefined, undefined)
      } else {
        writer = await OutputWriter.openIncremental(target, options.stateDir, options.reuse !== false, options.manifests)
      }
      writer.threadAfter = options.threadAfter ?? Infinity
      writer.discarded.push(...leftovers)
      return writer
    } catch (error) {
      await releaseLock(target.lockFile)
      throw error
    }
  }

  /**
   * Give the live site of `outDir` a back buffer when it has none, or only
   * one far behind it (see `farBehind`), so that the next build starts from
   * it rather than from a copy of every file made while someone waits for a
   * change to show. A tree written from empty leaves none (see `commit`);
   * after a build that changed a large part of the files, the old live site
   * that became the back buffer is far behind. For a process that waits for
   * changes between builds (the dev server), in its idle time. Returns whether
   * one was made; stopped by `signal`, it leaves a part-made tree that the
   * next build does not trust.
   *
   * @throws {BusyError} When a running build holds the output folder.
   */
  static async prepareBackBuffer(outDir: string, stateDir: string, signal?: AbortSignal, manifests?: ManifestMemo): Promise<boolean> {
    const target = outputTarget(outDir)
    await takeOutputLock(target)
    let aside: string | undefined
    try {
      await recover(target)
      const registry = await TreeRegistry.open(stateDir, manifests)
      const {liveId, previousId, stagingId} = await treeIdentities(target)
      // Note: a complete staging tree (a search pass stopped by a change) is where the next build starts.
      if (liveId === undefined || registry.has(stagingId)) return false
      const live = await registry.manifestOf(liveId)
      if (!live) return false
      if (registry.has(previousId)) {
        const back = await registry.manifestOf(previousId)
        if (back && !farBehind(back.files, live.files)) return false
        await registry.unregister(previousId)
      }
      aside = await linkBackBuffer(target, registry, liveId, live, signal)
      return registry.has(await treeIdentity(target.previousDir))
    } finally {
      await releaseLock(target.lockFile)
      if (aside !== undefined) deleteInBackground(aside)
    }
  }

  private static async openIncremental(target: OutputTarget, stateDir: string, reuse: boolean, manifests: ManifestMemo | undefined): Promise<OutputWriter> {
    const registry = await TreeRegistry.open(stateDir, manifests)
    const {liveId, previousId, stagingId} = await treeIdentities(target)
    await registry.keepOnly(reuse ? [liveId, previousId, stagingId] : [])
    const frontManifest = await registry.manifestOf(liveId)
    const front = frontManifest?.files
    const frontSearch = {key: frontManifest?.searchKey ?? '', entries: frontManifest?.searchEntries ?? []}
    const make = (base: StagingBase, manifest: TreeManifest): OutputWriter =>
      new OutputWriter(target, base, manifest.files, {key: manifest.searchKey, entries: manifest.searchEntries}, front, registry, frontSearch)

    // Note: a tree is unregistered before it is changed; killed from here on, it is never trusted again.
    const staged = await registry.manifestOf(stagingId)
    if (staged) {
      await registry.unregister(stagingId)
      return make('staging', staged)
    }
    await rm(target.stagingDir, {recursive: true, force: true})
    const back = await registry.manifestOf(previousId)
    if (back && !(front && farBehind(back.files, front))) {
      await registry.unregister(previousId)
      await rename(target.previousDir, target.stagingDir)
      return make('previous', back)
    }
    // Note: a back buffer far behind shares few files with the live site, so deleting it frees most of its space,
    // which takes longer than the rest of a build that changes a few pages: it is deleted once the build is done.
    const aside = await freeTreeName(target.previousDir, back?.files.size ?? front?.size ?? 0)
    let writer: OutputWriter
    if (front && frontManifest) {
      const missing = await cloneTree(target.outDir, target.stagingDir, front.paths(), frontManifest.searchEntries)
      // Note: the staging tree starts as the live site, less the files found missing from it.
      writer = make('copy', {...frontManifest, ...(missing.size > 0 ? {searchKey: ''} : {})})
      for (const file of missing) {
        writer.files.markGone(file)
        writer.frontMissing.add(file)
      }
      writer.frontDamaged = missing.size > 0
    } else {
      await mkdir(target.stagingDir, {recursive: true})
      writer = make('empty', emptyManifest())
    }
    if (aside !== undefined) writer.discarded.push(aside)
    return writer
  }

  /**
   * Whether `relative` with `key` is already in place: unchanged in the
   * staging tree, or taken from the live site by a hard link. Either way it
   * now belongs to the new site; otherwise the caller must `write` it.
   */
  async reuse(relative: string, key: string): Promise<boolean> {
    if (this.keepInPlace(relative, key)) return true
    // Note: a path produced twice (a collision) waits for the first write, so the last one wins.
    if (this.files.produced(relative)) {
      this.clashes.push(relative)
      await this.flush()
      if (this.keptFromBase(relative, key)) return true
    }
    if (this.front === undefined || this.frontMissing.has(relative) || this.front.get(relative) !== key) return false
    const to = this.stagingPath(relative)
    await this.removeFromBase(relative)
    await this.ensureDir(path.dirname(to))
    try {
      await link(path.join(this.target.outDir, relative), to)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      // Note: the live site lacks a file its manifest lists (someone deleted it): make it anew.
      this.frontMissing.add(relative)
      this.frontDamaged = true
      return false
    }
    this.files.produce(relative, key)
    this.linked++
    return true
  }

  /**
   * `reuse` for the common case, without waiting: whether `relative` with
   * `key` is unchanged in the staging tree, so it now belongs to the new
   * site. False says only that `reuse` must look further.
   * Note: a build that changes one page of a large site keeps every other
   * one this way; waiting on a promise per page cost more than the check.
   */
  keepInPlace(relative: string, key: string): boolean {
    if (this.failure) throw this.failure
    // Note: one lookup per page. A path the new site has already (a collision) is not kept here: it must wait for the
    // writes before it (see `reuse`), and whoever produces it last sets its key.
    if (!this.files.keep(relative, key)) return false
    this.unchanged++
    return true
  }

  /** Keep `relative` if it is unchanged in the starting tree. */
  private keptFromBase(relative: string, key: string): boolean {
    if (this.files.startingKey(relative) !== key) return false
    this.files.produce(relative, key)
    this.unchanged++
    return true
  }

  /**
   * Path → key of the files `reuse` may keep: those of the starting tree and
   * of the live site. A page whose key is here need not be rendered (though
   * `reuse` has the last word: a file may have gone since). Note: copies,
   * made as they are asked for (to start page workers), of a table that
   * changes as the build goes.
   */
  reusableKeys(): ReadonlyMap<string, string>[] {
    const starting = new Map<string, string>()
    for (const file of this.files.table.paths()) {
      const key = this.files.startingKey(file)
      if (key !== undefined) starting.set(file, key)
    }
    return this.front && !this.startsAsFront ? [starting, this.front.toMap()] : [starting]
  }

  /**
   * The staging folder, when other threads may write new files into it
   * themselves (then `recordWritten` each): only when it started empty, so
   * no file there is shared with the live site and none must be compared.
   */
  directWriteDir(): string | undefined {
    return this.base === 'empty' ? this.target.stagingDir : undefined
  }

  /**
   * The paths produced more than once since the last call, in the order the
   * second production came: the last one's file stands. Note: for a caller
   * whose files must each have a path of their own (the site's pages and
   * feeds, unlike the assets that may replace them).
   */
  takeClashes(): string[] {
    return this.clashes.splice(0)
  }

  /** Record a file another thread wrote into `directWriteDir()`, as `write` would have. */
  recordWritten(relative: string, key: string, bytes: number): void {
    if (this.files.produced(relative)) this.clashes.push(relative)
    this.files.produce(relative, key)
    this.written++
    this.bytes += bytes
  }

  /**
   * Queue one file (its key defaults to the fingerprint of its bytes); waits
   * while too many writes are in flight. `byContent` when a different key
   * means different bytes, as it does for a key made from the bytes.
   */
  async write(file: OutputFile, key?: string, byContent = key === undefined): Promise<void> {
    key ??= contentKey(file.contents)
    if (await this.reuse(file.path, key)) return
    this.files.produce(file.path, key)
    if (this.base === 'empty') {
      await this.writeNew(file)
      return
    }
    while (this.pending.size >= writeConcurrency) await Promise.race(this.pending)
    const task = this.writeNow(file, byContent).catch((error: unknown) => {
      this.failure ??= error
    })
    const tracked = task.finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }

  /** Copy a file from disk into the site at `relative`. */
  async copy(from: string, relative: string): Promise<void> {
    await this.write({path: relative, contents: await readFile(from), from: []})
  }

  /** Wait for every queued write to land. */
  async flush(): Promise<void> {
    await Promise.all(this.pending)
    if (this.failure) throw this.failure
    if (this.thread) {
      const {files, bytes} = await this.thread.drain()
      this.written += files
      this.bytes += bytes
    }
  }

  /** Delete the files of the starting tree that this build did not produce, and folders left empty. */
  async removeStale(): Promise<void> {
    await this.flush()
    if (this.staleRemoved) return
    this.staleRemoved = true
    const stale = this.files.finish()
    await eachLimited(stale, (file) => unlink(this.stagingPath(file)).catch(ignoreMissing))
    const folders = new Set<string>()
    for (const file of stale) for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir)
    for (const dir of [...folders].sort((a, b) => b.length - a.length)) await rmdir(this.stagingPath(dir)).catch(() => undefined)
    this.removed += stale.length
  }

  /** A fingerprint of the HTML pages of the new site (those `indexed` accepts): what a search index is built from. */
  pagesKey(indexed: (file: string) => boolean = () => true): string {
    // Note: sorted, since pages rendered on worker threads arrive in any order.
    const pages: [string, string][] = []
    this.files.forEachProduced((key, file) => {
      if (file.endsWith('.html') && indexed(file)) pages.push([file, key])
    })
    pages.sort(([a], [b]) => compareCodeUnits(a, b))
    return fingerprintAll(pages.flat())
  }

  /**
   * Whether a search index built from pages with `key` is at hand: in the
   * staging tree (kept), or in the live site (taken by hard links, since the
   * staging tree may lag one build behind it).
   */
  async keepSearchIndex(key: string): Promise<boolean> {
    if (key === '') return false
    if (this.baseSearch.key === key) {
      this.searchKey = key
      this.searchEntries = this.baseSearch.entries
      return true
    }
    if (this.frontSearch.key !== key) return false
    await this.clearSearchIndex()
    const missing = await cloneTree(this.target.outDir, this.target.stagingDir, [], this.frontSearch.entries)
    if (missing.size > 0) {
      // Note: the live site lacks part of what its manifest lists, so it must not be trusted as a later starting point.
      this.frontDamaged = true
      return false
    }
    await this.recordSearchIndex(key)
    return true
  }

  /**
   * Keep the live site's search index, whatever pages it was built from (as
   * `keepSearchIndex` does for an index of the same pages); none when the
   * live site has none, or lost a whole top-level folder of it. Recorded
   * under its old key, so the next build that may index brings it up to date.
   * Note: for showing a change before the slow indexing is done
   * (`BuildOptions.deferSearch`); search may then miss new pages for a while.
   */
  async keepLiveSearchIndex(): Promise<void> {
    if (!(await this.keepSearchIndex(this.frontSearch.key))) await this.clearSearchIndex()
  }

  /** Remove every top-level entry that no produced file is in (an old search index), before indexing anew. */
  async clearSearchIndex(): Promise<void> {
    await this.removeStale()
    for (const name of await this.unmanagedEntries()) await rm(path.join(this.target.stagingDir, name), {recursive: true, force: true})
    this.searchKey = ''
    this.searchEntries = []
  }

  /** Record the search index just built in the staging folder from pages with `key`. */
  async recordSearchIndex(key: string): Promise<void> {
    this.searchKey = key
    this.searchEntries = await this.unmanagedEntries()
  }

  /**
   * Wait for every write, remove what is stale, then swap the staging folder
   * in as the output folder; `onLive` is called once it is live. Only then is
   * the new tree recorded for the next build: killed before that, the next
   * build starts from the old live site (the back buffer), and trusts the new
   * one in no way.
   */
  async commit(onLive?: () => void): Promise<void> {
    await this.removeStale()
    const {outDir, stagingDir, previousDir} = this.target
    const registry = this.registry
    if (registry) {
      await registry.unregister(await treeIdentity(previousDir))
      await this.distrustDamagedFront(registry)
    }
    await this.dropTree(previousDir)
    if (await exists(outDir)) await rename(outDir, previousDir)
    await rename(stagingDir, outDir)
    onLive?.()
    // Note: a folder keeps its identity when renamed (see `treeIdentity`).
    const newId = registry ? await this.registerTree(registry, outDir) : undefined
    // Note: a tree written from empty (a first or clean build) leaves no back buffer: hard-linking a copy of every
    // file costs as much as a third of writing them, and a clean build in CI never needs it. The next build starts
    // from hard links to the live site instead ('copy').
    if (registry && newId !== undefined && this.base !== 'empty') this.backBufferReady = await this.keepBackBuffer(registry, newId)
    else await this.dropTree(previousDir)
    await this.release()
  }

  /** Give up: drop the staging folder, keep the last site. */
  async abort(): Promise<void> {
    try {
      await Promise.allSettled(this.pending)
      await this.thread?.stop()
      await rm(this.target.stagingDir, {recursive: true, force: true, maxRetries: 3})
    } finally {
      await this.release()
    }
  }

  /**
   * Give up on a site whose every file is written, but keep it for the next
   * build, without a search index: it is recorded as a complete tree whose
   * swap was interrupted, which the next build starts from (`staging`), and
   * the last site stays live. Note: for a build stopped while it indexes (the
   * dev server's search pass, when a change comes in); dropping the tree
   * instead would make the next build start from hard links to every file.
   */
  async shelve(): Promise<void> {
    try {
      await this.clearSearchIndex()
      const id = this.registry ? await this.registerStaged(this.registry) : undefined
      if (id === undefined) await rm(this.target.stagingDir, {recursive: true, force: true, maxRetries: 3})
    } finally {
      await this.release()
    }
  }

  /** Record the staging tree as complete (see `registerTree`), the live site staying live. */
  private async registerStaged(registry: TreeRegistry): Promise<TreeIdentity | undefined> {
    await this.distrustDamagedFront(registry)
    return this.registerTree(registry, this.target.stagingDir)
  }

  /**
   * Record the tree at `dir` as complete, with the files produced and the
   * search index recorded. Returns its identity, undefined when it has none.
   */
  private async registerTree(registry: TreeRegistry, dir: string): Promise<TreeIdentity | undefined> {
    const id = await treeIdentity(dir)
    // Note: the registry may keep the table as it is (see `ManifestMemo`): only a build that starts from this tree changes it.
    if (id !== undefined) await registry.register(id, {files: this.files.table, searchKey: this.searchKey, searchEntries: this.searchEntries})
    return id
  }

  /** Stop trusting a live site found to lack files: else, swapped out, it would become a back buffer whose missing files are trusted. */
  private async distrustDamagedFront(registry: TreeRegistry): Promise<void> {
    if (this.frontDamaged) await registry.unregister(await treeIdentity(this.target.outDir))
  }

  /**
   * Make sure a complete copy of an earlier site waits beside the new one for
   * the next build: the old live site if it was a recorded tree, else hard
   * links to the new one (so the next build never starts from nothing).
   * Returns whether the next build can start from it: not when it is the old
   * live site and this build changed so much of it that it is far behind.
   */
  private async keepBackBuffer(registry: TreeRegistry, newId: TreeIdentity): Promise<boolean> {
    const {previousDir} = this.target
    // Note: files found missing from the old live site count here as if they were in it; but such a site was
    // unregistered (`distrustDamagedFront`), so once swapped out it is never the back buffer this looks at.
    if (registry.has(await treeIdentity(previousDir))) return !(this.front && farBehind(this.front, this.files.table, {startStamp: this.files.startStamp, changed: this.files.changedCount}))
    const aside = await linkBackBuffer(this.target, registry, newId, {files: this.files.table, searchKey: this.searchKey, searchEntries: this.searchEntries})
    if (aside !== undefined) this.discarded.push(aside)
    return registry.has(await treeIdentity(previousDir))
  }

  /**
   * Free the name `dir`, an old site about the size of this one (see
   * `freeTreeName`). Note: the new site goes live without waiting for the
   * old one's space to be freed.
   */
  private async dropTree(dir: string): Promise<void> {
    const aside = await freeTreeName(dir, this.files.producedCount)
    if (aside !== undefined) this.discarded.push(aside)
  }

  private async unmanagedEntries(): Promise<string[]> {
    const managed = new Set<string>()
    // Note: a site's paths come in long runs under one top-level folder. Cutting each and adding it once per run took
    // 4 ms for the 156,835 paths of a site of 100,000 articles, against 23 ms for a `split` and an add per path.
    let last = ''
    this.files.forEachProduced((_key, file) => {
      const slash = file.indexOf('/')
      const top = slash === -1 ? file : file.slice(0, slash)
      if (top !== last) managed.add((last = top))
    })
    return (await readdir(this.target.stagingDir)).filter((name) => !managed.has(name)).sort()
  }

  private async release(): Promise<void> {
    await this.thread?.stop()
    await releaseLock(this.target.lockFile)
    for (const trash of this.discarded.splice(0)) deleteInBackground(trash)
  }

  private stagingPath(relative: string): string {
    return pathInside(this.target.stagingDir, relative)
  }

  /**
   * Write a file into a staging tree that shares files with the live site: an
   * unchanged one stays, a changed one is unlinked first. `byContent` when
   * its key is the fingerprint of its bytes: then the file in place, whose
   * key differs, cannot have the same bytes, and is not read to compare.
   */
  private async writeNow(file: OutputFile, byContent: boolean): Promise<void> {
    const to = this.stagingPath(file.path)
    let contents = file.contents
    if (!byContent && this.files.inStart(file.path)) {
      // Note: a new key can still give the same bytes (a change no page shows): then the file stays as it is. Text is
      // encoded once, for the comparison and the write alike.
      const whole = wholeContents(contents)
      const bytes = typeof whole === 'string' ? Buffer.from(whole) : whole
      contents = bytes
      if (await holdsBytes(to, bytes)) {
        this.unchanged++
        return
      }
    }
    await this.removeFromBase(file.path)
    let bytes: number
    try {
      await this.ensureDir(path.dirname(to))
      bytes = await createFile(to, contents)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (!['EEXIST', 'ENOTDIR', 'EISDIR'].includes(code ?? '')) throw error
      await this.makeRoom(file.path)
      await this.ensureDir(path.dirname(to))
      bytes = await createFile(to, contents)
    }
    this.written++
    this.bytes += bytes
  }

  /**
   * Write a file into a staging tree that started empty: at once, as the page
   * workers do (see `writeNewFile`), or through the writer thread once
   * `threadAfter` files have been written so.
   */
  private async writeNew(file: OutputFile): Promise<void> {
    // Note: the path is checked here even when the thread writes it (which checks it too), so a bad one fails at once.
    const to = this.stagingPath(file.path)
    if (this.thread === undefined && this.written >= this.threadAfter) this.thread = FileWriterThread.start(this.target.stagingDir)
    if (this.thread) return this.thread.write(file.path, file.contents)
    this.bytes += writeNewFile(to, file.contents, this.dirs)
    this.written++
  }

  /** Unlink `relative` from the staging tree (it may share the file with the live site). */
  private async removeFromBase(relative: string): Promise<void> {
    await unlink(this.stagingPath(relative)).catch((error: unknown) => {
      // Note: a folder in the way (EISDIR) is cleared by `makeRoom` when the write fails.
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') ignoreMissing(error)
    })
    this.files.markGone(relative)
  }

  /** Clear an old tree's file where a folder must go, or its folder where a file must go. */
  private async makeRoom(relative: string): Promise<void> {
    const parts = relative.split('/')
    for (let length = 1; length < parts.length; length++) {
      const prefix = parts.slice(0, length).join('/')
      if (this.files.inStart(prefix)) await this.removeFromBase(prefix)
    }
    for (const file of this.files.table.paths()) if (file.startsWith(`${relative}/`)) this.files.markGone(file)
    await rm(this.stagingPath(relative), {recursive: true, force: true})
    this.dirs.clear()
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return
    await mkdir(dir, {recursive: true})
    this.dirs.add(dir)
  }
}

/**
 * Make the back buffer of `target` hard links to the live site, whose tree
 * `liveId` holds `live`, and record it as a copy of it. Returns the old
 * back buffer's folder when it was moved aside, for deleting once the caller
 * is done. Note: a copy that misses files (someone deleted them from the live
 * site) or was stopped is left unrecorded, so no build trusts it.
 */
async function linkBackBuffer(target: OutputTarget, registry: TreeRegistry, liveId: TreeIdentity, live: TreeManifest, signal?: AbortSignal): Promise<string | undefined> {
  const aside = await freeTreeName(target.previousDir, live.files.size)
  try {
    const missing = await cloneTree(target.outDir, target.previousDir, live.files.paths(), live.searchEntries, signal)
    const copyId = await treeIdentity(target.previousDir)
    if (missing.size === 0 && copyId !== undefined) await registry.registerCopy(copyId, liveId)
  } catch (error) {
    if (!signal?.aborted) {
      // Note: the caller never sees the old back buffer moved aside, so it is deleted here.
      if (aside !== undefined) deleteInBackground(aside)
      throw error
    }
  }
  return aside
}

/** The identities of the live site, the back buffer and the staging tree of `target` (undefined for a missing one). */
async function treeIdentities(target: OutputTarget): Promise<{liveId: TreeIdentity | undefined; previousId: TreeIdentity | undefined; stagingId: TreeIdentity | undefined}> {
  const [liveId, previousId, stagingId] = await Promise.all([target.outDir, target.previousDir, target.stagingDir].map(treeIdentity))
  return {liveId, previousId, stagingId}
}

/**
 * Whether a back buffer differs from the live site in so many files (after a
 * build that changed most pages: a new template, a new generator) that a
 * fresh copy of the live site is the cheaper start. Note: each differing file
 * costs an unlink and a link, one page at a time as the build reaches it; a
 * copy links every file at once. Small trees keep their back buffer, which
 * costs little either way.
 */
function farBehind(back: FileTable, front: FileTable, change?: TableChange): boolean {
  const known = farBehindKnown.get(front)
  if (known !== undefined && known.back.deref() === back && known.backStamp === back.stamp && known.frontStamp === front.stamp) return known.far
  const limit = Math.max(farBehindFiles, front.size / 4)
  const bound = change && differingBound(back, front, change)
  let far = false
  let apart = bound ?? 0
  if (bound === undefined || bound > limit) {
    let differing = 0
    let missing = 0
    // Note: `forEach`, as in `writePacked`: the entry pairs of a `for…of` outlived the young generation (10 MB a build).
    front.forEach((key, file) => {
      const backKey = back.get(file)
      if (backKey === key) return
      differing++
      if (backKey === undefined) missing++
    })
    far = differing > limit
    // Note: and the back tree's files the front lacks: those in both are the front's less those missing from the back.
    apart = differing + back.size - (front.size - missing)
  }
  farBehindKnown.set(front, {back: new WeakRef(back), backStamp: back.stamp, frontStamp: front.stamp, far, apart})
  return far
}

/** What a build changed of its starting tree's table: its stamp before, and at least the paths whose key changed. */
interface TableChange {
  readonly startStamp: number
  readonly changed: number
}

/**
 * At least the number of paths whose key differs between `back` and `front`,
 * when `front` is a table a build changed (`change`) from one that
 * `farBehind` last compared with `back` as it still is; else undefined.
 * Why: at the end of a dev build, the new site is compared with the old live
 * one, the tree the build before made from the table this one started with;
 * that comparison's count and this build's changes bound this one's, so the
 * walk over every file (32-53 ms of a build that added one seed to
 * 100,000 articles, in profiles) is needed only once they add up to a far
 * behind tree.
 */
function differingBound(back: FileTable, front: FileTable, change: TableChange): number | undefined {
  const earlier = farBehindKnown.get(back)
  if (earlier === undefined || earlier.back.deref() !== front || earlier.backStamp !== change.startStamp || earlier.frontStamp !== back.stamp) return undefined
  return earlier.apart + change.changed
}

/**
 * What `farBehind` found for a front tree's files, and against which back
 * tree's, as they were (their stamps, see `FileTable.begin`). Note: a process
 * that keeps manifests in memory (`ManifestMemo`) compares the same two at a
 * build's end (the new site against the old one) and at the next build's
 * start (the back buffer against the live site); a walk over every file of a
 * large site, it is done once. The back tree's is held weakly, else each
 * site's files would keep those of every site before it.
 */
const farBehindKnown = new WeakMap<FileTable, FarBehindKnown>()

/**
 * What `farBehind` found: whether the front tree was far behind the back
 * one, and in how many paths at most their keys differ (files of either
 * tree, as `differingBound` adds them up).
 */
interface FarBehindKnown {
  readonly back: WeakRef<FileTable>
  readonly backStamp: number
  readonly frontStamp: number
  readonly far: boolean
  readonly apart: number
}

/** Below this many differing files a back buffer is always worth keeping. */
const farBehindFiles = 1000

/** The key of a file known only by its bytes. */
export function contentKey(contents: FileContents): string {
  return isTextPieces(contents) ? fingerprintPieces(contents) : fingerprint(contents)
}

/** Create `file`, which must not exist; returns the bytes written. */
async function createFile(file: string, contents: FileContents): Promise<number> {
  if (isTextPieces(contents)) return writeTextFile(file, contents.pieces, 'wx')
  if (isLongText(contents)) return writeTextFile(file, [contents], 'wx')
  await writeFile(file, contents, {flag: 'wx'})
  return typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength
}

/** Whether `file` holds exactly `contents`. */
async function holdsBytes(file: string, contents: Uint8Array): Promise<boolean> {
  const old = await readFile(file).catch(() => undefined)
  return old !== undefined && Buffer.compare(old, contents) === 0
}

/** Ignore "no such file": also when a parent of the path is a file (ENOTDIR). */
function ignoreMissing(error: unknown): void {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
}

async function eachLimited<T>(items: readonly T[], action: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length) await action(items[next++] as T)
  }
  await Promise.all(Array.from({length: Math.min(writeConcurrency, items.length)}, worker))
}
