/**
 * The first `limit` entries of `entries` in the order `compare` gives (a total
 * order), exactly as sorting them all and keeping the first `limit` would.
 * Note: an article has hundreds of related candidates and keeps five; sorting
 * them all was most of the cost of indexing a large archive.
 */
export function topEntries<T>(entries: Iterable<T>, limit: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = []
  if (limit <= 0) return kept
  for (const entry of entries) {
    if (kept.length === limit && compare(entry, kept[limit - 1] as T) >= 0) continue
    let at = Math.min(kept.length, limit - 1)
    if (kept.length < limit) kept.push(entry)
    while (at > 0 && compare(entry, kept[at - 1] as T) < 0) {
      kept[at] = kept[at - 1] as T
      at--
    }
    kept[at] = entry
  }
  return kept
}
