import test from 'node:test'
import assert from 'node:assert/strict'
import {isSiteUrl} from './site-url.js'

test('site URLs have no scheme and no host', () => {
  assert.deepEqual(['/a.png', 'a.png', '#x', 'https://x', 'data:image/png,x', '//x', ' HTTP://x'].map(isSiteUrl), [true, true, true, false, false, false, false])
})
