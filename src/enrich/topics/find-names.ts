import {packedFlatMap} from '../../packed-lists.js'
import {knownRegionAbbreviation, longestKnownName, lookUpKey, type KnownName} from './known-names.js'
import {nameKey} from './name-key.js'
import {
  calendarWords, capitalNoise, genericWords, givenNameTowns, isInitial, joiningWords, leaderNouns, leadingFunctionWords, leadingLegalForms, legalSuffixes, nameConnectors,
  newspaperWords, nonTopicWords, ordinalWords, organisationNouns, organisationWords, personTitles, placeWords, titleQualifiers, tradeWords,
} from './name-words.js'
import {isPersonName, leadThrough, orgLeadWords, splitAtTitle} from './person-names.js'
import type {CompiledRules} from './topic-rules.js'
import {Gap, joinedKey, keysOf, Shape, withPossessiveText, type Token} from './tokenize.js'

/** What the words around a name say it is. */
export type Cue = 'person' | 'organisation' | 'place'

/** A name found in running (mixed-case) text, before the article is seen as a whole. */
export interface NamePhrase {
  /** The words of the name: titles, leading function words and company endings removed. */
  readonly tokens: readonly Token[]
  /** Set when the name is in the gazetteer or the topics file. */
  readonly known: KnownName | undefined
  /** Set when the words alone decide the kind. */
  readonly kind: Cue | undefined
  /** Set when the words around the name hint at its kind. */
  readonly cue: Cue | undefined
  /** 1, or less for a place named inside an organisation's name (`Bank of Japan`). */
  readonly weight: number
  /** The name's first word starts a sentence, so its capital says nothing. */
  readonly sentenceStart: boolean
}

/**
 * A `NamePhrase`. Note: every phrase is made here (`changedPhrase` too),
 * with every field, in one order, so all have one shape. Made as literals
 * with only the fields each place knew, and copied with spreads, they had
 * about ten; V8's optimized code for the topic finder then met shapes it
 * had not seen, was thrown away and compiled again (`--trace-deopt`: "wrong
 * map"; see `packedMap` for arrays).
 */
export function namePhrase(tokens: readonly Token[], weight: number, sentenceStart: boolean, known: KnownName | undefined, kind: Cue | undefined, cue: Cue | undefined): NamePhrase {
  return {tokens, known, kind, cue, weight, sentenceStart}
}

/** `phrase` with the fields of `changes` in place of its own. */
export function changedPhrase(phrase: NamePhrase, changes: Partial<NamePhrase>): NamePhrase {
  const has = (field: keyof NamePhrase): boolean => Object.hasOwn(changes, field)
  return namePhrase(
    changes.tokens ?? phrase.tokens,
    changes.weight ?? phrase.weight,
    changes.sentenceStart ?? phrase.sentenceStart,
    has('known') ? changes.known : phrase.known,
    has('kind') ? changes.kind : phrase.kind,
    has('cue') ? changes.cue : phrase.cue,
  )
}

/**
 * Every name in one mixed-case paragraph: runs of capitalised words (with
 * `of`, `and`, `de`… between them), split into places, people and
 * organisations where titles and known names show the seams.
 */
