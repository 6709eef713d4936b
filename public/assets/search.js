// The search page: runs Pagefind's search API (the index the build writes
// into /pagefind/) from the page's own form. Reads `?q=`, `?year=`,
// `?topic=` and `?sort=` so the header's search box, bookmarks and the back
// button all work. Everything it shows from the index is set as text, never
// as HTML, except Pagefind's <mark> highlights, which are rebuilt as elements.
// Note: no inline styles or scripts anywhere: the pages' Content-Security-Policy
// allows only this file and Pagefind's own, and hiding is done with `hidden`.

const form = document.getElementById('search-form')
const query = document.getElementById('search-q')
const year = document.getElementById('search-year')
const topic = document.getElementById('search-topic')
const sort = document.getElementById('search-sort')
const status = document.getElementById('search-status')
const list = document.getElementById('search-results')
const more = document.getElementById('search-more')
const headerQuery = document.getElementById('site-search-q')

/** Results added per "Show more results". */
const pageSize = 20
/** Pause after a keystroke before searching, in milliseconds. */
const typingPause = 250

let pagefind
let results = []
let shown = 0
/** Counts searches, so a slow answer to an old search never replaces a newer one. */
let generation = 0

start()

async function start() {
  if (!form) return
  const params = new URLSearchParams(location.search)
  query.value = params.get('q') ?? ''
  if (headerQuery) headerQuery.value = query.value
  setSelect(sort, params.get('sort') ?? '')
  form.hidden = false
  say('Loading the search index…')
  try {
    pagefind = await import(`${form.dataset.bundle}pagefind.js`)
    await pagefind.options({baseUrl: form.dataset.base, excerptLength: 24})
    const filters = await pagefind.filters()
    fillFilter(year, filters.year, (a, b) => (a < b ? 1 : -1))
    fillFilter(topic, filters.topic, (a, b) => a.localeCompare(b, document.documentElement.lang || undefined, {sensitivity: 'base'}))
  } catch (error) {
    // Note: a site built without search, or opened from disk (file://), has no index to load.
    form.hidden = true
    say(location.protocol === 'file:' ? 'Search works when the site is served over HTTP, not when its files are opened from disk.' : 'Search is not available: its index could not be loaded.')
    document.getElementById('search-unavailable').hidden = false
    console.warn(error)
    return
  }
  setSelect(year, params.get('year') ?? '')
  setSelect(topic, params.get('topic') ?? '')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    run(false)
  })
  query.addEventListener('input', () => run(true))
  for (const select of [year, topic, sort]) select.addEventListener('change', () => run(false))
  more.addEventListener('click', () => showMore(generation))
  run(false)
}

/** Fill a filter's menu with Pagefind's values and counts; show it only when the index has the filter. */
function fillFilter(select, counts, order) {
  const values = Object.keys(counts ?? {}).sort(order)
  if (values.length === 0) return
  for (const value of values) select.append(new Option(`${value} (${counts[value]})`, value))
  select.closest('.search-filter').hidden = false
}

/** Choose `value` in a menu when it is one of its options. */
function setSelect(select, value) {
  if ([...select.options].some((option) => option.value === value)) select.value = value
}

function say(text) {
  status.textContent = text
}

/** Search for what the form says, and show the first results. */
async function run(typing) {
  const term = query.value.trim()
  const filters = {}
  if (year.value) filters.year = year.value
  if (topic.value) filters.topic = topic.value
  remember(term)
  const mine = ++generation
  if (term === '' && Object.keys(filters).length === 0) {
    results = []
    shown = 0
    list.replaceChildren()
    more.hidden = true
    say('Type a word to search the archive, or pick a year or topic.')
    return
  }
  const options = {filters}
  if (sort.value) options.sort = {date: sort.value === 'oldest' ? 'asc' : 'desc'}
  // Note: `null` asks Pagefind for every page that passes the filters.
  const search = typing ? await pagefind.debouncedSearch(term || null, options, typingPause) : await pagefind.search(term || null, options)
  if (search === null || mine !== generation) return
  results = search.results
  shown = 0
  list.replaceChildren()
  say(describe(results.length, term, filters))
  await showMore(mine)
}

/** Show the next page of results (each result's data is fetched only now). */
async function showMore(mine) {
  const next = results.slice(shown, shown + pageSize)
  const data = await Promise.all(next.map((result) => result.data()))
  if (mine !== generation) return
  for (const item of data) list.append(card(item))
  shown += next.length
  more.hidden = shown >= results.length
}

/** Keep the search in the address bar, so it can be bookmarked and survives going back. */
function remember(term) {
  const params = new URLSearchParams()
  if (term) params.set('q', term)
  if (year.value) params.set('year', year.value)
  if (topic.value) params.set('topic', topic.value)
  if (sort.value) params.set('sort', sort.value)
  const search = params.toString() ? `?${params}` : ''
  if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}`)
}

function describe(count, term, filters) {
  const found = count === 0 ? 'No articles' : count === 1 ? '1 article' : `${count.toLocaleString()} articles`
  const parts = [found]
  if (term) parts.push(`${count === 1 ? 'matches' : 'match'} “${term}”`)
  else parts.push(count === 1 ? 'is' : 'are')
  const within = [filters.topic && `about ${filters.topic}`, filters.year && `from ${filters.year}`].filter(Boolean)
  return `${parts.join(' ')}${within.length ? ` ${within.join(' ')}` : ''}.`
}

/** One result as a listing card: title, date, summary and the matching passage. */
function card(item) {
  const meta = item.meta ?? {}
  const li = element('li', 'card search-result')
  const article = element('article')
  const heading = element('h2', 'card-title')
  const link = element('a')
  link.href = item.url
  link.textContent = meta.title || item.url
  heading.append(link)
  article.append(heading)
  if (meta.date) {
    const line = element('p', 'meta')
    const time = element('time')
    if (meta.iso) time.dateTime = meta.iso
    time.textContent = meta.date
    line.append(time)
    article.append(line)
  }
  if (meta.summary) article.append(element('p', 'summary', meta.summary))
  if (item.excerpt) article.append(highlighted(item.excerpt))
  li.append(article)
  return li
}

/** Pagefind's excerpt as text with its <mark> highlights kept; any other markup becomes plain text. */
function highlighted(excerpt) {
  const paragraph = element('p', 'search-excerpt')
  const parsed = new DOMParser().parseFromString(excerpt, 'text/html')
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === 'MARK') paragraph.append(element('mark', '', node.textContent))
    else paragraph.append(document.createTextNode(node.textContent ?? ''))
  }
  return paragraph
}

function element(name, className = '', text) {
  const node = document.createElement(name)
  if (className) node.className = className
  if (text !== undefined) node.textContent = text
  return node
}
