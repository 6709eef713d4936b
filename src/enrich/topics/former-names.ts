/**
 * Places that the geographic packages do not list because they no longer
 * exist or because news uses a short or former name for them. Wire archives
 * reach back decades, so `West German` and `Soviet` must still mean a place.
 */
export interface ExtraPlace {
  /** Canonical name shown as the topic. */
  readonly name: string
  /** Other spellings and demonyms that mean it. */
  readonly names: readonly string[]
  /** The country it lies in, when it is not one itself (by canonical name). */
  readonly country?: string
  /** For a former country: the country its places belong to now, in the data (`Germany` for `West Germany`). */
  readonly successor?: string
}

/** Former countries, with their demonyms. */
export const formerCountries: readonly ExtraPlace[] = [
  {name: 'Soviet Union', names: ['USSR', 'U.S.S.R.', 'Soviet', 'Soviets'], successor: 'Russia'},
  {name: 'West Germany', names: ['West German', 'West Germans', 'W. Germany', 'Federal Republic of Germany'], successor: 'Germany'},
  {name: 'East Germany', names: ['East German', 'East Germans', 'German Democratic Republic', 'GDR'], successor: 'Germany'},
  {name: 'Yugoslavia', names: ['Yugoslav', 'Yugoslavs', 'Yugoslavian'], successor: 'Serbia'},
  {name: 'Czechoslovakia', names: ['Czechoslovak', 'Czechoslovakian'], successor: 'Czechia'},
  {name: 'Zaire', names: ['Zairean', 'Zairian'], successor: 'DR Congo'},
]

/**
 * Short, colloquial and former names of places that the packages know under
 * another name (`Britain`, `Peking`, `Turkey`), the parts of the United Kingdom, and
 * regions the news names (`New England`, which is not England).
 */
export const otherPlaceNames: readonly ExtraPlace[] = [
  {name: 'United Kingdom', names: ['Britain']},
  {name: 'Saudi Arabia', names: ['Saudi', 'Saudis']},
  {name: 'Philippines', names: ['Philippine']},
  {name: 'United Arab Emirates', names: ['Emirates', 'Emirian']},
  {name: 'Cambodia', names: ['Kampuchea', 'Kampuchean']},
  // Note: the package spells it as the country has asked since 2022; the news of all the years before says `Turkey`.
  {name: 'Türkiye', names: ['Turkey']},
  {name: 'Beijing', names: ['Peking'], country: 'China'},
  {name: 'Mumbai', names: ['Bombay'], country: 'India'},
  {name: 'Basel', names: ['Basle'], country: 'Switzerland'},
  {name: 'Bern', names: ['Berne'], country: 'Switzerland'},
  {name: 'Düsseldorf', names: ['Duesseldorf', 'Dusseldorf'], country: 'Germany'},
  {name: 'Nürnberg', names: ['Nuremberg'], country: 'Germany'},
  {name: 'Hannover', names: ['Hanover'], country: 'Germany'},
  {name: 'England', names: [], country: 'United Kingdom'},
  {name: 'Scotland', names: [], country: 'United Kingdom'},
  {name: 'Wales', names: [], country: 'United Kingdom'},
  {name: 'Northern Ireland', names: [], country: 'United Kingdom'},
  {name: 'New England', names: [], country: 'United States'},
  {name: 'Midwest', names: ['Middle West'], country: 'United States'},
  {name: 'Middle East', names: ['Mideast', 'Mid-East']},
  {name: 'Far East', names: []},
  {name: 'West Africa', names: ['West African', 'West Africans']},
  {name: 'East Africa', names: ['East African', 'East Africans']},
  {name: 'North Africa', names: ['North African', 'North Africans']},
  {name: 'Southeast Asia', names: ['Southeast Asian', 'South-East Asia', 'South East Asia', 'South-East Asian']},
  {name: 'Persian Gulf', names: []},
  {name: 'Pacific Rim', names: []},
  {name: 'Scandinavia', names: ['Scandinavian', 'Scandinavians']},
  {name: 'Eastern Bloc', names: ['East Bloc', 'Soviet Bloc']},
  // Note: the developing countries as the news of the Cold War named them (`Third World debt`): a group of places, not a body.
  {name: 'Third World', names: []},
  {name: 'Latin America', names: ['Latin American', 'Latin Americans']},
  {name: 'South America', names: ['South American', 'South Americans']},
  {name: 'North America', names: ['North American', 'North Americans']},
  {name: 'Central America', names: ['Central American', 'Central Americans']},
]
