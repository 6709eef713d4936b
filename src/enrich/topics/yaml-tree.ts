import {EVENT_ID, getScalarValue, parseEvents, YAMLException, type Event} from 'js-yaml'
import type {SourcePoint} from '../../problems/source-point.js'

/** A YAML value with the offset where it starts, so errors can name its line. */
export type YamlNode =
  | {readonly kind: 'scalar'; readonly value: string; readonly offset: number; readonly empty: boolean}
  | {readonly kind: 'sequence'; readonly items: readonly YamlNode[]; readonly offset: number}
  | {readonly kind: 'mapping'; readonly entries: readonly {readonly key: YamlNode; readonly value: YamlNode}[]; readonly offset: number}
  | {readonly kind: 'alias'; readonly offset: number}

/** YAML that does not parse, at a 1-based place. */
export class YamlSyntaxError extends Error {
  override readonly name = 'YamlSyntaxError'
  constructor(message: string, readonly place: SourcePoint, options?: ErrorOptions) {
    super(message, options)
  }
}

type Building =
  | {kind: 'sequence'; items: YamlNode[]; offset: number}
  | {kind: 'mapping'; entries: {key: YamlNode; value: YamlNode}[]; pendingKey: YamlNode | undefined; offset: number}
  | {kind: 'document'; root: YamlNode | undefined}

/**
 * Parse the first YAML document of `text` into a tree that keeps where each
 * value starts. Every scalar is kept as its text (`yes`, `1987` and `null`
 * stay words), which suits a file of names.
 * Note: js-yaml's event parser is used rather than `load`, whose values
 * carry no positions.
 *
 * @throws {YamlSyntaxError} When the text is not YAML, or holds several documents.
 */
export function readYamlTree(text: string): YamlNode | undefined {
  let events: Event[]
  try {
    events = parseEvents(text, {maxDepth: 20})
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error
    const mark = error.mark
    throw new YamlSyntaxError(error.reason, {line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1}, {cause: error})
  }
  const stack: Building[] = []
  let root: YamlNode | undefined
  let documents = 0
  const attach = (node: YamlNode): void => {
    const parent = stack[stack.length - 1]!
    if (parent.kind === 'sequence') parent.items.push(node)
    else if (parent.kind === 'document') parent.root = node
    else if (parent.pendingKey === undefined) parent.pendingKey = node
    else {
      parent.entries.push({key: parent.pendingKey, value: node})
      parent.pendingKey = undefined
    }
  }
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT: {
        documents++
        if (documents > 1) throw new YamlSyntaxError('the file holds more than one YAML document (a second `---`); keep everything in one', {line: 1, column: 1})
        stack.push({kind: 'document', root: undefined})
        break
      }
      case EVENT_ID.MAPPING: {
        stack.push({kind: 'mapping', entries: [], pendingKey: undefined, offset: event.start})
        break
      }
      case EVENT_ID.SEQUENCE: {
        stack.push({kind: 'sequence', items: [], offset: event.start})
        break
      }
      case EVENT_ID.SCALAR: {
        const empty = event.valueStart === -1
        attach({kind: 'scalar', value: empty ? '' : getScalarValue(text, event), offset: empty ? -1 : event.valueStart, empty})
        break
      }
      case EVENT_ID.ALIAS: {
        attach({kind: 'alias', offset: Math.max(0, event.anchorStart - 1)}) // at the `*`
        break
      }
      case EVENT_ID.POP: {
        const done = stack.pop()!
        if (done.kind === 'document') root = done.root
        else attach(done.kind === 'mapping' ? {kind: 'mapping', entries: done.entries, offset: done.offset} : {kind: 'sequence', items: done.items, offset: done.offset})
        break
      }
    }
  }
  return root
}