export function findNames(tokens: readonly Token[], rules: CompiledRules): NamePhrase[] {
  const phrases: NamePhrase[] = []
  let index = 0
  while (index < tokens.length) {
    if (!isNameWord(tokens[index]!)) {
      index++
      continue
    }
    let end = runEnd(tokens, index)
    // Note: `Tulare County, Calif. Growers is owned by`: the abbreviation's full stop may end a sentence too.
    const region = end === index + 1 || tokens[index]!.dotAfter ? regionAfterPlace(tokens, index, rules) : undefined
    if (region) {
      phrases.push(namePhrase([tokens[index]!], 1, false, region, undefined, undefined))
      index++
      continue
    }
    const firm = commaFirm(tokens, index, end)
    if (firm) {
      // `Salomon Brothers Inc and Goldman, Sachs and Co`: the names before the firm's `and` (or `of`) are read alone.
      if (firm.start > index) {
        // Note: a name before `of` and a firm is its analyst or officer (`Jason Benderly of Goldman, Sachs and Co`).
        const cue = tokens[firm.start - 1]!.key === 'of' ? 'person' : cueAround(tokens, index, firm.start - 1)
        phrases.push(...analyseRun(tokens.slice(index, firm.start - 1), rules, cue))
      }
      index = firm.start
      end = firm.end
    }
    let run = tokens.slice(index, end)
    const owner = tokens[end - 1]!
    if (owner.possessive && tokens[end] && tokens[end]!.gap === Gap.Space && isNameWord(tokens[end]!) && lookUpKey(rules, owner.key, false) === undefined &&
      !legalSuffixes.has(owner.key) && !organisationWords.has(owner.key)) {
      // `Moody's Investors Service`, `Standard and Poor's Corp`: a possessive inside a company's name
      // (but `Castle and Cooke Inc's Flexi-Van Leasing` is two companies).
      const next = companyEnd(tokens, end, runEnd(tokens, end))
      if (next !== undefined) {
        run = [...tokens.slice(index, end - 1), withPossessiveText(owner), ...tokens.slice(end, next)]
        end = next
      }
    }
    const cue = cueAround(tokens, index, end)
    const found = analyseRun(run, rules, cue, true)
    if (isTickerAt(tokens, end)) markCompany(found)
    // Note: what stands before `, Calif.` is a town, known or not (`Danville`, `San Ramon and Alamo`).
    const last = found.at(-1)
    if (last && !last.known && !last.kind && tokens[end] && regionAfterPlace(tokens, end, rules)) {
      const place = found.at(-2)
      // Note: `Jersey City, N.J.` is one town, not the island of Jersey and a `City`.
      if (place?.known?.kind === 'place' && place.tokens.at(-1)!.index + 1 === last.tokens[0]!.index) {
        found.splice(-2, 2, namePhrase([...place.tokens, ...last.tokens], 1, place.sentenceStart, undefined, 'place', undefined))
      } else {
        found.splice(-1, 1, ...townsOf(last))
      }
    }
    phrases.push(...found)
    index = end
  }
  return phrases
}

/**
 * Whether a ticker starts at `tokens[index]`: Reuters writes a listed
 * company's symbol in angle brackets right after its name (`AB Volvo
 * <VOLV.ST>`, `Exxon <XON>`). Note: one word or several joined by dots; a
 * bracketed name (`<AB Catena>`) has spaces in it and is no ticker.
 */
function isTickerAt(tokens: readonly Token[], index: number): boolean {
  const first = tokens[index]
  if (first === undefined || !first.bracketed || first.gap !== Gap.Break || first.shape !== Shape.Upper || index === 0 || tokens[index - 1]!.bracketed) return false
  for (let at = index + 1; at < tokens.length && tokens[at]!.bracketed; at++) {
    if (tokens[at]!.gap === Gap.Space) return false
    if (!tokens[at - 1]!.dotAfter) break
  }
  return true
}

/**
 * Make the name a ticker follows a company, however its words read (`AB
 * Volvo`, `Svenska Handelsbanken`): not a person, and not a place and a
 * stray word (`Bergen Kraftlag`: the place counts at half weight when it
 * is a country or a region, as inside other names). Names the gazetteer or
 * the topics file knows keep what they are.
 */
function markCompany(found: NamePhrase[]): void {
  const at = found.findLastIndex((phrase) => phrase.weight === 1)
  const phrase = found[at]
  if (!phrase || phrase.known || phrase.kind === 'organisation') return
  const place = found[at - 1]
  if (place?.known?.kind === 'place' && place.weight === 1 && place.tokens.at(-1)!.index + 1 === phrase.tokens[0]!.index) {
    const level = place.known.place?.level
    const inside = level === 'country' || level === 'region' ? [changedPhrase(place, {weight: 0.5, sentenceStart: false})] : []
    found.splice(at - 1, 2, namePhrase([...place.tokens, ...phrase.tokens], 1, place.sentenceStart, undefined, 'organisation', undefined), ...inside)
    return
  }
  found[at] = changedPhrase(phrase, {kind: 'organisation'})
}

/**
 * A connector that cannot start a name: `of`, `and`, `the`, or a particle
 * written small. Written with a capital, a particle starts one (`Du Pont`,
 * `De Beers`, `Van Dorn`).
 */
function isLeadingConnector(token: Token): boolean {
  return nameConnectors.has(token.key) && (token.shape !== Shape.Capital || joiningWords.has(token.key))
}

