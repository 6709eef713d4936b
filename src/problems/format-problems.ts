import {rules} from './rules.js'
import {formatLocation, type Problem} from './content-error.js'
import {countNoun} from '../text/count-noun.js'
import {compareCodeUnits} from '../text/code-unit-order.js'

/** Sort problems by file, then line, then column (code-unit order, as `vfile-sort` does). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      a.place.line - b.place.line ||
      a.place.column - b.place.column ||
      compareCodeUnits(a.rule, b.rule),
  )
}

/** How `formatProblems` writes its report. */
export interface FormatOptions {
  /**
   * Problems the reader was shown by an earlier report (see `ProblemLog`):
   * counted but not listed again; the count line says how many.
   */
  readonly shownBefore?: (problem: Problem) => boolean
}

/**
 * The report a person reads: one clickable line per problem, its hint and the
 * other places involved, then a count.
 */
export function formatProblems(problems: readonly Problem[], options: FormatOptions = {}): string {
  const lines: string[] = []
  let unlisted = 0
  for (const item of sortProblems(problems)) {
    if (options.shownBefore?.(item)) {
      unlisted++
      continue
    }
    lines.push(formatProblemLine(item))
    const hint = rules[item.rule].hint
    if (hint) lines.push(`  hint: ${hint}`)
    for (const other of item.related) lines.push(showInvisible(`  also: ${formatLocation(other)}`))
  }
  const errors = problems.filter((item) => item.severity === 'error').length
  const warnings = problems.length - errors
  const note = unlisted === 0 ? '' : ` (${unlisted} shown before and not listed again; \`news-archive check\` lists them all)`
  lines.push(`${countNoun(errors, 'error')}, ${countNoun(warnings, 'warning')}${note}`)
  return lines.join('\n')
}

/** The line that names a problem: `file:line:column: error: message [rule]`, as a person reads it. */
export function formatProblemLine(problem: Problem): string {
  return showInvisible(`${formatLocation(problem)}: ${problem.severity}: ${problem.message} [${problem.rule}]`)
}

/**
 * Control, format and separator characters as `\u{…}` escapes. File names and
 * values come from seeds: shown raw, an escape sequence would drive the
 * reader's terminal, and a zero-width space or a right-to-left override would
 * hide the very mistake being reported.
 */
export function showInvisible(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`)
}

