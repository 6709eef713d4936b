/**
 * The ways wire datelines write a US state or Canadian province
 * (`IRVINE, Calif.`, `GARDEN CITY, NY`, `MISSISSAUGA, Ont.`): the AP
 * stylebook's abbreviations and the postal codes, each followed by the
 * full name as the city data spells the province. Keys are `nameKey`s
 * without spaces.
 * Note: no maintained package carries the AP forms; the full names are then
 * looked up in the city data, which knows which country each lies in.
 */
const table = `
al ala Alabama|ak alas Alaska|az ariz Arizona|ar ark Arkansas|ca calif,cal,cali California
co colo,col Colorado|ct conn Connecticut|de del Delaware|dc washdc District of Columbia
fl fla,flor,fal Florida|ga ga Georgia|hi hawaii Hawaii|id ida Idaho|il ill,ills Illinois
in ind Indiana|ia ia,iowa Iowa|ks kan,kans,ka Kansas|ky ky,ken,kent Kentucky|la la Louisiana
me me Maine|md md Maryland|ma mass Massachusetts|mi mich Michigan|mn minn Minnesota
ms miss Mississippi|mo mo Missouri|mt mont Montana|ne neb,nebr Nebraska|nv nev Nevada
nh nh New Hampshire|nj nj New Jersey|nm nm,nmex New Mexico|ny ny New York|nc nc North Carolina
nd nd,ndak North Dakota|oh ohio Ohio|ok okla Oklahoma|or ore,oreg Oregon|pa pa,penn,penna Pennsylvania
ri ri Rhode Island|sc sc South Carolina|sd sd,sdak South Dakota|tn tenn Tennessee
tx tex,texas Texas|ut utah Utah|vt vt Vermont|va va Virginia|wa wash Washington
wv wva,wvirg West Virginia|wi wis,wisc Wisconsin|wy wyo Wyoming
ab alta Alberta|bc bc British Columbia|mb man Manitoba|nb nb New Brunswick
nl nfld,nf Newfoundland and Labrador|ns ns Nova Scotia|on ont Ontario|pe pei Prince Edward Island
qc que,pq,quebec Québec|sk sask Saskatchewan
`

function parse(text: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>()
  for (const entry of text.split(/[|\n]/)) {
    const match = /^\s*(\w+) ([\w,]+) (.+?)\s*$/.exec(entry)
    if (!match) continue
    const [, code, abbreviations, name] = match as unknown as [string, string, string, string]
    for (const key of [code, ...abbreviations.split(',')]) map.set(key, name)
  }
  return map
}

/** Abbreviation (`nameKey` without spaces: `calif`, `nj`, `wva`) → province name as the city data spells it. */
export const regionAbbreviations: ReadonlyMap<string, string> = parse(table)