function isNameWord(token: Token): boolean {
  return (token.shape === Shape.Capital || token.shape === Shape.Upper) && !calendarWords.has(token.key)
}

function runEnd(tokens: readonly Token[], start: number): number {
  let end = start + 1
  while (end < tokens.length) {
    const token = tokens[end]!
    if (token.gap !== Gap.Space || tokens[end - 1]!.possessive || token.bracketed !== tokens[start]!.bracketed) break
    // Note: `Standard and Poor's Corp. Salomon Brothers Inc led`: a company's name ends at its `Corp.` (but `Fuji Photo Film Co. Ltd`).
    if (endsCompany(tokens[end - 1]!) && !legalSuffixes.has(token.key)) break
    if (isNameWord(token)) {
      end++
      continue
    }
    // `Bank of England`, `Secretary of the Treasury`: up to two connectors between capitals.
    let ahead = end
    while (ahead < end + 2 && ahead < tokens.length && nameConnectors.has(tokens[ahead]!.key) && tokens[ahead]!.shape === Shape.Lower &&
      tokens[ahead]!.gap === Gap.Space && !tokens[ahead]!.possessive) ahead++
    const after = tokens[ahead]
    if (ahead === end || after === undefined || after.gap !== Gap.Space || !isNameWord(after)) break
    end = ahead + 1
  }
  return end
}

/**
 * `Danville, Calif.`, `Purchase, N.Y.`, `Washington, D.C.`: a US state or
 * Canadian province written the wire's short way, after a place's name and
 * a comma. Not a name the gazetteer knows as written (`Ohio`, `Utah`).
 */
function regionAfterPlace(tokens: readonly Token[], at: number, rules: CompiledRules): KnownName | undefined {
  const token = tokens[at]!
  const before = tokens[at - 1]
  // Note: `Col.` and `Miss.` before a name are titles far more often than Colorado and Mississippi.
  if (before === undefined || token.gap !== Gap.Break || !isNameWord(token) || !isNameWord(before) || personTitles.has(token.key) || lookUpKey(rules, token.key, false) !== undefined) return undefined
  const short = token.dotAfter || token.text.includes('.') || (token.shape === Shape.Upper && token.text.length === 2)
  return short ? knownRegionAbbreviation(token.key) : undefined
}

/**
 * The towns a phrase before a state's abbreviation names: `San Ramon and
 * Alamo` is two; in `Robert Smith of Danville`, only what follows the `of`.
 */
function townsOf(phrase: NamePhrase): NamePhrase[] {
  const towns: NamePhrase[] = []
  let from = 0
  phrase.tokens.forEach((token, index) => {
    if (token.key === 'of') from = index + 1
  })
  for (let index = 0; index <= phrase.tokens.length; index++) {
    if (index < phrase.tokens.length && phrase.tokens[index]!.key !== 'and') continue
    const words = phrase.tokens.slice(from, index)
    // Note: `County` left over from `Orange County` (a known town, then this) names nothing by itself.
    if (words.length > 0 && !words.every((word) => placeWords.has(word.key) || genericWords.has(word.key))) {
      towns.push(changedPhrase(phrase, {tokens: words, kind: 'place', sentenceStart: phrase.sentenceStart && from === 0}))
    }
    from = index + 1
  }
  return towns
}

/**
 * A firm named after its partners, in the run `tokens[start, end)` and the
 * runs after it: `Goldman, Sachs and Co`, `Smith Barney, Harris Upham and
 * Co Inc`, `Peat, Marwick, Mitchell and Co`. The commas would otherwise cut
 * it into `Goldman` and `Sachs`. Its first name is the run, or what follows
 * the run's last `and` or `of` (`Salomon Brothers Inc and Goldman`, `Jason
 * Benderly of Goldman`), of one or two words; `and Co`, `& Co` or `and
 * Company` must close it: `Chrysler, Ford and General Motors Corp` is a list.
 */
