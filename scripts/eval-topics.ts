/**
 * Measure topic extraction against the Reuters editors' labels of the
 * training split, and its speed on the whole corpus.
 *
 *   node --import tsx scripts/eval-topics.ts [--max 6] [--limit N] [--rules topics.yml] [--misses place|person|organisation|subject]
 *
 * Reports, per kind, the recall of labelled places, people and organisations
 * (with exchanges), the share of extracted topics that match some label,
 * and throughput in MB of article text per second on one core.
 */
import {readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {extractTopics, type ExtractedTopic, type TopicText} from '../src/enrich/topics/extract-topics.js'
import {nameKey} from '../src/enrich/topics/name-key.js'
import {readTopicsFile} from '../src/enrich/topics/topics-file.js'
import {readCorpus, readCorpusLabels, type CorpusLabels} from '../test/helpers/corpus.js'
import {exchangeNames, namesOfPlace, organisationNames, personNames, subjectNames} from './topic-codes.js'

type Kind = ExtractedTopic['kind']

const {values: args} = parseArgs({
  options: {
    max: {type: 'string', default: '6'},
    limit: {type: 'string'},
    rules: {type: 'string'},
    misses: {type: 'string'},
  },
})
const max = Number(args.max)
const rules = args.rules === undefined ? undefined : readTopicsFile(args.rules, readFileSync(args.rules, 'utf8'))

/** Split a seed into the topic stage's input, as a plain-text parser would. */
function toTopicText(seed: string): TopicText {
  const body = seed.replace(/^\uFEFF?\s*date \d{4}-\d{2}-\d{2}\s/, '')
  const paragraphs = body.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '')
  const first = paragraphs[0] ?? ''
  const dateline = /^([A-Z][A-Za-z .'&-]*?(?:, [A-Z][A-Za-z. ]*?)?),?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d{1,2},?\s*-+\s*/i
    .exec(first.slice(0, 120))
  if (dateline) {
    paragraphs[0] = first.slice(dateline[0].length)
    return {paragraphs, datelinePlace: dateline[1]!}
  }
  return {paragraphs}
}

/** Names compare without case, accents, dots, hyphens, or British/American spelling. */
function comparable(name: string): string {
  return nameKey(name).replaceAll('-', ' ').replace(/isation\b/g, 'ization').replace(/\bco operation\b/g, 'cooperation').replace(/^the /, '')
}

function matchesPerson(extracted: string, label: string): boolean {
  const a = comparable(extracted).split(' ')
  const b = comparable(label).split(' ')
  if (a.join(' ') === b.join(' ')) return true
  return a[a.length - 1] === b[b.length - 1] && (a.length === 1 || a[0] === b[0])
}

interface Label {
  readonly category: 'place' | 'person' | 'organisation' | 'subject'
  readonly code: string
  readonly names: readonly string[]
}

function labelsOf(row: CorpusLabels): Label[] {
  return [
    ...row.places.map((code) => ({category: 'place' as const, code, names: namesOfPlace(code)})),
    ...row.people.map((code) => ({category: 'person' as const, code, names: personNames[code] ?? [code]})),
    ...row.orgs.map((code) => ({category: 'organisation' as const, code, names: organisationNames[code] ?? [code]})),
    ...row.exchanges.map((code) => ({category: 'organisation' as const, code, names: exchangeNames[code] ?? [code]})),
    ...row.subjects.flatMap((code) => (subjectNames[code] ? [{category: 'subject' as const, code, names: subjectNames[code]}] : [])),
  ]
}

function matches(topic: ExtractedTopic, label: Label): boolean {
  if (label.category === 'person') return label.names.some((name) => matchesPerson(topic.name, name))
  const key = comparable(topic.name)
  return label.names.some((name) => comparable(name) === key)
}

// Extract every article once, timing only the topic stage.
const corpus = readCorpus(args.limit === undefined ? Infinity : Number(args.limit))
const texts = corpus.map((article) => toTopicText(article.text))
let bytes = 0
for (const text of texts) {
  bytes += Buffer.byteLength(text.paragraphs.join('\n\n')) + Buffer.byteLength(text.datelinePlace ?? '')
}
const coldStart = performance.now()
extractTopics({paragraphs: ['Warm up in Paris.']}, {max, ...(rules ? {rules} : {})})
const coldMs = performance.now() - coldStart
const results = new Map<string, ExtractedTopic[]>()
const start = performance.now()
const cpuStart = process.cpuUsage()
corpus.forEach((article, index) => results.set(article.file, extractTopics(texts[index]!, {max, ...(rules ? {rules} : {})})))
const cpu = process.cpuUsage(cpuStart)
const seconds = (performance.now() - start) / 1000
// Note: CPU time, not wall time, so that other work on the machine does not count.
const cpuSeconds = (cpu.user + cpu.system) / 1e6

// Score against the labels of the training split.
const categories = ['place', 'person', 'organisation', 'subject'] as const
const recall = new Map(categories.map((category) => [category, {labels: 0, found: 0, foundAnyKind: 0}]))
const share = new Map<Kind, {extracted: number, matched: number}>(categories.map((kind) => [kind, {extracted: 0, matched: 0}]))
const missed = new Map<string, number>()
const unmatched = new Map<string, number>()
let articles = 0
for (const row of readCorpusLabels()) {
  const topics = results.get(row.file)
  if (topics === undefined) continue
  articles++
  const labels = labelsOf(row)
  for (const label of labels) {
    const tally = recall.get(label.category)!
    tally.labels++
    const kind = label.category
    if (topics.some((topic) => topic.kind === kind && matches(topic, label))) tally.found++
    else if (args.misses === kind) missed.set(label.code, (missed.get(label.code) ?? 0) + 1)
    if (topics.some((topic) => matches(topic, label))) tally.foundAnyKind++
  }
  for (const topic of topics) {
    const tally = share.get(topic.kind)!
    tally.extracted++
    if (labels.some((label) => matches(topic, label))) tally.matched++
    else if (args.misses === topic.kind) unmatched.set(topic.name, (unmatched.get(topic.name) ?? 0) + 1)
  }
}

const percent = (part: number, whole: number): string => (whole === 0 ? '   -  ' : (part / whole).toFixed(3))
console.log(`Topic extraction on ${corpus.length} articles (${(bytes / 1e6).toFixed(1)} MB), at most ${max} topics each${rules ? `, rules from ${args.rules}` : ''}`)
console.log(`Scored against the editors' labels of ${articles} training-split articles.\n`)
console.log('kind           labels  recall  (any kind)   extracted  share matching a label')
for (const category of categories) {
  const r = recall.get(category)!
  const s = share.get(category)!
  console.log(`${category.padEnd(13)} ${String(r.labels).padStart(7)}  ${percent(r.found, r.labels)}  (${percent(r.foundAnyKind, r.labels)})     ${String(s.extracted).padStart(9)}  ${percent(s.matched, s.extracted)}`)
}
console.log(`\nThroughput: ${(bytes / 1e6 / cpuSeconds).toFixed(1)} MB/s of CPU time on one core (${cpuSeconds.toFixed(2)} s CPU, ${seconds.toFixed(2)} s wall); first call, loading the place data: ${coldMs.toFixed(0)} ms`)
if (args.misses !== undefined) {
  const top = (map: Map<string, number>): string => [...map].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([name, count]) => `${name} ${count}`).join(', ')
  console.log(`\nMost missed ${args.misses} labels: ${top(missed)}`)
  console.log(`\nMost frequent ${args.misses} topics matching no label: ${top(unmatched)}`)
}
