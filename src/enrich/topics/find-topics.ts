import type {Topic} from '../../model/article.js'
import {extractTopics, type TopicRules, type TopicText} from './extract-topics.js'
import {topicSlug} from './topic-slug.js'

/** The settings that change which topics are found. */
export interface FindTopicsSettings {
  readonly maxTopics: number
  readonly topicRules?: TopicRules
}

/**
 * The topics found in an article's text, with their slugs, as an article
 * gets them. Note: on its own, with only the topic modules behind it, so
 * that the topic thread (`workers/topic-worker.ts`) loads quickly.
 */
export function findTopics(text: TopicText, settings: FindTopicsSettings): Topic[] {
  const extracted = extractTopics(text, {max: settings.maxTopics, ...(settings.topicRules ? {rules: settings.topicRules} : {})})
  return extracted.map((topic) => ({name: topic.name, slug: topicSlug(topic.name), kind: topic.kind, origin: 'derived'}))
}
