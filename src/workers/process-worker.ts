/**
 * The worker thread of `processSources`: parses and enriches the seeds of each
 * chunk it is sent, with the settings it was started with.
 */
import {workerData} from 'node:worker_threads'
import {loadMarkdown} from '../adapters/markdown.js'
import {processSource, type ProcessWorkerData} from '../process-sources.js'
import {unpackSources, type PackedSources} from './pack-sources.js'
import {serveChunks} from './serve-chunks.js'

const {settings, markdown} = workerData as ProcessWorkerData
// Note: before the first chunk is asked for, so every chunk finds it loaded.
if (markdown) await loadMarkdown()
serveChunks((message) => unpackSources(message as PackedSources).map((source) => processSource(source, settings)))
