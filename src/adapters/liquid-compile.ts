import {
  BlockTag,
  CommentTag,
  Drop,
  ForTag,
  IfTag,
  InlineCommentTag,
  LayoutTag,
  LookupType,
  Output,
  RenderTag,
  TokenKind,
  toValue,
  TypeGuards,
  UnlessTag,
  type Liquid,
  type Template,
} from 'liquidjs'

/**
 * Compiles LiquidJS's parsed templates into plain closures, so a page renders
 * without LiquidJS's generators and per-node context objects.
 *
 * Why: LiquidJS evaluates every output, tag and property read through a
 * generator, which made it the largest single cost of a build. The closures
 * built here follow LiquidJS's own rules, read from its source (10.x): scope
 * lookup, strict variables, own properties only, `size`/`first`/`last`,
 * truthiness, `==` on arrays, whitespace control (already applied by the
 * parser, which this reuses), `render` isolation and `layout` blocks.
 *
 * Anything outside that subset (other tags and filters, drops such as `empty`,
 * ranges, `for` options, `block.super`) makes `compileTemplates` return
 * undefined, and the caller renders that template with LiquidJS. At render
 * time, a missing variable or an unexpected value throws, and the caller
 * renders the page again with LiquidJS, so errors read exactly as LiquidJS
 * words them.
 */

/** A compiled template: renders one view to HTML, or throws to ask for LiquidJS. */
export type CompiledTemplate = (view: object) => string

/** What the compiler needs from the engine. */
export interface CompileOptions {
  readonly engine: Liquid
  /** Names of registered filters that ignore `this` and may be called directly. */
  readonly plainFilters: ReadonlySet<string>
}

/** Compile `templates`, or return undefined when any part is outside the subset. */
export function compileTemplates(templates: readonly Template[], options: CompileOptions): CompiledTemplate | undefined {
  const compiler = new Compiler(options)
  let render: Render
  try {
    render = compiler.sequence(templates, noBlocks)
  } catch {
    // Outside the subset, or a partial LiquidJS cannot load yet: LiquidJS renders
    // it, and reports any mistake when the page is rendered.
    return undefined
  }
  const globals = options.engine.options.globals as object
  return (view) => {
    const out: Out = {html: ''}
    render(new Frame(view, undefined, globals), out)
    return out.html
  }
}

/** Thrown while compiling: this template is rendered by LiquidJS instead. */
class Unsupported extends Error {}

/** Thrown while rendering: this page is rendered by LiquidJS instead. */
class UseLiquid extends Error {}

interface Out {
  html: string
}

type Render = (frame: Frame, out: Out) => void
type Evaluate = (frame: Frame) => unknown
/** The child's blocks a layout renders; undefined where a block tag is not supported. */
type Blocks = ReadonlyMap<string, Render> | undefined

const noBlocks: Blocks = new Map()

/**
 * One scope of a render: the view, a loop's variables or a partial's
 * arguments. Lookup walks from the innermost frame outwards, testing names
 * with `in` as LiquidJS's `findScope` does, then falls back to the globals.
 */
class Frame {
  constructor(
    readonly vars: object,
    readonly parent: Frame | undefined,
    readonly globals: object,
  ) {}

  lookup(name: string): unknown {
    for (let frame: Frame | undefined = this; frame; frame = frame.parent) {
      if (name in frame.vars) return readProperty(frame.vars, name)
    }
    return readProperty(this.globals, name)
  }
}

/** `forloop`, with the same members, in the same order, as LiquidJS's ForloopDrop. */
class LoopState extends Drop {
  i: number
  readonly length: number
  readonly name: string
  constructor(length: number, name: string) {
    super()
    this.i = 0
    this.length = length
    this.name = name
  }
  next(): void {
    this.i++
  }
  index0(): number {
    return this.i
  }
  index(): number {
    return this.i + 1
  }
  first(): boolean {
    return this.i === 0
  }
  last(): boolean {
    return this.i === this.length - 1
  }
  rindex(): number {
    return this.length - this.i
  }
  rindex0(): number {
    return this.length - this.i - 1
  }
  /** What `{{ forloop }}` prints. */
  override valueOf(): string {
    return JSON.stringify(this)
  }
}

