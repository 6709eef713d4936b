/** One page to render: where it goes, which template, and its view model (built on demand, to bound memory). */
export interface Page {
  /** Site-relative URL path. */
  readonly url: string
  /** Template file name in `templates/`. */
  readonly template: string
  /** Source files the page shows, for collision reports. */
  readonly from: readonly string[]
  view(): object
  /**
   * Text naming everything `view()` is made from, cheaper to make than the
   * view, to key the page by (see `PageKeys`); `cardKey` names an article's
   * listing card. Pages without it are keyed by their whole view.
   */
  inputs?(cardKey: (index: number) => string): string
}