function commaFirm(tokens: readonly Token[], start: number, end: number): {start: number; end: number} | undefined {
  let from = start
  for (let at = start; at < end; at++) if (tokens[at]!.key === 'and' || tokens[at]!.key === 'of') from = at + 1
  const first = tokens.slice(from, end)
  if (first.length === 0 || first.length > 2 || first.some((token) => !isNameWord(token) || legalSuffixes.has(token.key))) return undefined
  let at = end
  for (let part = 1; part <= 2; part++) {
    const next = tokens[at]
    if (next === undefined || next.gap !== Gap.Break || !isNameWord(next)) return undefined
    const nextEnd = runEnd(tokens, at)
    const keys = keysOf(tokens.slice(at, nextEnd))
    const and = keys.findIndex((key) => key === 'and' || key === '&')
    if (and > 0 && and <= 2 && (keys[and + 1] === 'co' || keys[and + 1] === 'company')) {
      let close = and + 2
      while (close < keys.length && legalSuffixes.has(keys[close]!)) close++
      // Note: the run may go on to the next firm (`Goldman, Sachs and Co and Salomon Brothers Inc`).
      if (close < keys.length && keys[close] !== 'and') return undefined
      // Note: three parts only as `Peat, Marwick, Mitchell and Co`, one word each.
      return part === 1 || (first.length === 1 && and === 1) ? {start: from, end: at + close} : undefined
    }
    if (keys.length !== 1 || first.length !== 1) return undefined
    at = nextEnd
  }
  return undefined
}

/** A single letter, or a credit rating (`AAA`, `BB`, `CCC`; Moody's `Aa-3`, `Baa-2`). */
const lettersOrRating = /^(?:[a-z]|a{2,3}|b{2,3}|c{2,3}|(?:aaa|aa|a|baa|ba|b|caa|ca|c)-?[1-3])$/

/** A legal ending written with its full stop (`Corp.`, `Inc.`), which ends a company's name. */
function endsCompany(token: Token): boolean {
  return token.dotAfter && legalSuffixes.has(token.key)
}

/**
 * Where the company's name in `tokens[from, to)` (a run after a possessive:
 * `Moody's Investors Service Inc`) ends: before an `and` that follows a
 * company word (`Moody's Investors Service Inc and AA by Standard`), else at
 * `to` when its last word is one or it is a newspaper's title word; undefined
 * when it names no company.
 */
function companyEnd(tokens: readonly Token[], from: number, to: number): number | undefined {
  const isCompanyWord = (token: Token): boolean => organisationWords.has(token.key) || legalSuffixes.has(token.key)
  for (let at = from + 1; at < to; at++) if (tokens[at]!.key === 'and' && isCompanyWord(tokens[at - 1]!)) return at
  // Note: `People's Daily`: a newspaper's one-word title after a possessive (but `New York Times` is a place's name too).
  if (to === from + 1 && newspaperWords.has(tokens[from]!.key)) return to
  return isCompanyWord(tokens[to - 1]!) ? to : undefined
}


/** Hints from the words just before and after a run (`spokesman Dmitry Peskov`, `Yonhap news agency`). */
function cueAround(tokens: readonly Token[], start: number, end: number): Cue | undefined {
  const before = tokens[start - 1]
  const first = tokens[start]!
  const after = tokens[end]
  // Note: `said John Smith,` names a speaker; in `it said Autographix will`, the name starts a clause.
  const ends = after === undefined || after.gap !== Gap.Space
  // Note: a `lead manager` of a bond issue is a bank (`lead manager Societe Generale said`, `co-lead manager Banque Paribas`).
  const role = before !== undefined && personTitles.has(before.key) && !(before.key === 'manager' && /(?:^|-)lead$/.test(tokens[start - 2]?.key ?? ''))
  if (before && first.gap === Gap.Space && before.shape === Shape.Lower && (role || (before.key === 'said' && ends))) return 'person'
  if (after === undefined || after.shape !== Shape.Lower) return undefined
  if (after.gap === Gap.Space) {
    if (placeWords.has(after.key)) return 'place'
    if (organisationNouns.has(after.key) || (after.key === 'news' && tokens[end + 1]?.key === 'agency')) return 'organisation'
    if (leaderNouns.has(after.key) && end - start === 1) return 'person'
  }
  if (after.gap === Gap.Break && personTitles.has(after.key) && !tokens[end - 1]!.possessive) return 'person'
  return undefined
}