// Parsed shapes LiquidJS keeps in fields its type declarations mark private.
interface ParsedFilter {
  readonly name: string
  readonly handler: (...args: unknown[]) => unknown
  readonly args: readonly unknown[]
}
interface ParsedValue {
  readonly initial: {readonly postfix: readonly unknown[]}
  readonly filters: readonly ParsedFilter[]
}
interface ParsedHash {
  readonly hash: Record<string, unknown>
}
interface ParsedRender {
  readonly file: unknown
  readonly hash: ParsedHash
  readonly with?: unknown
  readonly forBinding?: unknown
}
interface ParsedLayout {
  readonly file: unknown
  readonly args: ParsedHash
  readonly templates: readonly Template[]
}
interface ParsedToken {
  readonly kind: number
  readonly content?: unknown
  readonly operator?: string
  readonly variable?: unknown
  readonly props?: readonly ParsedToken[]
}
interface HtmlTemplate {
  readonly token: {readonly kind: number}
  readonly str: string
}

class Compiler {
  private readonly partials = new Map<string, Render>()
  private readonly partialsInProgress = new Set<string>()
  private readonly escapeFilter: unknown
  private readonly rawFilter: unknown

  constructor(private readonly options: CompileOptions) {
    this.escapeFilter = options.engine.options.outputEscape
    this.rawFilter = (options.engine.filters as Record<string, {handler?: unknown} | undefined>)['raw']?.handler
  }

  sequence(templates: readonly Template[], blocks: Blocks): Render {
    return joinParts(templates.map((template) => this.part(template, blocks)))
  }

  /** One node of a sequence: its text, what an output prints, or how a tag renders. */
  private part(template: Template, blocks: Blocks): Part {
    if (isHtml(template)) return {text: template.str}
    if (template instanceof Output) {
      const value = template.value as unknown as ParsedValue
      const last = value.filters[value.filters.length - 1]
      // Note: an output that ends in `escape` prints a string, which `stringify(toValue(…))` gives back as it is.
      if (last !== undefined && last.handler === this.escapeFilter) return {escaped: this.value(value, value.filters.slice(0, -1))}
      return {printed: this.value(value)}
    }
    return {render: this.tag(template, blocks)}
  }

  private tag(template: Template, blocks: Blocks): Render {
    if (template instanceof IfTag) return this.ifTag(template, blocks)
    if (template instanceof UnlessTag) return this.unlessTag(template, blocks)
    if (template instanceof ForTag) return this.forTag(template, blocks)
    if (template instanceof RenderTag) return this.renderTag(template as unknown as ParsedRender)
    if (template instanceof LayoutTag) return this.layoutTag(template as unknown as ParsedLayout)
    if (template instanceof BlockTag) return this.blockTag(template, blocks)
    if (template instanceof CommentTag || template instanceof InlineCommentTag) return () => {}
    throw new Unsupported()
  }

  private ifTag(tag: IfTag, blocks: Blocks): Render {
    const branches = tag.branches.map((branch) => ({
      test: this.value(branch.value as unknown as ParsedValue),
      body: this.sequence(branch.templates, blocks),
    }))
    const otherwise = this.sequence(tag.elseTemplates ?? [], blocks)
    return (frame, out) => {
      for (const {test, body} of branches) {
        if (isTruthy(toValue(test(frame)))) return body(frame, out)
      }
      otherwise(frame, out)
    }
  }

  private unlessTag(tag: UnlessTag, blocks: Blocks): Render {
    const parsed = tag as unknown as {
      branches: {value: ParsedValue; test: unknown; templates: Template[]}[]
      elseTemplates: Template[]
    }
    // The first branch renders when its test is falsy; `elsif` branches when truthy.
    const branches = parsed.branches.map((branch, index) => ({
      test: this.value(branch.value),
      wanted: index > 0,
      body: this.sequence(branch.templates, blocks),
    }))
    const otherwise = this.sequence(parsed.elseTemplates, blocks)
    return (frame, out) => {
      for (const {test, wanted, body} of branches) {
        if (isTruthy(toValue(test(frame))) === wanted) return body(frame, out)
      }
      otherwise(frame, out)
    }
  }

