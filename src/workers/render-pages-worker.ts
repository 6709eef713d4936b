/**
 * A worker thread that renders pages beside the main thread: it rebuilds the
 * archive from the articles it was given, then takes blocks of pages from the
 * shared `PageClaims` and sends each block back rendered, as UTF-8 bytes
 * moved (not copied) to the main thread, which writes them.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {loadTemplates, TemplateError} from '../adapters/liquid.js'
import {PageKeys} from '../cache/page-keys.js'
import {buildArchive} from '../indexes/build-archive.js'
import {pageTemplates, planPages, renderView} from '../render/render-site.js'
import {outputPathFor, siteUrls} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {toThrownError} from './chunk-messages.js'
import {PageClaims} from './page-claims.js'
import type {PageWorkerData, PageWorkerMessage, WorkerPage} from './page-worker-data.js'

const port = parentPort
if (!port) throw new Error('the page worker must run in a worker thread')
const send = (message: PageWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer)

try {
  renderClaimedPages(workerData as PageWorkerData)
  send({kind: 'done'})
} catch (error) {
  // Note: a template mistake is the author's, not a bug: it goes back as data so the build can report it.
  if (error instanceof TemplateError) send({kind: 'template-error', message: error.message, file: error.file, line: error.line, column: error.column})
  else send({kind: 'failed', error: toThrownError(error)})
}

function renderClaimedPages(data: PageWorkerData): void {
  const {archive} = buildArchive(data.articles, data.indexSettings)
  const views = new ViewBuilder(archive, data.config, siteUrls(data.config.baseUrl))
  const keys = new PageKeys(archive, views, data.siteKey, data.templateKeys)
  const templates = loadTemplates(data.templateDirs, pageTemplates)
  const pages = [...planPages(archive, views)]
  if (pages.length !== data.pageCount) throw new Error(`the page worker planned ${pages.length} pages, the main thread ${data.pageCount}`)
  const claims = new PageClaims(data.claims, data.pageCount)
  const encoder = new TextEncoder()
  for (let block = claims.claim(); block; block = claims.claim()) {
    const batch: WorkerPage[] = []
    const transfer: ArrayBuffer[] = []
    for (let index = block.start; index < block.end; index++) {
      const page = pages[index]
      if (!page) throw new Error(`no page ${index}`)
      const {key, view} = keys.key(page)
      const path = outputPathFor(page.url)
      if (data.reusable.some((files) => files.get(path) === key)) {
        batch.push({index, path, key})
        continue
      }
      const html = encoder.encode(renderView(page, view, templates))
      batch.push({index, path, key, html})
      transfer.push(html.buffer as ArrayBuffer)
    }
    send({kind: 'pages', pages: batch}, transfer)
    claims.sentBatch()
  }
}
