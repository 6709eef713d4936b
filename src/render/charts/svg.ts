/**
 * Markup made only by the functions of this file, where every text and
 * attribute value was escaped. Templates may print it with `| raw`; any other string must not.
 */
export type Markup = string & {readonly brand: 'Markup'}

/** An attribute value: text is escaped, numbers are rounded, `false` and `undefined` leave the attribute out. */
export type AttributeValue = string | number | boolean | undefined

/** Escape text for an XML/HTML text node or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (char) => entities[char] as string) : text
}

const entities: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/**
 * A number for an SVG attribute: at most two decimals, no `-0`, so the same
 * chart always gives the same bytes and stays compact.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`)
  const rounded = Math.round(value * 100) / 100
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/**
 * One element with escaped attributes. Children are `Markup`: pass text
 * through `text()`, which escapes it (the type checker refuses a plain string).
 * With no children the element is self-closing (`<rect …/>`), which inline SVG
 * in HTML accepts.
 */
export function tag(name: string, attributes: Readonly<Record<string, AttributeValue>>, ...children: readonly Markup[]): Markup {
  checkName(name, /^[a-zA-Z][a-zA-Z0-9-]*$/, 'element')
  let open = `<${name}`
  for (const key in attributes) {
    const value = attributes[key]
    if (value === undefined || value === false) continue
    checkName(key, /^[a-zA-Z][a-zA-Z0-9:-]*$/, 'attribute')
    open += value === true ? ` ${key}` : ` ${key}="${typeof value === 'number' ? formatNumber(value) : escapeXml(value)}"`
  }
  if (children.length === 0) return `${open}/>` as Markup
  return `${open}>${children.join('')}</${name}>` as Markup
}

/** Names already checked: charts use a few dozen, thousands of times. */
const checkedNames = new Set<string>()

function checkName(name: string, pattern: RegExp, kind: 'element' | 'attribute'): void {
  const key = `${kind}:${name}`
  if (checkedNames.has(key)) return
  if (!pattern.test(name)) throw new Error(`not an ${kind} name: ${name}`)
  if (kind === 'element' && /^(?:script|style|foreignObject|iframe|object|embed)$/i.test(name)) throw new Error(`element ${name} is not allowed in charts`)
  // Note: the Content-Security-Policy forbids inline styles and scripts, so charts never make them.
  if (kind === 'attribute' && (/^on/i.test(name) || name === 'style')) throw new Error(`attribute ${name} is not allowed in charts`)
  checkedNames.add(key)
}

/** Text, escaped, as markup. */
export function text(value: string): Markup {
  return escapeXml(value) as Markup
}

/** Nothing: for a chart that has no data to draw. */
export const empty = '' as Markup

/** The outer `<svg>` of a chart. Sizes are in CSS pixels; the chart shrinks to fit narrow screens. */
export interface ChartFrame {
  readonly width: number
  readonly height: number
  /** CSS classes, e.g. `chart chart-timeline`. */
  readonly className: string
  /**
   * A chart without links is an image: give its text alternative here. A chart
   * whose marks are links leaves it out: it is hidden from assistive technology
   * and its links leave the tab order, because the page shows the same figures
   * and links as a table or list (one tab stop per day would be a trap).
   */
  readonly label?: string
  /** Let CSS stretch the chart to any width without keeping its aspect ratio (only for charts without text). */
  readonly stretch?: boolean
}

/** A chart's `<svg>` element around `children`, with a fixed size so nothing shifts as the page loads. */
export function chartSvg(frame: ChartFrame, ...children: readonly Markup[]): Markup {
  const accessible = frame.label === undefined ? {'aria-hidden': 'true', focusable: 'false'} : {role: 'img', 'aria-label': frame.label}
  return tag(
    'svg',
    {xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${formatNumber(frame.width)} ${formatNumber(frame.height)}`, width: frame.width, height: frame.height, preserveAspectRatio: frame.stretch ? 'none' : undefined, class: frame.className, ...accessible},
    ...(frame.label === undefined ? [] : [tag('title', {}, text(frame.label))]),
    ...children,
  )
}

/** A mark that links to a page, outside the tab order (see `ChartFrame.label`), with a tooltip. */
export function linkedMark(href: string, tooltip: string, mark: Markup): Markup {
  return tag('a', {href, tabindex: '-1'}, mark, tag('title', {}, text(tooltip)))
}
