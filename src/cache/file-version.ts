import type {BigIntStats} from 'node:fs'
import {stat} from 'node:fs/promises'

/**
 * What tells one version of a file from another, from its `stat` (with
 * `bigint: true`): device, inode, size and modification time in
 * nanoseconds. Note: for the cache's own files, which are replaced whole (a
 * new file renamed over the old), so a new version has a new inode.
 */
export function versionOf(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}`
}

/** The `versionOf` the file at `file` has now; undefined when there is none. */
export async function fileVersion(file: string): Promise<string | undefined> {
  try {
    return versionOf(await stat(file, {bigint: true}))
  } catch {
    return undefined
  }
}
