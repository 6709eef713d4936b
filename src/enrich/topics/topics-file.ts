// PLACEHOLDER
import type {TopicRules} from './extract-topics.js'
export function readTopicsFile(file: string, text: string): TopicRules { void file; void text; return {} }
