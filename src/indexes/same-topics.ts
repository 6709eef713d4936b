import type {Topic} from '../model/article.js'

/** Whether two lists of topics name the same topics, in the same order, with the same spellings, kinds and origins. */
export function sameTopics(topics: readonly Topic[], old: readonly Topic[]): boolean {
  if (topics === old) return true
  if (topics.length !== old.length) return false
  for (let at = 0; at < topics.length; at++) {
    const topic = topics[at] as Topic
    const was = old[at] as Topic
    if (topic !== was && (topic.slug !== was.slug || topic.name !== was.name || topic.kind !== was.kind || topic.origin !== was.origin)) return false
  }
  return true
}
