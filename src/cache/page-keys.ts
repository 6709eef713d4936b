import {hash} from 'node:crypto'
import type {Archive} from '../indexes/archive.js'
import type {DeferredFile} from '../render/output-file.js'
import type {Page} from '../render/page.js'
import {outputPathFor} from '../render/urls.js'
import type {ViewBuilder} from '../render/views.js'
import {articleSeedKey} from './article-store.js'
import {CarriedKeys, type KeptFile, type KeptListPage, type KeptPage, type KeptPageKeys} from './carried-keys.js'
import {fingerprint} from './hash.js'

/**
 * The key of each page of a site: a fingerprint of everything the page is
 * rendered from. Two builds that give a page the same key render the same
 * bytes for it, so an incremental build renders only pages whose key changed.
 *
 * - Every key includes `siteKey` (generator, config, site-wide view values)
 *   and the key of the page's template with its layouts and partials.
 * - An article's card is keyed by what it is made from (`articleInputs`),
 *   not by its view: a build that keeps most pages makes few cards.
 * - A list page without `inputs()` (years, months, the archive, the topic
 *   index…) is keyed by its whole view model, serialised with each article
 *   card replaced by the card's own key.
 * - A page that offers `inputs()` (text naming everything its view is made
 *   from besides its cards, and the articles whose cards it shows; cheaper
 *   to make than the view) is keyed by that instead: article, topic, home
 *   and day pages, the most numerous, which together show every article's
 *   card many times over. An article page's view costs as much as rendering
 *   it; the list pages' views cost more to build than their inputs cost to
 *   name. `render/page-inputs.test.ts` and
 *   `test/incremental.property.test.ts` check that inputs and view change
 *   together.
 * - A page with `inputs()` is keyed by its cards' digests as bytes, not
 *   their keys as text (see `digest`).
 * - In a process that runs several builds (the dev server), the key of an
 *   article page, a topic's page or feed and a card's digest are taken over
 *   from the build before when every part they are made from is the same
 *   (see `CarriedKeys`).
 */
export class PageKeys {
  /** Each article's card digest (`cardBytes` apiece), made on first use: see `cardMade`. */
  private readonly cardDigests: Uint8Array
  private readonly cardWords: Int32Array
  private readonly cardMade: Uint8Array
  /** Each card's digest as hex, made when first asked for: feeds and views name a card many times over. */
  private readonly cardHex: (string | undefined)[]
  private readonly scratch = new KeyScratch()
  /** Each article page's key and output path, by article index, for the next build (see `kept`). */
  private readonly articlePages: (KeptPage | undefined)[]
  /** Each topic's pages with their keys, by slug, then page number, for the next build (see `kept`). */
  private readonly topicPages = new Map<string, KeptListPage[]>()
  /** The deferred files that name their articles, with their keys, by path, for the next build (see `kept`). */
  private readonly files = new Map<string, KeptFile>()
  /** The keys the build before made from the same inputs, when a long-running process kept them. */
  private readonly carried: CarriedKeys | undefined

  /** @param previous What the build before kept (see `kept`), in a process that runs several builds. */
  constructor(
    private readonly archive: Archive,
    private readonly views: ViewBuilder,
    private readonly siteKey: string,
    private readonly templateKeys: ReadonlyMap<string, string>,
    previous?: KeptPageKeys,
  ) {
    const count = archive.articles.length
    this.cardDigests = new Uint8Array(count * cardBytes)
    this.cardWords = new Int32Array(this.cardDigests.buffer, 0, count * cardWordCount)
    this.cardMade = new Uint8Array(count)
    this.cardHex = new Array(count)
    this.articlePages = new Array(count)
    this.carried = previous && new CarriedKeys(previous, archive, siteKey, templateKeys)
  }

  /**
   * The key of `page`, the file it is written to (`outputPathFor`), and its
   * view model when working out the key needed it (so it is built once).
   * Note: a page whose key is taken over from the build before gets the very
   * string that build gave as its path, which the output's manifest of that
   * build holds, so looking it up there needs no hashing nor comparing of
   * characters: at 100,000 articles, keying and keeping the 140,000 pages of
   * a build that added one seed took about 0.15 s less in profiles.
   */
  key(page: Page): {key: string; path: string; view?: object} {
    if (page.article !== undefined) {
      // Note: article pages are keyed by their inputs (`render/article-pages.ts`), so keying one never builds a view.
      const kept = this.carried?.articlePage(page.article) ?? {key: this.made(page).key, path: outputPathFor(page.url)}
      this.articlePages[page.article] = kept
      return kept
    }
    if (page.topicList !== undefined) {
      const {slug, list} = page.topicList
      const carried = this.carried?.topicPage(slug, list)
      const path = carried?.path ?? outputPathFor(page.url)
      const key = carried?.key ?? this.made(page).key
      let kept = this.topicPages.get(slug)
      if (kept === undefined) this.topicPages.set(slug, (kept = []))
      // Note: the list this build made, never the one kept: the next build matches its articles with this build's.
      kept[list.number ?? 0] = {key, path, list}
      return {key, path}
    }
    return {...this.made(page), path: outputPathFor(page.url)}
  }

