import test from 'node:test'
import assert from 'node:assert/strict'
import {readCorpus} from '../../../test/helpers/corpus.js'
import {extractTopics, type TopicText} from './extract-topics.js'
import {nameKey} from './name-key.js'
import {calendarWords} from './name-words.js'

/** The topic stage's input for a corpus seed: date line off, paragraphs on blank lines. */
function toTopicText(seed: string): TopicText {
  return {paragraphs: seed.replace(/^\s*date \d{4}-\d{2}-\d{2}\s/, '').split('\n\n')}
}

const articles = readCorpus(3000).map((article) => ({file: article.file, text: toTopicText(article.text)}))

test('corpus: every topic is a clean, distinct name; never a day, a month or the wire', () => {
  for (const {file, text} of articles) {
    const topics = extractTopics(text, {max: 6})
    assert.ok(topics.length <= 6, file)
    const keys = topics.map((topic) => nameKey(topic.name))
    assert.equal(new Set(keys).size, keys.length, `${file}: ${topics.map((topic) => topic.name).join(', ')}`)
    for (const topic of topics) {
      assert.match(topic.name, /^[\p{L}\p{N}<(].*[\p{L}\p{N}.')]$|^[\p{L}\p{N}]$/u, `${file}: "${topic.name}"`)
      assert.ok(!calendarWords.has(nameKey(topic.name)), `${file}: ${topic.name}`)
      assert.ok(!/^reuters?$/i.test(topic.name), `${file}: ${topic.name}`)
      assert.ok(topic.score >= 1, `${file}: ${topic.name} ${topic.score}`)
    }
  }
})

