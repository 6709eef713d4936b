/** Where the dev server serves its reload script and its event stream: paths no site page can have. */
export const reloadScriptPath = '/__news-archive/reload.js'
export const reloadEventsPath = '/__news-archive/events'

/**
 * The script every page gets in dev mode: it listens to the server's event
 * stream and reloads the page after each rebuild.
 * Note: served as a file from the site's own origin, never inline, so the
 * pages' Content-Security-Policy (`script-src 'self'`, `connect-src 'self'`)
 * allows it unchanged.
 */
export const reloadScript = `// news-archive dev server: reload this page whenever the site is rebuilt.
(() => {
  const events = new EventSource(${JSON.stringify(reloadEventsPath)})
  events.addEventListener('reload', () => window.location.reload())
})()
`

/** The tag that loads the reload script. */
const reloadTag = `<script src="${reloadScriptPath}" defer></script>`

/** An HTML page with the reload script added before `</body>` (or at the end). */
export function injectReloadScript(html: string): string {
  const end = html.lastIndexOf('</body>')
  return end === -1 ? `${html}\n${reloadTag}\n` : `${html.slice(0, end)}${reloadTag}\n${html.slice(end)}`
}
