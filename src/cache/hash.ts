import {createHash, hash as hashOnce} from 'node:crypto'
import {compareCodeUnits} from '../text/code-unit-order.js'
import {pieceLength, textPieces, type TextPieces} from '../text/text-pieces.js'

/**
 * A short fingerprint of some text or bytes: 32 hex digits (128 bits of
 * SHA-256). Used for cache keys, where only equality matters.
 */
export function fingerprint(...parts: readonly (string | Uint8Array)[]): string {
  return fingerprintAll(parts)
}

/**
 * `fingerprint` of any number of parts, from an iterable.
 * Note: for long lists (a site's every page): spreading them into a call overflows the stack.
 */
export function fingerprintAll(parts: Iterable<string | Uint8Array>): string {
  // Note: a separator that text cannot contain follows each part, so ("ab", "c") and ("a", "bc") differ.
  const list = Array.isArray(parts) ? (parts as readonly (string | Uint8Array)[]) : [...parts]
  let length = 0
  let allText = true
  for (const part of list) {
    length += part.length
    if (typeof part !== 'string') allText = false
  }
  // Note: one call into the hash for short joined text: a site has as many keys as pages, and each call costs more than
  // joining. Long text goes in pieces (see `pieceLength`).
  if (allText && length < pieceLength) return hashOnce('sha256', `${list.join('\0')}\0`, 'hex').slice(0, 32)
  const hash = createHash('sha256')
  let pending: string[] = []
  let pendingLength = 0
  const flush = (): void => {
    if (pending.length > 0) hash.update(pending.join(''))
    pending = []
    pendingLength = 0
  }
  for (const part of list) {
    if (typeof part !== 'string') {
      flush()
      hash.update(part)
      hash.update('\0')
      continue
    }
    if (part.length >= pieceLength) {
      flush()
      for (const piece of textPieces(part)) hash.update(piece)
      hash.update('\0')
      continue
    }
    pending.push(part, '\0')
    pendingLength += part.length + 1
    if (pendingLength >= pieceLength) flush()
  }
  flush()
  return hash.digest('hex').slice(0, 32)
}

/** `fingerprint` of the text of `pieces` joined, without joining them. */
export function fingerprintPieces({pieces}: TextPieces): string {
  const hash = createHash('sha256')
  for (const piece of pieces) {
    if (piece.length < pieceLength) hash.update(piece)
    else for (const part of textPieces(piece)) hash.update(part)
  }
  hash.update('\0')
  return hash.digest('hex').slice(0, 32)
}

/** SHA-256 of some bytes, 64 hex digits: the same digest `SourceFile.hash` uses. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * JSON with object keys sorted, `Map`s and `Set`s as sorted entries and
 * regular expressions as their source, so equal settings give equal text
 * whatever order they were built in.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(normalise(value))
}

function normalise(value: unknown): unknown {
  if (value instanceof Map) return {'<map>': [...value].map(([key, inner]) => [normalise(key), normalise(inner)]).sort(byJson)}
  if (value instanceof Set) return {'<set>': [...value].map(normalise).sort(byJson)}
  if (value instanceof RegExp) return {'<regexp>': String(value)}
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value === 'bigint') return {'<bigint>': String(value)}
  if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError(`cannot fingerprint a ${typeof value}`)
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) result[key] = normalise((value as Record<string, unknown>)[key])
    return result
  }
  return value
}

function byJson(a: unknown, b: unknown): number {
  return compareCodeUnits(JSON.stringify(a), JSON.stringify(b))
}
