import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdir, readdir, readFile, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, before, describe, test} from 'node:test'
import {build, type BuildResult} from '../src/build.js'
import {ContentError, type Problem} from '../src/problems/content-error.js'
import {formatProblemLine, formatProblems} from '../src/problems/format-problems.js'
import {rules} from '../src/problems/rules.js'
import {buildOptions, listFiles, locationAndRule, makeTempDir, removeDir, treeManifest, writeFiles, type InputFiles} from './helpers/build-from-files.js'
import {repoRoot} from './helpers/corpus.js'
import {runCli, stackTraceLines} from './helpers/run-cli.js'

/**
 * Every folder in `test/fixtures/invalid/` is a site (`input/`) that must not
 * build, and `expected-problems.txt` lists every problem it gives, exactly
 * as the user reads it: `file:line:column: error: message [rule]` (lines
 * starting with `#` describe the case). A case
 * whose problems are all warnings must build.
 */
const fixturesDir = path.join(repoRoot, 'test/fixtures/invalid')

interface InvalidCase {
  readonly name: string
  readonly description: string
  readonly input: string
  readonly expected: readonly string[]
}

async function readCases(): Promise<InvalidCase[]> {
  const names = (await readdir(fixturesDir, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
  return Promise.all(
    names.map(async (name) => {
      const lines = (await readFile(path.join(fixturesDir, name, 'expected-problems.txt'), 'utf8')).split('\n')
      return {
        name,
        description: lines.filter((line) => line.startsWith('#')).map((line) => line.slice(1).trim()).join(' '),
        input: path.join(fixturesDir, name, 'input'),
        expected: lines.filter((line) => line.trim() !== '' && !line.startsWith('#')).sort(),
      }
    }),
  )
}

/** The last good site every failing build must leave alone. */
const previousSite: InputFiles = {
  'index.html': '<!doctype html><title>The last good site</title>',
  'assets/site.css': 'body {}',
  '2024/11/18/earlier/index.html': '<!doctype html><title>An earlier article</title>',
}

/** A build whose problems are collected, whether returned or thrown (config errors stop the build at once). */
async function buildCase(cwd: string, outDir: string, skipInvalid = false): Promise<{result?: BuildResult; problems: readonly Problem[]}> {
  try {
    // Note: the cache goes beside the scratch folder, so a fixture's folder stays as it is in the repository.
    const result = await build(buildOptions(cwd, {outDir, skipInvalid, cacheDir: `${path.dirname(outDir)}.cache`}))
    return {result, problems: result.problems}
  } catch (error) {
    if (error instanceof ContentError) return {problems: [error.problem]}
    throw error
  }
}

/** What every problem must carry: a place, a message in words, and what to do. */
function assertWellFormed(problem: Problem): void {
  assert.ok(problem.place.line >= 1 && problem.place.column >= 1, `${locationAndRule(problem)}: place is 1-based`)
  assert.ok(problem.message.length > 10, `${locationAndRule(problem)}: says what is wrong`)
  assert.doesNotMatch(problem.message, /\n|\bat .*:\d+:\d+|Error:|undefined|\[object /, `${locationAndRule(problem)}: no stack trace or internals`)
  assert.ok(rules[problem.rule].hint, `${problem.rule} has a hint that says what to do`)
}

/** No character in the report may drive a terminal or hide text. */
function assertPrintable(report: string): void {
  const hidden = [...report].filter((char) => char !== '\n' && /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char))
  assert.deepEqual(hidden, [], 'the report shows control and invisible characters escaped')
}

/**
 * Build `input` over a copy of the last good site and check the problems,
 * and that a failed build left the output folder exactly as it was.
 */
async function checkSite(input: string, expected: readonly string[], scratch: string, show: (problem: Problem) => string = formatProblemLine): Promise<readonly Problem[]> {
  const outDir = path.join(scratch, 'dist')
  await writeFiles(outDir, previousSite)
  const before = await treeManifest(outDir)
  const {result, problems} = await buildCase(input, outDir)
  assert.deepEqual(problems.map(show).sort(), [...expected].sort())
  problems.forEach(assertWellFormed)
  assertPrintable(formatProblems(problems))
  if (problems.some((problem) => problem.severity === 'error')) {
    assert.notEqual(result?.wrote, true, 'nothing is written')
    assert.equal(await treeManifest(outDir), before, 'the last good site is unchanged')
    assert.deepEqual(await readdir(scratch), ['dist'], 'no staging folder or lock is left beside the output')
  } else {
    assert.equal(result?.wrote, true, 'warnings alone do not stop the build')
  }
  return problems
}

let scratchRoot = ''
before(async () => {
  scratchRoot = await makeTempDir('news-archive-invalid-')
})
after(async () => {
  await removeDir(scratchRoot)
})

const cases = await readCases()

describe('bad-input fixtures', () => {
  test('there are at least 40 cases, each with its expected problems', () => {
    assert.ok(cases.length >= 40, `${cases.length} cases`)
    for (const item of cases) assert.ok(item.expected.length > 0, `${item.name} lists its problems`)
  })

  for (const item of cases) {
    test(`${item.name}: ${item.description}`, async () => {
      const scratch = path.join(scratchRoot, item.name)
      await mkdir(scratch, {recursive: true})
      await checkSite(item.input, item.expected, scratch)
    })
  }

  test('`check` reports every problem of every fixture that a build does, and writes nothing', async () => {
    for (const item of cases) {
      const outDir = path.join(scratchRoot, `check-${item.name}`, 'dist')
      let problems: readonly Problem[]
      try {
        problems = (await build(buildOptions(item.input, {outDir, check: true, cacheDir: `${path.dirname(outDir)}.cache`}))).problems
      } catch (error) {
        if (!(error instanceof ContentError)) throw error
        problems = [error.problem]
      }
      assert.deepEqual(problems.map(formatProblemLine).sort(), item.expected, item.name)
      assert.equal(existsSync(outDir), false, `${item.name}: nothing written`)
    }
  })

  test('`---js` front matter never runs: the code in the fixture would have written a file', () => {
    for (const dir of [repoRoot, process.cwd(), path.join(fixturesDir, 'front-matter-js/input')]) {
      assert.equal(existsSync(path.join(dir, 'front-matter-js-ran.txt')), false)
    }
  })
})

describe('bad input made by the test', () => {
  /** A seed of about `bytes` bytes: a date line, then paragraphs of words. */
  function bigSeed(bytes: number): Buffer {
    const paragraph = `${'The council approved the budget after a long debate. '.repeat(40)}\n\n`
    return Buffer.from(` date 2024-11-18 ${paragraph.repeat(Math.ceil(bytes / paragraph.length))}`)
  }

  /**
   * The longest run of `x` in `text`.
   * Note: `text.includes('x'.repeat(1e6))` takes minutes here: string search
   * with a needle of one repeated character is quadratic.
   */
  function longestRunOfX(text: string): number {
    let longest = 0
    let run = 0
    for (let index = 0; index < text.length; index++) {
      run = text.charCodeAt(index) === 0x78 ? run + 1 : 0
      if (run > longest) longest = run
    }
    return longest
  }

  /** The one article page of a built site. */
  async function readArticlePage(outDir: string): Promise<string> {
    const pages = (await listFiles(outDir)).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file) && !file.includes('/page/'))
    assert.equal(pages.length, 1, `one article page: ${pages.join(', ')}`)
    return readFile(path.join(outDir, pages[0] as string), 'utf8')
  }

  async function scratchSite(name: string, files: InputFiles): Promise<string> {
    const dir = path.join(scratchRoot, name)
    await writeFiles(dir, files)
    return dir
  }

  test('a 20 MB seed is refused as too large, with its size', async () => {
    const site = await scratchSite('twenty-megabytes', {'seeds/big.txt': bigSeed(20_000_000), 'seeds/small.txt': ' date 2024-11-18 A short article.\n'})
    const problems = await checkSite(site, ['seeds/big.txt:1:1 file-too-large'], path.join(scratchRoot, 'twenty-megabytes-out'), locationAndRule)
    assert.match(problems[0]?.message ?? '', /20,0\d\d,\d{3} bytes/)
  })

  test('a one-million-character paragraph builds, whole', async () => {
    const words = 'Prices rose again on Monday as the central bank held its rate steady'.split(' ')
    let paragraph = ''
    for (let index = 0; paragraph.length < 1_000_000; index++) paragraph += `${words[index % words.length]}${index % 23 === 22 ? '. ' : ' '}`
    const marker = 'The last words of the longest paragraph.'
    const site = await scratchSite('million-characters', {'seeds/long.txt': ` date 2024-11-18 ${paragraph}${marker}\n\nA second paragraph.\n`})
    const {result, problems} = await buildCase(site, path.join(site, 'dist'))
    assert.deepEqual(problems.filter((problem) => problem.severity === 'error').map(locationAndRule), [])
    assert.equal(result?.articles, 1)
    const page = await readArticlePage(path.join(site, 'dist'))
    assert.ok(page.includes(marker), 'the paragraph is on the page to its last word')
    assert.ok(page.length < 1_500_000, `the text is on the page once, not copied into titles and summaries (${page.length} characters)`)
  })

  test('a one-million-character word builds, and its title and summary stay short', async () => {
    const site = await scratchSite('million-character-word', {'seeds/one-word.txt': ` date 2024-11-19 ${'x'.repeat(1_000_000)}\n`})
    const {result, problems} = await buildCase(site, path.join(site, 'dist'))
    assert.deepEqual(problems.filter((problem) => problem.severity === 'error').map(locationAndRule), [])
    assert.equal(result?.articles, 1)
    const page = await readArticlePage(path.join(site, 'dist'))
    assert.ok(longestRunOfX(page) >= 1_000_000, 'the word is on the page, whole')
    const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? ''
    assert.ok(title.length < 300, `the page title has ${title.length} characters`)
    assert.ok(page.length < 1_500_000, `the word is on the page once, not copied into titles and summaries (${page.length} characters)`)
  })

  /** Seeds that are not regular files, made the way they happen on real disks. Root reads every regular file, so these are the unreadable ones. */
  const notFiles: readonly {name: string; file: string; make: (seeds: string) => Promise<void>}[] = [
    {name: 'a link to a file that does not exist', file: 'dangling.txt', make: (seeds) => symlink('deleted-long-ago.txt', path.join(seeds, 'dangling.txt'))},
    {name: 'a link to itself', file: 'loop.txt', make: (seeds) => symlink('loop.txt', path.join(seeds, 'loop.txt'))},
    {name: 'a folder named like a seed', file: 'folder.txt', make: (seeds) => mkdir(path.join(seeds, 'folder.txt'))},
    {name: 'a link to a folder', file: 'to-folder.md', make: (seeds) => symlink('.', path.join(seeds, 'to-folder.md'))},
    {name: 'a named pipe', file: 'pipe.txt', make: async (seeds) => void execFileSync('mkfifo', [path.join(seeds, 'pipe.txt')])},
  ]

  for (const item of notFiles) {
    test(`${item.name} is reported as unreadable, not skipped in silence`, async () => {
      const site = await scratchSite(`not-a-file-${item.file}`, {'seeds/good.txt': ' date 2024-11-18 A good article.\n'})
      await item.make(path.join(site, 'seeds'))
      await checkSite(site, [`seeds/${item.file}:1:1 read-failed`], path.join(site, 'out'), locationAndRule)
    })
  }

  test('--skip-invalid publishes the valid seeds and lists every skipped one', async () => {
    const input = path.join(fixturesDir, 'several-bad-seeds/input')
    const outDir = path.join(scratchRoot, 'skip-invalid/dist')
    const {result} = await buildCase(input, outDir, true)
    assert.equal(result?.wrote, true)
    assert.deepEqual([...(result?.skipped ?? [])].sort(), ['seeds/2-no-date.txt', 'seeds/3-bad-day.txt', 'seeds/4-yaml.md'])
    assert.equal(result?.articles, 1)
    assert.equal((await listFiles(outDir)).filter((file) => /^2024\/11\/18\/[^/]+\/index\.html$/.test(file)).length, 1, 'the good seed is published')
  })
})

