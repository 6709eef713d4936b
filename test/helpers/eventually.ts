import {setTimeout as sleep} from 'node:timers/promises'

/**
 * Poll `check` every `pollMs` until it holds or `timeoutMs` have passed;
 * whether it held. For tests that wait on another process or a file watcher.
 */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 30_000, pollMs = 50): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(pollMs)) if (await check()) return true
  return check()
}
