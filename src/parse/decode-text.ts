import {fail} from '../problems/content-error.js'
import {fileStart, type SourcePoint} from '../problems/source-point.js'

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/** File signatures of things people save into a seeds folder by mistake, checked on the first bytes. */
const signatures: readonly {readonly name: string; readonly bytes: readonly number[]}[] = [
  {name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47]},
  {name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff]},
  {name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38]},
  {name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d]},
  {name: 'a ZIP archive (or a Word or OpenDocument file)', bytes: [0x50, 0x4b, 0x03, 0x04]},
  {name: 'a gzip archive', bytes: [0x1f, 0x8b]},
  {name: 'an old Word or Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0]},
]

/**
 * Decode a seed's bytes as UTF-8 text with LF line ends and no BOM.
 *
 * @throws {ContentError} `binary-file` for a known binary format or NUL bytes,
 * `encoding-invalid` for UTF-16 or at the first byte that is not UTF-8 (with a
 * hint when it looks like Windows-1252).
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const format = signatures.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte))
  if (format) fail('binary-file', {file, place: fileStart}, `the file is ${format.name}, not text`)
  const utf16 = utf16Name(bytes)
  if (utf16) fail('encoding-invalid', {file, place: fileStart}, `the file is ${utf16} text (it starts with a UTF-16 byte-order mark), not UTF-8`)
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    fail('binary-file', {file, place: byteToPoint(bytes, nul)}, `the file contains a NUL byte (byte ${nul}), so it is not text`)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch (error) {
    const bad = firstInvalidUtf8(bytes)
    const byte = bytes[bad] ?? 0
    const length = sequenceLength(byte)
    const truncated = length > 1 && bad + length > bytes.length && bytes.subarray(bad + 1).every((next) => (next & 0xc0) === 0x80)
    const where = truncated
      ? 'the file ends in the middle of a character (was it cut off?)'
      : `byte 0x${hex(byte)} is not part of a UTF-8 character; Windows-1252 or Latin-1 text (an "é" or a curly quote saved by an old editor) looks like this`
    fail('encoding-invalid', {file, place: byteToPoint(bytes, bad)}, `the file is not valid UTF-8: ${where}`, {cause: error})
  }
  // Note: CRLF → LF keeps every line number and column the author sees.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

function utf16Name(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian)'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)'
  return undefined
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0')
}

/** Bytes in the UTF-8 sequence a lead byte starts; 0 when it cannot start one. */
function sequenceLength(byte: number): number {
  return byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
}

/**
 * 0-based index of the first byte that does not belong to a valid UTF-8
 * sequence (`bytes.length` when all are valid). Follows the table of
 * well-formed sequences in the Unicode standard (3.9, table 3-7), so it agrees
 * with `TextDecoder`: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index] as number
    const length = sequenceLength(byte)
    if (length === 0) return index
    // Note: the second byte's range depends on the lead byte; the others are 0x80–0xBF.
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf]
      if (next === undefined || next < min || next > max) return index
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
