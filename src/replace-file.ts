import {closeSync, openSync} from 'node:fs'
import {rename, rm} from 'node:fs/promises'
import {writeTextSync} from './write-text.js'

/**
 * Write `file` whole or not at all: into a temporary file beside it, then
 * renamed over it, so a reader (or a build killed halfway) never sees part of
 * it. `contents` may come in pieces, which are written one after another
 * (through `writeTextSync`).
 * Note: the temporary name holds the process id; callers hold the build
 * cache's lock, so no other process writes the same file meanwhile.
 */
export async function replaceFile(file: string, contents: string | Iterable<string>): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    const fd = openSync(temporary, 'w')
    try {
      writeTextSync(fd, typeof contents === 'string' ? [contents] : contents)
    } finally {
      closeSync(fd)
    }
    await rename(temporary, file)
  } finally {
    await rm(temporary, {force: true})
  }
}
