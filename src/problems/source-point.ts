/** A place in a source file. `line` and `column` are 1-based, as editors show them. */
export interface SourcePoint {
  readonly line: number
  readonly column: number
}

/** A file and a place in it. `file` is the path as the user gave it (seeds folder + relative path), `/`-separated. */
export interface SourceRef {
  readonly file: string
  readonly place: SourcePoint
}

/** The start of a file, for problems about the whole file (unreadable, empty). */
export const fileStart: SourcePoint = {line: 1, column: 1}

/** The 1-based line and column of a 0-based UTF-16 `offset` in `text`. */
export function pointAt(text: string, offset: number): SourcePoint {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line++
    lineStart = index + 1
  }
  return {line, column: end - lineStart + 1}
}
