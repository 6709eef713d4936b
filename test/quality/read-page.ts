import {parse, type DefaultTreeAdapterMap} from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

/** One URL a page refers to. */
export interface PageLink {
  /** `a[href]`, `img[src]`, `meta[og:url]`… */
  readonly where: string
  readonly url: string
  /** 1-based line in the page. */
  readonly line: number
}

/** What the quality gates need to know about one HTML page. */
export interface PageFacts {
  readonly links: PageLink[]
  /** Every `id`, for checking `#fragment` links. */
  readonly ids: string[]
  /** The `Content-Security-Policy` of its `<meta http-equiv>`, if any. */
  readonly csp: string | undefined
  /** Everything in the page that could run script but a site script file: `line N: what`; empty for a safe page. */
  readonly scriptRisks: string[]
}

/** Link attributes by element. */
const linkAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  button: ['formaction'],
  input: ['formaction', 'src'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
}

/** `<meta>` whose content is a URL: OpenGraph and Twitter cards. */
const urlMeta = new Set(['og:url', 'og:image', 'og:audio', 'og:video', 'twitter:image'])

/** Elements that run or embed active content whatever their attributes. */
const activeElements = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal'])

/** Script types that browsers do not run: data blocks. */
const dataScriptTypes = new Set(['application/ld+json', 'application/json'])

/** Read a page's links, ids, CSP and anything in it that could run script. */
export function readPage(html: string): PageFacts {
  const facts = {links: [] as PageLink[], ids: [] as string[], csp: undefined as string | undefined, scriptRisks: [] as string[]}
  const visit = (node: Node): void => {
    if ('tagName' in node) collect(node, facts)
    if (node.nodeName === 'template' && 'content' in node) visit(node.content as unknown as Node)
    if ('childNodes' in node) for (const child of node.childNodes) visit(child)
  }
  visit(parse(html, {sourceCodeLocationInfo: true}))
  return facts
}

function attributeName(attr: {name: string; prefix?: string}): string {
  return attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name
}

/** Whether a URL would run script when followed or loaded. */
function isScriptUrl(value: string): boolean {
  // Note: browsers ignore ASCII whitespace and control characters inside the scheme.
  return /^(javascript|vbscript|data:text\/html|data:image\/svg)/i.test(value.replace(/[\u0000-\u0020]/g, ''))
}

function collect(element: Element, facts: {links: PageLink[]; ids: string[]; csp: string | undefined; scriptRisks: string[]}): void {
  const line = element.sourceCodeLocation?.startLine ?? 0
  const attribute = (name: string): string | undefined => element.attrs.find((attr) => attributeName(attr) === name)?.value
  const risk = (what: string): void => void facts.scriptRisks.push(`line ${line}: ${what}`)
  const id = attribute('id')
  if (id !== undefined) facts.ids.push(id)
  for (const name of linkAttributes[element.tagName] ?? []) {
    const value = attribute(name)
    if (value === undefined) continue
    const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value]
    for (const url of urls) facts.links.push({where: `${element.tagName}[${name}]`, url, line})
  }
  const httpEquiv = attribute('http-equiv')?.toLowerCase()
  if (element.tagName === 'meta') {
    const property = attribute('property') ?? attribute('name') ?? ''
    const content = attribute('content')
    if (urlMeta.has(property) && content !== undefined) facts.links.push({where: `meta[${property}]`, url: content, line})
    if (httpEquiv === 'content-security-policy') facts.csp = content
    if (httpEquiv === 'refresh') risk(`<meta http-equiv="refresh" content="${content ?? ''}">`)
  }
  if (element.tagName === 'script') {
    const type = (attribute('type') ?? '').trim().toLowerCase()
    // Note: a script file of the site itself (`src`, checked as a link) is the template's; inline code is what injection adds.
    if (attribute('src') === undefined && !dataScriptTypes.has(type)) risk(`inline <script${type ? ` type="${type}"` : ''}>`)
  }
  if (activeElements.has(element.tagName)) risk(`<${element.tagName}>`)
  for (const attr of element.attrs) {
    const name = attributeName(attr)
    if (/^on/i.test(attr.name)) risk(`<${element.tagName} ${name}="${attr.value.slice(0, 40)}">`)
    else if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'srcdoc', 'background', 'srcset'].includes(name) && (isScriptUrl(attr.value) || name === 'srcdoc')) {
      risk(`<${element.tagName} ${name}="${attr.value.slice(0, 40)}">`)
    } else if (name === 'style' && /expression\s*\(|javascript:|url\s*\(/i.test(attr.value)) risk(`<${element.tagName} style="${attr.value.slice(0, 40)}">`)
  }
}

/**
 * Why a Content-Security-Policy does not forbid inline script, or fails to
 * keep the page to its own host; empty when it does both.
 */
export function cspWeaknesses(csp: string): string[] {
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [(words[0] as string).toLowerCase(), words.slice(1).map((word) => word.toLowerCase())]),
  )
  const weaknesses: string[] = []
  const scripts = directives.get('script-src') ?? directives.get('default-src')
  if (!scripts) weaknesses.push('no script-src or default-src: any script may run')
  for (const source of scripts ?? []) {
    if (["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:', 'blob:'].includes(source) || /^(https?:)?\/\//.test(source)) weaknesses.push(`script-src allows ${source}`)
  }
  if (directives.get('default-src')?.join(' ') !== "'self'") weaknesses.push(`default-src is "${directives.get('default-src')?.join(' ') ?? ''}", not 'self'`)
  if (directives.get('object-src')?.join(' ') !== "'none'") weaknesses.push("object-src is not 'none'")
  if (!directives.has('base-uri')) weaknesses.push('no base-uri: an injected <base> could move every link')
  return weaknesses
}
