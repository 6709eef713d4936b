import {pageUrl} from './urls.js'

/** One page of a paginated list. */
export interface ListPage {
  readonly url: string
  /** Indexes into the full list (newest first), in display order. */
  readonly items: readonly number[]
  /** 1-based page number counted from the oldest, or undefined for the list's front page. */
  readonly number?: number
  readonly newer?: string
  readonly older?: string
}

/**
 * Split a newest-first list into pages that do not ripple: `/page/1/` holds
 * the oldest `size` items, and so on; the front page (`listUrl`) shows the
 * newest `size`. Adding an item changes only the front page and the newest
 * numbered page, never the older ones.
 */
export function paginate(listUrl: string, items: readonly number[], size: number): ListPage[] {
  const total = items.length
  if (total <= size) return [{url: listUrl, items}]
  const count = Math.ceil(total / size)
  // Position i counted from the oldest is items[total - 1 - i].
  const pageOfOldestPosition = (position: number): number => Math.floor(position / size) + 1
  const front: ListPage = {
    url: listUrl,
    items: items.slice(0, size),
    older: pageUrl(listUrl, pageOfOldestPosition(total - 1 - size)),
  }
  const pages: ListPage[] = [front]
  for (let number = count; number >= 1; number--) {
    const fromOldest = (number - 1) * size
    const toOldest = Math.min(total, number * size)
    pages.push({
      url: pageUrl(listUrl, number),
      items: items.slice(total - toOldest, total - fromOldest),
      number,
      newer: number === count ? listUrl : pageUrl(listUrl, number + 1),
      ...(number > 1 ? {older: pageUrl(listUrl, number - 1)} : {}),
    })
  }
  return pages
}
