import test from 'node:test'
import assert from 'node:assert/strict'
import type {Root, RootContent} from 'mdast'
import {markdownToHtml} from '../../adapters/markdown.js'
import {plainTextToMdast} from './plain-text-to-mdast.js'

const dateLine = ' date 1987-02-26 '

/** Parse a seed whose body follows the usual date line. */
function parse(body: string): ReturnType<typeof plainTextToMdast> {
  return plainTextToMdast(dateLine + body, dateLine.length)
}

function html(body: string): string {
  return markdownToHtml(parse(body).tree)
}

/** The top-level blocks as short names: `p`, `h2`, `table`, `pre`, `figure`, `p.signoff`… */
function shape(tree: Root): string[] {
  return tree.children.map((node: RootContent) => {
    if (node.type === 'heading') return `h${node.depth}`
    if (node.type === 'table') return 'table'
    if (node.type === 'code') return 'pre'
    const className = (node.data?.hProperties as {className?: string[]} | undefined)?.className?.[0]
    return node.data?.hName ?? (className ? `p.${className}` : 'p')
  })
}

test('the example seed: subheading, caption split into a figure after its paragraph, credit in title case', () => {
  const body = [
    'The United States said on Monday it was Russia that is escalating the conflict in Ukraine.',
    'Reuters reported on Sunday that the Biden administration has decided to allow Ukraine to conduct the strikes.',
    'Adding fuel to the fire',
    'Kremlin spokesman Dmitry Peskov said on Monday that the outgoing administration was adding fuel to the fire.',
    '"It has been Russia that has escalated the conflict time and time again," Miller said, pointing to Russia\'s Kursk region. North Korean leader Kim Jong Un attends the 10th Plenary Meeting of the 8th Central Committee of the Workers\' Party of Korea in Pyongyang, North Korea, in this undated photo released by North Korea\'s official Korean Central News Agency July 2, 2024. (credit: KCNA VIA REUTERS)',
    '"That is a major escalation by Russia," Miller said.',
  ].join('\n\n')
  const {tree, dateline} = parse(body)
  assert.equal(dateline, undefined)
  assert.deepEqual(shape(tree), ['p', 'p', 'h2', 'p', 'p', 'figure', 'p'])
  const output = markdownToHtml(tree)
  assert.match(output, /<h2>Adding fuel to the fire<\/h2>/)
  assert.match(output, /Kursk region\.<\/p>\n<figure class="photo">\n<figcaption>North Korean leader Kim Jong Un attends .* July 2, 2024\. <span class="credit">KCNA via Reuters<\/span><\/figcaption>\n<\/figure>/)
  assert.match(output, /<p>“It has been Russia/)
})

test('a wire earnings report: dateline paragraph, then every row in one table', () => {
  const body = 'SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nYear\n\nShr 1.10 dlrs vs 98 cts\n\nNet 2,400,000 vs 2,100,000\n\nNote: 4th qtr not available.'
  const {tree, dateline} = parse(body)
  assert.deepEqual(dateline, {text: 'SANTA CRUZ, Calif., Feb 26', place: 'SANTA CRUZ, Calif.'})
  assert.deepEqual(shape(tree), ['p', 'table', 'p'])
  const output = markdownToHtml(tree)
  assert.match(output, /^<p><span class="dateline">SANTA CRUZ, Calif., Feb 26<\/span><\/p>/)
  assert.match(output, /<table class="data-table">/)
  assert.match(output, /<th scope="row">Shr<\/th>\n<td class="num">34 cts<\/td>\n<td class="num">vs 1.19 dlrs<\/td>/)
  assert.match(output, /<th scope="colgroup" colspan="3">Year<\/th>/)
  assert.doesNotMatch(output, /<h2>/, 'period labels are table rows, never a stack of headings')
})

test('rows typed on consecutive lines of one paragraph are a table too', () => {
  const {tree} = parse('Results for the year were as follows.\n\nShr 28 cts vs 22 cts\nNet 1,000 vs 900\nRevs 12.3 mln vs 11.1 mln\n\nThe company said it was pleased.')
  assert.deepEqual(shape(tree), ['p', 'table', 'p'])
  const table = tree.children[1]
  assert.equal(table?.type === 'table' && table.children.length, 3)
})

test('a column-aligned grid with a header row becomes a table with column headers', () => {
  const output = html(
    'Sales were strong.\n\nFEBRUARY SALES FOR MAJOR U.S. RETAILERS\n\nSTORE          PCT      1987       1986\n\nSEARS             4.9      1.8 BILL   1.8 BILL\n\nK MART            13.1     1.5 BILL   1.3 BILL',
  )
  assert.match(output, /<h2>FEBRUARY SALES FOR MAJOR U.S. RETAILERS<\/h2>\n<table class="data-table">/)
  assert.match(output, /<thead>\n<tr>\n<th scope="col">STORE<\/th>\n<th scope="col">PCT<\/th>/)
  assert.match(output, /<th scope="row">K MART<\/th>\n<td class="num">13.1<\/td>/)
})