/** Split one run of capitalised words into names; `entire` when the run is all the capitalised words there are, not a part of one. */
function analyseRun(run: readonly Token[], rules: CompiledRules, cue: Cue | undefined, entire = false): NamePhrase[] {
  let start = 0
  let end = run.length
  // Note: a capitalised `First` inside a sentence belongs to the name (`First Boston`); a particle with a capital does too (`Du Pont`);
  // so does an ordinal that starts a sentence with a company's full name (`First Chicago Corp said`).
  const company = legalSuffixes.has(run[end - 1]!.key)
  const leadsOff = (token: Token): boolean => token.sentenceStart && leadingFunctionWords.has(token.key) && !(company && ordinalWords.has(token.key))
  while (start < end && ((start === 0 && leadsOff(run[0]!)) || isLeadingConnector(run[start]!))) start++
  while (end > start && nameConnectors.has(run[end - 1]!.key)) end--
  if (start >= end) return []
  let words = run.slice(start, end)
  const sentenceStart = run[0]!.sentenceStart
  let keys = keysOf(words)
  if (words.some((token) => token.bracketed) && words.length === 1 && words[0]!.shape === Shape.Upper) return [] // a ticker: `<CHEM>`
  // Note: `A and B` (classes of notes), `S and P`, `CCC` and `Baa-2` (credit ratings) are letters, not names.
  if (keys.every((key) => nameConnectors.has(key) || lettersOrRating.test(key))) return []
  const through = leadThrough(keys, sentenceStart)
  if (through > 0) {
    // `Shares of ChemLawn`, `Chairman of Ford`: the name is after the `of`.
    words = words.slice(through)
    keys = keys.slice(through)
    if (words.length === 0) return []
  }

  const whole = lookUpKey(rules, keys.join(' '), false)
  const known = whole && !(words.length === 1 && words[0]!.shape === Shape.Upper && whole.place && whole.place.level !== 'country') ? whole : undefined
  if (known) return [namePhrase(words, 1, sentenceStart, known, undefined, undefined)]
  const firmOfPlace = placeAndTrade(words, keys, rules, sentenceStart)
  if (firmOfPlace) return firmOfPlace

  const parts = splitAtAnd(words, keys, rules) ?? splitAtOnThe(words, keys)
  if (parts) return packedFlatMap(parts, (part) => analyseRun(part, rules, undefined, entire))
  const employer = splitAtEmployer(words, keys, rules)
  if (employer) return [namePhrase(employer.person, 1, sentenceStart && employer.person[0] === words[0], undefined, 'person', undefined), ...analyseRun(employer.firm, rules, undefined)]

  const titled = splitAtTitle(keys)
  // Note: after `and`, only another name that stands alone or has its own title (not `Chairman Smith and Wesson`).
  const tail = titled === undefined || titled.end === words.length ? [] : words.slice(titled.end + 1)
  if (titled && (keys[titled.end] !== 'and' || standsAlone(tail, rules) || splitAtTitle(keys.slice(titled.end + 1)))) {
    const person = namePhrase(words.slice(titled.name, titled.end), 1, false, undefined, 'person', undefined)
    return [...(titled.prefix > 0 ? analyseRun(words.slice(0, titled.prefix), rules, undefined) : []), person, ...(tail.length > 0 ? analyseRun(tail, rules, undefined) : [])]
  }
  // `chairman Lawton Chiles`: a person's name, though `Lawton` is also a town.
  if (cue === 'person' && words.length > 1 && isPersonName(keys) && !words.some((token) => lookUpKey(rules, token.key, false)?.place?.level === 'country')) {
    return [namePhrase(words, 1, sentenceStart, undefined, 'person', undefined)]
  }
  // Note: not `Drug Administration` cut from `Food and Drug Administration`.
  const led = entire ? ledBy(words, keys, rules, sentenceStart) : undefined
  if (led) return [led]
  if (isOrganisationName(words, keys)) {
    const tokens = withoutLegalForms(words)
    // Note: a known organisation with its company ending (`International Business Machines Corp`) is that organisation.
    const named = tokens.length < words.length ? lookUpKey(rules, joinedKey(tokens), false) : undefined
    if (named?.kind === 'organisation') return [namePhrase(tokens, 1, sentenceStart, named, undefined, undefined)]
    const inside = placesInside(words, keys, rules)
    return kindFromWords(tokens) === 'none' ? inside : [namePhrase(tokens, 1, sentenceStart, undefined, 'organisation', undefined), ...inside]
  }
  // Note: several all-caps words in running text are a shouted fragment, not acronyms: only known names count there.
  const shouted = words.length > 1 && words.every((token) => token.shape === Shape.Upper || nameConnectors.has(token.key))
  return segment(words, keys, rules, cue, sentenceStart).filter((phrase) => !shouted || phrase.known)
}

