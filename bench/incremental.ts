/**
 * Benchmark of cold and incremental builds on the Reuters corpus expanded to
 * the sizes asked for: for each size, the cold build (empty cache, no output)
 * and "add one seed, rebuild", each run in its own process through the
 * command line, with wall time, articles per second, pages rendered, files
 * and bytes written, the search index's share, and peak memory.
 *
 *   npm run bench -- --sizes 1000,10000 --runs 3 [--dev-adds 7] [--work DIR] [--no-search] [--peers "hugo eleventy"]
 *
 * With `--peers`, it then times the same sizes beside the peers named, in one
 * run of `bench/peers.ts` (cold builds with the search index, the ratios
 * ours/peer of that run, and the physical floor).
 *
 * Seeds and sites go to --work (default: a folder in the system's temporary
 * folder), never into the repository. Each build starts after `sync`, once
 * the disk has written back the files of the build before, and once creating
 * files costs what it usually does (`settleDisk`). Nothing is deleted while
 * builds are timed: old sites and caches are renamed into a trash folder,
 * removed at the end (it holds every cold site and cache of a size until
 * then: about 3.4 GB per cold build at 100,000, site and cache).
 *
 * Then `news-archive dev` (without the search index) runs on the same seeds
 * and cache, and a new seed is added `--dev-adds` + 1 times while it runs, as an
 * editor's server does: each build as the server times it, both when the
 * change went live (open pages told to reload) and when the build was done
 * (it then records the new site for the next one). After its first
 * build, into an empty folder, the server makes the site's back buffer while
 * it waits for changes; the first seed is added once that is done, and its
 * build is still reported on its own. Note: more adds than cold builds, since
 * adds of the same code at 100,000 articles spread over 1.2-2.5 s, with and
 * without a full collection of the heap among them (BENCHMARKS.md).
 */
import {spawn, spawnSync} from 'node:child_process'
import {createInterface} from 'node:readline'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, unlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {corpusDir, readCorpus, repoRoot} from '../test/helpers/corpus.js'
import {outputTarget} from '../src/write/output-target.js'
import {settleDisk} from './settle-disk.js'

/** One build of the dev server, as its `Built … in X s (live after Y s): …` line tells it. */
interface DevBuild {
  readonly seconds: number
  /** When the change went live and open pages were told to reload; the build then records the new site. */
  readonly liveSeconds: number
  readonly rendered: number
  readonly pages: number
}

const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '10000,100000'},
    runs: {type: 'string', default: '3'},
    'dev-adds': {type: 'string', default: '7'},
    work: {type: 'string', default: path.join(tmpdir(), 'news-archive-bench')},
    'no-search': {type: 'boolean', default: false},
    peers: {type: 'string'},
    help: {type: 'boolean', short: 'h', default: false},
  },
})
if (values.help) {
  process.stdout.write('Usage: npm run bench -- [--sizes 10000,100000] [--runs 3] [--dev-adds 7] [--work DIR] [--no-search] [--peers "hugo eleventy"]\n')
  process.exit(0)
}
const sizes = values.sizes.split(',').map((size) => Number(size.trim()))
const runs = Number(values.runs)
const devAdds = Number(values['dev-adds'])
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || [runs, devAdds].some((count) => !Number.isInteger(count) || count < 1)) {
  process.stderr.write('bench: --sizes takes whole numbers separated by commas, --runs and --dev-adds a whole number\n')
  process.exit(2)
}
const work = path.resolve(values.work)
/** Where old sites, caches and disk probes go until the timings are done. */
const trash = path.join(work, 'trash')
const corpusFile = path.join(corpusDir, 'reuters-21578.jsonl.gz')
const corpusSize = 19_043

/** What one measured build reported, plus what the parent measured. */
interface Run {
  readonly seconds: number
  readonly peakRssMb: number
  readonly articles: number
  readonly processed: number
  readonly pages: number
  readonly rendered: number
  readonly written: number
  readonly bytes: number
  readonly unchanged: number
  readonly searchIndexed: boolean
  readonly base: string
  readonly timings: Record<string, number>
}

