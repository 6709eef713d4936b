import {fail} from '../problems/content-error.js'
import {fileStart, type SourcePoint} from '../problems/source-point.js'

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Decode a seed's bytes as UTF-8 text with LF line ends and no BOM.
 *
 * @throws {ContentError} `binary-file` for NUL bytes, `encoding-invalid` at the
 * first byte that is not UTF-8 (with a hint when it looks like Windows-1252).
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    fail('binary-file', {file, place: byteToPoint(bytes, nul)}, `the file contains a NUL byte at byte ${nul}, so it is not text`)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch (error) {
    const bad = firstInvalidUtf8(bytes)
    const byte = bytes[bad] ?? 0
    const guess = byte >= 0x80 ? ` (byte 0x${byte.toString(16).toUpperCase()}; Windows-1252 or Latin-1 text, such as "é" saved by an old editor, looks like this)` : ''
    fail('encoding-invalid', {file, place: byteToPoint(bytes, bad)}, `the file is not valid UTF-8${guess}`, {cause: error})
  }
  // Note: CRLF → LF keeps every line number and column the author sees.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** 0-based index of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] as number
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (length === 0) return index
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
    }
    index += length
  }
  return bytes.length
}

/** The line and column (in characters, 1-based) of byte `offset`, counting the valid text before it. */
function byteToPoint(bytes: Uint8Array, offset: number): SourcePoint {
  if (offset <= 0) return fileStart
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))
  return {line, column: before.length + 1}
}
