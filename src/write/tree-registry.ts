import {mkdir, readdir, readFile, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {readManifest, writeManifest, type ManifestMemo, type TreeManifest} from './tree-manifest.js'
import {replaceFile} from '../replace-file.js'

/**
 * Which folder a site tree is, whatever it is named: renaming keeps a
 * folder's device, inode and birth time, so a tree keeps its identity
 * through the swap, and a folder made anew never has an old one's.
 */
export type TreeIdentity = string

/** The identity of the folder at `dir`, or undefined when there is none. */
export async function treeIdentity(dir: string): Promise<TreeIdentity | undefined> {
  try {
    const info = await stat(dir, {bigint: true})
    return info.isDirectory() ? `${info.dev}:${info.ino}:${info.birthtimeNs}` : undefined
  } catch {
    return undefined
  }
}

interface RegistryFile {
  readonly format: string
  readonly version: number
  readonly next: number
  readonly trees: readonly {readonly identity: string; readonly manifest: string}[]
}

const format = 'news-archive/output-trees'
/** Note: version 2 names binary manifests `m-N.manifest` (see `writeManifest`); version 1 named JSON ones `m-N.json`. */
const formatVersion = 2

/** The name of a manifest this registry writes. */
const manifestName = /^m-\d+\.manifest$/
/** The name of a manifest this registry or an earlier version of it wrote, for removing those no longer used. */
const anyManifestName = /^m-\d+\.(?:manifest|json)$/

/**
 * The complete site trees of one output folder and their manifests, kept in
 * the cache. A tree is registered only once it is complete, and unregistered
 * before anything in it changes, so a build killed at any moment leaves no
 * registered tree that differs from its manifest. Anything unregistered is
 * never trusted.
 */
export class TreeRegistry {
  private constructor(
    private readonly dir: string,
    private trees: Map<TreeIdentity, string>,
    private next: number,
    private readonly memo: ManifestMemo | undefined,
  ) {}

  /** The registry in `dir`; empty when it is missing or damaged. With `memo`, the manifests it writes are kept in memory for later reads. */
  static async open(dir: string, memo?: ManifestMemo): Promise<TreeRegistry> {
    try {
      const data = JSON.parse(await readFile(path.join(dir, 'trees.json'), 'utf8')) as RegistryFile
      if (data.format === format && data.version === formatVersion && Number.isInteger(data.next) && Array.isArray(data.trees)) {
        const trees = new Map<TreeIdentity, string>()
        for (const tree of data.trees) if (typeof tree.identity === 'string' && typeof tree.manifest === 'string' && manifestName.test(tree.manifest)) trees.set(tree.identity, tree.manifest)
        return new TreeRegistry(dir, trees, data.next, memo)
      }
    } catch {
      // Note: a missing or damaged registry trusts nothing; the build starts from an empty folder.
    }
    return new TreeRegistry(dir, new Map(), 1, memo)
  }

  /** The manifest of the tree with `identity`, if it is registered and its manifest reads back. */
  async manifestOf(identity: TreeIdentity | undefined): Promise<TreeManifest | undefined> {
    const name = identity === undefined ? undefined : this.trees.get(identity)
    if (name === undefined) return undefined
    const file = path.join(this.dir, name)
    return this.memo ? this.memo.read(file) : readManifest(file)
  }

  /**
   * Whether the tree with `identity` is registered. Note: its manifest is not
   * read (at 100,000 articles that took 130–210 ms); a manifest that no
   * longer reads back is found when the next build asks `manifestOf`.
   */
  has(identity: TreeIdentity | undefined): boolean {
    return identity !== undefined && this.trees.has(identity)
  }

  /** Forget every tree except those with the given identities, and save. */
  async keepOnly(identities: readonly (TreeIdentity | undefined)[]): Promise<void> {
    const keep = new Set(identities.filter((identity): identity is TreeIdentity => identity !== undefined))
    const before = this.trees.size
    for (const identity of [...this.trees.keys()]) if (!keep.has(identity)) this.trees.delete(identity)
    if (this.trees.size !== before) await this.save()
  }

  /** Forget one tree (before it is changed), and save. */
  async unregister(identity: TreeIdentity | undefined): Promise<void> {
    if (identity !== undefined && this.trees.delete(identity)) await this.save()
  }

  /** Record a complete tree and its manifest, and save. Note: with a memo, `manifest` is kept as it is, so it must not change while the tree is registered. */
  async register(identity: TreeIdentity, manifest: TreeManifest): Promise<void> {
    await mkdir(this.dir, {recursive: true})
    const name = `m-${this.next++}.manifest`
    const file = path.join(this.dir, name)
    await (this.memo ? this.memo.write(file, manifest) : writeManifest(file, manifest))
    this.trees.set(identity, name)
    await this.save()
  }

  /** Record a second tree with the same files as a registered one (a hard-linked copy). */
  async registerCopy(identity: TreeIdentity, of: TreeIdentity): Promise<void> {
    const name = this.trees.get(of)
    if (name === undefined) return
    this.trees.set(identity, name)
    await this.save()
  }

  private async save(): Promise<void> {
    await mkdir(this.dir, {recursive: true})
    const data: RegistryFile = {format, version: formatVersion, next: this.next, trees: [...this.trees].map(([identity, manifest]) => ({identity, manifest}))}
    const file = path.join(this.dir, 'trees.json')
    await replaceFile(file, JSON.stringify(data))
    await this.removeUnusedManifests()
  }

  private async removeUnusedManifests(): Promise<void> {
    const used = new Set(this.trees.values())
    this.memo?.keepOnly(this.dir, used)
    for (const name of await readdir(this.dir)) {
      if (anyManifestName.test(name) && !used.has(name)) await rm(path.join(this.dir, name), {force: true})
    }
  }
}
