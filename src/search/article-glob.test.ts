import test from 'node:test'
import assert from 'node:assert/strict'
import {articleGlob, matchesArticleGlob} from './article-glob.js'

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

test('an article glob matches the article files and no list page', () => {
  const glob = articleGlob('/:year/:month/:day/:slug/') as string
  assert.equal(matchesArticleGlob(glob, '1987/02/26/grain-prices-rise/index.html'), true)
  for (const file of ['1987/02/26/index.html', '1987/02/index.html', 'topics/grain/index.html', 'index.html', '1987/02/26/a/b/index.html', '1987/02/26/x/indexxhtml']) {
    assert.equal(matchesArticleGlob(glob, file), false, file)
  }
  assert.equal(matchesArticleGlob(articleGlob('/:year/:slug.html') as string, '2001/a-b.html'), true)
})
