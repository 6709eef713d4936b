/**
 * Cold builds of news-archive side by side with Hugo and Eleventy on the same
 * corpus articles, in one run, timed the way the shared peer harness times the
 * peers (`../shared/bench/peers`, see its README).
 *
 *   npx tsc -p tsconfig.json && node --import tsx bench/peers.ts 1000 10000
 *   node --import tsx bench/peers.ts --no-peers 100000     # ours and the floor only
 *
 * For each N it runs the harness's `run.sh N` (which makes the seeds, converts
 * and times the peers and the physical floor), then times our cold build of
 * the very same seed folder, with the search index and again without it (the
 * rows labelled `--no-search`, which the goals against the peers compare, as no
 * peer builds an index): empty output folder, empty cache, `nice -10` as
 * root, after waiting for file creation to settle and for an idle machine,
 * repeated when other processes used the CPU meanwhile, under `/usr/bin/time`. Our rows go into the harness's
 * `results.tsv` under the same run id, so `report.mjs` prints one table; then
 * come our extra figures (articles/s, pages, bytes, search indexing, stages)
 * and the ratios to the peers and the floor of the same run.
 *
 * When Hugo is among the peers, our generator also builds the site the
 * harness has Hugo build, from the Markdown the harness converts for Hugo and
 * with as small a theme (see `equivalent-site.ts`), without the search index:
 * the rows labelled `--equivalent-site`.
 *
 * Options: `--peers "hugo eleventy"` (default), `--no-peers`, `--no-equivalent`, `--reps 3`,
 * `--keep` (keep seeds and outputs), `--label NAME` (our rows' label, default
 * `news-archive`, to compare variants), `--run ID` (time ours again on the seeds
 * of a run kept with `--keep`, e.g. after a change; say so when quoting it). Environment: `NEWS_ARCHIVE_BENCH_TMP`
 * (scratch folder, default `<tmp>/news-archive-bench`),
 * `NEWS_ARCHIVE_PEERS_HARNESS` (default `../shared/bench/peers` beside the repository).
 */
import {spawn, execFileSync} from 'node:child_process'
import {appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {equivalentProject, makeEquivalentSeeds} from './equivalent-site.js'
import {settleDisk} from './settle-disk.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** The shared peer harness (`run.sh`, `convert.mjs`, `floor.mjs`). */
export const harness = process.env['NEWS_ARCHIVE_PEERS_HARNESS'] ?? path.resolve(repoRoot, '../shared/bench/peers')
const corpus = path.resolve(harness, '../../corpus/reuters-21578.jsonl.gz')
const scratch = process.env['NEWS_ARCHIVE_BENCH_TMP'] ?? path.join(tmpdir(), 'news-archive-bench')
const results = path.join(scratch, 'results.tsv')
const columns = ['run', 'date', 'N', 'peer', 'rep', 'rc', 'wall_s', 'user_s', 'sys_s', 'maxrss_kb', 'html', 'files', 'bytes', 'expected_html', 'foreign_cpu_s', 'attempt'] as const
type Row = Record<(typeof columns)[number], string>

/** The label of our rows in `results.tsv` and the table. */
export const ours = 'news-archive'
const floorLabel = 'floor:node read+write'
/** Added to our label for the builds without the search index (`--no-search`). */
const noSearchSuffix = '--no-search'
/** Added to our label for the builds of the harness's Hugo site (`equivalent-site.ts`). */
const equivalentSuffix = '--equivalent-site'
/** Timings repeated at most this many more times when other work disturbed them (`BENCH_RETRIES`, as `run.sh`). */
const retries = Number(process.env['BENCH_RETRIES'] ?? 3)
/** Other processes may use at most this many CPU-seconds per wall second of a timing (as `run.sh`). */
const foreignMax = 0.1
const nice = process.getuid?.() === 0 ? -10 : 0

/** What our build reports about itself, printed by the driver below. */
interface BuildReport {
  readonly articles: number
  readonly pages: number
  readonly written: number
  readonly bytes: number
  readonly timings: Record<string, number>
}

/** Runs one cold build in a process of its own and prints its result as JSON. */
const driver = `
const [lib, cwd, seedsDir, outDir, cacheDir, searchMode] = process.argv.slice(2)
const {build} = await import(lib)
// Note: as the command line does.
const {limitHeapGrowth} = await import(new URL('heap-growth.js', lib).href)
limitHeapGrowth()
const {limitInlining} = await import(new URL('inlining-budget.js', lib).href)
limitInlining()
const result = await build({cwd, seedsDir, outDir, cacheDir, cache: true, check: false, drafts: false, skipInvalid: false, search: searchMode !== 'no-search'})
if (!result.wrote) { console.error(JSON.stringify(result.problems.slice(0, 5))); process.exit(1) }
console.log(JSON.stringify({articles: result.articles, pages: result.pages, written: result.written, bytes: result.bytes, timings: result.timings}))
// Note: Pagefind's process is told to stop as the build ends, but nothing waits for it; exiting first would leave
// its CPU time out of this process's (what time(1) reports), and counted as another process's, which marks the timing
// as disturbed. So wait (at most 5 s) until it is gone and reaped.
const {readFileSync, readdirSync} = await import('node:fs')
// Note: a thread may end between the listing and the read, and a kernel may not say; either way, do not wait for it.
const childrenOf = (task) => { try { return readFileSync('/proc/self/task/' + task + '/children', 'utf8').trim() } catch { return '' } }
const children = () => { try { return readdirSync('/proc/self/task').some((task) => childrenOf(task) !== '') } catch { return false } }
for (const until = Date.now() + 5000; children() && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 10))`

/** CPU time the whole machine spent busy so far, in clock ticks (`/proc/stat`). */
function busyTicks(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number)
  return [0, 1, 2, 5, 6, 7].reduce((sum, index) => sum + (fields[index] ?? 0), 0)
}
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim())
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Wait (at most 30 s) until the machine used under 5% of a CPU for two seconds in a row, as `run.sh`. */
async function waitQuiet(): Promise<void> {
  let quiet = 0
  for (let second = 0; second < 30 && quiet < 2; second++) {
    const before = busyTicks()
    await sleep(1000)
    quiet = busyTicks() - before <= ticksPerSecond / 20 ? quiet + 1 : 0
  }
}

