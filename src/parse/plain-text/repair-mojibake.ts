/**
 * Windows-1252 code points for the bytes 0x80–0x9F. Text that was UTF-8 but
 * got decoded as Windows-1252 shows these in place of continuation bytes
 * (`â€™` is the UTF-8 of `’` read as Windows-1252).
 */
const cp1252High: ReadonlyMap<number, number> = new Map(
  [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
    0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
  ].map((codePoint, index) => [codePoint, 0x80 + index]),
)

const utf8 = new TextDecoder('utf-8', {fatal: true})

/** A character that may start a UTF-8 sequence misread as Windows-1252 or Latin-1 (`Â`…`ô`). */
const leadPattern = /[\u00C2-\u00F4]/g

/**
 * Undo the common mojibake of UTF-8 text read as Windows-1252 or Latin-1:
 * `â€™` → `’`, `â€œ` → `“`, `Ã©` → `é`, `Â£` → `£`. Only sequences that decode
 * to valid UTF-8 are replaced, so ordinary accented text is left alone.
 * Runs in one pass over the text.
 */
export function repairMojibake(value: string): string {
  if (!hasLeadCharacter(value)) return value
  leadPattern.lastIndex = 0
  let result = ''
  let copied = 0
  let match: RegExpExecArray | null
  while ((match = leadPattern.exec(value)) !== null) {
    const index = match.index
    const repaired = decodeAt(value, index)
    if (repaired === undefined) continue
    result += value.slice(copied, index) + repaired.text
    copied = index + repaired.length
    leadPattern.lastIndex = copied
  }
  return copied === 0 ? value : result + value.slice(copied)
}

/** Whether any character is `Â`…`ô`; a plain loop, faster than a regular expression on every text piece. */
function hasLeadCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code >= 0xc2 && code <= 0xf4) return true
  }
  return false
}

function decodeAt(value: string, index: number): {text: string; length: number} | undefined {
  const lead = value.charCodeAt(index)
  const needed = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3
  const bytes = new Uint8Array(needed + 1)
  bytes[0] = lead
  for (let offset = 1; offset <= needed; offset++) {
    const code = value.charCodeAt(index + offset)
    const byte = code >= 0x80 && code <= 0xbf ? code : cp1252High.get(code)
    if (byte === undefined) {
      // Note: a right double quote's last byte (0x9D) has no Windows-1252
      // character, so it is often lost as U+FFFD: `â€�` is still `”`.
      if (lead === 0xe2 && offset === 2 && value.charCodeAt(index + 1) === 0x20ac && code === 0xfffd) {
        return {text: '\u201D', length: 3}
      }
      return undefined
    }
    bytes[offset] = byte
  }
  try {
    return {text: utf8.decode(bytes), length: needed + 1}
  } catch {
    return undefined
  }
}