test('a grid whose columns cannot be recovered keeps its spacing in a preformatted block', () => {
  const body =
    'WASHINGTON, Feb 26 - The U.S. Agriculture Department reported prices as follows -\n\nNatl   Loan           Release   Call\n\nWheat   2.55   2.40       IV     4.65     --\n\nV     4.65     --\n\nReserves I, II and III have matured.'
  const {tree} = parse(body)
  assert.deepEqual(shape(tree), ['p', 'pre', 'p'])
  assert.match(markdownToHtml(tree), /<pre><code class="aligned">Natl   Loan           Release   Call\nWheat   2.55   2.40       IV     4.65     --\nV     4.65     --\n<\/code><\/pre>/)
})

test('a row label wrapped onto two lines is not a title that splits the figures', () => {
  // Note: as in a wire report of sugar imports by country: `ST.CHRISTOPHER-`, then `NEVIS  nil  6,300`.
  const rows = ['CUMULATIVE     QUOTA 1987', 'IMPORTS     ALLOCATIONS', 'PERU              nil         31,200', 'PHILIPPINES       nil        120,450', 'ST.CHRISTOPHER-', 'NEVIS             nil          6,300', 'QUOTA 1987', 'IMPORTS  ALLOCATIONS', 'SWAZILAND          nil         12,800']
  const {tree} = parse(['WASHINGTON, Feb 26 - Sugar imports were as follows, in short tons --', ...rows, 'The department said imports were low.'].join('\n\n'))
  assert.deepEqual(shape(tree), ['p', 'pre', 'p'])
  assert.match(markdownToHtml(tree), /120,450\nST\.CHRISTOPHER-\nNEVIS {13}nil/)
})

test('negatives: a one-line sentence, a number inside prose and the first paragraph stay paragraphs', () => {
  const cases: Array<[string, string[]]> = [
    ['First paragraph of the story.\n\nThe dry period means the temporao will be late this year.\n\nArrivals for the week ended February 22 were 155,221 bags of 60 kilos.', ['p', 'p', 'p']],
    ['First paragraph of the story.\n\nTerms were not disclosed\n\nThe company said the sale would close in a month or so, analysts said.', ['p', 'p', 'p']],
    ['First paragraph of the story.\n\n1,000\n\nThe company said the sale would close in a month or so, analysts said.', ['p', 'p', 'p']],
    ['Net 52.9 mln vs 21.9 mln\n\nThe company said the sale would close in a month or so, analysts said.', ['p', 'p']],
    ['Adding fuel to the fire\n\nKremlin spokesman Dmitry Peskov said on Monday that the outgoing administration was adding fuel.', ['p', 'p']],
    ['First paragraph of the story.\n\nSeed, Feed and\n\nResidual figures were unchanged from the previous estimate, the department said.', ['p', 'p', 'p']],
    ['First paragraph of the story.\n\nOne heading\n\nAnother heading\n\nKremlin spokesman Dmitry Peskov said on Monday that the outgoing administration was adding fuel.', ['p', 'p', 'h2', 'p']],
  ]
  for (const [body, expected] of cases) assert.deepEqual(shape(parse(body).tree), expected, body)
})

test('a sentence broken by a blank line is one paragraph again', () => {
  // Corpus 05112 and 05399: the wire split a sentence over two paragraphs.
  const broken = parse('TORONTO, March 16 - <Starrex Mining Corp Ltd> said a sharp\n\nrise in its share price is based on speculation.\n\nThe outlook for pay increases was gloomy because of\n\nfalling employment in many industries, it said.')
  assert.deepEqual(shape(broken.tree), ['p', 'p'])
  assert.match(markdownToHtml(broken.tree), /said a sharp rise in its share price/)
  assert.equal(broken.dateline?.place, 'TORONTO')
})

test('rows of figures in lower case are not a broken sentence', () => {
  // Corpus 00113 and 02672: the row after the first one starts in lower case.
  const earnings = parse('CHICAGO, March 2 - Shr loss 6.52 dlrs vs profit 3.87 dlrs\n\nnet loss 111.2 mln vs profit 64.2 mln\n\nrevs 1.2 billion vs 1.1 billion')
  assert.match(markdownToHtml(earnings.tree), /<table/)
  const dividend = parse('WASHINGTON, March 6 - Qtly div 22 cts vs 20 cts prior\n\npayable March 27\n\nrecord March 13')
  assert.doesNotMatch(markdownToHtml(dividend.tree), /prior payable/)
})

test('hard-wrapped prose with figures in it stays a paragraph', () => {
  const body =
    'First paragraph of the story.\n\nNet excludes tax credits of 62,000 dlrs vs 41,000 dlrs in quarter and\n127,000 dlrs vs 88,000 dlrs in year.\n\nNet excludes discontinued Massachusetts Casualty operations loss\n5,180,000 dlrs vs gain 778,000 dlrs in quarter.'
  assert.deepEqual(shape(parse(body).tree), ['p', 'p', 'p'])
})

