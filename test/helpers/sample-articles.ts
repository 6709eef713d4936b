import type {Article, Topic} from '../../src/model/article.js'
import {makeArticle} from './make-article.js'

/** Topic `index` of the pool `sampleArticles` draws from. */
export const sampleTopic = (index: number): Topic => ({name: `Topic ${index}`, slug: `topic-${index}`, kind: 'subject', origin: 'derived'})

/** `count` articles over a month, each with one to four of 40 topics, picked by a fixed pseudo-random sequence. */
export function sampleArticles(count = 3000): Article[] {
  const topics = Array.from({length: 40}, (_, index) => sampleTopic(index))
  let state = 12345
  const next = (below: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648
    // Note: from the high bits; the low bits of this sequence repeat with short periods.
    return Math.floor((state / 2147483648) * below)
  }
  return Array.from({length: count}, (_, index) => {
    const picked = new Set(Array.from({length: 1 + next(4)}, () => next(40)))
    return makeArticle(`a${String(index).padStart(4, '0')}.txt`, `2024-01-${String(1 + next(28)).padStart(2, '0')}`, {topics: [...picked].map((topic) => topics[topic] as Topic)})
  })
}
