/** How bad a problem is. Errors stop the build; warnings are reported and the build goes on. */
export type Severity = 'error' | 'warning'

/** What every rule says about itself. */
export interface Rule {
  readonly severity: Severity
  readonly title: string
  readonly hint?: string
}

/**
 * Every problem the build can report. Ids never change once released:
 * people search for them.
 */
export const rules = {
  'read-failed': {
    severity: 'error',
    title: 'The file could not be read',
    hint: 'Check that the file exists and that you may read it.',
  },
  'encoding-invalid': {
    severity: 'error',
    title: 'The file is not UTF-8 text',
    hint: 'Save the file as UTF-8 (most editors offer "Save with encoding").',
  },
  'binary-file': {
    severity: 'error',
    title: 'The file is not text',
    hint: 'Only .txt and .md seeds belong in the seeds folder; move this file elsewhere.',
  },
  'file-too-large': {
    severity: 'error',
    title: 'The file is too large to be one article',
    hint: 'Split it into several seeds, or raise `maxSeedBytes` in the config.',
  },
  'front-matter-yaml': {
    severity: 'error',
    title: 'The front matter is not valid YAML',
    hint: 'Indent with spaces, not tabs, and quote values that contain a colon.',
  },
  'front-matter-unclosed': {
    severity: 'error',
    title: 'The front matter is not closed',
    hint: 'End the front matter with a line that is exactly `---`.',
  },
  'front-matter-language': {
    severity: 'error',
    title: 'The front matter is not YAML',
    hint: 'Start the file with a line that is exactly `---`.',
  },
  'front-matter-not-mapping': {
    severity: 'error',
    title: 'The front matter is not a list of `key: value` lines',
    hint: 'Write one `key: value` per line, for example `title: Budget passes`.',
  },
  'front-matter-unknown-key': {
    severity: 'warning',
    title: 'The front matter has a key that news-archive does not use',
    hint: 'Known keys: title, date, topics, tags, summary, author, source, slug, draft. Check the spelling.',
  },
  'date-missing': {
    severity: 'error',
    title: 'The article has no date',
    hint: 'Start the seed with ` date 2024-03-01 ` or add `date: 2024-03-01` to its front matter.',
  },
  'date-invalid': {
    severity: 'error',
    title: 'The date is not a calendar date',
    hint: 'Write it as YYYY-MM-DD, for example `2024-03-01`.',
  },
  'date-in-future': {
    severity: 'error',
    title: 'The date is too far in the future',
    hint: 'Check the year; news-archive accepts dates up to the year 2100.',
  },
  'body-empty': {
    severity: 'error',
    title: 'The article has no text',
    hint: 'Write the article after the date (or after the front matter), or remove the file.',
  },
  'body-placeholder': {
    severity: 'warning',
    title: 'The article still holds the placeholder text of a new seed',
    hint: 'Write the article in its place, or delete the file if it is not wanted.',
  },
  'field-invalid': {
    severity: 'error',
    title: 'A front-matter value has the wrong type',
    hint: 'Quote text values, for example `title: "2024: the year"`.',
  },
  'topics-invalid': {
    severity: 'error',
    title: 'The topics are not a list of names',
    hint: 'Write them as a YAML list, for example `topics: [Politics, Budget]`.',
  },
  'slug-invalid': {
    severity: 'error',
    title: 'The slug cannot be used in a URL',
    hint: 'Use lower-case letters, digits and hyphens only, for example `budget-passes`.',
  },
  'url-collision': {
    severity: 'error',
    title: 'Two articles claim the same URL',
    hint: 'Give one of them a different `slug` in its front matter.',
  },
  'duplicate-content': {
    severity: 'warning',
    title: 'The article repeats another seed word for word',
    hint: 'It is published once, under the first file. Delete the copy if it is not wanted.',
  },
  'topic-slug-collision': {
    severity: 'error',
    title: 'Two different topic names make the same URL',
    hint: 'Spell the topic the same way in every article.',
  },
  'output-path-collision': {
    severity: 'error',
    title: 'Two pages would be written to the same file',
    hint: 'Change the permalink pattern or the slug of one of them.',
  },
  'config-invalid': {
    severity: 'error',
    title: 'The configuration file has a mistake',
    hint: 'See "Configuration" in the README for every key and its type.',
  },
  'topics-file-invalid': {
    severity: 'error',
    title: 'The topics file has a mistake',
    hint: 'See "Topics file" in the README for its keys.',
  },
  'template-invalid': {
    severity: 'error',
    title: 'A template could not be used',
    hint: 'Fix the template at the line shown; the Liquid docs list every tag and filter.',
  },
} as const satisfies Readonly<Record<string, Rule>>

/** The permanent id of a rule. */
export type RuleId = keyof typeof rules
