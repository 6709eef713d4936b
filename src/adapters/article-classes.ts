/**
 * The elements and classes news structure needs beyond GitHub's allow-list
 * (remark-html's default), which the sanitiser's schema adds
 * (`markdown-schema.ts`). Class values are listed one by one, so seed text
 * can never smuggle in another class, attribute or element.
 * Note: apart from the schema, so the direct serialiser of plain-text trees
 * does not load the sanitiser.
 */
export const articleClasses = {
  figure: ['photo'],
  figcaption: [],
  p: ['signoff', 'byline', 'wire-headline', 'continued'],
  span: ['dateline', 'credit', 'ticker'],
  table: ['data-table'],
  pre: ['aligned'],
  // Note: plain-text seeds render figures whose columns cannot be recovered as
  // an mdast `code` node, which becomes `<pre><code class="aligned">`.
  code: ['aligned'],
  td: ['num'],
  th: ['num'],
} as const satisfies Readonly<Record<string, readonly string[]>>
