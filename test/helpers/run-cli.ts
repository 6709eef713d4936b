import {spawn, type ChildProcess} from 'node:child_process'
import {readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {repoRoot} from './corpus.js'

/** What one run of the command line did. */
export interface CliRun {
  /** The exit code; null when a signal ended the process. */
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** How to start the command line, and in which folder. */
export interface CliOptions {
  readonly cwd: string
  /** Extra environment variables (e.g. `TZ`), on top of this process's. */
  readonly env?: Readonly<Record<string, string>>
  /** Options for Node.js itself, before the program (e.g. `--import` of a preload). */
  readonly nodeArgs?: readonly string[]
}

const binFile = path.join(repoRoot, 'bin/news-archive.js')
const compiledCli = path.join(repoRoot, 'lib/cli.js')
const sourceCli = path.join(repoRoot, 'src/cli.ts')

/** The newest modification time (ms) of the generator's TypeScript sources. */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
  }
  return newest
}

function compiledIsCurrent(): boolean {
  try {
    return statSync(compiledCli).mtimeMs >= newestSource(path.join(repoRoot, 'src'))
  } catch {
    return false
  }
}

/**
 * The program and arguments that run `news-archive` as a user does:
 * `node bin/news-archive.js` when `lib/` is compiled from the current
 * sources (as after `npm ci`), else the same `main()` straight from `src/`
 * through tsx, so a test never runs stale code.
 */
export function cliCommand(args: readonly string[]): {command: string; args: string[]} {
  if (compiledIsCurrent()) return {command: process.execPath, args: [binFile, ...args]}
  const entry = `const {main} = await import(${JSON.stringify(sourceCli)}); process.exitCode = await main(process.argv.slice(1))`
  // Note: tsx by its resolved URL, since the command runs in a folder outside the project.
  return {command: process.execPath, args: ['--import', import.meta.resolve('tsx'), '--input-type=module', '--eval', entry, '--', ...args]}
}

/** Start `news-archive` with `args`; the caller collects its output or kills it. */
export function startCli(args: readonly string[], options: CliOptions): ChildProcess {
  const {command, args: programArgs} = cliCommand(args)
  const fullArgs = [...(options.nodeArgs ?? []), ...programArgs]
  // Note: NO_COLOR and a pipe for stderr keep the progress line out of the output.
  return spawn(command, fullArgs, {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', ...options.env}, stdio: ['ignore', 'pipe', 'pipe']})
}

/** Run `news-archive` with `args` to the end and collect its exit code and output. */
export async function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const child = startCli(args, options)
  return finished(child)
}

/** Wait for a started command line to end, with everything it printed. */
export function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
}

/** Lines that show a JavaScript stack trace leaked to the user. */
export function stackTraceLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+at .+(:\d+:\d+\)?|\(native\))$/.test(line) || /^\w*Error: /.test(line) || /node:internal/.test(line))
}
