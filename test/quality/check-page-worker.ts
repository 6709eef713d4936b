// Worker thread: validates a share of a site's HTML pages and reads their links.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {readPage, type PageFacts} from './read-page.js'
import {validateHtml, type HtmlProblem} from './validate-html.js'

/** What the worker reports for one page. */
export interface PageResult {
  readonly file: string
  readonly problems: HtmlProblem[]
  readonly facts: PageFacts
}

const {dir, files} = workerData as {dir: string; files: string[]}
const results: PageResult[] = files.map((file) => {
  const html = readFileSync(path.join(dir, file), 'utf8')
  return {file, problems: validateHtml(html, file), facts: readPage(html)}
})
parentPort?.postMessage(results)
