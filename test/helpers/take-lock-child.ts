/**
 * A process that takes a lock for `src/lock-file.test.ts`: it waits until the
 * file `GO` exists, tries the lock `LOCK` once, prints `took` or `busy`,
 * holds what it took for `HOLD_MS`, then lets it go.
 */
import {existsSync} from 'node:fs'
import {setTimeout as sleep} from 'node:timers/promises'
import {BusyError, releaseLock, takeLock} from '../../src/lock-file.js'

const [lockFile, go, hold] = process.argv.slice(2) as [string, string, string]
process.stdout.write('ready\n')
while (!existsSync(go)) await sleep(2)
try {
  await takeLock(lockFile, 'testing')
  process.stdout.write('took\n')
  await sleep(Number(hold))
  await releaseLock(lockFile)
} catch (error) {
  if (!(error instanceof BusyError)) throw error
  process.stdout.write('busy\n')
}
