import {readdirSync, readFileSync, statSync} from 'node:fs'
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
 * Files are named by their path inside their folder (see `templateId`), never
 * by where the folders are: the same generator installed at another path
 * keeps its keys, and so does a project that gains a `templates/` folder.
 */
export function templateKeys(dirs: readonly string[], pageNames: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>()
  let everything: string | undefined
  for (const name of pageNames) {
    const used = new Map<string, string | undefined>()
    let dynamic = false
    const visit = (reference: string, from: string | undefined): void => {
      const found = resolve(dirs, reference, from)
      const id = found?.id ?? `missing:${reference}`
      if (used.has(id)) return
      if (found === undefined) {
        used.set(id, undefined)
        return
      }
      const text = readFileSync(found.file, 'utf8')
      used.set(id, text)
      if (dynamicReference.test(text)) dynamic = true
      for (const match of text.matchAll(literalReference)) visit(match[2] as string, found.file)
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
    const parts = [...used].sort(byFirst).flatMap(([id, text]) => [id, text ?? '\0missing'])
    keys.set(name, fingerprintAll(parts))
  }
  return keys
}

/**
 * The file a template name refers to, looked up as LiquidJS does: for `./`
 * and `../`, beside the including file first; then in each folder in turn.
 * Only a file inside one of the folders counts (LiquidJS refuses any other).
 */
function resolve(dirs: readonly string[], reference: string, from: string | undefined): {file: string; id: string} | undefined {
  const name = path.extname(reference) === '' ? `${reference}.html` : reference
  const beside = from && /^\.\.?\//.test(name) ? [path.resolve(path.dirname(from), name)] : []
  for (const candidate of [...beside, ...dirs.map((dir) => path.resolve(dir, name))]) {
    const id = isFile(candidate) ? templateId(dirs, candidate) : undefined
    if (id !== undefined) return {file: candidate, id}
  }
  return undefined
}

function allTemplatesKey(dirs: readonly string[]): string {
  const named: (readonly [string, string])[] = []
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
      const file = path.join(entry.parentPath, entry.name)
      const id = entry.isFile() ? templateId(dirs, file) : undefined
      if (id !== undefined) named.push([id, readFileSync(file, 'utf8')])
    }
  }
  return fingerprintAll(named.sort(byFirst).flat())
}

/**
 * A template file's name in keys: its `/`-separated path inside the first of
 * `dirs` that holds it, and how many earlier folders hold a file of that name
 * and so hide it from lookups by name (`partials/card.html#0` is the one a
 * name finds, `partials/card.html#1` a built-in one the user's file hides).
 * Undefined for a file outside every folder, which LiquidJS never renders.
 * Note: not the full path, so the same folders elsewhere give the same keys.
 */
function templateId(dirs: readonly string[], file: string): string | undefined {
  for (const [index, dir] of dirs.entries()) {
    const relative = path.relative(dir, file)
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) continue
    const hiddenBy = dirs.slice(0, index).filter((earlier) => isFile(path.join(earlier, relative))).length
    return `${relative.split(path.sep).join('/')}#${hiddenBy}`
  }
  return undefined
}

function isFile(file: string): boolean {
  return statSync(file, {throwIfNoEntry: false})?.isFile() ?? false
}

/** Entries in the order of their first item, by code unit. */
function byFirst(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}
