import assert from 'node:assert/strict'
import {readFile, utimes} from 'node:fs/promises'
import path from 'node:path'
import {after, before, test} from 'node:test'
import {listFiles, makeTempDir, removeDir, treeManifest, writeFiles} from './helpers/build-from-files.js'
import {readCorpus, repoRoot} from './helpers/corpus.js'
import {runCli} from './helpers/run-cli.js'

/**
 * The same seeds and config give byte-identical output on any machine, on
 * any day: the order files were created in, their modification times, the
 * time zone and the locale of the machine must not show.
 */

/** Seeds that exercise ordering: corpus articles (many on one day), the example, Markdown with front matter, and same-day articles whose titles make the same slug. */
async function seeds(): Promise<[string, string][]> {
  const files: [string, string][] = readCorpus(300).map((article) => [`seeds/corpus/${article.file}`, article.text])
  const example = '000_2480c2fad12c4528.txt'
  files.push([`seeds/${example}`, await readFile(path.join(repoRoot, 'seeds', example), 'utf8')])
  for (const [index, topic] of ['Économie', 'Zürich', 'Ålesund', 'Économie'].entries()) {
    files.push([`seeds/md/${index}.md`, `---\ntitle: Markets close higher\ndate: 1987-03-0${index + 1}\ntopics: [${topic}, Markets]\nauthor: Ann Lee\n---\nShares rose in ${topic} as trading resumed.\n`])
  }
  for (const name of ['b', 'a', 'c']) files.push([`seeds/same/${name}.txt`, ` date 1987-03-02 Oil prices fell on Monday. Report ${name}.\n`])
  return files
}

let root = ''
before(async () => {
  root = await makeTempDir('news-archive-determinism-')
})
after(async () => {
  await removeDir(root)
})

test('two machines, two orders, two time zones: byte-identical sites', async () => {
  const files = await seeds()
  const first = path.join(root, 'first')
  const second = path.join(root, 'second')
  for (const [relative, text] of files) await writeFiles(first, {[relative]: text})
  for (const [relative, text] of [...files].reverse()) await writeFiles(second, {[relative]: text})
  for (const [index, [relative]] of files.entries()) {
    await utimes(path.join(first, relative), new Date('2001-01-01T00:00:00Z'), new Date('2001-01-01T00:00:00Z'))
    // Note: a different time for every file, in the other order, some in the future.
    const seconds = 2_000_000_000 - index * 86_400 * 7
    await utimes(path.join(second, relative), seconds, seconds)
  }
  const runs = await Promise.all([
    runCli(['build', '-q'], {cwd: first, env: {TZ: 'UTC', LC_ALL: 'C', LANG: 'C'}}),
    runCli(['build', '-q'], {cwd: second, env: {TZ: 'Pacific/Kiritimati', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8'}}),
  ])
  for (const run of runs) assert.equal(run.code, 0, run.stderr)

  const [one, two] = await Promise.all([treeManifest(path.join(first, 'dist')), treeManifest(path.join(second, 'dist'))])
  const differing = one.split('\n').filter((line) => !two.includes(line))
  assert.deepEqual(differing, [], 'files that differ between the two builds')
  assert.equal(one, two)
  assert.ok(one.split('\n').length > 300, 'the site is not trivially empty')
})

/** Text output files: pages, feeds, sitemaps, JSON. Search-index fragments are compressed and skipped. */
const textFile = /\.(html|xml|json|txt|css|js|webmanifest)$/

test('no build time in pages, feeds or sitemaps: every date comes from an article', async () => {
  const files = await seeds()
  const site = path.join(root, 'dates')
  await writeFiles(site, Object.fromEntries(files))
  const run = await runCli(['build', '-q'], {cwd: site})
  assert.equal(run.code, 0, run.stderr)
  const allowed = new Set(files.flatMap(([, text]) => [...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)].map((match) => match[0])))
  const months: Record<string, string> = {Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12'}
  const today = new Date().toISOString().slice(0, 10)
  const found: string[] = []
  let checked = 0
  for (const file of (await listFiles(path.join(site, 'dist'))).filter((name) => textFile.test(name))) {
    const text = await readFile(path.join(site, 'dist', file), 'utf8')
    // ISO days and date-times (HTML <time>, JSON-LD, Atom, JSON Feed, sitemaps).
    for (const match of text.matchAll(/\b(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?/g)) {
      const [whole, day, time] = match
      checked++
      if (!allowed.has(day as string) || (time !== undefined && !/^00:00(:00(\.0+)?)?$/.test(time))) found.push(`${file}: ${whole}`)
    }
    // RFC 822 dates (RSS).
    for (const match of text.matchAll(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (\w{3}) (\d{4}) (\d{2}:\d{2}:\d{2})/g)) {
      const [whole, day, month, year, time] = match
      checked++
      if (!allowed.has(`${year}-${months[month as string] ?? '??'}-${day}`) || time !== '00:00:00') found.push(`${file}: ${whole}`)
    }
    if (text.includes(today)) found.push(`${file}: today's date ${today}`)
  }
  assert.ok(checked > 1000, `${checked} dates checked`)
  assert.deepEqual(found.slice(0, 20), [], `${found.length} dates that no article has (build times?)`)
})
