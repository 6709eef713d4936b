import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Worker, type ResourceLimits} from 'node:worker_threads'

/**
 * The URL of a worker module beside `importMetaUrl`, with the caller's own
 * extension: `.js` when running compiled from `lib/`, `.ts` under tsx.
 * `name` has no extension (`process-worker`).
 */
export function siblingModule(name: string, importMetaUrl: string): URL {
  return new URL(`./${name}${path.extname(fileURLToPath(importMetaUrl))}`, importMetaUrl)
}

/**
 * Start a worker thread that runs the module at `moduleUrl` with `workerData`,
 * and with `resourceLimits` when given (else Node's defaults).
 * Compiled modules (`.js`) start directly. TypeScript modules (`.ts`, in tests
 * under `node --import tsx`) start through a small bootstrap that registers
 * tsx in the worker first.
 * Note: on Node 20 a worker inherits `--import tsx` in `process.execArgv` but
 * does not run it, so a `.ts` entry fails with ERR_UNKNOWN_FILE_EXTENSION.
 */
export function startWorker(moduleUrl: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits === undefined ? {} : {resourceLimits}
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, {workerData, ...limits})
  const tsx = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(moduleUrl.href)}) })`
  return new Worker(bootstrap, {eval: true, workerData, ...limits})
}
