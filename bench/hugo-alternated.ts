/**
 * Hugo and our generator timed in turn, round after round, on the same
 * machine, so that a slow phase of the machine slows both alike:
 *
 *   npx tsc -p tsconfig.json && node --import tsx bench/hugo-alternated.ts [--rounds 12] [--size 10000] [--work DIR] [--generator DIR]
 *
 * Each round builds, in an order that rotates from round to round: Hugo on the
 * site the peer harness converts for it (`hugo --quiet`); ours on the same
 * Markdown with the equivalent theme (`equivalent-site.ts`); ours on its own
 * site from the corpus seeds. Every build is cold (output and cache removed
 * before it, not timed) and without the search index, under `/usr/bin/time`.
 * It prints each generator's median and range and the per-round ratios
 * ours / Hugo, whose median is steadier than a ratio of medians taken minutes
 * apart (`peers.ts`). `--generator` times another checkout's compiled
 * generator (its `bin/` and `lib/`), for before and after. Put `--work` on
 * tmpfs to leave the disk out; the harness's own runs write to disk.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {repoRoot} from '../test/helpers/corpus.js'
import {equivalentProject, makeEquivalentSeeds} from './equivalent-site.js'
import {harness, makeSeeds, median} from './peers.js'

const {values} = parseArgs({
  options: {
    rounds: {type: 'string', default: '12'},
    size: {type: 'string', default: '10000'},
    work: {type: 'string', default: path.join(tmpdir(), 'news-archive-hugo-alternated')},
    generator: {type: 'string', default: repoRoot},
  },
})
const work = path.resolve(values.work)
const cli = path.join(path.resolve(values.generator), 'bin', 'news-archive.js')
if (!existsSync(path.join(path.resolve(values.generator), 'lib', 'cli.js'))) throw new Error('compile first: npx tsc -p tsconfig.json')

/** One build's wall and CPU seconds, from `/usr/bin/time`. */
interface Timing {
  readonly wall: number
  readonly cpu: number
}

function timed(command: readonly string[], cwd: string): Timing {
  const timeFile = path.join(work, 'time.txt')
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, ...command], {cwd, stdio: 'ignore'})
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (exit ${result.status}) in ${cwd}`)
  const [wall = 0, user = 0, sys = 0] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
  return {wall, cpu: user + sys}
}

rmSync(work, {recursive: true, force: true})
mkdirSync(work, {recursive: true})
const seeds = path.join(work, 'seeds')
makeSeeds(Number(values.size), seeds)
const equivalentSeeds = makeEquivalentSeeds(harness, seeds, path.join(work, 'equivalent'))
const hugoSite = path.join(work, 'equivalent', 'site-hugo')
const ownProject = path.join(work, 'own-project')
mkdirSync(ownProject)

/** The three builds, each removing its output (and cache) first. */
const builds = {
  hugo: (): Timing => {
    for (const name of ['public', 'resources', '.hugo_build.lock']) rmSync(path.join(hugoSite, name), {recursive: true, force: true})
    execFileSync('sync')
    return timed(['hugo', '--quiet'], hugoSite)
  },
  equivalent: (): Timing => ours(equivalentProject, equivalentSeeds, 'equivalent-out'),
  own: (): Timing => ours(ownProject, seeds, 'own-out'),
}
type Name = keyof typeof builds

function ours(project: string, seedsDir: string, name: string): Timing {
  const out = path.join(work, name)
  rmSync(out, {recursive: true, force: true})
  rmSync(`${out}-cache`, {recursive: true, force: true})
  execFileSync('sync')
  return timed(['node', cli, 'build', '--seeds', seedsDir, '--out', out, '--cache-dir', `${out}-cache`, '--no-search', '-q'], project)
}

const names = Object.keys(builds) as Name[]
const rounds: Record<Name, Timing>[] = []
for (let round = 0; round < Number(values.rounds); round++) {
  const times = {} as Record<Name, Timing>
  for (let step = 0; step < names.length; step++) {
    const name = names[(round + step) % names.length]!
    times[name] = builds[name]()
  }
  rounds.push(times)
  process.stderr.write(`round ${round + 1}: ${names.map((name) => `${name} ${times[name].wall.toFixed(2)} s`).join(', ')}\n`)
}

const range = (list: readonly number[]): string => `${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)}`
for (const name of names) {
  const walls = rounds.map((times) => times[name].wall)
  const cpus = rounds.map((times) => times[name].cpu)
  process.stdout.write(`${name}: median ${median(walls).toFixed(2)} s (${range(walls)}), CPU median ${median(cpus).toFixed(2)} s\n`)
}
for (const name of ['equivalent', 'own'] as const) {
  const ratios = rounds.map((times) => times[name].wall / times.hugo.wall)
  process.stdout.write(`${name} / hugo, per round: median ${median(ratios).toFixed(3)}× (${range(ratios)}; below 1.0 in ${ratios.filter((ratio) => ratio < 1).length} of ${ratios.length})\n`)
}
rmSync(work, {recursive: true, force: true})
