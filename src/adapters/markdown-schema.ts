import {defaultSchema} from 'hast-util-sanitize'
import type {Schema} from 'hast-util-sanitize'

type PropertyDefinition = NonNullable<Schema['attributes']>[string][number]

/**
 * The sanitiser's allow-list: GitHub's (remark-html's default) plus the few
 * elements and classes news structure needs. Class values are listed one by
 * one, so seed text can never smuggle in another class, attribute or element.
 */
export const articleClasses = {
  figure: ['photo'],
  figcaption: [],
  p: ['signoff', 'byline', 'wire-headline', 'continued'],
  span: ['dateline', 'credit', 'ticker'],
  table: ['data-table'],
  pre: ['aligned'],
  td: ['num'],
  th: ['num'],
} as const satisfies Readonly<Record<string, readonly string[]>>

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(
      Object.entries(articleClasses).map(([tag, classes]) => [
        tag,
        [...(defaultSchema.attributes?.[tag] ?? []), ...(classes.length > 0 ? [['className', ...classes] as PropertyDefinition] : [])],
      ]),
    ),
  },
}
