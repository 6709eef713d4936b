import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {filterTemplates} from '../adapters/liquid.js'
import {fingerprintAll} from './hash.js'

/** A tag that pulls in another template by a quoted name: `{% layout "base.html" %}`, `{% render 'partials/card.html' %}`. */
const literalReference = /\b(?:layout|render|include)\s+(["'])([^"'\n]+)\1/g
/** A filter applied to a value, `{{ article | card: 2 }}`: some filters render a template of their own. */
const filterUse = /\|\s*([A-Za-z_][\w-]*)/g
/** The same tags with a name computed at render time, which no reading of the file can follow. */
const dynamicReference = /(?:\{%-?|^)\s*(?:layout|render|include)\s+(?!["']|none\b)\S/m

/**
 * A fingerprint per page template of everything it renders with: its own
 * text and that of every layout and partial it uses, followed to the end,
 * each looked up in `dirs` in order (the user's folder first) as LiquidJS
 * does, and the templates of filters such as `| card`. Editing `topic.html` changes only the topic pages' key; editing
 * `base.html` changes every page's. A template that names another one at
 * render time (`{% render name %}`) depends on every template there is.
 * Files are named by their path inside their folder, never by where the
 * folders are: the same generator installed at another path keeps its keys,
 * and so does a project that gains a `templates/` folder of its own. Their text is in the key, so a file that
 * overrides a built-in one changes the key unless it is a copy.
 */
export function templateKeys(dirs: readonly string[], pageNames: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>()
  let everything: string | undefined
  for (const name of pageNames) {
    // Note: by file, not by name in the key: `./card.html` beside a built-in partial and the user's `card.html` share a name.
    const used = new Map<string, {readonly id: string; readonly text: string | undefined}>()
    let dynamic = false
    const visit = (reference: string, from: string | undefined): void => {
      const file = resolve(dirs, reference, from)
      const seen = file ?? `missing:${reference}`
      if (used.has(seen)) return
      const text = file ? readFileSync(file, 'utf8') : undefined
      used.set(seen, {id: file ? templateId(dirs, file) : seen, text})
      if (text === undefined) return
      if (dynamicReference.test(text)) dynamic = true
      for (const match of text.matchAll(literalReference)) visit(match[2] as string, file)
      for (const match of text.matchAll(filterUse)) {
        const template = filterTemplates.get(match[1] as string)
        if (template) visit(template, undefined)
      }
    }
    visit(name, undefined)
    if (dynamic) {
      everything ??= allTemplatesKey(dirs)
      keys.set(name, everything)
      continue
    }
    const parts = [...used.values()].map(({id, text}) => [id, text ?? '\0missing'] as const).sort(byIdThenText).flat()
    keys.set(name, fingerprintAll(parts))
  }
  return keys
}

/** The file a template name refers to: relative to the including file for `./` and `../`, else the first folder that has it. */
function resolve(dirs: readonly string[], reference: string, from: string | undefined): string | undefined {
  const name = path.extname(reference) === '' ? `${reference}.html` : reference
  const candidates = from && /^\.\.?\//.test(name) ? [path.resolve(path.dirname(from), name)] : dirs.map((dir) => path.resolve(dir, name))
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile())
}

function allTemplatesKey(dirs: readonly string[]): string {
  const parts: string[] = []
  for (const dir of dirs) {
    const files: string[] = []
    for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name))
    const named = files.map((file) => [templateId(dirs, file), file] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    // Note: folder by folder in lookup order, since a name in an earlier folder hides the same name in a later one.
    parts.push('\0folder', ...named.flatMap(([id, file]) => [id, readFileSync(file, 'utf8')]))
  }
  return fingerprintAll(parts)
}

function byIdThenText(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0
}

/**
 * A template file's name in keys: its `/`-separated path inside the first of
 * `dirs` that holds it (`partials/card.html`). A file outside every folder
 * (reached by `../`) keeps its full path.
 */
function templateId(dirs: readonly string[], file: string): string {
  for (const dir of dirs) {
    const relative = path.relative(dir, file)
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/')
  }
  return file
}
