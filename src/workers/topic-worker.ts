/**
 * The worker thread that finds the topics of articles while the main thread
 * parses and enriches the next seeds (see `processEach`): each chunk it is
 * sent is a list of texts, `null` for an article that needs none.
 */
import {workerData} from 'node:worker_threads'
import {findTopics} from '../enrich/topics/find-topics.js'
import {gazetteer} from '../enrich/topics/gazetteer.js'
import type {TopicText} from '../enrich/topics/extract-topics.js'
import type {TopicWorkerData} from '../process-sources.js'
import {serveChunks} from './serve-chunks.js'

const {settings} = workerData as TopicWorkerData
// Note: built before the first chunk comes, while the main thread reads and parses it.
gazetteer()
serveChunks((message) => (message as (TopicText | null)[]).map((text) => (text ? findTopics(text, settings) : null)))
