/**
 * The Reuters-21578 label codes (`usa`, `james-baker`, `opec`, `nyse`, `earn`)
 * and the names under which an editor would file them, for evaluating topic
 * extraction against the editors' labels. Evaluation data only: the
 * extractor never reads this table.
 */

/** Place codes whose name is not the code in title case (`usa`, `west-germany`). */
export const placeNames: Readonly<Record<string, readonly string[]>> = {
  'usa': ['United States'],
  'uk': ['United Kingdom'],
  'ussr': ['Soviet Union', 'Russia'],
  'uae': ['United Arab Emirates'],
  'west-germany': ['West Germany', 'Germany'],
  'east-germany': ['East Germany'],
  'trinidad-tobago': ['Trinidad and Tobago'],
  'yemen-arab-republic': ['Yemen'],
  'yemen-demo-republic': ['Yemen'],
  'kampuchea': ['Cambodia'],
  'burma': ['Myanmar'],
  'zaire': ['Zaire', 'DR Congo'],
  'congo': ['Republic of the Congo'],
  'turkey': ['Türkiye', 'Turkey'],
  'us-virgin-islands': ['United States Virgin Islands'],
  'czechoslovakia': ['Czechoslovakia'],
}

/** People codes: surnames alone (`reagan`) or first and last names (`james-baker`). */
export const personNames: Readonly<Record<string, readonly string[]>> = {
  'reagan': ['Ronald Reagan'], 'james-baker': ['James Baker'], 'yeutter': ['Clayton Yeutter'], 'volcker': ['Paul Volcker'],
  'nakasone': ['Yasuhiro Nakasone'], 'lawson': ['Nigel Lawson'], 'miyazawa': ['Kiichi Miyazawa'], 'lyng': ['Richard Lyng'],
  'ongpin': ['Jaime Ongpin'], 'sumita': ['Satoshi Sumita'], 'balladur': ['Edouard Balladur'], 'thatcher': ['Margaret Thatcher'],
  'conable': ['Barber Conable'], 'stoltenberg': ['Gerhard Stoltenberg'], 'herrington': ['John Herrington'],
  'james-miller': ['James Miller'], 'sarney': ['Jose Sarney'], 'chirac': ['Jacques Chirac'], 'sprinkel': ['Beryl Sprinkel'],
  'subroto': ['Subroto'], 'icahn': ['Carl Icahn'], 'boesky': ['Ivan Boesky'], 'du-plessis': ['Barend du Plessis'],
  'mulroney': ['Brian Mulroney'], 'von-weizsaecker': ['Richard von Weizsaecker'], 'howard-baker': ['Howard Baker'],
  'delors': ['Jacques Delors'], 'de-clercq': ['Willy de Clercq'], 'zhao-ziyang': ['Zhao Ziyang'],
  'leigh-pemberton': ['Robin Leigh-Pemberton'], 'dauster': ['Jorio Dauster'], 'hawke': ['Bob Hawke'], 'tamura': ['Hajime Tamura'],
  'petricioli': ['Gustavo Petricioli'], 'papandreou': ['Andreas Papandreou'], 'keating': ['Paul Keating'],
  'hisham-nazer': ['Hisham Nazer'], 'de-kock': ['Gerhard de Kock'], 'ruding': ['Onno Ruding'], 'poehl': ['Karl Otto Poehl'],
  'machinea': ['Jose Luis Machinea'], 'bangemann': ['Martin Bangemann'], 'fernandez': ['Fernandez'], 'eyskens': ['Mark Eyskens'],
  'wilson': ['Michael Wilson'], 'camdessus': ['Michel Camdessus'], 'aquino': ['Corazon Aquino'], 'aqazadeh': ['Gholamreza Aqazadeh'],
  'kohl': ['Helmut Kohl'], 'douglas': ['Roger Douglas'], 'king-fahd': ['King Fahd'], 'mikulic': ['Branko Mikulic'],
  'concepcion': ['Jose Concepcion'], 'ozal': ['Turgut Ozal'], 'gandhi': ['Rajiv Gandhi'], 'brodersohn': ['Mario Brodersohn'],
  'deng-xiaoping': ['Deng Xiaoping'], 'suharto': ['Suharto'], 'haughey': ['Charles Haughey'], 'goria': ['Giovanni Goria'],
  'murdoch': ['Rupert Murdoch'], 'schlueter': ['Poul Schlueter'], 'garcia': ['Alan Garcia'], 'wang-bingqian': ['Wang Bingqian'],
  'macsharry': ['Ray MacSharry'], 'maxwell': ['Robert Maxwell'], 'russell': ['Russell'], 'de-larosiere': ['Jacques de Larosiere'],
  'halikias': ['Dimitris Halikias'], 'languetin': ['Pierre Languetin'], 'cossiga': ['Francesco Cossiga'], 'duisenberg': ['Wim Duisenberg'],
  'pickens': ['T. Boone Pickens'], 'khomeini': ['Ayatollah Khomeini', 'Ruhollah Khomeini'], 'mohammed-ali-abal-khail': ['Mohammed Ali Abal-Khail'],
  'lange': ['David Lange'], 'babangida': ['Ibrahim Babangida'], 'alfonsin': ['Raul Alfonsin'], 'siregar': ['Arifin Siregar'],
  'singhasaneh': ['Suthee Singhasaneh'], 'kullberg': ['Rolf Kullberg'], 'ciampi': ['Carlo Azeglio Ciampi'], 'martens': ['Wilfried Martens'],
  'okongwu': ['Chu Okongwu'], 'masse': ['Marcel Masse'], 'mousavi': ['Mir-Hossein Mousavi'], 'cavaco-silva': ['Anibal Cavaco Silva'],
  'jaruzelski': ['Wojciech Jaruzelski'], 'prawiro': ['Radius Prawiro'], 'ryzhkov': ['Nikolai Ryzhkov'], 'young': ['Young'],
  'carlsson': ['Ingvar Carlsson'], 'sourrouille': ['Juan Sourrouille'], 'kaufman': ['Henry Kaufman'],
}

