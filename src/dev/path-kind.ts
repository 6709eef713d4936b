import {stat} from 'node:fs/promises'

/** What is at `at` (links followed): a file, a folder, something else, or nothing (undefined). */
export async function pathKind(at: string): Promise<'file' | 'folder' | 'other' | undefined> {
  try {
    const info = await stat(at)
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other'
  } catch {
    return undefined
  }
}
