import {constants} from 'node:os'

/**
 * The young generation the dev server runs with: each of its two semi-spaces
 * may grow to this many MB (Node's default is 16).
 *
 * Why: a dev build that adds one seed to 100,000 made garbage fast while
 * the archive of the build before (about 500 MB) stayed live, and V8 spent
 * 0.7-0.8 s of a 4-5 s build in about 45 scavenges (a median of 10 ms each). With
 * 64 MB, the dev server added one seed in a median of 3.89 s against 4.31 s
 * (eighteen builds each, six alternated sets, every one of them faster). It
 * costs the server 80-130 MB more memory, which a long-running preview can
 * spare; a one-off build keeps Node's default: a larger young generation did
 * not make a cold build of 10,000 faster, and its 100-110 MB more would take
 * a build of 100,000 (960 MB at its peak) to the 1 GiB it keeps within.
 */
export const devSemiSpaceMb = 64

/** The V8 flag that sets the young generation; V8 reads it once, when the process starts. */
const semiSpaceFlag = '--max-semi-space-size'

/**
 * The Node.js arguments to start the command again with, when it should run
 * with a larger young generation than this process has; undefined when it
 * runs as it is: every command but `dev`, and `dev` when the flag was given
 * already (by the relaunch, on the command line or in `NODE_OPTIONS`).
 */
export function relaunchArguments(args: readonly string[], execArgv: readonly string[], nodeOptions: string | undefined): string[] | undefined {
  if (args[0] !== 'dev' || args.includes('--help') || args.includes('-h')) return undefined
  const given = (flag: string): boolean => flag === semiSpaceFlag || flag.startsWith(`${semiSpaceFlag}=`)
  if (execArgv.some(given) || (nodeOptions ?? '').split(/\s+/).some(given)) return undefined
  return [...execArgv, `${semiSpaceFlag}=${devSemiSpaceMb}`]
}

/** Signals passed on to the relaunched process. */
const passedOn = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Run `script` with `args` again in a new Node.js process started with
 * `nodeArguments`, sharing this one's terminal, and resolve with the exit
 * code to end this one with. Note: on Linux and macOS the new process gets a
 * process group of its own, so that Ctrl-C reaches it once, passed on from
 * here, as it would reach a process started directly: the dev server stops
 * gracefully on the first and at once on the second. Should this process
 * die without passing anything on, the other notices its channel close and
 * stops (`stopWhenOrphaned`). On Windows, Ctrl-C reaches both anyway.
 */
export async function relaunch(script: string, args: readonly string[], nodeArguments: readonly string[]): Promise<number> {
  // Note: loaded here, since every command's start-up loads this module and only `dev` starts a process.
  const {spawn} = await import('node:child_process')
  const grouped = process.platform !== 'win32'
  const child = spawn(process.execPath, [...nodeArguments, script, ...args], {stdio: ['inherit', 'inherit', 'inherit', 'ipc'], detached: grouped})
  const forward = (signal: NodeJS.Signals) => (): void => {
    if (grouped || signal !== 'SIGINT') child.kill(signal)
  }
  const handlers = passedOn.map((signal) => [signal, forward(signal)] as const)
  for (const [signal, handler] of handlers) process.on(signal, handler)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      for (const [name, handler] of handlers) process.off(name, handler)
      resolve(code ?? exitCodeOf(signal))
    })
  })
}

/** The shell's exit code for a process ended by `signal`: 128 plus its number. */
function exitCodeOf(signal: NodeJS.Signals | null): number {
  return signal === null ? 1 : 128 + constants.signals[signal]
}

/**
 * In a process started by `relaunch`: stop (as on SIGTERM) once the process
 * that started it is gone, so that a dev server never outlives its terminal
 * command. Does nothing in a process started directly.
 */
export function stopWhenOrphaned(): void {
  if (!process.connected) return
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'))
  // Note: the channel alone must not keep the process alive.
  process.channel?.unref()
}