/** Organisation codes. */
export const organisationNames: Readonly<Record<string, readonly string[]>> = {
  'ec': ['European Community', 'EC', 'EEC', 'European Economic Community', 'Common Market', 'European Commission'],
  'worldbank': ['World Bank'],
  'imf': ['International Monetary Fund', 'IMF'],
  'opec': ['OPEC', 'Organization of Petroleum Exporting Countries'],
  'gatt': ['GATT', 'General Agreement on Tariffs and Trade'],
  'ico-coffee': ['International Coffee Organization', 'ICO'],
  'icco': ['International Cocoa Organization', 'ICCO'],
  'oecd': ['OECD', 'Organization for Economic Cooperation and Development'],
  'unctad': ['UNCTAD', 'United Nations Conference on Trade and Development', 'UN Conference on Trade and Development'],
  'adb-africa': ['African Development Bank', 'ADB', 'AfDB'],
  'un': ['United Nations', 'UN'],
  'inro': ['International Natural Rubber Organization', 'INRO'],
  'itc': ['International Tin Council', 'ITC'],
  'fao': ['Food and Agriculture Organization', 'FAO'],
  'iea': ['International Energy Agency', 'IEA'],
  'adb-asia': ['Asian Development Bank', 'ADB'],
  'eib': ['European Investment Bank', 'EIB'],
  'atpc': ['Association of Tin Producing Countries', 'ATPC'],
  'gcc': ['Gulf Cooperation Council', 'GCC'],
  'oapec': ['OAPEC', 'Organization of Arab Petroleum Exporting Countries'],
  'isa': ['International Sugar Agreement', 'International Sugar Organization', 'ISA', 'ISO'],
  'iwc-wheat': ['International Wheat Council', 'IWC'],
  'imco': ['IMCO', 'Inter-Governmental Maritime Consultative Organization'],
  'bis': ['Bank for International Settlements', 'BIS'],
  'euratom': ['Euratom'],
  'ida': ['International Development Association', 'IDA'],
  'iwcc': ['International Wrought Copper Council', 'IWCC'],
  'comecon': ['Comecon', 'Council for Mutual Economic Assistance', 'CMEA'],
  'asean': ['ASEAN', 'Association of Southeast Asian Nations', 'Association of South East Asian Nations'],
  'efta': ['EFTA', 'European Free Trade Association'],
}

