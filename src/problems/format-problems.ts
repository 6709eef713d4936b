import {rules} from './rules.js'
import {formatLocation, type Problem} from './content-error.js'

/** Sort problems by file, then line, then column (code-unit order, as `vfile-sort` does). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.place.line - b.place.line ||
      a.place.column - b.place.column ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  )
}

/**
 * The report a person reads: one clickable line per problem, its hint and the
 * other places involved, then a count.
 */
export function formatProblems(problems: readonly Problem[]): string {
  const lines: string[] = []
  for (const item of sortProblems(problems)) {
    lines.push(`${formatLocation(item)}: ${item.severity}: ${item.message} [${item.rule}]`)
    const hint = rules[item.rule].hint
    if (hint) lines.push(`  hint: ${hint}`)
    for (const other of item.related) lines.push(`  also: ${formatLocation(other)}`)
  }
  const errors = problems.filter((item) => item.severity === 'error').length
  const warnings = problems.length - errors
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`)
  return lines.join('\n')
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
