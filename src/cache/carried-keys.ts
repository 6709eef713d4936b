import type {Archive, PlacedArticle} from '../indexes/archive.js'
import {matchArticles} from '../indexes/match-articles.js'
import type {Topic} from '../model/article.js'
import {articleTemplate} from '../render/article-pages.js'
import {topicTemplate} from '../render/list-pages.js'
import type {ListPage} from '../render/paginate.js'

/** What of an archive its page keys are made from. */
type KeyedArchive = Pick<Archive, 'articles' | 'topics' | 'related'>

/** A page with the key it was given and the file it was written to. */
export interface KeptPage {
  readonly key: string
  /** Its output path (see `PageKeys.key`). */
  readonly path: string
}

/** A page of a topic's list with its key and path. */
export interface KeptListPage extends KeptPage {
  readonly list: ListPage
}

/** A deferred file that names its articles (see `DeferredFile.articles`), with the key it was given. */
export interface KeptFile {
  readonly key: string
  readonly articles: readonly number[]
}

/**
 * What one build's article and topic page keys, topic feed keys and card
 * digests were made from, kept by a long-running process (the dev server)
 * for its next build (see `CarriedKeys`).
 */
export interface KeptPageKeys {
  readonly archive: KeyedArchive
  readonly siteKey: string
  /** Each template's key, with its layouts and partials, by file name. */
  readonly templateKeys: ReadonlyMap<string, string>
  /** Each article's card digest, the same number of bytes apiece, where `cardMade` is 1. */
  readonly cardDigests: Uint8Array
  readonly cardMade: Uint8Array
  /** Each article's page with its key, by article index; undefined where none was made. */
  readonly articlePages: readonly (KeptPage | undefined)[]
  /** Each topic's pages with their keys, by topic slug, then by page number (0 for the front page). */
  readonly topicPages: ReadonlyMap<string, readonly (KeptListPage | undefined)[]>
  /** The deferred files that name their articles, by path. */
  readonly files: ReadonlyMap<string, KeptFile>
}

/** `cardState` values: not yet compared, made of the same inputs as in the build before, or not. */
const unknown = 0
const same = 1
const changed = 2

/**
 * The keys of article pages, topic pages and topic feeds, and the card
 * digests, of a build that the build before it (`KeptPageKeys`) already made
 * from exactly the same inputs, so they need not be made again.
 *
 * Why: a dev build that adds one seed to 100,000 keyed all 140,000 pages,
 * which took 1.28 s of a 5.35 s build in one profile, about 0.7 s of it for
 * the article pages and cards. An article page's key is a digest of its site
 * key, template key and URL, its article's seed, slug and topic spellings,
 * whether it has a newer and an older neighbour, and the card digests of
 * itself, its neighbours and its related articles (`articlePages`,
 * `PageKeys.key`); a card's digest is one of its seed, URL and topic
 * spellings as the topic pages spell them (`articleInputs`). Each of those
 * parts is compared here with the build before's, as numbers or as strings,
 * which costs far less than joining and hashing them; the key is taken over
 * only when every part is equal, so it is the key the page would get anyway.
 * Once article pages were taken over, the topic pages' keys took 0.4-0.5 s
 * of such a build, most of it spelling out the topics' front pages' inputs,
 * and the topic feeds' keys about 0.15 s.
 *
 * Articles are matched by walking both archives in their one order
 * (`compareArticles`): an article whose date or path changed is matched
 * to none, and gets its keys made anew.
 */
export class CarriedKeys {
  /** Each article's index in the build before, or -1. */
  private readonly before: Int32Array
  private readonly cardState: Uint8Array
  /** Slugs of topics whose page was added, removed or spelled otherwise since the build before. */
  private readonly respelled: ReadonlySet<string>
  private readonly articlePagesComparable: boolean
  private readonly topicPagesComparable: boolean
  private readonly sameSite: boolean

  constructor(
    private readonly previous: KeptPageKeys,
    private readonly archive: KeyedArchive,
    siteKey: string,
    templateKeys: ReadonlyMap<string, string>,
  ) {
    // Note: matched by place alone; `sameCard` compares what was made of them.
    this.before = matchArticles(previous.archive.articles, archive.articles, () => true)
    this.cardState = new Uint8Array(archive.articles.length)
    this.respelled = respelledTopics(previous.archive.topics, archive.topics)
    this.sameSite = previous.siteKey === siteKey
    const sameTemplate = (template: string): boolean => this.sameSite && previous.templateKeys.get(template) === templateKeys.get(template)
    this.articlePagesComparable = sameTemplate(articleTemplate)
    this.topicPagesComparable = sameTemplate(topicTemplate)
  }

  /** The card digest of article `index` as the build before made it, when made from the same inputs; else undefined. */
  cardDigest(index: number): Uint8Array | undefined {
    if (!this.sameCard(index)) return undefined
    const old = this.before[index] as number
    if (this.previous.cardMade[old] !== 1) return undefined
    const {cardDigests, cardMade} = this.previous
    const cardBytes = cardDigests.length / cardMade.length
    return cardDigests.subarray(old * cardBytes, (old + 1) * cardBytes)
  }