/**
 * `China and the Soviet Union`, `Bankers Trust Co and Citicorp Investment
 * Bank`: two names joined by `and`, each known or an organisation by its
 * own words, or the first closed by a legal ending. Not `Procter and Gamble
 * Co`, whose first half is no name, nor `Bryson Oil and Gas Plc`, whose
 * second half is a trade.
 */
function splitAtAnd(words: readonly Token[], keys: readonly string[], rules: CompiledRules): Token[][] | undefined {
  for (let and = keys.indexOf('and'); and !== -1; and = keys.indexOf('and', and + 1)) {
    if (and === 0 || and === keys.length - 1) continue
    const parts = [words.slice(0, and), words.slice(and + 1)]
    // Note: a company's legal ending closes its name (`Shearson Lehman Brothers Inc and Merrill Lynch`), whatever
    // follows, and `and the` joins two names (`Bank of America and the Duke of Edinburgh`).
    if ((and > 1 && legalSuffixes.has(keys[and - 1]!)) || keys[and + 1] === 'the') return parts
    if (parts.every((part) => standsAlone(part, rules)) && !isTradeTail(parts[1]!) && !knownAcross(keys, and, rules)) return parts
  }
  return undefined
}

/** Whether a known name goes on over the `and` at `keys[and]` (`the U.S. Food and Drug Administration`). */
function knownAcross(keys: readonly string[], and: number, rules: CompiledRules): boolean {
  for (let start = 0; start < and; start++) {
    if ((longestKnownName(rules, keys, start, keys.length, false)?.end ?? 0) > and + 1) return true
  }
  return false
}

/**
 * `New York Times`, `Georgia Power`, `British Gas`, `Texas Air`: a place's
 * name and one newspaper title or trade word is a newspaper or a company,
 * not the place and a stray word; so is an airline named `Air` and a place
 * (`Air Canada`). Returns the name and its place, or undefined.
 */
function placeAndTrade(words: readonly Token[], keys: readonly string[], rules: CompiledRules, sentenceStart: boolean): NamePhrase[] | undefined {
  if (words.length < 2 || !words.every((word) => word.shape === Shape.Capital || nameConnectors.has(word.key) || word.text.includes('.'))) return undefined
  const last = keys[keys.length - 1]!
  const newspaper = newspaperWords.has(last)
  const placeTokens = keys[0] === 'air' ? words.slice(1) : newspaper || tradeWords.has(last) ? words.slice(0, -1) : undefined
  if (placeTokens === undefined) return undefined
  const place = lookUpKey(rules, joinedKey(placeTokens), false)
  if (place?.kind !== 'place') return undefined
  // Note: a newspaper is mostly cited (`the China Daily said`), so a single mention is no topic; the place still
  // counts, at half weight as inside other names (`Iranian Oil` says much about Iran).
  return [namePhrase(words, newspaper ? 0.5 : 1, sentenceStart, undefined, 'organisation', undefined), namePhrase(placeTokens, 0.5, false, place, undefined, undefined)]
}

/** `Gas Plc` in `Bryson Oil and Gas Plc`, `Banking Co Ltd` in `Sumitomo Trust and Banking Co Ltd`: the end of one firm's name. */
function isTradeTail(part: readonly Token[]): boolean {
  const bare = withoutLegalForms(part)
  return bare.length === 1 && bare.length < part.length && tradeWords.has(bare[0]!.key)
}

/** `Republican on the U.S. Senate Agriculture Committee`: a name, then the body it sits on. */
function splitAtOnThe(words: readonly Token[], keys: readonly string[]): Token[][] | undefined {
  const on = keys.indexOf('on')
  return on > 0 && keys[on + 1] === 'the' && on + 2 < keys.length ? [words.slice(0, on), words.slice(on + 1)] : undefined
}

/**
 * `Daniel Lee of Drexel Burnham Lambert`, `Jeffrey Margoshes of Shearson
 * Lehman Brothers`: a person's full name, then `of` and the firm they speak
 * for. Not `Bank of Japan` or `Duke of Edinburgh` (no full name before the
 * `of`), nor `Hunter Helicopter of Nevada` or `Writers Guild of America` (a
 * place or a single word after it).
 */