  /**
   * What this build's article and topic page keys, topic feed keys and card
   * digests were made from, for the next build of the same process to take
   * over those it would make the same (see `CarriedKeys`).
   */
  kept(): KeptPageKeys {
    const {articles, topics, related} = this.archive
    return {
      archive: {articles, topics, related},
      siteKey: this.siteKey,
      templateKeys: this.templateKeys,
      cardDigests: this.cardDigests,
      cardMade: this.cardMade,
      articlePages: this.articlePages,
      topicPages: this.topicPages,
      files: this.files,
    }
  }

  /** The key of a deferred file (see `feedFiles`): of the site key, its path and its inputs. */
  fileKey(file: DeferredFile): string {
    const {path, articles} = file
    const key = (articles && this.carried?.fileKey(path, articles)) ?? fingerprint(this.siteKey, path, file.inputs())
    if (articles) this.files.set(path, {key, articles})
    return key
  }

  private made(page: Page): {key: string; view?: object} {
    const templateKey = this.templateKeys.get(page.template) ?? `unknown-template:${page.template}`
    const head = `${this.siteKey}\0${templateKey}\0${page.url}\0`
    if (page.inputs) {
      const {text, cards} = page.inputs()
      return {key: this.digest(`${head}inputs\0${text}`, cards)}
    }
    const view = page.view()
    return {key: this.digest(`${head}view\0${this.viewText(view)}`, []), view}
  }

  /** The key of article `index`'s listing card, which its feed entry is made from too. */
  cardKey(index: number): string {
    let key = this.cardHex[index]
    if (key === undefined) {
      this.makeCard(index)
      key = Buffer.from(this.cardDigests.buffer, index * cardBytes, cardBytes).toString('hex')
      this.cardHex[index] = key
    }
    return key
  }

  private makeCard(index: number): void {
    if (this.cardMade[index] === 1) return
    const digest = this.carried?.cardDigest(index) ?? hash('sha256', articleInputs(this.archive, index), 'buffer')
    this.cardDigests.set(digest.subarray(0, cardBytes), index * cardBytes)
    this.cardMade[index] = 1
  }

  /**
   * A key of `text` and the digests of the `cards` that follow it, hashed as
   * bytes: the text's length in UTF-8 bytes (32 bits, little-endian), the
   * text, zeros up to a multiple of 4 bytes, then `cardBytes` per card. A
   * page without cards is keyed by its text alone: those are the pages keyed
   * by their whole view, a large one of which would take a scratch buffer of
   * three times its size.
   * Note: a site has as many keys as pages, and a large one shows every card
   * many times over; copying digests costs far less than spelling them out.
   */
  private digest(text: string, cards: readonly number[]): string {
    if (cards.length === 0) return hash('sha256', text, 'hex').slice(0, 32)
    for (const card of cards) this.makeCard(card)
    const {bytes, words} = this.scratch.fit(4 + 3 * text.length + 3 + cards.length * cardBytes)
    const textBytes = bytes.write(text, 4, 'utf8')
    bytes.writeUInt32LE(textBytes, 0)
    let word = (4 + textBytes + 3) >> 2
    // Note: the bytes padding the text to a whole word are hashed too, so they must not hold an earlier page's.
    bytes.fill(0, 4 + textBytes, word * 4)
    for (const card of cards) {
      const from = card * cardWordCount
      words[word] = this.cardWords[from] as number
      words[word + 1] = this.cardWords[from + 1] as number
      words[word + 2] = this.cardWords[from + 2] as number
      words[word + 3] = this.cardWords[from + 3] as number
      word += cardWordCount
    }
    return hash('sha256', bytes.subarray(0, word * 4), 'hex').slice(0, 32)
  }

  /** The page's view as JSON, with cards (shared objects) replaced by their keys. */
  private viewText(view: object): string {
    const site = this.views.site
    return JSON.stringify(view, (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null) return value
      if (value === site) return '<site>'
      const card = this.views.cardIndexOf(value)
      return card === undefined ? value : `<card ${this.cardKey(card)}>`
    })
  }
}

/** Bytes of a card's digest in a page key: the first half of a SHA-256, as many as `fingerprint` keeps. */
const cardBytes = 16
const cardWordCount = cardBytes / 4

/** One buffer that keys are assembled in, grown as needed, with a view of it as 32-bit words. */
class KeyScratch {
  private bytes = Buffer.alloc(0)
  private words = new Int32Array(0)

  /** The buffer, at least `size` bytes long. */
  fit(size: number): {bytes: Buffer; words: Int32Array} {
    if (size > this.bytes.length) {
      // Note: `Buffer.alloc` never hands out a slice of a shared pool, so the words view starts on a word boundary.
      this.bytes = Buffer.alloc(Math.max(64 * 1024, 2 * this.bytes.length, (size + 3) & ~3))
      this.words = new Int32Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 2)
    }
    return {bytes: this.bytes, words: this.words}
  }
}

/**
 * Everything an article's card and feed entry are made from besides the
 * site-wide settings: its seed (bytes, path and file; through the site key,
 * the settings that made its article), its URL, and for each of its topics
 * the name its topic page spells it with, or that it has no page.
 * Note: this list must name everything `ViewBuilder.card` and `feedEntry`
 * read; `test/incremental.property.test.ts` checks it.
 */
function articleInputs(archive: Archive, index: number): string {
  const article = archive.articles[index]
  if (!article) throw new Error(`no article ${index}`)
  const topics = article.topics.map((topic) => archive.topics.get(topic.slug)?.name ?? `\u0001${topic.name}`)
  return [articleSeedKey(article), article.url, ...topics].join('\u0000')
}
