/** Related articles kept per article. */
export const relatedLimit = 5

/**
 * Every article's related articles, best first: in one flat array of
 * `relatedLimit + 1` numbers per article, a count and then the articles'
 * indexes (as `relatedOutput` holds them).
 *
 * Why not an array per article: a dev build that added one seed to 100,000
 * made 100,000 of them (about 40 ms of its main thread in profiles, and
 * 10 MB kept until the next build), where it reads a few lists and
 * compares the rest with the build before's (`CarriedKeys`).
 */
export class RelatedLists {
  /** No article's. */
  static readonly none = new RelatedLists(new Int32Array(0))

  constructor(private readonly found: Int32Array) {}

  /** The number of articles whose lists these are. */
  get size(): number {
    return this.found.length / (relatedLimit + 1)
  }

  /** How many related articles article `index` has (0 for one beyond the lists). */
  count(index: number): number {
    return this.found[index * (relatedLimit + 1)] ?? 0
  }

  /** Article `index`'s `place`th related article, from 0 (below `count(index)`). */
  at(index: number, place: number): number {
    return this.found[index * (relatedLimit + 1) + 1 + place] as number
  }

  /** Article `index`'s related articles, as a new array. */
  of(index: number): number[] {
    const count = this.count(index)
    const list = new Array<number>(count)
    for (let place = 0; place < count; place++) list[place] = this.at(index, place)
    return list
  }
}
