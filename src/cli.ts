import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {BuildResult} from './build.js'
import type {DevEvent} from './dev/dev-server.js'
import {createSeed, localToday, SeedDateError, SeedExistsError} from './new-seed/create-seed.js'
import {packageRoot, type BuildOptions} from './options.js'
import {FolderError} from './check-folders.js'
import {BusyError} from './lock-file.js'
import {ContentError} from './problems/content-error.js'
import {formatProblems} from './problems/format-problems.js'
import {ProblemLog} from './problems/problem-log.js'
import {countNoun} from './text/count-noun.js'

/** Exit codes, for scripts and CI. */
export const exitCodes = {
  ok: 0,
  /** Bad input: nothing was written. */
  contentErrors: 1,
  /** Wrong command-line usage. */
  usage: 2,
  /** `--skip-invalid`: the site was written without the seeds listed. */
  skipped: 3,
  /** Another build holds the output folder or the build cache, or the output folder cannot be written. */
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
  'no-cache': {type: 'boolean', default: false},
  'cache-dir': {type: 'string'},
  'no-search': {type: 'boolean', default: false},
  json: {type: 'boolean', default: false},
  quiet: {type: 'boolean', short: 'q', default: false},
  help: {type: 'boolean', short: 'h', default: false},
} as const satisfies ParseArgsConfig['options']

/** The dev server's default output folder: never `dist/`, so a site built with local URLs is not deployed by mistake. */
const devOutDir = path.join('.cache', 'news-archive', 'dev-site')

const devFlags = {
  seeds: {type: 'string', default: 'seeds'},
  out: {type: 'string', default: devOutDir},
  config: {type: 'string'},
  port: {type: 'string', short: 'p', default: '8080'},
  host: {type: 'string', default: 'localhost'},
  drafts: {type: 'boolean', default: false},
  'no-search': {type: 'boolean', default: false},
  'cache-dir': {type: 'string'},
  help: {type: 'boolean', short: 'h', default: false},
} as const satisfies ParseArgsConfig['options']

const newFlags = {
  title: {type: 'string'},
  date: {type: 'string'},
  seeds: {type: 'string', default: 'seeds'},
  help: {type: 'boolean', short: 'h', default: false},
} as const satisfies ParseArgsConfig['options']

const mainHelp = `news-archive ${version}: a static site generator for news archives

Usage: news-archive <command> [options]

Commands:
  build     Build the site from the seeds folder into the output folder (the default)
  check     Check every seed and report problems; write nothing
  dev       Build, serve the site on http://localhost:8080, and rebuild and reload on every change
  new       Create a new seed file for today (or --date) and print its path

Run \`news-archive <command> --help\` for a command's options.
  --version  Print the version
  --help     Print this help`

const buildHelp = (command: 'build' | 'check'): string => `Usage: news-archive ${command} [options]

${command === 'build' ? 'Build the site: read every seed, check it, and write the site. Nothing is\nwritten when a seed has an error; the last good site stays in place.\nBuilds are incremental: only new or changed seeds are read again and only\npages whose content changed are written (see --no-cache).' : 'Check every seed and report every problem with its file and line. Writes nothing.'}

Options:
  --seeds DIR       Folder of seed files (.txt, .md)                 [default: seeds]
${command === 'build' ? '  --out DIR         Output folder, replaced whole on success          [default: dist]\n' : ''}  --config FILE     Config file                     [default: news-archive.config.json if present]
  --base-url URL    Absolute URL the site is served from (wins over the config)
  --drafts          Publish articles marked \`draft: true\` too
${command === 'build' ? '  --skip-invalid    Publish the valid seeds even when others have errors (exit code 3)\n' : ''}  --no-cache        Ignore the build cache: read every seed and render every page
  --cache-dir DIR   Build cache folder                     [default: .cache/news-archive]
${command === 'build' ? '  --no-search       Do not build the search index (the search page will not work)\n' : ''}  --json            Print what the build did as JSON on standard output
  -q, --quiet       Print only problems
  -h, --help        Print this help

Exit codes: 0 built, 1 bad input (nothing written), 2 wrong usage,${command === 'build' ? ' 3 built without\nthe invalid seeds (--skip-invalid), 4 another build holds the output folder or the\ncache, or the output folder cannot be written.' : ' 4 another build holds the cache.'}`

