import assert from 'node:assert/strict'
import {test} from 'node:test'
import {ChangeJournal, maxTrustedReports} from './change-journal.js'

test('a journal reports each path noted since it was last settled, once and sorted', () => {
  const journal = new ChangeJournal()
  assert.deepEqual(journal.take().files, [])
  journal.note('/site/seeds/b.txt')
  journal.note('/site/seeds/a.txt')
  journal.note('/site/seeds/b.txt')
  const taken = journal.take()
  assert.deepEqual(taken.files, ['/site/seeds/a.txt', '/site/seeds/b.txt'])
  journal.settle(taken.mark)
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
  journal.settle(taken.mark)
  assert.deepEqual(journal.take().files, ['/site/seeds/b.txt', '/site/seeds/c.txt'])
})

test('a scan that was not kept settles nothing, and an older mark settles nothing more', () => {
  const journal = new ChangeJournal()
  journal.note('/site/seeds/a.txt')
  const first = journal.take()
  journal.note('/site/seeds/b.txt')
  const second = journal.take()
  journal.settle(second.mark)
  journal.note('/site/seeds/a.txt')
  journal.settle(first.mark)
  assert.deepEqual(journal.take().files, ['/site/seeds/a.txt'])
})

test('too many reports at once, or a watch that lost track, are not trusted', () => {
  const journal = new ChangeJournal()
  for (let count = 0; count < maxTrustedReports; count++) journal.note(`/site/seeds/${count % 10}.txt`)
  const flooded = journal.take()
  assert.equal(flooded.files, undefined, 'a burst this big may have overflowed the watch')
  journal.settle(flooded.mark)
  journal.note('/site/seeds/a.txt')
  assert.deepEqual(journal.take().files, ['/site/seeds/a.txt'], 'a full scan was kept: reports count again')
  journal.lose()
  const lost = journal.take()
  assert.equal(lost.files, undefined)
  journal.settle(lost.mark)
  assert.equal(journal.take().files, undefined, 'folders made since the watch lost track are not watched: never trusted again')
})
