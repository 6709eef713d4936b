/**
 * The worker thread of `PageRenderer`: parses the page templates once, then
 * renders each batch of `{template, view}` it is sent.
 */
import {workerData} from 'node:worker_threads'
import {loadTemplates, TemplateError} from '../adapters/liquid.js'
import type {RenderedPage, RenderJob, TemplateSource} from './page-renderer.js'
import {serveChunks} from './serve-chunks.js'

const {dirs, pageNames} = workerData as TemplateSource
const templates = loadTemplates(dirs, pageNames)

serveChunks((message) =>
  (message as RenderJob[]).map(({template, view}): RenderedPage => {
    try {
      return {html: templates.render(template, view)}
    } catch (error) {
      // Note: a template mistake is the author's, not a bug: it goes back as data so the build can report it.
      if (error instanceof TemplateError) return {templateError: {message: error.message, file: error.file, line: error.line, column: error.column}}
      throw error
    }
  }),
)
