/** What indexing the built site for search cost. */
export interface SearchIndexResult {
  readonly pages: number
  readonly files: number
}

/**
 * Build the static search index inside a finished site folder (before it is
 * swapped in). Placeholder: does nothing yet.
 */
export async function indexSearch(siteDir: string): Promise<SearchIndexResult> {
  void siteDir
  return {pages: 0, files: 0}
}