/** Run a command, passing its stderr through; resolves with its exit code and output. */
function run(command: string, args: readonly string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd ?? repoRoot, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()))
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString()
      process.stderr.write(data)
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({code: code ?? 1, stdout, stderr}))
  })
}

/** Time one command under `/usr/bin/time`; the CPU used by everything else meanwhile is `foreign`. */
async function timed(command: readonly string[], cwd: string): Promise<{rc: number; wall: number; user: number; sys: number; rssKb: number; foreign: number; stdout: string}> {
  const timeFile = path.join(scratch, `time-${process.pid}.txt`)
  const before = busyTicks()
  const {code, stdout} = await run('nice', ['-n', String(nice), '/usr/bin/time', '-f', '%e %U %S %M', '-o', timeFile, ...command], {cwd})
  const busy = (busyTicks() - before) / ticksPerSecond
  const [wall = 0, user = 0, sys = 0, rssKb = 0] = (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number)
  return {rc: code, wall, user, sys, rssKb, foreign: Math.max(0, busy - user - sys), stdout}
}

/** HTML files, all files and bytes below `dir`. */
function countOutput(dir: string): {html: number; files: number; bytes: number} {
  const count = {html: 0, files: 0, bytes: 0}
  if (!existsSync(dir)) return count
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    count.files++
    if (entry.name.endsWith('.html')) count.html++
    count.bytes += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return count
}

/** Seeds as `run.sh` makes them: the first N corpus articles, or copies of the corpus trimmed to N. */
export function makeSeeds(n: number, dir: string): void {
  const size = 19_043
  const copies = Math.ceil(n / size)
  const limit = Math.ceil(n / copies)
  execFileSync('node', [path.join(path.dirname(corpus), 'expand.mjs'), corpus, dir, '--limit', String(limit), '--copies', String(copies)], {stdio: 'ignore'})
  const last = readdirSync(dir).filter((name) => name.startsWith(`${copies - 1}_`)).sort()
  const extra = readdirSync(dir).length - n
  for (const name of extra > 0 ? last.slice(-extra) : []) rmSync(path.join(dir, name))
}

/**
 * Time `command` `reps` times, each in fresh folders (old ones are renamed
 * away, never deleted while timing), repeating a timing that other work disturbed.
 */
