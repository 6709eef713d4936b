import {defaultSchema} from 'hast-util-sanitize'
import type {Schema} from 'hast-util-sanitize'
import {articleClasses} from './article-classes.js'

type PropertyDefinition = NonNullable<Schema['attributes']>[string][number]

/**
 * The sanitiser's allow-list: GitHub's (remark-html's default) plus the few
 * elements and classes news structure needs (`articleClasses`).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'cite', 'small'],
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(Object.entries(articleClasses).map(([tag, classes]) => [tag, withClasses(defaultSchema.attributes?.[tag] ?? [], classes)])),
    // Note: header cells say what they head, for screen readers (WCAG H63).
    th: [...withClasses(defaultSchema.attributes?.['th'] ?? [], articleClasses.th), ['scope', 'row', 'col', 'colgroup'], 'colSpan'],
  },
}

/**
 * `definitions` with `classes` allowed too. The sanitiser reads only the
 * first `className` definition of a tag, so the classes join an existing one
 * (GitHub's `code` allows `language-*`) rather than following it.
 */
function withClasses(definitions: readonly PropertyDefinition[], classes: readonly string[]): PropertyDefinition[] {
  if (classes.length === 0) return [...definitions]
  const isClassName = (definition: PropertyDefinition): boolean => Array.isArray(definition) && definition[0] === 'className'
  if (!definitions.some(isClassName)) return [...definitions, ['className', ...classes] as PropertyDefinition]
  return definitions.map((definition) => (isClassName(definition) ? ([...(definition as readonly unknown[]), ...classes] as PropertyDefinition) : definition))
}