  private forTag(tag: ForTag, blocks: Blocks): Render {
    // Note: a loop variable named `forloop` breaks LiquidJS's own loop, which then reports an error.
    if (Object.keys((tag.hash as unknown as ParsedHash).hash).length > 0 || tag.variable === 'forloop') throw new Unsupported()
    const collection = this.token(tag.collection as unknown as ParsedToken)
    const name = `${tag.variable}-${tag.collection.getText()}`
    const variable = tag.variable
    const body = this.sequence(tag.templates, blocks)
    const otherwise = this.sequence(tag.elseTemplates, blocks)
    return (frame, out) => {
      const items = toEnumerable(collection(frame))
      if (items.length === 0) return otherwise(frame, out)
      const loop = new LoopState(items.length, name)
      const vars: Record<string, unknown> = Object.create(null)
      vars['forloop'] = loop
      const inner = new Frame(vars, frame, frame.globals)
      for (const item of items) {
        vars[variable] = item
        body(inner, out)
        loop.next()
      }
    }
  }

  private renderTag(tag: ParsedRender): Render {
    if (typeof tag.file !== 'string' || tag.with !== undefined || tag.forBinding !== undefined) throw new Unsupported()
    const partial = this.partial(tag.file, LookupType.Partials)
    const args = Object.entries(tag.hash.hash).map(([key, token]): [string, Evaluate] => [
      key,
      token === undefined ? () => true : this.token(token as ParsedToken),
    ])
    return (frame, out) => {
      // A partial sees only its arguments (and the globals), as `render` promises.
      const vars: Record<string, unknown> = Object.create(null)
      for (const [key, value] of args) vars[key] = value(frame)
      partial(new Frame(vars, undefined, frame.globals), out)
    }
  }

  private layoutTag(tag: ParsedLayout): Render {
    if (typeof tag.file !== 'string' || Object.keys(tag.args.hash).length > 0) throw new Unsupported()
    // The child's blocks replace the layout's; text outside them is dropped, as
    // LiquidJS drops it unless the layout has an anonymous block.
    const own = new Map<string, Render>()
    for (const template of tag.templates) {
      if (isHtml(template) || template instanceof CommentTag) continue
      if (!(template instanceof BlockTag) || template.block === '' || own.has(template.block)) throw new Unsupported()
      own.set(template.block, this.sequence(template.templates, undefined))
    }
    return this.partial(tag.file, LookupType.Layouts, own)
  }

  private blockTag(tag: BlockTag, blocks: Blocks): Render {
    // Blocks nested in a child's block, and anonymous blocks, follow rules of their own.
    if (blocks === undefined || tag.block === '') throw new Unsupported()
    return blocks.get(tag.block) ?? this.sequence(tag.templates, blocks)
  }

  /** A partial or layout by name, compiled once (layouts once per set of blocks). */
  private partial(file: string, lookup: LookupType, blocks: Blocks = noBlocks): Render {
    // Relative names resolve against the including file; leave them to LiquidJS.
    if (file.startsWith('.')) throw new Unsupported()
    const key = `${lookup}:${file}`
    const cacheable = blocks === noBlocks
    const cached = cacheable ? this.partials.get(key) : undefined
    if (cached) return cached
    if (this.partialsInProgress.has(key)) throw new Unsupported()
    this.partialsInProgress.add(key)
    try {
      const templates = this.options.engine.parseFileSync(file, lookup)
      if (lookup === LookupType.Layouts && templates.some((template) => template instanceof LayoutTag)) throw new Unsupported()
      const render = this.sequence(templates, blocks)
      if (cacheable) this.partials.set(key, render)
      return render
    } finally {
      this.partialsInProgress.delete(key)
    }
  }

  /** An output or tag value: its expression, then its filters in order. */
  private value(value: ParsedValue, filters: readonly ParsedFilter[] = value.filters): Evaluate {
    let evaluate = this.expression(value.initial.postfix as readonly ParsedToken[])
    for (const filter of filters) evaluate = this.filter(filter, evaluate)
    return evaluate
  }

  private filter(filter: ParsedFilter, input: Evaluate): Evaluate {
    if (filter.handler === this.escapeFilter) return (frame) => escapeHtml(stringify(input(frame)))
    if (filter.name === 'raw' && filter.handler === this.rawFilter) return input
    if (!this.options.plainFilters.has(filter.name)) throw new Unsupported()
    const handler = filter.handler
    const args = filter.args.map((arg) => {
      if (Array.isArray(arg)) throw new Unsupported()
      return this.token(arg as ParsedToken)
    })
    return (frame) => handler(input(frame), ...args.map((arg) => arg(frame)))
  }

