import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {build, type BuildResult} from './build.js'
import {packageRoot, type BuildOptions} from './options.js'
import {ContentError} from './problems/content-error.js'
import {formatProblems} from './problems/format-problems.js'
import {OutputBusyError} from './write/write-output.js'

/** Exit codes, for scripts and CI. */
export const exitCodes = {
  ok: 0,
  /** Bad input: nothing was written. */
  contentErrors: 1,
  /** Wrong command-line usage. */
  usage: 2,
  /** `--skip-invalid`: the site was written without the seeds listed. */
  skipped: 3,
  /** Another build holds the output folder, or it cannot be written. */
  output: 4,
} as const

const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version

const buildFlags = {
  seeds: {type: 'string', default: 'seeds'},
  out: {type: 'string', default: 'dist'},
  config: {type: 'string'},
  'base-url': {type: 'string'},
  drafts: {type: 'boolean', default: false},
  'skip-invalid': {type: 'boolean', default: false},
  quiet: {type: 'boolean', short: 'q', default: false},
  help: {type: 'boolean', short: 'h', default: false},
} as const satisfies ParseArgsConfig['options']

const mainHelp = `news-archive ${version}: a static site generator for news archives

Usage: news-archive <command> [options]

Commands:
  build     Build the site from the seeds folder into the output folder (the default)
  check     Check every seed and report problems; write nothing

Run \`news-archive <command> --help\` for a command's options.
  --version  Print the version
  --help     Print this help`

const buildHelp = (command: 'build' | 'check'): string => `Usage: news-archive ${command} [options]

${command === 'build' ? 'Build the site: read every seed, check it, and write the site. Nothing is\nwritten when a seed has an error; the last good site stays in place.' : 'Check every seed and report every problem with its file and line. Writes nothing.'}

Options:
  --seeds DIR       Folder of seed files (.txt, .md)                 [default: seeds]
${command === 'build' ? '  --out DIR         Output folder, replaced whole on success          [default: dist]\n' : ''}  --config FILE     Config file                     [default: news-archive.config.json if present]
  --base-url URL    Absolute URL the site is served from (wins over the config)
  --drafts          Publish articles marked \`draft: true\` too
${command === 'build' ? '  --skip-invalid    Publish the valid seeds even when others have errors (exit code 3)\n' : ''}  -q, --quiet       Print only problems
  -h, --help        Print this help

Exit codes: 0 built, 1 bad input (nothing written), 2 wrong usage,${command === 'build' ? ' 3 built without\nthe invalid seeds (--skip-invalid), 4 the output folder is busy or cannot be written.' : ''}`

/** Run the command line; returns the exit code. The only place that prints. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first] = argv
  if (first === '--version' || first === '-v') return print(version)
  if (first === '--help' || first === '-h' || first === 'help') return print(mainHelp)
  const command = first === undefined || first.startsWith('-') ? 'build' : first
  const rest = first === undefined || first.startsWith('-') ? argv : argv.slice(1)
  if (command !== 'build' && command !== 'check') return usage(`unknown command "${command}"`)

  let values: ReturnType<typeof parseArgs<{options: typeof buildFlags; args: string[]; allowPositionals: false; strict: true}>>['values']
  try {
    values = parseArgs({args: [...rest], options: buildFlags, allowPositionals: false, strict: true}).values
  } catch (error) {
    return usage((error as Error).message)
  }
  if (values.help) return print(buildHelp(command))
  const terminal = process.stderr.isTTY && !values.quiet
  const options: BuildOptions = {
    cwd: process.cwd(),
    seedsDir: values.seeds,
    outDir: values.out,
    ...(values.config === undefined ? {} : {configFile: values.config}),
    ...(values['base-url'] === undefined ? {} : {baseUrl: values['base-url']}),
    check: command === 'check',
    drafts: values.drafts,
    skipInvalid: values['skip-invalid'],
    ...(terminal ? {onProgress: progress} : {}),
  }
  const started = performance.now()
  let result: BuildResult
  try {
    result = await build(options)
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${formatProblems([error.problem])}\n`)
      return exitCodes.contentErrors
    }
    if (error instanceof OutputBusyError || isOutputFault(error)) {
      process.stderr.write(`${values.out}: the site could not be written: ${describeFault(error)}\nThe last complete site is unchanged.\n`)
      return exitCodes.output
    }
    throw error
  } finally {
    if (terminal) process.stderr.write('\r\x1b[K')
  }
  if (result.problems.length > 0) process.stderr.write(`${formatProblems(result.problems)}\n`)
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  const failed = result.problems.some((item) => item.severity === 'error')
  if (command === 'check') {
    if (!values.quiet) process.stdout.write(`Checked ${result.articles} articles in ${seconds} s${failed ? '' : ': no errors'}.\n`)
    return failed ? exitCodes.contentErrors : exitCodes.ok
  }
  if (!result.wrote) {
    process.stderr.write(`Nothing was written: fix the errors above and build again. ${values.out}/ is unchanged.\n`)
    return exitCodes.contentErrors
  }
  if (!values.quiet) {
    process.stdout.write(`Built ${result.articles} articles: ${result.written} files (${(result.bytes / 1e6).toFixed(1)} MB) in ${values.out}/ in ${seconds} s.\n`)
  }
  if (result.skipped.length > 0) {
    process.stderr.write(`Skipped ${result.skipped.length} invalid seed${result.skipped.length === 1 ? '' : 's'}:\n${result.skipped.map((file) => `  ${file}`).join('\n')}\n`)
    return exitCodes.skipped
  }
  return exitCodes.ok
}

function print(text: string): number {
  process.stdout.write(`${text}\n`)
  return exitCodes.ok
}

function usage(message: string): number {
  process.stderr.write(`news-archive: ${message}\nRun \`news-archive --help\` for usage.\n`)
  return exitCodes.usage
}

function progress(stage: string, done: number, total: number): void {
  if (total < 200) return
  process.stderr.write(`\r\x1b[K${stage === 'read' ? 'Reading' : 'Writing'} ${done}/${total}`)
}

const outputFaults = new Set(['ENOSPC', 'EACCES', 'EROFS', 'EPERM', 'EDQUOT', 'ENOTDIR', 'EEXIST'])

function isOutputFault(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && outputFaults.has((error as NodeJS.ErrnoException).code ?? '')
}

function describeFault(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the folder is on a read-only file system',
  }
  return (code && reasons[code]) ?? (error as Error).message
}
