/**
 * The built-in scenarios: "the inverted-pyramid bank" (倒金字塔银行) of the lead article's
 * diagnosis, and "the pyramid bank" (正金字塔银行), the same bank after rebalancing.
 * Calibration: the project's docs/model.md ("The demo bank"); each figure says its source
 * or "[A]" (assumed for the demo).
 */
import { CHINA_STANDARDIZED_WEIGHTS, OUTPUT_FLOOR } from './capital';
import { SCHEMA_VERSION, type Scenario, type Segment } from './scenario';

const YI = 1e8; // 亿元
const WAN = 1e4; // 万元

const large: Segment = {
  key: 'large',
  name: { zh: '大客户', en: 'Large clients' },
  share: 0.65, // the source's inverted pyramid: about 65/25/10 by loans
  avgExposure: 5 * YI, // [A]
  sizeSigma: 0.5, // [A]
  pd: 0.006, // [A] within 0.4–0.8% (docs/reference-values.md, credit quality)
  lgd: 0.45, // F-IRB senior unsecured, Basel II ¶287
  correlation: null, // Basel formula
  turnover: 40 * YI, // [A] EUR 500m, above EUR 50m: no SME adjustment
  tenor: { upTo3m: 0.08, m3to12: 0.17, y1to3: 0.2, y3to5: 0.2, over5y: 0.35 }, // [A] project loans are long
  spreadBp: -24, // [A] LPR − 24 bp (≈ 下浮8% at LPR 3.00%): the best large clients borrow below LPR (docs/reference-values.md, "Chinese loan pricing")
  marketSpreadBp: -24, // [A]
  demandElasticity: 0.15, // [A] large clients shop around
  adverseSelectionSlope: 0, // [A]
  franchiseShare: 0.5, // [A] the large-client market a city commercial bank can hold at market terms
  franchisePdSlope: 0.5, // [A] beyond it, weaker large names
  franchiseSpreadSlopeBp: 40, // [A] … and mostly price: large clients bargain the price down (the source's diagnosis)
  depositsPerLoan: 0.8, // [A] includes fiscal-linked deposits
  depositRate: 0.0115, // [A] FTP credit 1.60% − margin 0.45%: operational and settlement balances are cheap funding
  operationalShare: 0.4, // [A]
  depositClass: 'corporate',
  feePerClient: 100 * WAN, // [A]
  productsPerClient: 4, // [A]
  acquisitionCostPerClient: 50 * WAN, // [A] months of a senior manager's time, due diligence
  undrawnPerLoan: 0.15, // [A] committed lines of large groups
  servicingCostPerClient: 35 * WAN, // [A] 40万 all-in less 5万 of client-manager cost (40万 / 8)
  clientsPerManager: 8, // [A]
  riskWeight: CHINA_STANDARDIZED_WEIGHTS.generalCorporate,
  smallMicroCap: null,
};

const mid: Segment = {
  key: 'mid',
  name: { zh: '中客户', en: 'Mid-sized clients' },
  share: 0.25,
  avgExposure: 6000 * WAN, // [A]
  sizeSigma: 0.5, // [A]
  pd: 0.012, // [A] within 1–2%
  lgd: 0.4, // Basel III F-IRB, non-financial corporates 40%
  correlation: null,
  turnover: 2 * YI, // [A] EUR 25m
  tenor: { upTo3m: 0.18, m3to12: 0.37, y1to3: 0.3, y3to5: 0.1, over5y: 0.05 }, // [A]
  spreadBp: 24, // [A] LPR + 24 bp (≈ 上浮8%)
  marketSpreadBp: 24, // [A]
  demandElasticity: 0.1, // [A] at the market spread a mid-sized client has other banks to go to
  adverseSelectionSlope: 0.01, // [A]
  franchiseShare: 0.35, // [A]
  franchisePdSlope: 1.5, // [A]
  franchiseSpreadSlopeBp: 30, // [A]
  depositsPerLoan: 0.5, // [A]
  depositRate: 0.01, // [A] margin 0.60%
  operationalShare: 0.5, // [A]
  depositClass: 'corporate',
  feePerClient: 10 * WAN, // [A]
  productsPerClient: 2.5, // [A]
  acquisitionCostPerClient: 5 * WAN, // [A]
  undrawnPerLoan: 0.1, // [A]
  servicingCostPerClient: 6.4 * WAN, // [A] 8万 all-in less 1.6万 (40万 / 25)
  clientsPerManager: 25, // [A]
  riskWeight: CHINA_STANDARDIZED_WEIGHTS.sme,
  smallMicroCap: null,
};

const small: Segment = {
  key: 'small',
  name: { zh: '小客户', en: 'Small clients (SMEs)' },
  share: 0.1,
  avgExposure: 600 * WAN, // [A]
  sizeSigma: 0.6, // [A]
  pd: 0.03, // [A] small-business NPL about 3–4% (CBRC 2015; 3.56% in Q3 2019)
  lgd: 0.35, // [A] mostly collateralised
  correlation: null,
  turnover: 4000 * WAN, // [A] EUR 5m, the Basel SME floor (¶273)
  tenor: { upTo3m: 0.28, m3to12: 0.57, y1to3: 0.15, y3to5: 0, over5y: 0 }, // source: SME needs are mostly within one year
  spreadBp: 80, // [A] LPR + 80 bp (≈ 上浮27%): 3.80%; SMEs paid LPR + 50 to 130 bp in 2023–2025 (inclusive small & micro loans 3.48% in June 2025)
  marketSpreadBp: 80, // [A]
  demandElasticity: 0.06, // [A] SMEs have fewer alternatives: the source's "pricing power" (their market spread is already the highest)
  adverseSelectionSlope: 0.02, // [A]
  franchiseShare: 0.3, // [A] the SMEs of the bank's region it can serve well (the source: SMEs are plentiful, but a bank knows only its own)
  franchisePdSlope: 2.5, // [A] beyond it, the borrowers other banks turned down
  franchiseSpreadSlopeBp: 20, // [A]
  depositsPerLoan: 0.4, // [A]
  depositRate: 0.007, // [A] margin 0.90%
  operationalShare: 0.5, // [A] not used: small-business deposits are retail-like
  depositClass: 'smallBusiness',
  feePerClient: 1 * WAN, // [A]
  productsPerClient: 1.5, // [A]
  acquisitionCostPerClient: 1 * WAN, // [A] batch marketing, credit investigation moved forward (调查前置), onboarding
  undrawnPerLoan: 0.05, // [A]
  servicingCostPerClient: 1.5 * WAN, // [A] 2万 all-in less 0.5万 (40万 / 80)
  clientsPerManager: 80, // [A]
  riskWeight: CHINA_STANDARDIZED_WEIGHTS.smallMicroRetail,
  smallMicroCap: 1000 * WAN, // NFRA 2023: the 75% weight needs the obligor's total exposure ≤ 1,000万; larger obligors take 85%
};

