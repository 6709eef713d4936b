/**
 * Wait for file creation to cost what it usually costs, as the peer harness
 * does before it times a peer (`settle_fs` in its `run.sh`). Note: on ext4
 * with online discard in a VM, creating files within about a minute of
 * deleting or writing many of them costs several times the usual system
 * time; a build timed then measures the disk's state, not the build.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** Longest wait, as `run.sh`. */
const maxWaitMs = 120_000
const probeGapMs = 2000
/**
 * The fastest probe of this process so far. Note: kept across calls, so a
 * disk that stays slow for a whole call is not taken for a settled one.
 */
let best = Infinity

/**
 * Create 1,000 small files (50 folders of 20) under `scratch` every two
 * seconds until three probes in a row are within 50% + 20 ms of the fastest
 * one this process has seen, or two minutes have passed; returns the last
 * probe's milliseconds. The probes are left in `scratch` for the caller to
 * delete after timing.
 */
export async function settleDisk(scratch: string): Promise<number> {
  const started = Date.now()
  const recent: number[] = []
  let last = 0
  for (let probe = 0; Date.now() - started < maxWaitMs; probe++) {
    last = createProbe(path.join(scratch, `probe-${process.pid}-${started.toString(36)}-${probe}`))
    best = Math.min(best, last)
    recent.push(last)
    if (recent.length > 3) recent.shift()
    if (recent.length === 3 && recent.every((ms) => ms <= best * 1.5 + 20)) return last
    await new Promise((resolve) => setTimeout(resolve, probeGapMs))
  }
  process.stderr.write(`file creation did not settle in ${maxWaitMs / 1000} s (last probes: ${recent.join(', ')} ms)\n`)
  return last
}

/** Milliseconds to create 50 folders of 20 files of 2 KB in `dir`. */
function createProbe(dir: string): number {
  const contents = 'x'.repeat(2048)
  const started = performance.now()
  for (let folder = 0; folder < 50; folder++) {
    const sub = path.join(dir, String(folder))
    mkdirSync(sub, {recursive: true})
    for (let file = 0; file < 20; file++) writeFileSync(path.join(sub, `${file}.html`), contents)
  }
  return Math.round(performance.now() - started)
}
