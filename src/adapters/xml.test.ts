import test from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {cdata, escapeXml, escapeXmlText, xmlSafe} from './xml.js'

test('escapeXml escapes the five XML specials and keeps everything else', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['AT&T', 'AT&amp;T'],
    ['<Reuters>', '&lt;Reuters&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &apos;single&apos;'],
    ['&amp;', '&amp;amp;'],
    ['Zürich – 東京 🚀', 'Zürich – 東京 🚀'],
  ]
  for (const [input, expected] of cases) assert.equal(escapeXml(input), expected, input)
})

test('xmlSafe drops what XML 1.0 cannot carry and keeps tab, newlines and astral characters', () => {
  const cases: [string, string][] = [
    ['a\u0000b\u0003c\u001Fd', 'abcd'],
    ['tab\tLF\nCR\r', 'tab\tLF\nCR\r'],
    ['lone \uD800 high, lone \uDC00 low', 'lone  high, lone  low'],
    ['\uFFFE\uFFFF\uFFFD', '\uFFFD'],
    ['pair \uD83D\uDE80', 'pair \uD83D\uDE80'],
    ['del \u007F and C1 \u0085 stay', 'del \u007F and C1 \u0085 stay'],
  ]
  for (const [input, expected] of cases) assert.equal(xmlSafe(input), expected, JSON.stringify(input))
  assert.equal(escapeXml('<\u0001>'), '&lt;&gt;')
})

test('for any text, xmlSafe keeps exactly the characters XML 1.0 allows', () => {
  const allowed = (code: number): boolean => code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000
  // Note: code units, so lone surrogates and good pairs both occur.
  const units = fc.array(fc.oneof(fc.integer({min: 0, max: 0x3f}), fc.integer({min: 0xd7f0, max: 0xe010}), fc.integer({min: 0xfff0, max: 0xffff})), {maxLength: 40})
  fc.assert(
    fc.property(units, (codes) => {
      const text = String.fromCharCode(...codes)
      const kept = [...text].filter((char) => allowed(char.codePointAt(0) as number)).join('')
      assert.equal(xmlSafe(text), kept, JSON.stringify(text))
    }),
    {numRuns: 2000},
  )
})

test('for any text, escapeXml gives what escaping each special and dropping each unwritable character gives', () => {
  const entities: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}
  // Note: code units, so lone surrogates and good pairs both occur, among the specials and plain text.
  const units = fc.array(fc.oneof(fc.constantFrom(...[...'&<>"\'a/:'].map((char) => char.charCodeAt(0))), fc.integer({min: 0, max: 0x3f}), fc.integer({min: 0xd7f0, max: 0xe010}), fc.integer({min: 0xfff0, max: 0xffff})), {maxLength: 40})
  fc.assert(
    fc.property(units, (codes) => {
      const text = String.fromCharCode(...codes)
      const expected = [...xmlSafe(text)].map((char) => entities[char] ?? char).join('')
      assert.equal(escapeXml(text), expected, JSON.stringify(text))
    }),
    {numRuns: 2000},
  )
})

test('escapeXmlText escapes what text and double-quoted attributes need, and keeps apostrophes', () => {
  assert.equal(escapeXmlText(`AT&T <b> "q" Moody's\u0002`), 'AT&amp;T &lt;b&gt; &quot;q&quot; Moody\'s')
})

test('cdata keeps any text, even `]]>`, and readers get it back whole', () => {
  const parser = new XMLParser({parseTagValue: false})
  for (const text of ['plain <b>html</b> & more', 'ends ]]>', ']]>]]>x]]', 'control \u0001 dropped', '']) {
    const xml = `<t>${cdata(text)}</t>`
    assert.equal(XMLValidator.validate(xml), true, text)
    assert.equal(String(parser.parse(xml).t), xmlSafe(text), text)
  }
})
