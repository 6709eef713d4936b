/**
 * Word lists that tell a name from the words around it. Every entry is a
 * lower-case `nameKey`. These are facts of English news style, not of the
 * world: places come from packages (see `geo-data.ts`).
 */

function words(text: string): ReadonlySet<string> {
  return new Set(text.trim().split(/\s+/))
}

/** Days, months and holidays: never topics, and they end a name (`Kremlin said on Monday`). */
export const calendarWords = words(`
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  easter christmas thanksgiving ramadan
`)

/** Words that start sentences in capitals but never start a name. */
export const leadingFunctionWords = words(`
  a an the and or but nor so yet for of in on at to from by with without within into onto upon
  as if when whenever while after before since because although though unless until whether
  this that these those it its he she they we i you his her their our my your there here
  what which who whom whose where why how all some any each every no not also however
  meanwhile separately earlier later last next first second third then thus than both either
  neither many much more most other another only just even still such about against between
  through during despite under over among amid according once instead indeed besides
  one two three four five six seven eight nine ten several few
`)

/**
 * Lower-case words allowed inside a name between capitalised words
 * (`Bank of England`, `Ludwig van Beethoven`, `Procter and Gamble`).
 */
export const nameConnectors = words(`of and for on the de du des da di do dos del della van von der den la le y al bin ibn es &`)

/** The connectors that join names rather than belong to one (`Bank of England`), even written with a capital. */
export const joiningWords = words(`of and for on the &`)

/** Honorifics and job titles that stand before a person's name and are not part of it. */
export const personTitles = words(`
  president vice prime minister secretary chairman chairwoman chairperson chancellor governor
  senator sen rep representative congressman congresswoman ambassador envoy spokesman spokeswoman
  spokesperson director chief executive officer commissioner judge justice mayor premier
  mr mrs ms miss dr prof professor sir dame lord lady gen adm admiral col colonel lt lieutenant
  maj capt captain sgt sergeant cmdr deputy assistant undersecretary under-secretary treasurer
  attorney leader head analyst economist trader dealer president-elect vice-president
  vice-chairman deputy-governor counsel founder manager ceo rev reverend cardinal bishop
  king queen prince princess sheikh emir sultan pope crown speaker
`)

/** Royal and religious titles kept in a name that is otherwise one word (`King Fahd`, `Pope John Paul`). */
export const keptTitles = words(`king queen prince princess sheikh emir sultan pope`)

/**
 * Words that qualify a job title (`Finance Minister`, `Secretary of State`,
 * `Minister of International Trade and Industry`): dropped with the title.
 */
export const titleQualifiers = words(`
  finance foreign trade defense defence agriculture energy oil economy economic economics interior
  commerce labor labour justice health industry industrial transport transportation treasury state
  home central general prime deputy vice assistant senior former acting executive chief managing
  first federal national international petroleum information planning budget development
  environment education housing works public communications resources mines mining fisheries
  taxation revenue monetary fiscal affairs policy security cabinet presidential press chamber
  group company corporate bank banking trading exchange market markets securities exchequer staff
  white house majority minority republican democratic
`)

/** Last words that make a phrase an organisation (`World Bank`, `State Department`). */
export const organisationWords = words(`
  bank banks bancorp bancshares corp corporation inc incorporated co company companies ltd limited
  plc llc ag nv sa spa gmbh bv kk bhd pty group holdings holding industries association associates
  organisation organization agency ministry department council commission committee party union
  board authority exchange fund reserve federation institute institution university college court
  office service services bureau community administration congress senate parliament assembly
  army navy forces police airlines airways motors trust partners securities systems technologies
  technology communications foundation society club network nations cartel consortium alliance
  secretariat treasury government cabinet junta directorate mission front movement league
  electronics electric energy petroleum oil chemical chemicals pharmaceuticals laboratories
  mining resources minerals steel insurance financial finance capital investments investment
  properties realty airline railroad railway shipping lines stores brands foods enterprises
  international
`)

/** Company endings left out of the canonical name (`General Motors Corp` → `General Motors`). */
export const legalSuffixes = words(`
  inc corp co ltd plc llc ag nv sa spa gmbh bv kk bhd pty lp ab oy
`)

/**
 * Given names that are also towns the gazetteer knows (`David` in Panama,
 * `George` in South Africa, `Nancy` in France): before a surname they are
 * the person's (`David Collins`, `Leon Brittan`), not a place.
 */
export const givenNameTowns = words(`
  david george gary lawrence eugene bryan norman leon tyler chester everett salvador mary nancy
  florence victoria charlotte regina
`)