function splitAtEmployer(words: readonly Token[], keys: readonly string[], rules: CompiledRules): {person: Token[]; firm: Token[]} | undefined {
  const of = keys.indexOf('of')
  // Note: a title before the name is not part of it (`Analyst Daniel Lee of Drexel`).
  let from = 0
  while (from < of && (personTitles.has(keys[from]!) || titleQualifiers.has(keys[from]!))) from++
  // Note: `British Chancellor of the Exchequer Nigel Lawson` is a title, not a person of a firm.
  if (of - from < 2 || of - from > 3 || of === keys.length - 1 || !isPersonName(keys.slice(from, of)) || keys.slice(from, of).some((key) => personTitles.has(key))) return undefined
  if (words.slice(from, of).some((token) => token.shape !== Shape.Capital)) return undefined
  // Note: a one-word name after the `of` is too often the end of one name (`Writers Guild of America`,
  // `Chamber of Commerce`, `Mitsubishi Motor Sales of America Inc`).
  const firm = words.slice(of + 1)
  const bare = withoutLegalForms(firm)
  if (bare.length < 2 || lookUpKey(rules, joinedKey(bare), false)?.place) return undefined
  return {person: words.slice(from, of), firm}
}

/** A part of a run is a name by itself: known, or an organisation by its own words. */
function standsAlone(part: readonly Token[], rules: CompiledRules): boolean {
  let from = 0
  while (from < part.length && isLeadingConnector(part[from]!)) from++
  const keys = keysOf(part.slice(from))
  return keys.length > 0 && (lookUpKey(rules, keys.join(' '), false) !== undefined || (keys.length > 1 && isOrganisationName(part.slice(from), keys)))
}

/** Known names inside a run, longest first, and what is left between them. */
function segment(words: readonly Token[], keys: readonly string[], rules: CompiledRules, cue: Cue | undefined, sentenceStart: boolean): NamePhrase[] {
  const phrases: NamePhrase[] = []
  let spanStart = 0
  let index = 0
  const flush = (end: number): void => {
    let from = spanStart
    let to = end
    while (from < to && isLeadingConnector(words[from]!)) from++
    while (to > from && nameConnectors.has(keys[to - 1]!)) to--
    if (from >= to) return
    const tokens = words.slice(from, to)
    const kind = kindFromWords(tokens)
    if (kind === 'none') return
    phrases.push(namePhrase(tokens, 1, sentenceStart && from === 0, undefined, kind, cue))
  }
  while (index < keys.length) {
    let match = longestKnownName(rules, keys, index, keys.length, false)
    // Note: an acronym is a country (`US`, `UAE`) but not a city (`GAO` is no town in Mali).
    if (match && match.end === index + 1 && words[index]!.shape === Shape.Upper && match.known.place && match.known.place.level !== 'country') match = undefined
    // Note: nor is a particle alone a town (`Van` in `Van Nuys` or `Jan Van Moerbeke` is no city in Turkey).
    if (match && match.end === index + 1 && nameConnectors.has(keys[index]!)) match = undefined
    // Note: nor a given name before a surname (`David Collins`; but `Charlotte Observer`, `Victoria Falls` name the town).
    if (match && match.end === index + 1 && givenNameTowns.has(keys[index]!) && isSurnameAt(words, keys, index + 1)) match = undefined
    if (match) {
      flush(index)
      phrases.push(namePhrase(words.slice(index, match.end), 1, sentenceStart && index === 0, match.known, undefined, undefined))
      index = match.end
      spanStart = index
    } else {
      index++
    }
  }
  flush(keys.length)
  return phrases
}

/**
 * `the U.S. Government`, `the Japanese Government`: a country's government
 * is the country; `the Reagan Administration` is its leader's. So are they
 * written small (`the Reagan administration`, see `cueAround`). Note: not a
 * plural (`Veterans Administration`, `Customs Administration`).
 */