/** Seeds folder with exactly `size` corpus seeds (copies shifted by ten years each past 19,043). */
async function seedsFor(size: number): Promise<string> {
  const dir = path.join(work, `seeds-${size}`)
  if (existsSync(dir) && (await readdir(dir)).length === size) return dir
  await rm(dir, {recursive: true, force: true})
  const copies = Math.ceil(size / corpusSize)
  const limit = Math.ceil(size / copies)
  const expand = spawnSync(process.execPath, [path.join(corpusDir, 'expand.mjs'), corpusFile, dir, '--limit', String(limit), '--copies', String(copies)], {encoding: 'utf8'})
  if (expand.status !== 0) throw new Error(`expand.mjs failed: ${expand.stderr}`)
  const names = (await readdir(dir)).sort()
  for (const name of names.slice(size)) await unlink(path.join(dir, name))
  return dir
}

/** The newest date among the seeds (each starts ` date YYYY-MM-DD `). */
async function newestDate(dir: string): Promise<string> {
  let newest = ''
  for (const name of await readdir(dir)) {
    const head = (await readFile(path.join(dir, name), 'utf8')).slice(0, 17)
    const date = /^ date (\d{4}-\d{2}-\d{2})/.exec(head)?.[1]
    if (date && date > newest) newest = date
  }
  return newest
}

/**
 * Before a timed build: the disk first writes back what the last build left
 * in the page cache (gigabytes after a cold build at 100,000), so that the
 * build measured next is not charged for it, and creating files costs what
 * it usually does again (`settleDisk`).
 */
async function quietDisk(): Promise<void> {
  spawnSync('sync')
  await settleDisk(trash)
  spawnSync('sync')
}

/** Run one build in its own process and collect its figures. */
async function measure(seeds: string, out: string, cacheDir: string): Promise<Run> {
  const rssFile = path.join(work, `rss-${process.pid}.txt`)
  await rm(rssFile, {force: true})
  await quietDisk()
  const args = ['--import', path.join(repoRoot, 'bench/peak-rss.mjs'), path.join(repoRoot, 'bin/news-archive.js'), 'build', '--seeds', seeds, '--out', out, '--cache-dir', cacheDir, '--json', '--quiet', ...(values['no-search'] ? ['--no-search'] : [])]
  const started = performance.now()
  const child = spawn(process.execPath, args, {cwd: work, env: {...process.env, NEWS_ARCHIVE_BENCH_RSS_FILE: rssFile}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk.slice(-2000)))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const seconds = (performance.now() - started) / 1000
  if (code !== 0) throw new Error(`the build exited with ${code}:\n${stderr.slice(-2000)}`)
  const figures = JSON.parse(stdout.trim().split('\n').at(-1) as string) as Omit<Run, 'seconds' | 'peakRssMb'>
  const peakRssMb = Number(await readFile(rssFile, 'utf8')) / 1024
  return {...figures, seconds, peakRssMb}
}

/**
 * Run `news-archive dev` on `seeds` until it has built, then add `devAdds` + 1
 * new seeds one at a time, each once the last build is done, its old trees
 * deleted and the disk settled; the server's build of each.
 */
async function measureDev(seeds: string, out: string, cacheDir: string, newest: string, stories: readonly {text: string}[]): Promise<{builds: DevBuild[]; prepared?: number}> {
  const args = [path.join(repoRoot, 'bin/news-archive.js'), 'dev', '--seeds', seeds, '--out', out, '--cache-dir', cacheDir, '--no-search', '--port', '0']
  const child = spawn(process.execPath, args, {cwd: work, stdio: ['ignore', 'pipe', 'pipe']})
  const builds: DevBuild[] = []
  /** Seconds the server took to make its back buffer after its first build, as its `Ready for changes` line says. */
  let prepared: number | undefined
  let stderr = ''
  let exited = false
  let failed = false
  let wake = (): void => undefined
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
    // Note: a failed build prints its problems and this; the server keeps running, and would wait for a fix.
    if (stderr.includes('the server keeps running')) failed = true
    wake()
  })
  createInterface({input: child.stdout}).on('line', (line) => {
    const built = /^Built .* in ([\d.]+) s \(live after ([\d.]+) s\): .*?(\d+) of (\d+) pages? rendered/.exec(line)
    if (built) builds.push({seconds: Number(built[1]), liveSeconds: Number(built[2]), rendered: Number(built[3]), pages: Number(built[4])})
    const ready = /^Ready for changes: .* made in ([\d.]+) s/.exec(line)
    if (ready) prepared ??= Number(ready[1])
    wake()
  })
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  void exit.then(() => {
    exited = true
    wake()
  })
  const builtTimes = async (count: number): Promise<void> => {
    while (builds.length < count && !exited && !failed) await new Promise<void>((resolve) => (wake = resolve))
    if (builds.length < count) throw new Error(`the dev server's build ${count} ${failed ? 'failed' : 'did not happen: the server stopped'}:\n${stderr}`)
  }
  try {
    await builtTimes(1)
    for (let run = 0; run <= devAdds; run++) {
      await backBufferReady(out, () => exited)
      await oldTreesDeleted(out)
      await quietDisk()
      const story = stories[run] as {text: string}
      // Note: new text (not the seeds the builds above added), with the archive's newest date.
      await writeFile(path.join(seeds, `zz-bench-dev-added-${run}.txt`), story.text.replace(/^ date \d{4}-\d{2}-\d{2}/, ` date ${newest} Update:`))
      await builtTimes(run + 2)
    }
    return {builds: builds.slice(1), ...(prepared === undefined ? {} : {prepared})}
  } finally {
    child.kill('SIGINT')
    await exit
  }
}

