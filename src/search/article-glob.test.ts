import test from 'node:test'
import assert from 'node:assert/strict'
import {articleGlob} from './article-glob.js'

test('a permalink pattern becomes a glob of article files', () => {
  const cases: [string, string | undefined][] = [
    ['/:year/:month/:day/:slug/', '[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html'],
    ['/news/:year/:slug/', 'news/[0-9][0-9][0-9][0-9]/*/index.html'],
    ['/:slug/', '*/index.html'],
    ['/:year/:month/:slug.html', '[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.html'],
    ['/story-:slug/', 'story-*/index.html'],
    ['/[weird]/:slug/', undefined],
    ['/a b/:slug/', undefined],
  ]
  for (const [permalink, glob] of cases) assert.equal(articleGlob(permalink), glob, permalink)
})
