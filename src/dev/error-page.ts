import {formatLocation, type Problem} from '../problems/content-error.js'
import {rules} from '../problems/rules.js'
import {sortProblems} from '../problems/format-problems.js'
import {injectReloadScript} from './reload-client.js'
import {countNoun} from '../text/count-noun.js'

/** Text made safe to place in HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[char] as string)
}

/**
 * The page the dev server shows instead of the site while the last build
 * failed: every problem with its file, line, message and hint. Everything
 * from seeds is escaped; the page loads nothing but the site's stylesheet
 * and the reload script, so fixing the file brings the site back by itself.
 * With `waiting`, no build has run yet because another holds the build
 * cache, and `otherError` says which. `site` is the rebuild the page is
 * served after (see `injectReloadScript`).
 */
export function errorPage(site: number, problems: readonly Problem[], otherError?: string, waiting = false): string {
  const items = sortProblems(problems.filter((item) => item.severity === 'error')).map((item) => {
    const hint = rules[item.rule].hint
    return `<li><p><code>${escapeHtml(formatLocation(item))}</code> <strong>${escapeHtml(item.message)}</strong> <span>[${escapeHtml(item.rule)}]</span></p>${hint ? `<p>${escapeHtml(hint)}</p>` : ''}</li>`
  })
  const body = otherError === undefined ? `<ol>\n${items.join('\n')}\n</ol>` : `<pre>${escapeHtml(otherError)}</pre>`
  const count = otherError === undefined ? countNoun(items.length, 'error') : 'an unexpected error'
  const heading = waiting ? 'Waiting for another build' : 'The site could not be built'
  return injectReloadScript(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'">
<title>${waiting ? heading : 'Build failed'} · news-archive dev</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<main id="main" class="dev-build-failed">
<h1>${heading}</h1>
<p>${waiting ? 'Another build is using the build cache. This page reloads by itself once the site is built.' : `The last build stopped with ${count}. Fix ${otherError === undefined ? 'the files below' : 'it'} and save: this page reloads by itself.`}</p>
${body}
</main>
</body>
</html>
`, site)
}