/** 倒金字塔银行: a mid-sized city commercial bank (城商行) with total assets about 3,000 亿元. */
export const demoScenario: Scenario = {
  schemaVersion: SCHEMA_VERSION,
  name: { zh: '倒金字塔银行', en: 'The inverted-pyramid bank' },
  description: {
    zh: '大客户占对公贷款65%：源文章所诊断的“倒金字塔型”客户结构。',
    en: 'Large clients hold 65% of corporate loans: the "inverted pyramid" the source article diagnoses.',
  },
  market: {
    lpr1y: 0.03, // 1-year LPR 3.00% since 2025-05-20
    lprPath: [],
    ftpLoans: { upTo3m: 0.0175, m3to12: 0.0175, y1to3: 0.0195, y3to5: 0.0215, over5y: 0.0235 }, // [A]
    ftpDepositCredit: 0.016, // [A]
    wholesaleRate: 0.019, // [A] interbank / NCD funding
    ftpPassThrough: 0.8, // [A] money-market rates and the FTP curve follow most of an LPR move
    hqlaYield: 0.016, // [A] yield of government bonds held as HQLA (1–5 years, 2025)
    taxRate: 0.25, // Enterprise Income Tax Law
    hurdleRate: 0.1, // [A]
  },
  bank: {
    netCapital: 240 * YI, // [A]
    tier1Capital: 215 * YI, // [A]
    cet1Capital: 200 * YI, // [A]
    otherRwa: 1000 * YI, // [A]
    hqla: 420 * YI, // [A] LCR just above 100% (the demo's target range 100–110%)
    retailDeposits: 1100 * YI, // [A]
    retailStableShare: 0.6, // [A]
    retailLoans: 700 * YI, // [A]
    otherAssets: 700 * YI, // [A] total assets about 3,000 亿元
    otherLiabilities: 60 * YI, // [A]
    wholesaleShareUnder30d: 0.1, // [A]
    wholesaleShareOver1y: 0.3, // [A]
    corporateLoans: 1200 * YI, // [A]
    corporateLoanGrowth: 0.06, // [A]
  },
  segments: [large, mid, small],
  levers: {
    targetMix: { large: 0.4, mid: 0.3, small: 0.3 },
    paceQuarters: 8,
    managerHeadcount: null,
    managerGrowth: 0,
    managerCost: 40 * WAN, // [A]
    onboardingPerManagerPerQuarter: 8, // [A] new or replacement clients one manager can win in a quarter; replacing the clients who leave uses it too
  },
  stress: { factorShift: [], pdMultiplier: {}, lprShock: 0, depositRunOff: 0 },
  simulation: {
    horizonYears: 5,
    stepsPerYear: 4, // quarterly steps (docs/reference-model.md §7)
    paths: 2000,
    seed: 20071101,
    factorPersistence: 0.5, // docs/reference-model.md §7 default [A]
    nplWorkoutQuarters: 8, // [A] two years from default to write-off
    // The source's figures: one product ≈ 1/2 leave within a year, two ≈ 1/3, three or more ≈ 10%
    // (docs/reference-values.md, "Retention and client value"); interpolated linearly in products held.
    attritionCurve: [0.5, 1 / 3, 0.1],
    depositPassThrough: 0.5, // [A] deposit rates were cut by roughly half as much as the LPR since 2019
    depositRepricingQuarters: 4, // [A] time deposits reprice at maturity, demand deposits on list-rate changes
    profitRetention: 0.7, // [A] city commercial banks pay out roughly 20–30% of profit as dividends
  },
  settings: {
    capitalApproach: 'standardized',
    irbScalingFactor: 1, // Basel III final and China 2023 dropped Basel II's 1.06 (¶44)
    outputFloor: OUTPUT_FLOOR,
  },
};

/** 正金字塔银行: the same bank with a 40/30/30 mix. */
export const pyramidScenario: Scenario = {
  ...demoScenario,
  name: { zh: '正金字塔银行', en: 'The pyramid bank' },
  description: {
    zh: '同一家银行调整为40/30/30：更多“砂”和“水泥浆”。',
    en: 'The same bank rebalanced to 40/30/30: more "sand" and "cement paste".',
  },
  segments: demoScenario.segments.map((s) => ({ ...s, share: ({ large: 0.4, mid: 0.3, small: 0.3 } as Record<string, number>)[s.key] })),
};

/** A fresh copy of a built-in, safe to edit. */
export function cloneScenario(s: Scenario): Scenario {
  return JSON.parse(JSON.stringify(s)) as Scenario; // scenarios are plain JSON data (docs/reference-model.md §1)
}
