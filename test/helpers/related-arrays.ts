import type {RelatedLists} from '../../src/indexes/related-lists.js'

/** Every article's related articles, as an array per article, for comparing whole results. */
export function relatedArrays(lists: RelatedLists): number[][] {
  return Array.from({length: lists.size}, (_, index) => lists.of(index))
}
