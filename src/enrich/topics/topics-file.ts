import type {TopicKind} from '../../model/article.js'
import {fail} from '../../problems/content-error.js'
import {pointAt} from '../../problems/source-point.js'
import {noRules, type SubjectRule, type TopicAlias, type TopicRules} from './topic-rules.js'
import {readYamlTree, YamlSyntaxError, type YamlNode} from './yaml-tree.js'

export type {TopicRules} from './topic-rules.js'

type AliasKind = Exclude<TopicKind, 'subject'>
const aliasKinds: readonly AliasKind[] = ['person', 'place', 'organisation']
const sections = ['aliases', 'merges', 'blocklist', 'subjects'] as const
/** Most keyword occurrences a subject rule may ask for. */
const maxMin = 1000

/**
 * Parse and check a topics file (YAML): `aliases` (by kind: canonical name →
 * other names), `merges` (found name → name shown), `blocklist` (names never
 * shown) and `subjects` (subject name → keywords, or `{keywords, min}`).
 * An empty file means no rules.
 *
 * @param file The path as the user gave it, for messages.
 * @throws {ContentError} `topics-file-invalid` at the line and column of the mistake.
 */
export function readTopicsFile(file: string, text: string): TopicRules {
  let root: YamlNode | undefined
  try {
    root = readYamlTree(text)
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error
    return fail('topics-file-invalid', {file, place: error.place}, `the topics file is not valid YAML: ${error.message}`, {cause: error})
  }
  if (root === undefined || (root.kind === 'scalar' && root.empty)) return noRules
  const reader = new Reader(file, text)
  const top = reader.mapping(root, 'the topics file', 0)
  const seen = new Set<string>()
  let aliases: TopicAlias[] = []
  let merges: Record<string, string> = {}
  let blocklist: string[] = []
  let subjects: SubjectRule[] = []
  for (const {key, value} of top) {
    const name = reader.text(key, 'a key', 0)
    if (!(sections as readonly string[]).includes(name)) {
      reader.fail(key, 0, `\`${name}\` is not a key of the topics file; the keys are ${sections.map((section) => `\`${section}\``).join(', ')}`)
    }
    if (seen.has(name)) reader.fail(key, 0, `\`${name}\` is given twice; merge the two into one`)
    seen.add(name)
    if (name === 'aliases') aliases = readAliases(reader, value, key.offset)
    else if (name === 'merges') merges = readMerges(reader, value, key.offset)
    else if (name === 'blocklist') blocklist = reader.names(value, '`blocklist`', key.offset)
    else subjects = readSubjects(reader, value, key.offset)
  }
  return {aliases, merges, blocklist, subjects}
}

function readAliases(reader: Reader, node: YamlNode, at: number): TopicAlias[] {
  const aliases: TopicAlias[] = []
  for (const {key, value} of reader.mapping(node, '`aliases`', at)) {
    const kind = reader.text(key, 'a kind', at)
    if (!(aliasKinds as readonly string[]).includes(kind)) {
      reader.fail(key, at, `\`aliases\` has the kind \`${kind}\`; use person, place or organisation`)
    }
    for (const entry of reader.mapping(value, `\`aliases: ${kind}\``, key.offset)) {
      const name = reader.text(entry.key, 'a name', key.offset)
      const names = entry.value.kind === 'scalar' && !entry.value.empty ? [reader.text(entry.value, 'a name', entry.key.offset)] : reader.names(entry.value, `the other names of \`${name}\``, entry.key.offset)
      aliases.push({name, kind: kind as AliasKind, names})
    }
  }
  return aliases
}

function readMerges(reader: Reader, node: YamlNode, at: number): Record<string, string> {
  const merges: Record<string, string> = {}
  for (const {key, value} of reader.mapping(node, '`merges`', at)) {
    const from = reader.text(key, 'a name', at)
    merges[from] = reader.text(value, `the name that \`${from}\` is shown as`, key.offset)
  }
  return merges
}

function readSubjects(reader: Reader, node: YamlNode, at: number): SubjectRule[] {
  const subjects: SubjectRule[] = []
  for (const {key, value} of reader.mapping(node, '`subjects`', at)) {
    const name = reader.text(key, 'a subject name', at)
    if (value.kind !== 'mapping') {
      subjects.push({name, keywords: reader.names(value, `the keywords of \`${name}\``, key.offset), min: 2})
      continue
    }
    let keywords: string[] | undefined
    let min = 2
    for (const entry of value.entries) {
      const field = reader.text(entry.key, 'a key', key.offset)
      if (field === 'keywords') keywords = reader.names(entry.value, `the keywords of \`${name}\``, entry.key.offset)
      else if (field === 'min') min = reader.count(entry.value, `\`min\` of \`${name}\``, entry.key.offset)
      else reader.fail(entry.key, key.offset, `subject \`${name}\` has the key \`${field}\`; a subject has \`keywords\` and, optionally, \`min\``)
    }
    if (keywords === undefined) reader.fail(key, at, `subject \`${name}\` has no \`keywords\`; give a list of words, for example \`keywords: [crude oil, barrels]\``)
    subjects.push({name, keywords, min})
  }
  return subjects
}

/** Typed access to the YAML tree, failing at the node's line. */
class Reader {
  constructor(readonly file: string, readonly source: string) {}

  fail(node: YamlNode, fallback: number, message: string): never {
    if (node.kind === 'alias') message = 'anchors and aliases (`*name`) are not supported in the topics file; write the value out'
    const offset = node.offset >= 0 ? node.offset : fallback
    return fail('topics-file-invalid', {file: this.file, place: pointAt(this.source, offset)}, message)
  }

  mapping(node: YamlNode, what: string, at: number): readonly {key: YamlNode; value: YamlNode}[] {
    if (node.kind === 'mapping') return node.entries
    if (node.kind === 'scalar' && node.empty) return []
    return this.fail(node, at, `${what} must be a list of \`name: value\` lines`)
  }

  text(node: YamlNode, what: string, at: number): string {
    if (node.kind !== 'scalar') return this.fail(node, at, `${what} must be a single word or phrase, not a list`)
    const value = node.value.trim()
    if (node.empty || value === '') return this.fail(node, at, `${what} is empty`)
    return value
  }

  names(node: YamlNode, what: string, at: number): string[] {
    if (node.kind === 'scalar' && node.empty) return []
    if (node.kind !== 'sequence') return this.fail(node, at, `${what} must be a list, for example \`[EC, EEC]\``)
    // Note: an empty entry has no place of its own in js-yaml's events; the list's is given.
    return node.items.map((item) => (item.kind === 'scalar' && item.empty ? this.fail(node, at, `${what} has an empty entry`) : this.text(item, `an entry of ${what}`, node.offset)))
  }

  count(node: YamlNode, what: string, at: number): number {
    const text = this.text(node, what, at)
    const value = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN
    if (!(value >= 1 && value <= maxMin)) this.fail(node, at, `${what} is "${text}"; it must be a whole number from 1 to ${maxMin}`)
    return value
  }
}