const devHelp = `Usage: news-archive dev [options]

Build the site, serve it on http://localhost:8080, and watch the seeds,
templates, public/ and the config: every change rebuilds what it affects and
reloads the open pages. A seed with an error is shown in the terminal and in
the browser; fix it and the page comes back. Stop with Ctrl-C.

The dev site is built with its own local URLs into ${devOutDir}/, never
into dist/, so it cannot be deployed by mistake.

Options:
  --seeds DIR       Folder of seed files (.txt, .md)                 [default: seeds]
  --out DIR         Where the dev site is built           [default: ${devOutDir}]
  --config FILE     Config file                     [default: news-archive.config.json if present]
  -p, --port PORT   Port to serve on                                 [default: 8080]
  --host HOST       Address to listen on                        [default: localhost]
  --drafts          Show articles marked \`draft: true\` too
  --no-search       Do not build the search index (by default it is brought up to date after each change is shown)
  --cache-dir DIR   Build cache folder                     [default: .cache/news-archive]
  -h, --help        Print this help`

const newHelp = `Usage: news-archive new --title TITLE [--date YYYY-MM-DD] [options]

Create a seed file with front matter for a new article, named so that seeds
sort by date (seeds/2024-11-18-budget-passes.md), and print its path. It never
overwrites a file: a second article with the same title and date gets -2.

Options:
  --title TITLE     The headline (required)
  --date DATE       The article's date, YYYY-MM-DD          [default: today, local time]
  --seeds DIR       Folder of seed files                             [default: seeds]
  -h, --help        Print this help`

/** Run the command line; returns the exit code. The only place that prints. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first] = argv
  if (first === '--version' || first === '-v') return print(version)
  if (first === '--help' || first === '-h' || first === 'help') return print(mainHelp)
  const command = first === undefined || first.startsWith('-') ? 'build' : first
  const rest = first === undefined || first.startsWith('-') ? argv : argv.slice(1)
  if (command === 'build' || command === 'check') return buildCommand(command, rest)
  if (command === 'dev') return devCommand(rest)
  if (command === 'new') return newCommand(rest)
  return usage(`unknown command "${command}"`)
}

async function buildCommand(command: 'build' | 'check', args: readonly string[]): Promise<number> {
  const parsed = parse(args, buildFlags)
  if (typeof parsed === 'number') return parsed
  const values = parsed
  if (values.help) return print(buildHelp(command))
  const terminal = process.stderr.isTTY && !values.quiet && !values.json
  const options: BuildOptions = {
    cwd: process.cwd(),
    seedsDir: values.seeds,
    outDir: values.out,
    ...(values.config === undefined ? {} : {configFile: values.config}),
    ...(values['base-url'] === undefined ? {} : {baseUrl: values['base-url']}),
    check: command === 'check',
    drafts: values.drafts,
    skipInvalid: values['skip-invalid'],
    cache: !values['no-cache'],
    ...(values['cache-dir'] === undefined ? {} : {cacheDir: values['cache-dir']}),
    search: !values['no-search'],
    ...(terminal ? {onProgress: progress} : {}),
  }
  // Note: loaded here, so `new`, `--help` and `--version` answer without loading the build pipeline;
  // before the clock starts, as when it was loaded with the command line.
  const {build} = await import('./build.js')
  const started = performance.now()
  let result: BuildResult
  try {
    result = await build(options)
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${formatProblems([error.problem])}\n`)
      return exitCodes.contentErrors
    }
    if (error instanceof FolderError) return usage(error.message)
    if (error instanceof BusyError) {
      process.stderr.write(`${error.message}.\n${command === 'check' ? 'Nothing was checked.' : 'Nothing was written; the last complete site is unchanged.'}\n`)
      return exitCodes.output
    }
    if (isOutputFault(error)) {
      process.stderr.write(`${values.out}: the site could not be written: ${describeFault(error)}\nThe last complete site is unchanged.\n`)
      return exitCodes.output
    }
    throw error
  } finally {
    if (terminal) process.stderr.write('\r\x1b[K')
  }
  const seconds = (performance.now() - started) / 1000
  if (result.problems.length > 0) process.stderr.write(`${formatProblems(result.problems)}\n`)
  if (values.json) process.stdout.write(`${JSON.stringify(summary(result, seconds))}\n`)
  const failed = result.problems.some((item) => item.severity === 'error')
  if (command === 'check') {
    if (!values.quiet && !values.json) process.stdout.write(`Checked ${countNoun(result.articles, 'article')} in ${seconds.toFixed(2)} s${failed ? '' : ': no errors'}.\n`)
    return failed ? exitCodes.contentErrors : exitCodes.ok
  }
  if (!result.wrote) {
    process.stderr.write(`Nothing was written: fix the errors above and build again. ${values.out}/ is unchanged.\n`)
    return exitCodes.contentErrors
  }
  if (!values.quiet && !values.json) process.stdout.write(`${describeBuild(result, values.out)} in ${seconds.toFixed(2)} s.\n`)
  if (result.skipped.length > 0) {
    process.stderr.write(`Skipped ${countNoun(result.skipped.length, 'invalid seed')}:\n${result.skipped.map((file) => `  ${file}`).join('\n')}\n`)
    return exitCodes.skipped
  }
  return exitCodes.ok
}

/** One line on what a build wrote, for people. */
export function describeBuild(result: BuildResult, outDir: string): string {
  const changes = result.unchanged > 0 || result.removed > 0 ? `, ${result.unchanged} unchanged, ${result.removed} removed` : ''
  return `Built ${countNoun(result.articles, 'article')} (${countNoun(result.pages, 'page')}): ${countNoun(result.written, 'file')} written (${(result.bytes / 1e6).toFixed(1)} MB)${changes} in ${outDir}/`
}