function ledBy(words: readonly Token[], keys: readonly string[], rules: CompiledRules, sentenceStart: boolean): NamePhrase | undefined {
  if (words.length !== 2 || !leaderNouns.has(keys[1]!) || words[1]!.shape !== Shape.Capital) return undefined
  const head = lookUpKey(rules, keys[0]!, false)
  if (head?.place?.level === 'country') return namePhrase([words[0]!], 1, sentenceStart, head, undefined, undefined)
  if (head !== undefined || words[0]!.shape !== Shape.Capital || keys[0]!.endsWith('s') || !isPersonName([keys[0]!])) return undefined
  return namePhrase([words[0]!], 1, sentenceStart, undefined, undefined, 'person')
}

/** Whether `words[index]` may be a surname after a given name: a capitalised name word, and no trade or paper. */
function isSurnameAt(words: readonly Token[], keys: readonly string[], index: number): boolean {
  const key = keys[index]
  return key !== undefined && words[index]!.shape === Shape.Capital && isPersonName([key]) && !tradeWords.has(key) && !newspaperWords.has(key)
}

function isOrganisationName(words: readonly Token[], keys: readonly string[]): boolean {
  if (words.some((token) => token.bracketed)) return true
  const last = keys[keys.length - 1]!
  if (keys.length > 1 && (organisationWords.has(last) || legalSuffixes.has(last) || leadingLegalForms.has(keys[0]!))) return true
  for (let index = 0; index < keys.length - 1; index++) {
    const key = keys[index]!
    if ((orgLeadWords.has(key) || organisationWords.has(key) || legalSuffixes.has(key)) && (keys[index + 1] === 'of' || keys[index + 1] === 'for')) return true
  }
  return false
}

/** `General Motors Corp` → `General Motors`, `AB Volvo` → `Volvo`; a lone `Corp` stays. */
function withoutLegalForms(words: readonly Token[]): readonly Token[] {
  let end = words.length
  while (end > 1 && (legalSuffixes.has(words[end - 1]!.key) || nameConnectors.has(words[end - 1]!.key))) end--
  const start = end > 1 && leadingLegalForms.has(words[0]!.key) ? 1 : 0
  return start === 0 && end === words.length ? words : words.slice(start, end)
}

/** Places named inside an organisation's name (`Bank of Japan` → Japan), at half weight. */
function placesInside(words: readonly Token[], keys: readonly string[], rules: CompiledRules): NamePhrase[] {
  const found: NamePhrase[] = []
  for (let index = 0; index < keys.length; index++) {
    const match = longestKnownName(rules, keys, index, keys.length, false)
    const level = match?.known.place?.level
    // Note: one-word cities in company names say little (`Columbia Gas`), countries much (`Bank of Japan`).
    // Only a place's own name counts: `British Petroleum` and `American Express` say little about Britain or America.
    const ownName = match !== undefined && nameKey(match.known.name) === keys.slice(index, match.end).join(' ')
    if (match?.known.kind === 'place' && ownName && (level === 'country' || level === 'region' || match.end - index > 1)) {
      found.push(namePhrase(words.slice(index, match.end), 0.5, false, match.known, undefined, undefined))
      index = match.end - 1
    }
  }
  return found
}

/**
 * The kind the words of an unknown name decide by themselves: `none` for
 * names that are no topic (`Central Committee`, `Sixth Avenue Building`).
 */
function kindFromWords(tokens: readonly Token[]): Cue | 'none' | undefined {
  const keys = keysOf(tokens)
  const last = keys[keys.length - 1]!
  if (nonTopicWords.has(last) || nonTopicWords.has(keys[0]!) || personTitles.has(last) || (legalSuffixes.has(last) && keys.length === 1)) return 'none'
  if (last === 'unit' && keys[keys.length - 2] === 'currency') return 'none' // `European Currency Unit`
  if (keys.every((key) => capitalNoise.has(key))) return 'none' // `Oper Shr`, `Avg`
  if (keys.length === 1 && isInitial(tokens[0]!.text)) return 'none'
  // A role without a name (`Secretary of State`) or generic words only (`Central Committee`).
  const titled = keys.some((key) => personTitles.has(key))
  if (keys.every((key) => genericWords.has(key) || nameConnectors.has(key) || personTitles.has(key) || (titled && titleQualifiers.has(key)))) return 'none'
  if (keys.length > 1 && placeWords.has(last)) return 'place'
  if (keys.length > 2 && placeWords.has(keys[0]!) && keys[1] === 'of') return 'place' // `Strait of Hormuz`, `Gulf of Mexico`
  return undefined
}
