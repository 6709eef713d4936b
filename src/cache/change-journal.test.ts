import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ChangeJournal, maxTrustedEvents} from './change-journal.js'

test('a journal reports each path noted since it was last settled, once and sorted', () => {
  const journal = new ChangeJournal()
  assert.deepEqual(journal.take().files, [])
  journal.note('/site/seeds/b.txt')
  journal.note('/site/seeds/a.txt')
  journal.note('/site/seeds/b.txt')
  const taken = journal.take()
  assert.deepEqual(taken.files, ['/site/seeds/a.txt', '/site/seeds/b.txt'])
  journal.settle(taken)
  assert.deepEqual(journal.take().files, [])
})

test('a path noted again after a scan began stays for the next one', () => {
  const journal = new ChangeJournal()
  journal.note('/site/seeds/a.txt')
  journal.note('/site/seeds/b.txt')
  const taken = journal.take()
  // Note: written again while the scan ran, perhaps after the scan looked at it.
  journal.note('/site/seeds/b.txt')
  journal.note('/site/seeds/c.txt')
  journal.settle(taken)
  assert.deepEqual(journal.take().files, ['/site/seeds/b.txt', '/site/seeds/c.txt'])
})

test('settling for a scan that began before the last one kept forgets nothing more', () => {
  const journal = new ChangeJournal()
  journal.note('/site/seeds/a.txt')
  const first = journal.take()
  journal.note('/site/seeds/b.txt')
  const second = journal.take()
  journal.settle(second)
  journal.note('/site/seeds/a.txt')
  journal.settle(first)
  assert.deepEqual(journal.take().files, ['/site/seeds/a.txt'])
})

test('too many events at once, reported or not, or a watch that lost track, are not trusted', () => {
  const journal = new ChangeJournal()
  for (let count = 0; count < maxTrustedEvents - 1; count++) journal.heard()
  journal.note('/site/seeds/a.txt')
  assert.deepEqual(journal.take().files, ['/site/seeds/a.txt'], 'one event under the limit')
  journal.heard()
  const flooded = journal.take()
  assert.equal(flooded.files, undefined, 'a burst this big may have overflowed the watch')
  journal.settle(flooded)
  journal.heard()
  journal.note('/site/seeds/b.txt')
  assert.deepEqual(journal.take().files, ['/site/seeds/b.txt'], 'a full scan was kept: events count again')
  journal.lose()
  const lost = journal.take()
  assert.equal(lost.files, undefined)
  journal.settle(lost)
  assert.equal(journal.take().files, undefined, 'folders made since the watch lost track are not watched: never trusted again')
})