/** Exchange codes (counted with organisations). */
export const exchangeNames: Readonly<Record<string, readonly string[]>> = {
  'nyse': ['New York Stock Exchange', 'NYSE', 'Big Board'],
  'nasdaq': ['NASDAQ', 'National Association of Securities Dealers'],
  'amex': ['American Stock Exchange', 'AMEX'],
  'cbt': ['Chicago Board of Trade', 'CBT', 'CBOT'],
  'cme': ['Chicago Mercantile Exchange', 'CME'],
  'lse': ['London Stock Exchange', 'LSE'],
  'cboe': ['Chicago Board Options Exchange', 'CBOE'],
  'lme': ['London Metal Exchange', 'LME'],
  'liffe': ['London International Financial Futures Exchange', 'LIFFE'],
  'ase': ['Amsterdam Stock Exchange', 'American Stock Exchange', 'ASE'],
  'pse': ['Pacific Stock Exchange', 'Paris Stock Exchange', 'Philadelphia Stock Exchange', 'PSE'],
  'tse': ['Tokyo Stock Exchange', 'Toronto Stock Exchange', 'TSE'],
  'nycsce': ['New York Coffee, Sugar and Cocoa Exchange', 'Coffee, Sugar and Cocoa Exchange', 'CSCE'],
  'sse': ['Stockholm Stock Exchange', 'Sydney Stock Exchange', 'Singapore Stock Exchange', 'SSE'],
  'simex': ['Singapore International Monetary Exchange', 'SIMEX'],
  'nymex': ['New York Mercantile Exchange', 'NYMEX'],
  'nyce': ['New York Cotton Exchange', 'NYCE'],
  'biffex': ['Baltic International Freight Futures Exchange', 'BIFFEX', 'Baltic Exchange'],
  'hkse': ['Hong Kong Stock Exchange', 'Stock Exchange of Hong Kong'],
  'comex': ['Commodity Exchange', 'COMEX'],
  'mose': ['Montreal Stock Exchange', 'MSE'],
  'tose': ['Toronto Stock Exchange', 'TSE'],
  'ipe': ['International Petroleum Exchange', 'IPE'],
  'fse': ['Frankfurt Stock Exchange', 'FSE'],
  'asx': ['Australian Stock Exchange', 'ASX'],
  'stse': ['Stockholm Stock Exchange'],
  'zse': ['Zurich Stock Exchange'],
  'mnse': ['Manila Stock Exchange'],
  'set': ['Securities Exchange of Thailand', 'Stock Exchange of Thailand', 'SET'],
  'bse': ['Bombay Stock Exchange', 'Brussels Stock Exchange', 'BSE'],
}

/** Subject codes (TOPICS categories) → the extractor's built-in subject names. */
export const subjectNames: Readonly<Record<string, readonly string[]>> = {
  'earn': ['Earnings'], 'acq': ['Acquisitions'],
  'money-fx': ['Currencies'], 'dlr': ['Currencies'], 'yen': ['Currencies'], 'dmk': ['Currencies'], 'stg': ['Currencies'],
  'grain': ['Grain'], 'wheat': ['Grain'], 'corn': ['Grain'], 'barley': ['Grain'], 'sorghum': ['Grain'], 'oat': ['Grain'], 'rye': ['Grain'], 'rice': ['Grain'],
  'crude': ['Crude oil'], 'nat-gas': ['Natural gas'], 'trade': ['Trade'], 'interest': ['Interest rates'],
  'money-supply': ['Money supply'], 'cpi': ['Inflation'], 'wpi': ['Inflation'], 'gnp': ['Economic growth'],
  'bop': ['Balance of payments'], 'jobs': ['Employment'], 'ship': ['Shipping'],
  'coffee': ['Coffee'], 'sugar': ['Sugar'], 'cocoa': ['Cocoa'], 'gold': ['Gold'], 'copper': ['Copper'], 'cotton': ['Cotton'], 'rubber': ['Rubber'],
  'oilseed': ['Oilseeds'], 'soybean': ['Oilseeds'], 'soy-oil': ['Oilseeds'], 'soy-meal': ['Oilseeds'], 'veg-oil': ['Oilseeds'], 'palm-oil': ['Oilseeds'], 'rapeseed': ['Oilseeds'],
  'livestock': ['Livestock'], 'carcass': ['Livestock'], 'hog': ['Livestock'], 'l-cattle': ['Livestock'], 'iron-steel': ['Steel'],
}

/** The names a place code stands for: the table's, else the code in title case (`new-zealand` → New Zealand). */
export function namesOfPlace(code: string): readonly string[] {
  return placeNames[code] ?? [code.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ')]
}
