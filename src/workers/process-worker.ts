/**
 * The worker thread of `processSources`: parses and enriches the seeds of each
 * chunk it is sent, with the settings it was started with.
 */
import {workerData} from 'node:worker_threads'
import {processSource, type ProcessSettings} from '../process-sources.js'
import {unpackSources, type PackedSources} from './pack-sources.js'
import {serveChunks} from './serve-chunks.js'

const settings = workerData as ProcessSettings
serveChunks((message) => unpackSources(message as PackedSources).map((source) => processSource(source, settings)))