  /** A postfix expression, evaluated operand by operand as LiquidJS does (no short circuit). */
  private expression(postfix: readonly ParsedToken[]): Evaluate {
    const stack: Evaluate[] = []
    for (const token of postfix) {
      if (!TypeGuards.isOperatorToken(token)) {
        stack.push(this.token(token))
        continue
      }
      const operator = token.operator
      const right = stack.pop()
      if (right === undefined) throw new Unsupported()
      if (operator === 'not') {
        stack.push((frame) => !isTruthy(toValue(right(frame))))
        continue
      }
      const left = stack.pop()
      if (left === undefined) throw new Unsupported()
      stack.push(binary(operator, left, right))
    }
    if (stack.length !== 1) throw new Unsupported()
    return stack[0] as Evaluate
  }

  private token(token: ParsedToken): Evaluate {
    if (TypeGuards.isPropertyAccessToken(token)) return this.propertyAccess(token as unknown as ParsedToken)
    if (TypeGuards.isQuotedToken(token) || TypeGuards.isNumberToken(token)) {
      const content = token.content
      return () => content
    }
    if (TypeGuards.isLiteralToken(token)) {
      // `nil`, `empty` and `blank` are drops with their own comparisons.
      const content = token.content
      if (typeof content !== 'boolean') throw new Unsupported()
      return () => content
    }
    throw new Unsupported()
  }

  private propertyAccess(token: ParsedToken): Evaluate {
    if (token.variable !== undefined) throw new Unsupported()
    const keys = (token.props ?? []).map((prop) => {
      if (prop.kind !== TokenKind.Word && !TypeGuards.isQuotedToken(prop) && !TypeGuards.isNumberToken(prop)) throw new Unsupported()
      return prop.content as string | number
    })
    const [first, ...rest] = keys
    // `block.super` needs the block drop LiquidJS keeps in its context.
    if (typeof first !== 'string' || first === 'block') throw new Unsupported()
    return (frame) => {
      let value = frame.lookup(first)
      if (value === undefined) throw new UseLiquid()
      for (const key of rest) {
        value = readProperty(value, key)
        if (value === undefined) throw new UseLiquid()
      }
      return value
    }
  }
}

/** A node of a sequence, as `joinParts` puts it together. */
type Part = {readonly text: string} | {readonly escaped: Evaluate} | {readonly printed: Evaluate} | {readonly render: Render}

/**
 * One function that renders a sequence's parts in order, with its text and
 * calls written out as code. Note: as a closure that called one closure per
 * part (and one more for each output's `escape`), rendering spent half its
 * time, 1.3 s in a build of 10,000 articles, in those closures themselves:
 * every call went through the same few places in the code, which V8 cannot
 * inline. Here each call has a place of its own (rendering took 2.34 s
 * instead of 2.57 s in the same profile). The only text of a template put
 * into the code is each part's text, as a JSON string. Where code may not
 * be made from text (`--disallow-code-generation-from-strings`), the
 * template does not compile, and LiquidJS renders it.
 */
function joinParts(parts: readonly Part[]): Render {
  const calls: unknown[] = []
  const call = (evaluate: unknown): string => `part${calls.push(evaluate) - 1}`
  const lines = parts.map((part) => {
    if ('text' in part) return `out.html += ${JSON.stringify(part.text)}`
    if ('escaped' in part) return `out.html += escapeHtml(stringify(${call(part.escaped)}(frame)))`
    if ('printed' in part) return `out.html += stringify(toValue(${call(part.printed)}(frame)))`
    return `${call(part.render)}(frame, out)`
  })
  const names = calls.map((_, index) => `part${index}`)
  const make = new Function('escapeHtml', 'stringify', 'toValue', ...names, `return (frame, out) => {\n${lines.join('\n')}\n}`) as (...helpers: unknown[]) => Render
  return make(escapeHtml, stringify, toValue, ...calls)
}

function isHtml(template: Template): template is Template & HtmlTemplate {
  const candidate = template as Partial<HtmlTemplate>
  return candidate.token?.kind === TokenKind.HTML && typeof candidate.str === 'string'
}

