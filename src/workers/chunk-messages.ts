/** A chunk of work sent to a worker thread. */
export interface ChunkRequest {
  /** Index of the chunk in the job, 0-based. */
  readonly chunk: number
  readonly message: unknown
}

/** A bug in a worker, as plain data: structured clones keep no prototype. */
export interface ThrownError {
  readonly name: string
  readonly message: string
  readonly stack?: string
  readonly code?: string
}

/** What a worker thread sends back: ready to work, a chunk's results, or the bug that stopped a chunk. */
export type ChunkReply =
  | {readonly kind: 'ready'}
  | {readonly kind: 'done'; readonly chunk: number; readonly results: readonly unknown[]}
  | {readonly kind: 'failed'; readonly chunk: number; readonly error: ThrownError}

/** A thrown value as plain data, keeping its stack. */
export function toThrownError(error: unknown): ThrownError {
  if (!(error instanceof Error)) return {name: 'Error', message: `a non-error value was thrown: ${String(error)}`}
  const code = (error as NodeJS.ErrnoException).code
  return {name: error.name, message: error.message, ...(error.stack === undefined ? {} : {stack: error.stack}), ...(code === undefined ? {} : {code})}
}

/** An `Error` again, with the worker's stack, so a crash shows where the bug is. */
export function fromThrownError(thrown: ThrownError): Error {
  const error = new Error(thrown.message) as Error & {code?: string}
  error.name = thrown.name
  if (thrown.stack !== undefined) error.stack = `${thrown.stack}\n    (in a worker thread)`
  if (thrown.code !== undefined) error.code = thrown.code
  return error
}
