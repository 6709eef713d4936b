import {Liquid, type Template} from 'liquidjs'
import {compileTemplates, type CompiledTemplate, type CompileOptions} from './liquid-compile.js'

/** A set of parsed templates, ready to render pages. */
export interface TemplateSet {
  /** Render the template `name` (e.g. `article.html`) with a view model. */
  render(name: string, view: object): string
  /** Names of all templates that were parsed. */
  readonly names: readonly string[]
  /** Names of the templates that render without LiquidJS (see liquid-compile.ts). */
  readonly compiledNames: readonly string[]
}

/** A template mistake, with the template's file and 1-based line and column. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError'
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/**
 * Parse every page template up front, so a mistake is reported before any
 * page renders. `dirs` are searched in order (the user's folder first, then
 * the built-in one) for templates, layouts and partials. Templates within
 * the subset `liquid-compile.ts` handles (all the built-in ones) render as
 * compiled closures; the rest through LiquidJS. With `keepCards`, each
 * article's card is rendered once per heading level (see `registerCardFilter`).
 */
export function loadTemplates(dirs: readonly string[], pageNames: readonly string[], options: {readonly keepCards?: boolean} = {}): TemplateSet {
  const engine = createEngine(dirs, true, options.keepCards)
  const parsed = new Map<string, Template[]>()
  const compiled = new Map<string, CompiledTemplate>()
  for (const name of pageNames) {
    let templates: Template[]
    try {
      templates = engine.parseFileSync(name)
      // Render once with no data would trip strictVariables; partials are checked when pages render.
    } catch (error) {
      throw toTemplateError(error, name)
    }
    parsed.set(name, templates)
    const fast = compileTemplates(templates, compileOptions(engine))
    if (fast) compiled.set(name, fast)
  }
  return {
    names: [...parsed.keys()],
    compiledNames: [...compiled.keys()],
    render(name, view) {
      const templates = parsed.get(name)
      if (!templates) throw new Error(`template ${name} was not loaded`)
      try {
        return renderFast(engine, templates, compiled.get(name), view)
      } catch (error) {
        throw toTemplateError(error, name)
      }
    },
  }
}

/**
 * Render with the compiled template when there is one. If it gives up (a
 * missing variable, a value it does not handle), LiquidJS renders the page
 * again: the result is the same, and so is the wording of any error.
 */
function renderFast(engine: Liquid, templates: Template[], fast: CompiledTemplate | undefined, view: object): string {
  if (fast) {
    try {
      return fast(view)
    } catch {
      // Fall through to LiquidJS.
    }
  }
  return engine.renderSync(templates, view) as string
}

/** The card filter renders a template of its own and ignores LiquidJS's `this`, so compiled pages may call it. */
export function compileOptions(engine: Liquid): CompileOptions {
  return {engine, plainFilters: new Set(['card'])}
}

/**
 * The LiquidJS engine pages render with, or fall back to. With `compile`
 * false, the card filter renders through LiquidJS too (tests compare the two);
 * `keepCards` keeps the cards it renders (see `registerCardFilter`).
 * Note: LiquidJS does not escape by default; `outputEscape: 'escape'` makes every
 * `{{ value }}` escaped, and only `| raw` (used for the sanitised body) is trusted.
 */
export function createEngine(dirs: readonly string[], compile = true, keepCards = false): Liquid {
  const engine = new Liquid({
    root: [...dirs],
    layouts: [...dirs],
    partials: [...dirs],
    extname: '.html',
    outputEscape: 'escape',
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
    greedy: false,
  })
  registerCardFilter(engine, compile, keepCards)
  return engine
}

/** The partial a listing renders for each article it shows. */
const cardPartial = 'partials/card.html'

/**
 * Filters that render a template of their own, by filter name. A page that
 * uses `| card` depends on `partials/card.html` as surely as one that says
 * `{% render %}`, so the build cache must know.
 */
export const filterTemplates: ReadonlyMap<string, string> = new Map([['card', cardPartial]])

/**
 * `{{ article | card: 2 | raw }}` renders `partials/card.html` with `article`
 * and heading `level`. The partial sees only `article` and `level`, as with
 * `{% render %}`, and escapes its output itself, so its result is safe to
 * pass through `raw`.
 *
 * Note: an article appears on a dozen listings (home, day, each topic,
 * related articles), as the same card object (`ViewBuilder.card`), which no
 * one changes. With `keepCards`, a compiled card's HTML is kept, once per
 * article and level, as one flat string: in cold builds of 10,000 corpus
 * articles the write stage took 2.36-2.60 s against 2.55-2.90 s without
 * (shorter in each of six pairs), for 30 MiB more peak memory. Kept as the
 * rope of pieces that rendering makes, it saved nothing: each page that
 * showed it walked the rope again. At 100,000 articles keeping every card
 * cost 430 MB of peak memory, hence the option. A card LiquidJS must render
 * is always kept.
 */
function registerCardFilter(engine: Liquid, compile: boolean, keepCards: boolean): void {
  let template: Template[] | undefined
  let fast: CompiledTemplate | undefined
  const rendered = new WeakMap<object, Map<number, string>>()
  engine.registerFilter('card', (article: unknown, level: unknown = 2) => {
    if (typeof article !== 'object' || article === null) throw new Error('the card filter needs an article')
    const headingLevel = Number(level)
    if (!template) {
      template = engine.parseFileSync(cardPartial)
      fast = compile ? compileTemplates(template, compileOptions(engine)) : undefined
    }
    if (fast && !keepCards) return renderFast(engine, template, fast, {article, level: headingLevel})
    let byLevel = rendered.get(article)
    if (!byLevel) {
      byLevel = new Map()
      rendered.set(article, byLevel)
    }
    let html = byLevel.get(headingLevel)
    if (html === undefined) {
      html = fast ? flatten(renderFast(engine, template, fast, {article, level: headingLevel})) : (engine.renderSync(template, {article, level: headingLevel}) as string)
      byLevel.set(headingLevel, html)
    }
    return html
  })
}

/**
 * `text`, made one flat string in place, so that each page that shows it
 * copies it whole. Note: V8 flattens a regular expression's subject before
 * matching, and this one fails at the first character.
 */
function flatten(text: string): string {
  nothingAtAll.test(text)
  return text
}
const nothingAtAll = /^\0$/

function toTemplateError(error: unknown, name: string): TemplateError {
  const liquidError = error as {message?: string; token?: {file?: string; getPosition?: () => [number, number]}; originalError?: unknown}
  const token = liquidError.token
  const [line, column] = token?.getPosition ? token.getPosition() : [1, 1]
  const file = token?.file ?? name
  const message = String(liquidError.message ?? error).split('\n')[0]?.replace(/, line:\d+, col:\d+$/, '') ?? 'template error'
  return new TemplateError(message, file, line, column, {cause: error})
}