/** What `--json` prints: the build's figures, without the problems (they go to standard error). */
function summary(result: BuildResult, seconds: number): object {
  const {problems, skipped, ...figures} = result
  return {...figures, errors: problems.filter((item) => item.severity === 'error').length, warnings: problems.filter((item) => item.severity !== 'error').length, skipped: skipped.length, seconds}
}

async function devCommand(args: readonly string[]): Promise<number> {
  const values = parse(args, devFlags)
  if (typeof values === 'number') return values
  if (values.help) return print(devHelp)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be a port number from 0 to 65535, not "${values.port}"`)
  // Note: loaded here, so `build` does not load the dev server's static server and file watcher.
  const {startDevServer} = await import('./dev/dev-server.js')
  let server
  try {
    server = await startDevServer({
      cwd: process.cwd(),
      seedsDir: values.seeds,
      outDir: values.out,
      ...(values.config === undefined ? {} : {configFile: values.config}),
      ...(values['cache-dir'] === undefined ? {} : {cacheDir: values['cache-dir']}),
      drafts: values.drafts,
      search: !values['no-search'],
      port,
      host: values.host,
      onEvent: devReporter(),
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      process.stderr.write(`Port ${port} is in use: stop what is using it, or pick another with --port.\n`)
      return exitCodes.output
    }
    throw error
  }
  process.stdout.write(`Serving ${values.out}/ on ${server.url} (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await server.close()
  return exitCodes.ok
}

/**
 * What the dev server tells the terminal. Each build's problems are reported
 * through one `ProblemLog`, so warnings that the last build reported too are
 * counted, not listed again.
 */
function devReporter(): (event: DevEvent) => void {
  const log = new ProblemLog()
  return (event) => {
    if (event.kind === 'built') {
      const {result} = event
      const report = log.report(result.problems)
      if (report) process.stderr.write(`${report}\n`)
      process.stdout.write(`Built ${countNoun(result.articles, 'article')} in ${(event.milliseconds / 1000).toFixed(2)} s (live after ${(event.liveMilliseconds / 1000).toFixed(2)} s): ${countNoun(result.processed, 'seed')} read, ${result.rendered} of ${countNoun(result.pages, 'page')} rendered, ${countNoun(result.written, 'file')} written, ${result.removed} removed.${result.searchStale ? ' Updating the search index…' : ''}\n`)
    } else if (event.kind === 'indexed') {
      process.stdout.write(`Search index up to date (${(event.milliseconds / 1000).toFixed(2)} s).\n`)
    } else if (event.kind === 'prepared') {
      process.stdout.write(`Ready for changes: the next build starts from a copy of this site, made in ${(event.milliseconds / 1000).toFixed(2)} s.\n`)
    } else if (event.kind === 'failed') {
      // Note: a bug reports no problems, so the build after it lists every warning again.
      if (event.stack !== undefined) log.forget()
      process.stderr.write(`${event.stack ?? log.report(event.problems)}\nThe browser shows these problems until they are fixed; the server keeps running.\n`)
    } else {
      process.stdout.write(`${event.message}\n`)
    }
  }
}

async function newCommand(args: readonly string[]): Promise<number> {
  const values = parse(args, newFlags)
  if (typeof values === 'number') return values
  if (values.help) return print(newHelp)
  if (values.title === undefined || values.title.trim() === '') return usage('`new` needs a --title, for example: news-archive new --title "Budget passes"')
  try {
    const file = await createSeed({cwd: process.cwd(), seedsDir: values.seeds, title: values.title, date: values.date ?? localToday()})
    return print(file)
  } catch (error) {
    if (error instanceof SeedExistsError || error instanceof SeedDateError) {
      process.stderr.write(`news-archive: ${error.message}\n`)
      return exitCodes.usage
    }
    throw error
  }
}

function parse<T extends ParseArgsConfig['options']>(args: readonly string[], options: T): ReturnType<typeof parseArgs<{options: T; args: string[]; allowPositionals: false; strict: true}>>['values'] | number {
  try {
    return parseArgs({args: [...args], options, allowPositionals: false, strict: true}).values
  } catch (error) {
    return usage((error as Error).message)
  }
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
