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
    const identities = new Map(problems.map((item) => [item, problemIdentity(item)]))
    this.shown = new Set(identities.values())
    if (problems.length === 0) return ''
    return formatProblems(problems, {shownBefore: (item) => item.severity === 'warning' && before.has(identities.get(item) as string)})
  }

  /** Forget what was shown, so the next report lists every problem (after a build that reported none of them, such as one that crashed). */
  forget(): void {
    this.shown = new Set()
  }
}

/** A problem as the reader sees it: where it is, its rule (which sets its severity), what it says, and the other places it names. */
function problemIdentity(problem: Problem): string {
  return [formatLocation(problem), problem.rule, problem.message, ...problem.related.map(formatLocation)].join('\u0000')
}
