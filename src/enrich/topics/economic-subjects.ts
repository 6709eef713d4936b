import type {SubjectRule} from './topic-rules.js'

/**
 * Subjects of economic news that every archive gets without a topics file,
 * after the categories wire editors used (earnings, acquisitions, grain,
 * crude oil…). A topics file may add subjects or replace one of these by
 * giving a subject of the same name.
 *
 * Note: `tender` and `purchase` alone are not acquisition words: wire
 * stories use them for commodity tenders and purchases (`a tender for
 * sugar`, `credits to purchase wheat`). Nor are amounts in a currency
 * (`a 12 billion yen bond`) currency news, so the yen and the mark count
 * as `the yen` and `the mark`; and `intervention` is as often the EC's
 * buying of farm goods as a central bank's in the markets. Against the
 * corpus's labels, Currencies went from 735 articles (455 without the
 * label) to 487 (237 without it); subject recall went from 0.785 to 0.781
 * and the share of subjects matching a label from 0.697 to 0.714. Profits,
 * an operating loss and a net gain are earnings words: recall 0.792 with
 * them, the share unchanged.
 */
export const economicSubjects: readonly SubjectRule[] = [
  {name: 'Earnings', min: 2, keywords: ['shr', 'shrs', 'revs', 'qtr', 'qtly', 'div', 'dividend', 'dividends', 'net profit', 'net loss', 'net income', 'earnings', 'earned', 'earnings per share', 'per share', 'cts a share', 'operating profit', 'profit', 'profits', 'operating loss', 'net gain', 'nine mths', 'six mths', 'quarterly earnings', 'stock split', 'record date', 'payable']},
  {name: 'Acquisitions', min: 2, keywords: ['acquire', 'acquires', 'acquired', 'acquiring', 'acquisition', 'acquisitions', 'merger', 'mergers', 'merge', 'merged', 'takeover', 'takeovers', 'tender offer', 'bid', 'buyout', 'buy-out', 'stake', 'to buy', 'agreed to buy', 'bought', 'definitive agreement', 'agreement in principle', 'letter of intent', 'investor group', 'arbitrageurs', 'outstanding shares', 'to sell its', 'sold its']},
  {name: 'Grain', min: 2, keywords: ['grain', 'grains', 'wheat', 'corn', 'maize', 'barley', 'sorghum', 'oats', 'rye', 'rice']},
  {name: 'Crude oil', min: 2, keywords: ['crude', 'crude oil', 'oil prices', 'oil price', 'barrels', 'bpd', 'opec', 'oil output', 'oil production', 'refinery', 'refineries']},
  {name: 'Natural gas', min: 2, keywords: ['natural gas', 'gas prices', 'lng']},
  {name: 'Trade', min: 3, keywords: ['trade deficit', 'trade surplus', 'trade balance', 'tariff', 'tariffs', 'trade bill', 'protectionism', 'protectionist', 'trade talks', 'trade war', 'trade dispute', 'exports', 'imports', 'trade']},
  {name: 'Interest rates', min: 2, keywords: ['interest rate', 'interest rates', 'prime rate', 'discount rate', 'base rate', 'lending rate', 'lending rates', 'money market', 'rates']},
  {name: 'Currencies', min: 3, keywords: ['dollar', 'the yen', 'currency', 'currencies', 'foreign exchange', 'exchange rate', 'exchange rates', 'sterling', 'forex', 'the mark']},
  {name: 'Money supply', min: 1, keywords: ['money supply', 'm-1', 'm-2', 'm-3', 'm1', 'm2', 'm3']},
  {name: 'Inflation', min: 2, keywords: ['inflation', 'consumer prices', 'consumer price index', 'cpi', 'cost of living', 'wholesale prices', 'producer prices']},
  {name: 'Economic growth', min: 2, keywords: ['gnp', 'gdp', 'gross national product', 'gross domestic product', 'economic growth', 'recession']},
  {name: 'Balance of payments', min: 2, keywords: ['current account', 'balance of payments', 'payments deficit', 'payments surplus']},
  {name: 'Employment', min: 2, keywords: ['unemployment', 'jobless', 'jobs', 'employment', 'payrolls', 'layoffs', 'unemployed']},
  {name: 'Shipping', min: 2, keywords: ['ship', 'ships', 'shipping', 'vessel', 'vessels', 'tanker', 'tankers', 'port', 'ports', 'freight', 'cargo', 'cargoes']},
  {name: 'Coffee', min: 2, keywords: ['coffee']},
  {name: 'Sugar', min: 2, keywords: ['sugar']},
  {name: 'Cocoa', min: 2, keywords: ['cocoa']},
  {name: 'Gold', min: 2, keywords: ['gold']},
  {name: 'Copper', min: 2, keywords: ['copper']},
  {name: 'Cotton', min: 2, keywords: ['cotton']},
  {name: 'Rubber', min: 2, keywords: ['rubber']},
  {name: 'Oilseeds', min: 2, keywords: ['soybean', 'soybeans', 'soyoil', 'soymeal', 'oilseed', 'oilseeds', 'rapeseed', 'sunflowerseed', 'palm oil', 'vegetable oil', 'vegetable oils']},
  {name: 'Livestock', min: 2, keywords: ['cattle', 'hogs', 'livestock', 'beef', 'pork', 'carcass']},
  {name: 'Steel', min: 2, keywords: ['steel', 'iron ore']},
]
