import {rename, rm, writeFile} from 'node:fs/promises'

/**
 * Write `file` whole or not at all: into a temporary file beside it, then
 * renamed over it, so a reader (or a build killed halfway) never sees part of
 * it. Note: the temporary name holds the process id; callers hold the build
 * cache's lock, so no other process writes the same file meanwhile.
 */
export async function replaceFile(file: string, contents: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, contents)
    await rename(temporary, file)
  } finally {
    await rm(temporary, {force: true})
  }
}
