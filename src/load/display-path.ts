import path from 'node:path'

/** `seeds` + `a/b.txt` → `seeds/a/b.txt`, always `/`-separated: how problems name a seed. */
export function toDisplayPath(displayDir: string, relative: string): string {
  const dir = displayDir.split(path.sep).join('/').replace(/\/+$/, '')
  return dir === '' || dir === '.' ? relative : `${dir}/${relative}`
}
