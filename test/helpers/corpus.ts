import {readFileSync, existsSync} from 'node:fs'
import {gunzipSync} from 'node:zlib'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's root folder. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The shared research corpus lives beside the repository, never inside it
 * (it is licensed for research use only). `NEWS_ARCHIVE_CORPUS` overrides the folder.
 */
export const corpusDir = process.env['NEWS_ARCHIVE_CORPUS'] ?? path.resolve(repoRoot, '../shared/corpus')

/** One corpus article: its seed file name and the complete seed text. */
export interface CorpusArticle {
  readonly file: string
  readonly text: string
}

/** Editors' labels for one training-split article, as short codes. */
export interface CorpusLabels {
  readonly file: string
  readonly places: readonly string[]
  readonly people: readonly string[]
  readonly orgs: readonly string[]
  readonly exchanges: readonly string[]
  readonly subjects: readonly string[]
}

function readJsonLines<T>(name: string): T[] {
  const file = path.join(corpusDir, name)
  if (!existsSync(file)) {
    throw new Error(`The research corpus is missing: ${file} does not exist. Set NEWS_ARCHIVE_CORPUS to its folder.`)
  }
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T)
}

/** Every article of Reuters-21578 in seed form, in running-number order. */
export function readCorpus(limit = Infinity): CorpusArticle[] {
  const all = readJsonLines<CorpusArticle>('reuters-21578.jsonl.gz')
  return Number.isFinite(limit) ? all.slice(0, limit) : all
}

/** The editors' labels of the training split. */
export function readCorpusLabels(): CorpusLabels[] {
  return readJsonLines<CorpusLabels>('reuters-21578-train-labels.jsonl.gz')
}
