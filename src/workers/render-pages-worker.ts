/**
 * A worker thread that renders pages beside the main thread: it rebuilds the
 * archive from the articles it was given, then takes blocks of pages from the
 * shared `PageClaims`, reading article bodies from the build cache's file as
 * the main thread does. On a clean build it writes the pages itself and tells
 * the main thread what it wrote; otherwise it sends them back as UTF-8 bytes,
 * moved (not copied), for the main thread to write.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {loadTemplates, TemplateError} from '../adapters/liquid.js'
import {readSharedBody, type SharedBodies} from '../cache/article-store.js'
import {PageKeys} from '../cache/page-keys.js'
import {buildArchive} from '../indexes/build-archive.js'
import type {Article} from '../model/article.js'
import {pageTemplates, planPages, renderView} from '../render/render-site.js'
import {siteUrls} from '../render/urls.js'
import {ViewBuilder} from '../render/views.js'
import {pathInside, writeNewFile} from '../write/new-files.js'
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
  const views = new ViewBuilder(archive, data.config, siteUrls(data.config.baseUrl), bodyReader(data.articles, data.bodies))
  const keys = new PageKeys(archive, views, data.siteKey, data.templateKeys)
  const templates = loadTemplates(data.templateDirs, pageTemplates)
  const pages = [...planPages(archive, views)]
  if (pages.length !== data.pageCount) throw new Error(`the page worker planned ${pages.length} pages, the main thread ${data.pageCount}`)
  const claims = new PageClaims(data.claims, pages.length)
  const encoder = new TextEncoder()
  const made = new Set<string>()
  for (let block = claims.claim(); block; block = claims.claim()) {
    const batch: WorkerPage[] = []
    const transfer: ArrayBuffer[] = []
    for (let index = block.start; index < block.end; index++) {
      const page = pages[index]
      if (!page) throw new Error(`no page ${index}`)
      const {key, path, view} = keys.key(page)
      if (data.reusable.some((files) => files.get(path) === key)) {
        batch.push({index, path, key})
        continue
      }
      const html = renderView(page, view, templates)
      if (data.writeDir === undefined) {
        const bytes = encoder.encode(html)
        batch.push({index, path, key, html: bytes})
        transfer.push(bytes.buffer as ArrayBuffer)
        continue
      }
      // Note: synchronous writes block only this thread, and spare the main thread a round trip per file.
      batch.push({index, path, key, wrote: writeNewFile(pathInside(data.writeDir, path), html, made)})
    }
    send({kind: 'pages', pages: batch}, transfer)
    // Note: pages written here hold no memory while they wait, so only a worker that sends HTML waits for the main thread.
    claims.sentBatch(data.writeDir === undefined)
  }
}

/** An article's body: read from the build cache's file where `bodies` locates it, else its own. */
function bodyReader(articles: readonly Article[], bodies: SharedBodies | undefined): (article: Article) => string {
  if (!bodies) return (article) => article.bodyHtml
  const indexes = new Map(articles.map((article, index) => [article.source, index]))
  return (article) => {
    const index = indexes.get(article.source)
    return (index === undefined ? undefined : readSharedBody(bodies, index)) ?? article.bodyHtml
  }
}
