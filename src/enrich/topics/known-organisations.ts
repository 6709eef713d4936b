import type {TopicAlias} from './topic-rules.js'

/**
 * International and US institutions that the wires name in several ways,
 * each under one name: without these, `EC`, `EEC` and `European Community`
 * are three topics, and an article that only says `EC` is not about the
 * European Community. Only names and acronyms that mean nothing else in the
 * news are listed (not `CCC`, a credit rating, nor `LSE`); the topics file's
 * aliases come after these and win.
 */
export const knownOrganisations: readonly TopicAlias[] = [
  {name: 'European Community', kind: 'organisation', names: ['EC', 'EEC', 'European Economic Community', 'European Communities', 'Common Market']},
  {name: 'European Commission', kind: 'organisation', names: ['EC Commission', 'EEC Commission', 'European Community Commission', 'Commission of the European Communities']},
  {name: 'International Monetary Fund', kind: 'organisation', names: ['IMF']},
  {name: 'World Bank', kind: 'organisation', names: ['IBRD', 'International Bank for Reconstruction and Development']},
  {name: 'General Agreement on Tariffs and Trade', kind: 'organisation', names: ['GATT', 'General Agreement on Trade and Tariffs']},
  {name: 'OPEC', kind: 'organisation', names: ['Organization of Petroleum Exporting Countries', 'Organisation of Petroleum Exporting Countries']},
  {name: 'OECD', kind: 'organisation', names: ['Organization for Economic Cooperation and Development', 'Organisation for Economic Cooperation and Development',
    'Organization for Economic Co-operation and Development', 'Organisation for Economic Co-operation and Development']},
  {name: 'United Nations', kind: 'organisation', names: ['UN', 'U.N.']},
  {name: 'UNCTAD', kind: 'organisation', names: ['United Nations Conference on Trade and Development']},
  {name: 'Federal Reserve', kind: 'organisation', names: ['Fed', 'Federal Reserve Board', 'Federal Reserve System', 'U.S. Federal Reserve', 'U.S. Federal Reserve Board']},
  {name: 'Bundesbank', kind: 'organisation', names: ['Deutsche Bundesbank']},
  {name: 'Securities and Exchange Commission', kind: 'organisation', names: ['SEC', 'U.S. Securities and Exchange Commission']},
  {name: 'U.S. Department of Agriculture', kind: 'organisation', names: ['USDA', 'U.S. Agriculture Department', 'US Agriculture Department', 'United States Department of Agriculture']},
  {name: 'Food and Drug Administration', kind: 'organisation', names: ['FDA', 'U.S. Food and Drug Administration']},
  {name: 'Federal Deposit Insurance Corporation', kind: 'organisation', names: ['FDIC', 'Federal Deposit Insurance Corp']},
  {name: 'Federal Savings and Loan Insurance Corporation', kind: 'organisation', names: ['FSLIC', 'Federal Savings and Loan Insurance Corp']},
  {name: 'Federal Home Loan Bank Board', kind: 'organisation', names: ['FHLBB']},
  {name: 'Commodity Credit Corporation', kind: 'organisation', names: ['Commodity Credit Corp']},
  {name: 'Pension Benefit Guaranty Corporation', kind: 'organisation', names: ['PBGC', 'Pension Benefit Guaranty Corp']},
  {name: 'Overseas Private Investment Corporation', kind: 'organisation', names: ['OPIC', 'Overseas Private Investment Corp']},
  {name: 'New York Stock Exchange', kind: 'organisation', names: ['NYSE', 'Big Board']},
  {name: 'American Stock Exchange', kind: 'organisation', names: ['AMEX']},
  {name: 'NASDAQ', kind: 'organisation', names: ['Nasdaq', 'National Association of Securities Dealers Automated Quotation', 'National Association of Securities Dealers Automated Quotations']},
  {name: 'Chicago Board of Trade', kind: 'organisation', names: ['CBOT', 'CBT']},
  {name: 'Chicago Mercantile Exchange', kind: 'organisation', names: ['CME']},
  {name: 'Group of Seven', kind: 'organisation', names: ['G-7', 'G7']},
  {name: 'Group of Five', kind: 'organisation', names: ['G-5', 'G5']},
  {name: 'Group of Ten', kind: 'organisation', names: ['G-10', 'G10']},
  {name: 'International Coffee Organization', kind: 'organisation', names: ['ICO', 'International Coffee Organisation']},
  {name: 'International Cocoa Organization', kind: 'organisation', names: ['ICCO', 'International Cocoa Organisation']},
  {name: 'International Energy Agency', kind: 'organisation', names: ['IEA']},
  {name: 'Inter-American Development Bank', kind: 'organisation', names: ['IDB', 'IADB']},
  {name: 'Ministry of International Trade and Industry', kind: 'organisation', names: ['MITI']},
  {name: 'European Monetary System', kind: 'organisation', names: ['EMS']},
  {name: 'IBM', kind: 'organisation', names: ['International Business Machines']},
]