/**
 * Wait until the dev server's site `out` has its back buffer and no build or
 * other work holds it: after a first build into an empty folder, the server
 * makes one while it waits for changes, and a change that came in sooner
 * would wait for it without the wait showing in the build's time.
 */
async function backBufferReady(out: string, stopped: () => boolean): Promise<void> {
  const {previousDir, lockFile} = outputTarget(out)
  const started = Date.now()
  while (!existsSync(previousDir) || existsSync(lockFile)) {
    if (stopped()) throw new Error('the dev server stopped before its site had a back buffer')
    // Note: one that could not be made leaves the first change to start from a copy; the bench goes on.
    if (Date.now() - started > 600_000) {
      process.stderr.write(`no back buffer beside ${out} after 10 minutes\n`)
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Wait until the old site trees the dev server moved aside beside `out` are
 * deleted (in processes of their own, once each build is done), so that no
 * build is timed while one is being deleted.
 */
async function oldTreesDeleted(out: string): Promise<void> {
  const names = [path.basename(out), `.${path.basename(out)}`]
  const started = Date.now()
  for (;;) {
    const left = (await readdir(path.dirname(out))).filter((name) => name.includes('.trash-') && names.some((prefix) => name.startsWith(prefix)))
    if (left.length === 0) return
    // Note: a deletion that failed leaves its folder for the server's next build to delete; the bench goes on.
    if (Date.now() - started > 600_000) {
      process.stderr.write(`old site trees still there after 10 minutes: ${left.join(', ')}\n`)
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Rename `dir` (if there) into the trash folder: deleting it now would slow the next build's file creation. */
async function moveToTrash(dir: string): Promise<void> {
  await rename(dir, path.join(trash, `${path.basename(dir)}-${Date.now().toString(36)}`)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  })
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const fixed = (value: number, digits = 2): string => value.toFixed(digits)

function describe(label: string, list: readonly Run[]): string {
  const pick = (get: (run: Run) => number): number => median(list.map(get))
  return `| ${label} | ${list.map((run) => fixed(run.seconds)).join(' / ')} | ${fixed(pick((run) => run.seconds))} | ${fixed(pick((run) => run.articles / run.seconds), 0)} | ${fixed(pick((run) => run.processed), 0)} | ${fixed(pick((run) => run.rendered), 0)} of ${fixed(pick((run) => run.pages), 0)} | ${fixed(pick((run) => run.written), 0)} | ${fixed(pick((run) => run.bytes / 1e6), 1)} | ${fixed(pick((run) => (run.timings['search'] ?? 0) / 1000))} | ${fixed(pick((run) => run.peakRssMb), 0)} |`
}

async function main(): Promise<void> {
  await mkdir(trash, {recursive: true})
  const stories = readCorpus(Math.max(runs, devAdds) + 1)
  const rows: string[] = []
  const ratios: string[] = []
  const detail: Record<string, unknown> = {}
  for (const size of sizes) {
    const seeds = await seedsFor(size)
    const out = path.join(work, `site-${size}`)
    const cacheDir = path.join(work, `cache-${size}`)
    const newest = await newestDate(seeds)
    process.stderr.write(`${size} seeds (newest ${newest})\n`)
    const cold: Run[] = []
    for (let run = 0; run < runs; run++) {
      for (const dir of [out, cacheDir, path.join(work, `.site-${size}.previous`), path.join(work, `.site-${size}.staging`)]) await moveToTrash(dir)
      cold.push(await measure(seeds, out, cacheDir))
      process.stderr.write(`  cold build ${run + 1}: ${fixed((cold.at(-1) as Run).seconds)} s\n`)
    }
    const unchanged = await measure(seeds, out, cacheDir)
    process.stderr.write(`  rebuild, nothing changed: ${fixed(unchanged.seconds)} s\n`)
    const added: Run[] = []
    for (let run = 0; run < runs; run++) {
      const story = stories[run] as {text: string}
      // Note: the newest article of the archive, as an editor adds today's story.
      await writeFile(path.join(seeds, `zz-bench-added-${run}.txt`), story.text.replace(/^ date \d{4}-\d{2}-\d{2}/, ` date ${newest}`))
      added.push(await measure(seeds, out, cacheDir))
      process.stderr.write(`  add one seed ${run + 1}: ${fixed((added.at(-1) as Run).seconds)} s\n`)
    }
    const {builds: devBuilds, prepared} = await measureDev(seeds, path.join(work, `dev-site-${size}`), cacheDir, newest, stories)
    const [first, ...dev] = devBuilds
    process.stderr.write(`  dev server, add one seed: ${fixed((first as DevBuild).seconds)} s (first), ${dev.map((build) => fixed(build.seconds)).join(', ')} s; live after ${dev.map((build) => fixed(build.liveSeconds)).join(', ')} s\n`)
    for (const name of await readdir(seeds)) if (name.startsWith('zz-bench-')) await rm(path.join(seeds, name), {force: true})
    rows.push(describe(`${size}: cold build`, cold), describe(`${size}: nothing changed`, [unchanged]), describe(`${size}: add one seed`, added))
    const coldMedian = median(cold.map((run) => run.seconds))
    const addedMedian = median(added.map((run) => run.seconds))
    const devMedian = median(dev.map((build) => build.seconds))
    const devLiveMedian = median(dev.map((build) => build.liveSeconds))
    ratios.push(
      `| ${size} | ${fixed(coldMedian)} | ${fixed(addedMedian)} | ${fixed((addedMedian / coldMedian) * 100, 1)} % | ${dev.map((build) => fixed(build.seconds)).join(' / ')} | ${fixed(devMedian)} | ${fixed((devMedian / coldMedian) * 100, 1)} % | ${fixed(devLiveMedian)} | ${fixed((devLiveMedian / coldMedian) * 100, 1)} % | ${fixed((first as DevBuild).seconds)} | ${prepared === undefined ? '-' : fixed(prepared)} |`,
    )
    detail[String(size)] = {cold, unchanged, added, devFirst: first, dev, devBackBufferSeconds: prepared ?? null}
  }
  const report = [
    '| build | wall time per run (s) | median (s) | articles/s | seeds parsed | pages rendered | files written | MB written | search index (s) | peak RSS (MB) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    '| articles | cold build (s) | add one seed (s) | add one / cold | dev server: add one seed (s) | median (s) | dev / cold | dev: live after, median (s) | live / cold | dev server: first change (s) | dev server: back buffer, made while idle (s) |',
    '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ratios,
  ].join('\n')
  process.stdout.write(`${report}\n`)
  await writeFile(path.join(work, 'bench-incremental.json'), JSON.stringify(detail, null, 2))
  process.stderr.write(`Every run's figures: ${path.join(work, 'bench-incremental.json')}\n`)
  try {
    if (values.peers !== undefined) comparePeers(values.peers)
  } finally {
    // Note: after the peers too, whose timings the deletion would slow.
    await rm(trash, {recursive: true, force: true})
  }
}

/** Cold builds of `sizes` beside `peers`, timed in one run by `bench/peers.ts`, which prints its own tables. */
function comparePeers(peers: string): void {
  const args = ['--import', 'tsx', path.join(repoRoot, 'bench', 'peers.ts'), '--peers', peers, '--reps', String(runs), ...sizes.map(String)]
  const result = spawnSync(process.execPath, args, {stdio: 'inherit', cwd: repoRoot})
  if (result.status !== 0) throw new Error(`bench/peers.ts failed (exit code ${result.status})`)
}

await main()