/** Whether a word as written is an initial: one letter or digit, with or without its dot (`F.`, `T`). */
export function isInitial(word: string): boolean {
  return word.replaceAll('.', '').length === 1
}

/** Endings after a person's surname (`Martin Luther King Jr`, `Henry Heinz II`). */
export const nameSuffixes = words(`jr sr ii iii iv`)

/** Ordinals that open a company's name (`First Chicago Corp`, `First Boston Corp`) as well as a sentence. */
export const ordinalWords = words(`first second third`)

/** Legal forms written before the name (`AB Volvo`, `NV Philips`), left out of it as the endings are. */
export const leadingLegalForms = words(`ab nv oy`)

/** Trades that end a firm's name after `and` (`Oil and Gas Plc`, `Trust and Banking Co`), never a name alone. */
export const tradeWords = words(`
  gas oil banking bank trust savings loan investment investments telephone telegraph light power water air
  electric chemical chemicals mining exploration development manufacturing trading shipping refining
  engineering construction insurance finance land
`)

/** Last words that make a phrase a place that no gazetteer lists (`Kursk region`, `Defiance County`). */
export const placeWords = words(`
  county province region state island islands valley gulf sea ocean river lake mountains bay
  peninsula strait canal desert basin territory district prefecture
`)

/** A newspaper's title word, which makes one name with a possessive before it (`People's Daily`). */
export const newspaperWords = words(`daily times post herald tribune gazette journal`)

/**
 * First or last words of names that are not topics: streets, buildings,
 * meetings, money and its rates (`Interbank Offered Rate`, `European
 * Currency Units`, `Gross Domestic Product`), grades of crude (`West Texas
 * Intermediate`, `Brent Blend`).
 */
export const nonTopicWords = words(`
  street avenue road boulevard building tower plaza square hotel station meeting plenary
  conference session act bill law treaty accord amendment resolution program programme plan
  index average report survey class series dlrs dlr dollars dollar ecus ecu francs marks crowns
  pounds lire pesos sterling shares stock stocks bonds notes debentures warrants preferred common
  offering rate rates units product intermediate sour blend
`)

/**
 * Words that alone, or only with each other, name nothing in particular
 * (`Central Committee`, `Foreign Ministry`, `Asian`, `Government`).
 */
export const genericWords = words(`
  central national federal supreme foreign finance trade economy economic interior industry
  committee ministry department government council board bank party union association agency
  office commission cabinet court assembly administration company group authority executive exchange
  plenary meeting standing joint general annual special working select advisory steering
  monetary policy budget planning house senate congress parliament army navy military
  western eastern northern southern north south east west gulf reuter reuters officials strategy
`)

/**
 * Adjectives of regions, faiths and parties, and party members: not topics
 * alone (`Asian military`, `the Illinois Democrat`, `Congressional sources`,
 * `Commercial banks`), though they can start one (`European Commission`).
 */
export const looseAdjectives = words(`
  asian european african american arab islamic muslim christian jewish catholic communist
  socialist democratic republican democrat democrats republicans conservative liberal western eastern
  northern southern atlantic pacific latin congressional commercial
`)

/**
 * All-capital words of wire copy that are not names (units, table headings,
 * time zones, `No.` and the numbers of `Pay April One`), and pronouns that a
 * quotation opens with (`“We are…`), and so are never read as names.
 */
export const capitalNoise = words(`
  note notes mln bln billion dlrs dlr dls cts ct pct vs net shr shrs revs rev qtr qtly div divs eps
  gmt est edt cst cdt pst pdt bst am pm ok tv na nil nm fob cif more rpt repeat corrected correction
  update urgent flash bpd ltd inc corp plc co ag nv sa via the and of for to in on at by a i ii iii
  iv v vi vii viii ix x oper avg yr yrs mths wk wks sales profit loss losses shares tonnes tons
  year qtrs revenue revenues pretax no one two three four five six seven eight nine ten
  we he she they you it our their his her its is are was were
  usd stg yen dm dfl sfr ffr lire ceo cfo coo gnp gdp cpi ppi ipi wpi
  m0 m-0 m-1 m-1-a m-1-b m-2 m-3 m1 m2 m3 unadjusted libor cd cds sdr sdrs psbr chapter lifo fifo pik pins treasuries
`)

/** Lower-case words after a name that say it is a politician (`Reagan administration`, `Thatcher government`). */
export const leaderNouns = words(`administration government`)

/** Lower-case words after a name that say it is an organisation (`Yonhap news agency`). */
export const organisationNouns = words(`
  agency company firm group bank party ministry unit subsidiary newspaper news daily concern
  corporation association union network chain carrier airline
`)