describe('bad input on the command line', () => {
  test('every case in one seeds folder: each problem at its place, no stack trace, exit 1, dist/ unchanged', async () => {
    const site = path.join(scratchRoot, 'command-line')
    const expected: string[] = []
    for (const item of cases) {
      // Note: config cases stop the build before any seed is read; they are checked one by one above.
      if (existsSync(path.join(item.input, 'news-archive.config.json'))) continue
      await cp(path.join(item.input, 'seeds'), path.join(site, 'seeds', item.name), {recursive: true})
      // Note: messages that name another seed (`url-collision`) name it in the case's folder too.
      expected.push(...item.expected.map((line) => line.replaceAll('seeds/', `seeds/${item.name}/`)))
    }
    await writeFiles(path.join(site, 'dist'), previousSite)
    const before = await treeManifest(path.join(site, 'dist'))
    const run = await runCli(['build', '--seeds', 'seeds', '--out', 'dist'], {cwd: site})
    assert.equal(run.code, 1, run.stderr)
    const reported = run.stderr.split('\n').filter((line) => /^\S+:\d+:\d+: (?:error|warning): .+ \[[a-z-]+\]$/.test(line))
    assert.deepEqual(reported.sort(), expected.sort())
    assert.deepEqual(stackTraceLines(run.stderr), [])
    assertPrintable(run.stderr)
    assert.match(run.stderr, /\d+ errors, \d+ warnings\n/)
    assert.match(run.stderr, /Nothing was written/)
    assert.equal(run.stdout, '')
    assert.equal(await treeManifest(path.join(site, 'dist')), before)
  })
})