test('a huge table of rows parses in linear time', () => {
  const rows = Array.from({length: 20_000}, (_, index) => `Item ${index}   ${index * 3}   ${index * 7}`).join('\n\n')
  const elapsed = cpuMilliseconds(() => {
    assert.deepEqual(shape(parse(`Figures were as follows.\n\n${rows}`).tree), ['p', 'table'])
  })
  assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms of CPU`)
})

test('Markdown syntax and angle brackets in news text stay literal; tickers stay visible', () => {
  const output = html('* Not a list item\n\n# Not a heading\n\n1999. The year began well for <Reuters> and British Petroleum Co Plc <BP>.')
  assert.match(output, /<p>\* Not a list item<\/p>/)
  assert.match(output, /<p># Not a heading<\/p>/)
  assert.match(output, /<p>1999\. The year began well for &#x3C;Reuters> and British Petroleum Co Plc <span class="ticker">&#x3C;BP><\/span>\.<\/p>/)
})

test('wire furniture renders as what it is', () => {
  const {tree} = parse('U.S. GRAIN ANALYSTS SEE LOWER CORN ACREAGE\n\nCHICAGO, March 3 - Analysts said corn acreage would fall.\n\nThey gave no figures.\n\nMORE')
  assert.deepEqual(shape(tree), ['p.wire-headline', 'p', 'p', 'p.continued'])
  const capitals = parse('SAO PAULO, MARCH 9 - THE FOLLOWING RAINFALL WAS RECORDED IN THE AREAS OVER PAST 72 HOURS\n\nPARANA STATE: UMUARAMA NIL.')
  assert.deepEqual(shape(capitals.tree), ['p', 'p'])
  assert.deepEqual(capitals.dateline, {text: 'SAO PAULO, MARCH 9', place: 'SAO PAULO'})
  const glued = parse('TOKYO - The bank intervened.\n\nDealers said the move was expected. REUTER')
  assert.deepEqual(shape(glued.tree), ['p', 'p', 'p.signoff'])
  assert.match(markdownToHtml(glued.tree), /<p>Dealers said the move was expected\.<\/p>\n<p class="signoff">REUTER<\/p>/)
  assert.deepEqual(shape(parse('TOKYO - The bank intervened. REUTER').tree), ['p', 'p.signoff'])
  const signed = parse('WASHINGTON (Reuters) - The bill passed.\n\n(Reporting by Jane Doe; Editing by John Smith)')
  assert.deepEqual(shape(signed.tree), ['p', 'p.signoff'])
  assert.deepEqual(signed.dateline, {text: 'WASHINGTON (Reuters)', place: 'WASHINGTON'})
})

test('positions point into the whole file, through BOM, CRLF and leading whitespace', () => {
  const text = '\uFEFF  date 2024-11-18 First paragraph\r\nwraps here.\r\n\r\n  Second paragraph.'
  const start = text.indexOf('First')
  const {tree} = plainTextToMdast(text, start)
  const [first, second] = tree.children
  assert.equal(first?.position?.start.offset, start)
  assert.deepEqual([first?.position?.start.line, first?.position?.start.column], [1, start + 1])
  assert.equal(text.slice(first?.position?.start.offset, first?.position?.end.offset), 'First paragraph\r\nwraps here.')
  assert.deepEqual([second?.position?.start.line, second?.position?.start.column], [4, 3])
  assert.equal(markdownToHtml(tree), '<p>First paragraph wraps here.</p>\n<p>Second paragraph.</p>\n')
})

test('every text node covers the source text it came from', () => {
  const body = 'SALVADOR, Feb 26 - Showers continued <BP> throughout the week.\n\nArrivals were 155,221 bags.'
  const text = dateLine + body
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'text' && node.position && node.value.trim() !== '') {
      const source = text.slice(node.position.start.offset, node.position.end.offset)
      assert.equal(source.replace(/\s+/g, ' ').replace(' - ', ' \u2013 ').replace(/ -$/, ' \u2013'), node.value.replace(/\s+/g, ' '))
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(plainTextToMdast(text, dateLine.length).tree)
})

test('a paragraph of a million characters parses quickly', () => {
  const sentence = 'The "quick" brown fox -- of course -- jumps over 1,000 lazy dogs... (see <AB>) '
  const body = sentence.repeat(Math.ceil(1_000_000 / sentence.length))
  const elapsed = cpuMilliseconds(() => {
    assert.equal(parse(body).tree.children.length, 1)
  })
  assert.ok(elapsed < 1500, `took ${elapsed.toFixed(0)} ms of CPU`)
})

/**
 * CPU time spent in `run`, in milliseconds.
 * Note: CPU time rather than wall time, so a busy test machine does not fail the budget.
 */
function cpuMilliseconds(run: () => void): number {
  const started = process.cpuUsage()
  run()
  const {user, system} = process.cpuUsage(started)
  return (user + system) / 1000
}
