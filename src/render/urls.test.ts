import assert from 'node:assert/strict'
import {test} from 'node:test'
import {outputPathFor} from './urls.js'

test('a URL path maps to its file in the output folder', () => {
  assert.equal(outputPathFor('/'), 'index.html')
  assert.equal(outputPathFor('/2024/11/18/budget-passes/'), '2024/11/18/budget-passes/index.html')
  assert.equal(outputPathFor('/feed.xml'), 'feed.xml')
  assert.equal(outputPathFor('/topics/oil/page/2/'), 'topics/oil/page/2/index.html')
})

test('names with dots that are not whole segments are ordinary names', () => {
  assert.equal(outputPathFor('/.well-known/security.txt'), '.well-known/security.txt')
  assert.equal(outputPathFor('/a..b/'), 'a..b/index.html')
  assert.equal(outputPathFor('/.../'), '.../index.html')
  assert.equal(outputPathFor('/x./..y/'), 'x./..y/index.html')
})

test('a path that could leave the output folder, or is not a site path, is refused', () => {
  for (const url of ['/..', '/../', '/../etc/passwd', '/a/../../b/', '/a/..', '/.', '/./', '/a/./b/', '/a/.', 'relative/', '', '/a\\..\\b', '/a\0b']) {
    assert.throws(() => outputPathFor(url), /unsafe URL path/, url)
  }
})