async function measure(input: {run: string; n: number; label: string; reps: number; dir: string; command: (out: string, attempt: string) => string[]; out: (attempt: string) => string}): Promise<Map<string, BuildReport>> {
  /** By `rep.attempt`, as in `results.tsv`. */
  const reports = new Map<string, BuildReport>()
  for (let rep = 1; rep <= input.reps; rep++) {
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      // Note: a fresh name every time, so a folder left by an interrupted run is never a warm cache.
      const name = `${rep}.${attempt}-${Date.now().toString(36)}`
      execFileSync('sync')
      // Note: as run.sh settles before the first build of each peer, and never deletes while timing.
      if (rep === 1 && attempt === 1) await settleDisk(path.join(input.dir, 'disk-probes'))
      await waitQuiet()
      const time = await timed(input.command(input.out(name), name), input.dir)
      const count = countOutput(input.out(name))
      const row: Row = {
        run: input.run, date: new Date().toISOString().slice(0, 19) + 'Z', N: String(input.n), peer: input.label, rep: String(rep), rc: String(time.rc),
        wall_s: time.wall.toFixed(2), user_s: time.user.toFixed(2), sys_s: time.sys.toFixed(2), maxrss_kb: String(time.rssKb),
        html: String(count.html), files: String(count.files), bytes: String(count.bytes), expected_html: '', foreign_cpu_s: time.foreign.toFixed(2), attempt: String(attempt),
      }
      appendFileSync(results, `${columns.map((column) => row[column]).join('\t')}\n`)
      process.stderr.write(`[bench] N=${input.n} ${input.label} #${name}: rc=${time.rc} wall=${time.wall}s cpu=${(time.user + time.sys).toFixed(2)}s rss=${Math.round(time.rssKb / 1024)}MiB html=${count.html} foreign_cpu=${time.foreign.toFixed(2)}s\n`)
      if (time.rc !== 0) throw new Error(`${input.label} failed (exit ${time.rc})`)
      const contended = time.foreign > foreignMax * time.wall && time.foreign > 0.05
      if (input.label !== floorLabel) reports.set(`${rep}.${attempt}`, JSON.parse(time.stdout.trim().split('\n').at(-1) ?? '{}') as BuildReport)
      if (!contended || attempt > retries) break
    }
  }
  return reports
}

