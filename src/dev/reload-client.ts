/** Where the dev server serves its reload script and its event stream: paths no site page can have. */
export const reloadScriptPath = '/__news-archive/reload.js'
export const reloadEventsPath = '/__news-archive/events'

/**
 * The script every page gets in dev mode: it listens to the server's event
 * stream and reloads the page after each rebuild. The server numbers the
 * rebuilds that reload pages; a page knows the number it was served after
 * (its script tag's `data-site`), each `reload` event carries the new one,
 * and a `site` event, sent as the stream opens, the current one. Why: a
 * rebuild that ends while a page is loading, before its stream is open,
 * would otherwise never reach it, and the page would show the site as it
 * was (a change saved twice in quick succession).
 * Note: served as a file from the site's own origin, never inline, so the
 * pages' Content-Security-Policy (`script-src 'self'`, `connect-src 'self'`)
 * allows it unchanged.
 */
export const reloadScript = `// news-archive dev server: reload this page whenever the site is rebuilt.
(() => {
  const served = Number(document.currentScript?.dataset.site ?? 0)
  const events = new EventSource(${JSON.stringify(reloadEventsPath)})
  const reloadIfNewer = (event) => {
    if (Number(event.data) > served) window.location.reload()
  }
  events.addEventListener('reload', reloadIfNewer)
  events.addEventListener('site', reloadIfNewer)
})()
`

/**
 * An HTML page with the reload script added before `</body>` (or at the
 * end), for a page served after rebuild number `site` (see `reloadScript`).
 */
export function injectReloadScript(html: string, site: number): string {
  const tag = `<script src="${reloadScriptPath}" data-site="${site}" defer></script>`
  const end = html.lastIndexOf('</body>')
  return end === -1 ? `${html}\n${tag}\n` : `${html.slice(0, end)}${tag}\n${html.slice(end)}`
}
