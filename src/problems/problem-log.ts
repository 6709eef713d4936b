import type {Problem} from './content-error.js'
import {formatLocation} from './content-error.js'
import {formatProblems} from './format-problems.js'

/**
 * The problem reports of a run of builds, such as a dev server's: each
 * build's report lists its errors and only the warnings the last report did
 * not have. Note: an archive with a thousand warnings (duplicate copies, say)
 * would otherwise print thousands of lines on every save, burying the one
 * that is new; errors are listed every time, since they stop the build.
 */
export class ProblemLog {
  private shown = new Set<string>()

  /** The report of one build's problems (see `formatProblems`); empty when it has none. */
  report(problems: readonly Problem[]): string {
    const before = this.shown
    this.shown = new Set(problems.map(problemIdentity))
    if (problems.length === 0) return ''
    return formatProblems(problems, {omit: (item) => item.severity === 'warning' && before.has(problemIdentity(item))})
  }
}

/** A problem as the reader sees it: where it is, what it says, and the other places it names. */
function problemIdentity(problem: Problem): string {
  return [formatLocation(problem), problem.severity, problem.rule, problem.message, ...problem.related.map(formatLocation)].join('\u0000')
}
