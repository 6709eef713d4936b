/**
 * Report what the plain-text parser finds in a folder of seeds, and flag what
 * looks wrong: `node --import tsx scripts/report-fidelity.ts [seedDir]`
 * (default `seeds/`). Reads every `*.txt` below the folder, parses it, renders
 * it and checks fidelity, then prints counts, derived title lengths and the
 * most suspicious subheadings (the shortest and the most numeric).
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {findSeedPaths} from '../src/adapters/glob.js'
import {markdownToHtml} from '../src/adapters/markdown.js'
import {describeBody} from '../src/enrich/describe-body.js'
import {deriveHeadline} from '../src/enrich/headline.js'
import {plainTextToMdast} from '../src/parse/plain-text/plain-text-to-mdast.js'
import {checkFidelity} from '../src/quality/fidelity.js'

/** ` date 2024-11-18 ` at the start of a seed (after an optional BOM and whitespace). */
const dateLine = /^\uFEFF?\s*date:?[ \t]+\S*[ \t]?/i

interface Heading {
  readonly file: string
  readonly text: string
}

const seedDir = process.argv[2] ?? 'seeds'
const files = (await findSeedPaths(seedDir)).paths.filter((file) => file.endsWith('.txt'))
const counts = {articles: 0, bytes: 0, headings: 0, tables: 0, aligned: 0, figures: 0, datelines: 0, wireHeadlines: 0, bylines: 0, signoffs: 0, continued: 0, tickers: 0}
const articlesWith = {headings: 0, tables: 0, figures: 0}
const headings: Heading[] = []
const titles: Heading[] = []
const titleBuckets = new Map<string, number>()
const failures: string[] = []
let parseMs = 0
let fidelityOk = 0

const seeds: Array<{file: string; text: string; start: number}> = []
for (const file of files) {
  const text = await readFile(path.join(seedDir, file), 'utf8')
  const match = dateLine.exec(text)
  if (match) seeds.push({file, text, start: match[0].length})
}

// Note: parsing is timed in a pass of its own, in CPU time, so neither
// rendering's garbage nor a busy machine inflates the figure.
const started = process.cpuUsage()
for (const {text, start} of seeds) plainTextToMdast(text, start)
parseMs = process.cpuUsage(started).user / 1000

for (const {file, text, start} of seeds) {
  counts.articles++
  counts.bytes += Buffer.byteLength(text)
  const {tree, dateline} = plainTextToMdast(text, start)
  if (dateline) counts.datelines++
  const found = tally(tree, file)
  if (found.headings > 0) articlesWith.headings++
  if (found.tables > 0) articlesWith.tables++
  if (found.figures > 0) articlesWith.figures++
  const result = checkFidelity(text.slice(start), markdownToHtml(tree))
  if (result.ok) fidelityOk++
  else failures.push(`${file}: ${result.firstDifference ?? ''}`)
  const title = deriveHeadline(describeBody(tree).lead)
  titles.push({file, text: title})
  const bucket = title.length === 0 ? 'empty' : title.length < 40 ? '1–39' : title.length <= 90 ? '40–90' : '91+'
  titleBuckets.set(bucket, (titleBuckets.get(bucket) ?? 0) + 1)
}

const kb = counts.bytes / 1024
const line = (label: string, value: string | number): void => console.log(`${label.padEnd(24)}${value}`)
line('articles', counts.articles.toLocaleString('en'))
line('size', `${(kb / 1024).toFixed(1)} MB, parsed in ${parseMs.toFixed(0)} ms of CPU (${(parseMs / Math.max(kb, 1)).toFixed(4)} ms/KB)`)
line('fidelity', `${fidelityOk.toLocaleString('en')} of ${counts.articles.toLocaleString('en')} pass`)
line('datelines', counts.datelines.toLocaleString('en'))
line('headings', `${counts.headings.toLocaleString('en')} in ${articlesWith.headings.toLocaleString('en')} articles`)
line('tables', `${counts.tables.toLocaleString('en')} in ${articlesWith.tables.toLocaleString('en')} articles`)
line('aligned blocks (pre)', counts.aligned.toLocaleString('en'))
line('figures', `${counts.figures.toLocaleString('en')} in ${articlesWith.figures.toLocaleString('en')} articles`)
line('wire headlines', counts.wireHeadlines.toLocaleString('en'))
line('bylines', counts.bylines.toLocaleString('en'))
line('sign-offs', counts.signoffs.toLocaleString('en'))
line('MORE markers', counts.continued.toLocaleString('en'))
line('tickers', counts.tickers.toLocaleString('en'))
console.log('\ntitles by length (characters)')
for (const bucket of ['empty', '1–39', '40–90', '91+']) line(`  ${bucket}`, (titleBuckets.get(bucket) ?? 0).toLocaleString('en'))
console.log('\nshortest derived titles')
for (const title of [...titles].sort((a, b) => a.text.length - b.text.length || a.file.localeCompare(b.file)).slice(0, 10)) console.log(`  ${JSON.stringify(title.text).padEnd(48)} ${title.file}`)
console.log('\nmost suspicious headings (shortest, most numeric)')
for (const heading of mostSuspicious(headings, 20)) console.log(`  ${JSON.stringify(heading.text).padEnd(48)} ${heading.file}`)
if (failures.length > 0) {
  console.log(`\nfidelity failures (first 20 of ${failures.length})`)
  for (const failure of failures.slice(0, 20)) console.log(`  ${failure}`)
}

function tally(tree: Root, file: string): {headings: number; tables: number; figures: number} {
  const found = {headings: 0, tables: 0, figures: 0}
  for (const node of tree.children) {
    const className = classOf(node)
    if (node.type === 'heading') {
      found.headings++
      headings.push({file, text: toString(node)})
    } else if (node.type === 'table') found.tables++
    else if (node.data?.hName === 'figure') found.figures++
    else if (node.type === 'code') counts.aligned++
    else if (className === 'wire-headline') counts.wireHeadlines++
    else if (className === 'byline') counts.bylines++
    else if (className === 'signoff') counts.signoffs++
    else if (className === 'continued') counts.continued++
  }
  counts.headings += found.headings
  counts.tables += found.tables
  counts.figures += found.figures
  counts.tickers += countTickers(tree)
  return found
}

function countTickers(node: Root | RootContent): number {
  if (node.type === 'text') return classOf(node) === 'ticker' ? 1 : 0
  return 'children' in node ? node.children.reduce((sum: number, child) => sum + countTickers(child), 0) : 0
}

function classOf(node: RootContent): string | undefined {
  const className = (node.data?.hProperties as {className?: unknown} | undefined)?.className
  return Array.isArray(className) ? String(className[0]) : undefined
}

/** Headings ranked by how unlike a heading they look: share of digits, then shortness. */
function mostSuspicious(list: readonly Heading[], count: number): Heading[] {
  const score = (text: string): number => {
    const digits = text.replace(/\D/g, '').length
    return (digits / Math.max(text.length, 1)) * 2 + Math.max(0, 1 - text.length / 30)
  }
  return [...list].sort((a, b) => score(b.text) - score(a.text) || a.text.localeCompare(b.text)).slice(0, count)
}