function binary(operator: string | undefined, left: Evaluate, right: Evaluate): Evaluate {
  switch (operator) {
    case '==':
      return (frame) => equals(left(frame), right(frame))
    case '!=':
      return (frame) => !equals(left(frame), right(frame))
    case '>':
      return (frame) => {
        const [l, r] = comparable(left(frame), right(frame))
        return l > r
      }
    case '<':
      return (frame) => {
        const [l, r] = comparable(left(frame), right(frame))
        return l < r
      }
    case '>=':
      return (frame) => {
        const [l, r] = comparable(left(frame), right(frame))
        return l >= r
      }
    case '<=':
      return (frame) => {
        const [l, r] = comparable(left(frame), right(frame))
        return l <= r
      }
    case 'and':
      return (frame) => {
        const l = left(frame)
        const r = right(frame)
        return isTruthy(toValue(l)) && isTruthy(toValue(r))
      }
    case 'or':
      return (frame) => {
        const l = left(frame)
        const r = right(frame)
        return isTruthy(toValue(l)) || isTruthy(toValue(r))
      }
    default:
      throw new Unsupported()
  }
}

/** Both sides of `>`, `<`, `>=` or `<=`, compared with JavaScript's operators as LiquidJS does. */
function comparable(left: unknown, right: unknown): [number, number] {
  if (isComparable(left) || isComparable(right)) throw new UseLiquid()
  return [toValue(left) as number, toValue(right) as number]
}

function equals(left: unknown, right: unknown): boolean {
  if (isComparable(left) || isComparable(right)) throw new UseLiquid()
  const l = toValue(left)
  const r = toValue(right)
  if (Array.isArray(l)) return Array.isArray(r) && l.length === r.length && l.every((item, index) => equals(item, r[index]))
  return l === r
}

function isComparable(value: unknown): boolean {
  if (!value || (typeof value !== 'object' && typeof value !== 'function')) return false
  const candidate = value as Record<string, unknown>
  return ['equals', 'gt', 'geq', 'lt', 'leq'].every((method) => typeof candidate[method] === 'function')
}

function isTruthy(value: unknown): boolean {
  return value !== false && value !== undefined && value !== null
}

function stringify(value: unknown): string {
  const plain = toValue(value)
  if (typeof plain === 'string') return plain
  if (plain === null || plain === undefined) return ''
  if (Array.isArray(plain)) return plain.map(stringify).join('')
  return String(plain)
}

function toEnumerable(value: unknown): readonly unknown[] {
  const plain = toValue(value)
  if (Array.isArray(plain)) return plain
  if (typeof plain === 'string') return plain.length > 0 ? [plain] : []
  if (plain !== null && (typeof plain === 'object' || typeof plain === 'function')) {
    if (Symbol.iterator in plain) return Array.from(plain as Iterable<unknown>)
    return Object.keys(plain).map((key) => [key, (plain as Record<string, unknown>)[key]])
  }
  return []
}

const hasOwn = Object.prototype.hasOwnProperty

/** LiquidJS's `readProperty` with `ownPropertyOnly`, for values without `toLiquid`. */
function readProperty(target: unknown, key: string | number): unknown {
  if (target === null || target === undefined) return target
  const object = target as Record<string | number, unknown>
  if (typeof object['toLiquid'] === 'function') throw new UseLiquid()
  if (Array.isArray(object) && typeof key === 'number') {
    const index = key < 0 ? object.length + key : key
    return hasOwn.call(object, index) ? object[index] : undefined
  }
  const isDrop = object instanceof Drop
  const value = isDrop || hasOwn.call(object, key) ? object[key] : undefined
  if (value === undefined && isDrop) {
    // A drop answers for missing members itself; `forloop` answers nothing.
    if (object instanceof LoopState) return undefined
    throw new UseLiquid()
  }
  if (typeof value === 'function') return (value as () => unknown).call(object)
  if (key === 'size') return readSize(object)
  if (key === 'first') return Array.isArray(object) ? readProperty(object, 0) : value
  if (key === 'last') return Array.isArray(object) ? readProperty(object, -1) : value
  return value
}

function readSize(object: Record<string | number, unknown>): unknown {
  if (hasOwn.call(object, 'size') || object['size'] !== undefined) return object['size']
  if (Array.isArray(object) || typeof object === 'string') return object.length
  if (typeof object === 'object') return Object.keys(object).length
  return undefined
}

const htmlEscapes: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'}
const htmlSpecial = /[&<>"']/
const htmlSpecialAll = /[&<>"']/g

/** LiquidJS's `escape` filter: the same five characters, the same entities. */
function escapeHtml(text: string): string {
  return htmlSpecial.test(text) ? text.replace(htmlSpecialAll, (match) => htmlEscapes[match] as string) : text
}

