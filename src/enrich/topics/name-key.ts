const combiningMarks = /[\u0300-\u036f]/g

/**
 * The form in which names are compared: lower case, accents folded, dots
 * dropped, curly apostrophes straightened, spaces collapsed
 * (`U.S.` → `us`, `Zürich` → `zurich`, `Côte d’Ivoire` → `cote d'ivoire`).
 */
export function nameKey(text: string): string {
  let key = text.toLowerCase()
  if (!isPlainAscii(key)) key = key.normalize('NFD').replace(combiningMarks, '').replaceAll('\u2019', "'")
  if (key.includes('.')) key = key.replaceAll('.', '')
  if (key.includes('  ') || key.startsWith(' ') || key.endsWith(' ')) key = key.replace(/\s+/g, ' ').trim()
  return key
}

function isPlainAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 127) return false
  }
  return true
}