/** The rows `report.mjs` would use: per repetition the least disturbed attempt that succeeded. */
function chosenRows(run: string, n: number, peer: string): Row[] {
  const lines = readFileSync(results, 'utf8').trim().split('\n')
  const head = (lines.shift() ?? '').split('\t')
  const rows = lines.map((line) => Object.fromEntries(line.split('\t').map((value, index) => [head[index], value])) as Row)
  const byRep = new Map<string, Row>()
  for (const row of rows.filter((item) => item.run === run && item.N === String(n) && item.peer === peer && item.rc === '0')) {
    const previous = byRep.get(row.rep)
    if (!previous || Number(row.foreign_cpu_s) <= Number(previous.foreign_cpu_s)) byRep.set(row.rep, row)
  }
  return [...byRep.values()]
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const medianWall = (run: string, n: number, peer: string): number | undefined => {
  const rows = chosenRows(run, n, peer)
  return rows.length ? median(rows.map((row) => Number(row.wall_s))) : undefined
}

/** Our figures beyond the shared table, and the ratios to the peers and floor of the same run. */
function summarise(run: string, n: number, allReports: ReadonlyMap<string, BuildReport>, label: string, peers: readonly string[], withSearch: boolean): string {
  const wall = medianWall(run, n, label) ?? NaN
  const rows = chosenRows(run, n, label)
  // Note: the stage times of the same builds the table uses (the least disturbed attempt of each repetition).
  const reports = rows.flatMap((row) => allReports.get(`${row.rep}.${row.attempt}`) ?? [])
  const stage = (name: string): number => median(reports.map((report) => (report.timings[name] ?? 0) / 1000))
  const last = reports.at(-1)
  const lines = [
    `${label}, N = ${n}: median wall ${wall.toFixed(2)} s, ${Math.round((last?.articles ?? n) / wall)} articles/s, ` +
      `peak RSS ${Math.round(Math.max(...rows.map((row) => Number(row.maxrss_kb))) / 1024)} MiB, ` +
      `${last?.pages ?? '?'} pages, ${last?.written ?? '?'} files written, ${((last?.bytes ?? 0) / 1e6).toFixed(1)} MB written`,
    `  stages (median s): ${Object.keys(last?.timings ?? {}).map((name) => `${name} ${stage(name).toFixed(2)}`).join(', ')}`,
  ]
  if (withSearch) lines.push(`  search indexing (Pagefind, included in the wall time): ${stage('search').toFixed(2)} s`)
  for (const peer of [...peers, floorLabel]) {
    const theirs = medianWall(run, n, peer)
    if (theirs !== undefined) lines.push(`  ours / ${peer}: ${(wall / theirs).toFixed(2)}× (${wall.toFixed(2)} s / ${theirs.toFixed(2)} s)`)
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      peers: {type: 'string', default: 'hugo eleventy'},
      'no-peers': {type: 'boolean', default: false},
      'no-equivalent': {type: 'boolean', default: false},
      reps: {type: 'string', default: '3'},
      keep: {type: 'boolean', default: false},
      run: {type: 'string'},
      label: {type: 'string', default: ours},
    },
  })
  const sizes = (positionals.length ? positionals : ['1000', '10000']).map(Number)
  const reps = Number(values.reps)
  const peers = values['no-peers'] ? [] : (values.peers ?? '').split(/\s+/).filter(Boolean)
  const lib = pathToFileURL(path.join(repoRoot, 'lib/build.js')).href
  if (!existsSync(fileURLToPath(lib))) throw new Error('compile first: npx tsc -p tsconfig.json')
  mkdirSync(scratch, {recursive: true})
  if (!existsSync(results)) writeFileSync(results, `${columns.join('\t')}\n`)
  const driverFile = path.join(scratch, 'build-driver.mjs')
  writeFileSync(driverFile, driver)
  const report: string[] = []
  for (const n of sizes) {
    let runId: string
    let dir: string
    if (values.run !== undefined) {
      // Note: re-times our build on the seeds of an earlier run kept with --keep; its peer rows are older than ours.
      runId = values.run
      dir = path.join(scratch, `run-${runId}`, `n${n}`)
    } else if (peers.length) {
      const env = {...process.env, BENCH_PEERS: peers.join(' '), BENCH_KEEP: '1', BENCH_TMP: scratch, BENCH_REPS: String(reps)}
      const harnessRun = await run('bash', [path.join(harness, 'run.sh'), String(n)], {env, cwd: harness})
      // Note: run.sh logs `run <id>: N = ...` first; its seeds stay in run-<id>/n<N>/seeds with BENCH_KEEP=1.
      const id = /\] run (\S+): N = /.exec(harnessRun.stderr)?.[1]
      if (harnessRun.code !== 0 || !id) throw new Error(`the peer harness failed (exit ${harnessRun.code})`)
      runId = id
      dir = path.join(scratch, `run-${id}`, `n${n}`)
    } else {
      runId = `ours-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}-${process.pid}`
      dir = path.join(scratch, `run-${runId}`, `n${n}`)
      mkdirSync(dir, {recursive: true})
      makeSeeds(n, path.join(dir, 'seeds'))
      await measure({run: runId, n, label: floorLabel, reps, dir, out: (name) => path.join(dir, `floor-${name}`), command: (out) => ['node', path.join(harness, 'floor.mjs'), path.join(dir, 'seeds'), out]})
    }
    const seeds = path.join(dir, 'seeds')
    const label = values.label ?? ours
    // Note: timed without the search index too, as its own builds: the goal against the peers leaves the index out
    // (no peer builds one), and a wall time less the index's stage was an estimate (the stage's median is of other builds).
    const summaries: string[] = []
    for (const searchMode of ['search', 'no-search'] as const) {
      const rowLabel = searchMode === 'search' ? label : `${label} ${noSearchSuffix}`
      const reports = await measure({
        run: runId, n, label: rowLabel, reps, dir,
        out: (name) => path.join(dir, `ours-${searchMode}-${name}`, 'dist'),
        command: (out) => ['node', driverFile, lib, dir, seeds, out, path.join(path.dirname(out), 'cache'), searchMode],
      })
      summaries.push(summarise(runId, n, reports, rowLabel, peers, searchMode === 'search'))
    }
    if (peers.includes('hugo') && !values['no-equivalent']) {
      const rowLabel = `${label} ${noSearchSuffix} ${equivalentSuffix}`
      const equivalentSeeds = makeEquivalentSeeds(harness, seeds, path.join(dir, 'equivalent'))
      const reports = await measure({
        run: runId, n, label: rowLabel, reps, dir,
        out: (name) => path.join(dir, `ours-equivalent-${name}`, 'dist'),
        command: (out) => ['node', driverFile, lib, equivalentProject, equivalentSeeds, out, path.join(path.dirname(out), 'cache'), 'no-search'],
      })
      summaries.push(summarise(runId, n, reports, rowLabel, peers, false))
    }
    const table = execFileSync('node', [path.join(harness, 'report.mjs'), results, runId], {encoding: 'utf8'})
    report.push(`### N = ${n} (run ${runId})\n\n${table.trim()}\n\n\`\`\`\n${summaries.join('\n')}\n\`\`\``)
    process.stdout.write(`${report.at(-1)}\n\n`)
    if (!values.keep) renameSync(path.join(scratch, `run-${runId}`), path.join(scratch, `trash-${runId}`))
  }
  if (!values.keep) for (const name of readdirSync(scratch).filter((item) => item.startsWith('trash-'))) rmSync(path.join(scratch, name), {recursive: true, force: true})
  appendFileSync(path.join(scratch, 'report.md'), `${report.join('\n\n')}\n\n`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
