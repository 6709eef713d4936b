import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {makeTempDir} from '../../test/helpers/build-from-files.js'
import {build} from '../build.js'
import {createSeed, localToday, seedText} from './create-seed.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true})
})

async function project(): Promise<string> {
  const dir = await makeTempDir()
  dirs.push(dir)
  return dir
}

const names = [
  {title: 'Budget passes', date: '2024-11-18', file: 'seeds/2024-11-18-budget-passes.md'},
  {title: 'Élections: résultats', date: '2024-03-01', file: 'seeds/2024-03-01-elections-resultats.md'},
  {title: '!!!', date: '2024-03-01', file: 'seeds/2024-03-01-article.md'},
  {title: 'A very long headline that goes on and on about the many things that happened today', date: '2024-03-01', file: 'seeds/2024-03-01-a-very-long-headline-that-goes-on-and-on-about-the-many.md'},
] as const

for (const example of names) {
  test(`new seed for ${JSON.stringify(example.title)} is ${example.file}`, async () => {
    const cwd = await project()
    assert.equal(await createSeed({cwd, seedsDir: 'seeds', title: example.title, date: example.date}), example.file)
    assert.equal(await readFile(path.join(cwd, example.file), 'utf8'), seedText(example.title, example.date))
  })
}

test('a second seed with the same title and date gets -2, and the first is not overwritten', async () => {
  const cwd = await project()
  const first = await createSeed({cwd, seedsDir: 'seeds', title: 'Budget passes', date: '2024-11-18'})
  const second = await createSeed({cwd, seedsDir: 'seeds', title: 'Budget passes', date: '2024-11-18'})
  assert.equal(second, 'seeds/2024-11-18-budget-passes-2.md')
  assert.notEqual(first, second)
})

test('an impossible or wrongly written date, or a year the build refuses, is refused, and no file is made', async () => {
  const cwd = await project()
  await assert.rejects(createSeed({cwd, seedsDir: 'seeds', title: 'T', date: '2024-02-30'}), {name: 'SeedDateError'})
  await assert.rejects(createSeed({cwd, seedsDir: 'seeds', title: 'T', date: '18 Nov 2024'}), /YYYY-MM-DD/)
  await assert.rejects(createSeed({cwd, seedsDir: 'seeds', title: 'T', date: '0050-01-01'}), /the year 50 is outside 1000–2100/)
  await assert.rejects(createSeed({cwd, seedsDir: 'seeds', title: 'T', date: '2204-01-01'}), /the year 2204 is outside/)
  assert.equal(existsSync(path.join(cwd, 'seeds')), false)
})

test('a title with quotes and colons survives as the article title, and the new seed builds', async () => {
  const cwd = await project()
  const title = 'He said: "no" #1'
  await createSeed({cwd, seedsDir: 'seeds', title, date: '2024-11-18'})
  const result = await build({cwd, seedsDir: 'seeds', outDir: 'dist', check: false, drafts: false, skipInvalid: false})
  assert.deepEqual(result.problems.filter((item) => item.severity === 'error'), [])
  const page = await readFile(path.join(cwd, 'dist/2024/11/18/he-said-no-1/index.html'), 'utf8')
  assert.match(page, /<h1[^>]*>He said: &(#34|quot);no&(#34|quot); #1<\/h1>/)
})

test('a new seed built before it is written gets a warning at the placeholder, and one written over builds without', async () => {
  const cwd = await project()
  const file = await createSeed({cwd, seedsDir: 'seeds', title: 'Harbour reopens', date: '2024-11-19'})
  const options = {cwd, seedsDir: 'seeds', outDir: 'dist', check: false, drafts: false, skipInvalid: false}
  const first = await build(options)
  assert.equal(first.wrote, true, 'a warning does not stop the build')
  assert.deepEqual(first.problems.map((item) => [item.rule, item.severity, item.file, item.place.line, item.place.column]), [['body-placeholder', 'warning', file, 6, 1]])
  const text = await readFile(path.join(cwd, file), 'utf8')
  await writeFile(path.join(cwd, file), text.replace(/Write the article here\.[^\n]*/, 'The harbour reopened on Tuesday after the storm.'))
  assert.deepEqual((await build(options)).problems, [])
})

test('today is the local calendar day', () => {
  assert.equal(localToday(new Date(2024, 10, 18, 23, 59)), '2024-11-18')
  assert.equal(localToday(new Date(2024, 0, 1, 0, 0)), '2024-01-01')
})
