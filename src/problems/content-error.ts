import {rules, type RuleId, type Severity} from './rules.js'
import type {SourceRef} from './source-point.js'

/** A problem in the content, at a place in a source file. */
export interface Problem extends SourceRef {
  readonly rule: RuleId
  readonly severity: Severity
  /** What happened and why, without the location (the reporter adds it). */
  readonly message: string
  /** Other places involved, e.g. the first article that used a URL. */
  readonly related: readonly SourceRef[]
}

/** Build a `Problem` for `rule` at `at`; its severity comes from the rule. */
export function problem(rule: RuleId, at: SourceRef, message: string, related: readonly SourceRef[] = []): Problem {
  return {rule, severity: rules[rule].severity, file: at.file, place: at.place, message, related}
}

/** `file:line:column`, as editors and terminals make clickable. */
export function formatLocation(at: SourceRef): string {
  return `${at.file}:${at.place.line}:${at.place.column}`
}

/**
 * Thrown by per-file steps when a file cannot be used. Carries its `Problem`.
 * Note: never thrown for bugs; those are plain errors and must crash.
 */
export class ContentError extends Error {
  override readonly name = 'ContentError'
  readonly problem: Problem

  constructor(problem: Problem, options?: ErrorOptions) {
    super(`${formatLocation(problem)}: ${problem.message}`, options)
    this.problem = problem
  }
}

/**
 * Stop processing this file.
 *
 * @throws {ContentError} Always: for `rule` at `at`.
 */
export function fail(rule: RuleId, at: SourceRef, message: string, options?: ErrorOptions): never {
  throw new ContentError(problem(rule, at, message), options)
}

/** Whether a problem stops the build. */
export function isError(problem: Problem): boolean {
  return problem.severity === 'error'
}
