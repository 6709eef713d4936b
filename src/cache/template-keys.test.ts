import assert from 'node:assert/strict'
import {cp, mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {after, test} from 'node:test'
import {makeTempDir} from '../../test/helpers/build-from-files.js'
import {templateKeys} from './template-keys.js'

const dirs: string[] = []
after(async () => {
  for (const dir of dirs) await rm(dir, {recursive: true, force: true})
})

/** A user folder and a built-in folder of templates. */
async function folders(): Promise<{user: string; builtIn: string}> {
  const root = await makeTempDir('news-archive-templates-')
  dirs.push(root)
  const user = path.join(root, 'user')
  const builtIn = path.join(root, 'built-in')
  await mkdir(path.join(builtIn, 'partials'), {recursive: true})
  await mkdir(user, {recursive: true})
  await writeFile(path.join(builtIn, 'base.html'), '<html>{% block content %}{% endblock %}</html>')
  await writeFile(path.join(builtIn, 'partials/card.html'), '<li>{{ article.title }}</li>')
  await writeFile(path.join(builtIn, 'home.html'), `{% layout "base.html" %}{% block content %}{% for a in articles %}{% render 'partials/card.html', article: a %}{% endfor %}{% endblock %}`)
  await writeFile(path.join(builtIn, 'topic.html'), '{% layout "base.html" %}{% block content %}<h1>{{ topic.name }}</h1>{% endblock %}')
  return {user, builtIn}
}

const keysOf = (dirs: {user: string; builtIn: string}): Map<string, string> => templateKeys([dirs.user, dirs.builtIn], ['home.html', 'topic.html'])

const edits: {name: string; edit: (dirs: {user: string; builtIn: string}) => Promise<void>; changes: string[]}[] = [
  {name: 'a partial only one page uses', edit: (d) => writeFile(path.join(d.builtIn, 'partials/card.html'), '<li class="x">{{ article.title }}</li>'), changes: ['home.html']},
  {name: 'the layout every page uses', edit: (d) => writeFile(path.join(d.builtIn, 'base.html'), '<html lang="en">{% block content %}{% endblock %}</html>'), changes: ['home.html', 'topic.html']},
  {name: 'a page template', edit: (d) => writeFile(path.join(d.builtIn, 'topic.html'), '{% layout "base.html" %}{% block content %}<h2>{{ topic.name }}</h2>{% endblock %}'), changes: ['topic.html']},
  {name: "a user's template that overrides a built-in one", edit: (d) => writeFile(path.join(d.user, 'topic.html'), '<p>{{ topic.name }}</p>'), changes: ['topic.html']},
  {name: 'a template that names its partial at render time', edit: (d) => writeFile(path.join(d.builtIn, 'topic.html'), '{% layout "base.html" %}{% block content %}{% render partial %}{% endblock %}'), changes: ['topic.html']},
]

for (const example of edits) {
  test(`editing ${example.name} changes the keys of ${example.changes.join(' and ')}`, async () => {
    const dirs = await folders()
    const before = keysOf(dirs)
    await example.edit(dirs)
    const after = keysOf(dirs)
    assert.deepEqual(['home.html', 'topic.html'].filter((name) => before.get(name) !== after.get(name)), example.changes)
  })
}

test('a template that names its partial at render time depends on every template', async () => {
  const dirs = await folders()
  await writeFile(path.join(dirs.builtIn, 'topic.html'), '{% render partial %}')
  const before = keysOf(dirs).get('topic.html')
  await writeFile(path.join(dirs.builtIn, 'partials/card.html'), '<li>changed</li>')
  assert.notEqual(keysOf(dirs).get('topic.html'), before)
})

test('a template that lists articles with the card filter depends on the card partial', async () => {
  const dirs = await folders()
  await writeFile(path.join(dirs.builtIn, 'topic.html'), '{% for a in articles %}{{ a | card: 2 | raw }}{% endfor %}')
  const before = keysOf(dirs)
  await writeFile(path.join(dirs.builtIn, 'partials/card.html'), '<li>changed</li>')
  const after = keysOf(dirs)
  assert.notEqual(after.get('topic.html'), before.get('topic.html'))
})

test('the keys name templates by their path inside their folder, not by where the folders are', async () => {
  const dirs = await folders()
  await writeFile(path.join(dirs.user, 'topic.html'), '{% render partial %}')
  const moved = {user: `${dirs.user}-moved`, builtIn: `${dirs.builtIn}-moved`}
  await cp(dirs.user, moved.user, {recursive: true})
  await cp(dirs.builtIn, moved.builtIn, {recursive: true})
  assert.deepEqual(keysOf(moved), keysOf(dirs), 'the same folders elsewhere give every key again')
})

test("a built-in partial reached by a relative name counts, though the user's file of the same name hides it elsewhere", async () => {
  const dirs = await folders()
  await mkdir(path.join(dirs.user, 'partials'), {recursive: true})
  const cards = async (user: string, builtIn: string): Promise<string | undefined> => {
    await writeFile(path.join(dirs.user, 'partials/card.html'), user)
    await writeFile(path.join(dirs.builtIn, 'partials/card.html'), builtIn)
    return keysOf(dirs).get('home.html')
  }
  await writeFile(path.join(dirs.builtIn, 'partials/list.html'), "<ul>{% render './card.html', article: a %}</ul>")
  await writeFile(path.join(dirs.builtIn, 'home.html'), "{% render 'partials/card.html', article: a %}{% render 'partials/list.html', a: a %}")
  const before = await cards('<li>user</li>', '<li>built-in</li>')
  assert.notEqual(await cards('<li>user</li>', '<li class="x">built-in</li>'), before, 'the hidden built-in card is edited')
  assert.notEqual(await cards('<li>built-in</li>', '<li>user</li>'), before, 'the two cards swap texts')
})

test('a relative name with nothing beside the including file is looked up in the folders, as LiquidJS does', async () => {
  const dirs = await folders()
  await writeFile(path.join(dirs.builtIn, 'partials/list.html'), "<ul>{% render './note.html' %}</ul>")
  await writeFile(path.join(dirs.builtIn, 'home.html'), "{% render 'partials/list.html' %}")
  await writeFile(path.join(dirs.user, 'note.html'), '<p>one</p>')
  const before = keysOf(dirs).get('home.html')
  await writeFile(path.join(dirs.user, 'note.html'), '<p>two</p>')
  assert.notEqual(keysOf(dirs).get('home.html'), before)
})

test('an empty templates folder of the user changes no key, even of a template that names another at render time', async () => {
  const dirs = await folders()
  await writeFile(path.join(dirs.builtIn, 'topic.html'), '{% render partial %}')
  const withoutUser = templateKeys([dirs.builtIn], ['home.html', 'topic.html'])
  assert.deepEqual(keysOf(dirs), withoutUser)
})