  /** Article `index`'s page with its key and path as the build before made it, when made from the same inputs; else undefined. */
  articlePage(index: number): KeptPage | undefined {
    if (!this.articlePagesComparable || !this.sameCard(index)) return undefined
    const old = this.before[index] as number
    const kept = this.previous.articlePages[old]
    if (kept === undefined) return undefined
    const count = this.archive.articles.length
    const oldCount = this.previous.archive.articles.length
    const hasNewer = index > 0
    const hasOlder = index + 1 < count
    if (hasNewer !== old > 0 || hasOlder !== old + 1 < oldCount) return undefined
    if (hasNewer && !this.sameShown(index - 1, old - 1)) return undefined
    if (hasOlder && !this.sameShown(index + 1, old + 1)) return undefined
    return this.sameRelated(index, old) ? kept : undefined
  }

  /**
   * Page `list` of topic `slug` with its key and path as the build before
   * made it, when made from the same inputs; else undefined. A numbered
   * page's text names the topic, the page's number and its links; a front
   * page's adds what the whole list and the related topics show
   * (`topicPages`). Note: a topic's kind is its articles' most frequent one,
   * which articles on other pages of its list can change; so is its name, but
   * a topic spelled anew changes the card of every article on it.
   */
  topicPage(slug: string, list: ListPage): KeptListPage | undefined {
    if (!this.topicPagesComparable) return undefined
    const old = this.previous.topicPages.get(slug)?.[list.number ?? 0]
    if (old === undefined || old.list.newer !== list.newer || old.list.older !== list.older) return undefined
    const entry = this.archive.topics.get(slug)
    const oldEntry = this.previous.archive.topics.get(slug)
    if (entry === undefined || oldEntry === undefined || entry.kind !== oldEntry.kind) return undefined
    if (!this.sameList(list.items, old.list.items)) return undefined
    // Note: a front page shows what the topic's whole list makes (its count, dates and months) and its related topics.
    // Those are counted from the topics of the same articles, and an article whose topics or topic pages changed
    // has not the same card, so the same list makes them the same.
    if (list.number === undefined && !this.sameList(entry.articles, oldEntry.articles)) return undefined
    return old
  }

  /**
   * The key of deferred file `path`, which shows `articles`, as the build
   * before made it, when it showed the same articles with the same cards
   * under the same site key; else undefined (see `DeferredFile.articles`).
   */
  fileKey(path: string, articles: readonly number[]): string | undefined {
    const old = this.sameSite ? this.previous.files.get(path) : undefined
    return old !== undefined && this.sameList(articles, old.articles) ? old.key : undefined
  }

  /** Whether two lists of article indexes, this build's and the build before's, name the same articles with the same cards. */
  private sameList(items: readonly number[], oldItems: readonly number[]): boolean {
    if (items.length !== oldItems.length) return false
    for (let at = 0; at < items.length; at++) {
      if (!this.sameShown(items[at] as number, oldItems[at] as number)) return false
    }
    return true
  }

  /** Whether article `index` has the related articles article `old` had in the build before, with the same cards. */
  private sameRelated(index: number, old: number): boolean {
    const {related} = this.archive
    const oldRelated = this.previous.archive.related
    const count = related.count(index)
    if (count !== oldRelated.count(old)) return false
    for (let place = 0; place < count; place++) {
      if (!this.sameShown(related.at(index, place), oldRelated.at(old, place))) return false
    }
    return true
  }

  /** Whether article `index` is article `old` of the build before, with the same card. */
  private sameShown(index: number, old: number): boolean {
    return this.before[index] === old && this.sameCard(index)
  }

  /**
   * Whether article `index` was in the build before with everything its card
   * and page text are made from: seed, URL, slug and topic spellings, its
   * own and its topic pages'.
   */
  private sameCard(index: number): boolean {
    const state = this.cardState[index]
    if (state !== unknown) return state === same
    const old = this.before[index] as number
    const result = old >= 0 && sameInputs(this.archive.articles[index] as PlacedArticle, this.previous.archive.articles[old] as PlacedArticle, this.respelled)
    this.cardState[index] = result ? same : changed
    return result
  }
}

/** Slugs whose topic page one of the two archives has and the other does not, or spells otherwise. */
function respelledTopics(before: Archive['topics'], after: Archive['topics']): Set<string> {
  const respelled = new Set<string>()
  for (const [slug, entry] of after) if (before.get(slug)?.name !== entry.name) respelled.add(slug)
  for (const slug of before.keys()) if (!after.has(slug)) respelled.add(slug)
  return respelled
}

/**
 * Whether two placings of an article have the same seed, URL, slug and topic
 * spellings, and none of their topics' pages was added, removed or
 * respelled. Note: this must name everything `articleInputs` and an article
 * page's `inputs().text` read; `carried-keys.test.ts` and the incremental
 * property test check it.
 */
function sameInputs(article: PlacedArticle, old: PlacedArticle, respelled: ReadonlySet<string>): boolean {
  // Note: the build cache lends unchanged articles' placings to the next build (see `assignUrls`), so most are the same object.
  if (article !== old && !sameFields(article, old)) return false
  if (respelled.size > 0) for (const topic of article.topics) if (respelled.has(topic.slug)) return false
  return true
}

/** Whether two placings of an article have the same seed, URL, slug and topic spellings. */
function sameFields(article: PlacedArticle, old: PlacedArticle): boolean {
  if (article.hash !== old.hash || article.source !== old.source || article.file !== old.file) return false
  if (article.url !== old.url || article.slug !== old.slug) return false
  const {topics} = article
  if (topics.length !== old.topics.length) return false
  for (let at = 0; at < topics.length; at++) {
    const topic = topics[at] as Topic
    const oldTopic = old.topics[at] as Topic
    if (topic !== oldTopic && (topic.slug !== oldTopic.slug || topic.name !== oldTopic.name)) return false
  }
  return true
}
