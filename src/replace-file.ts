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
  await replaceFileWith(file, (fd) => writeTextSync(fd, typeof contents === 'string' ? [contents] : contents))
}

/** `replaceFile`, with the contents written by `write` to the temporary file's descriptor. */
export async function replaceFileWith(file: string, write: (fd: number) => void): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    const fd = openSync(temporary, 'w')
    try {
      write(fd)
    } finally {
      closeSync(fd)
    }
    await rename(temporary, file)
  } finally {
    await rm(temporary, {force: true})
  }
}
