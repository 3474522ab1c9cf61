/**
 * Regulatory limits and the Basel III liquidity factors: data, no formulas. A leaf module, so that
 * every engine (evaluate, the mix design, the simulation's accounting, the glass box) reads the
 * same numbers without importing each other.
 */

/** Regulatory minimums and maximums (docs/reference-values.md, "Chinese regulatory limits"). */
export const LIMITS = {
  singleClientToCapital: 0.1, // Commercial Bank Law Art. 39; 商业银行风险监管核心指标 (2005)
  top10ToCapital: 0.5, // PBoC monitoring ratio 最大十家客户贷款比例
  capitalAdequacyRatio: 0.105, // 8% + 2.5% conservation buffer, non-systemic bank (capital rules 2012, 2023)
  tier1Ratio: 0.085, // 6% + 2.5%
  cet1Ratio: 0.075, // 5% + 2.5%
  lcr: 1, // 商业银行流动性风险管理办法 (2018)
  nsfr: 1, // idem
} as const;

/** LCR 30-day run-off and inflow rates (Basel III LCR, BCBS 238, Jan 2013). */
export const LCR_FACTORS = {
  retailStable: 0.05, // ¶75
  retailLessStable: 0.1, // ¶79
  smallBusiness: 0.1, // ¶89–92: small-business deposits treated as retail, less stable
  operational: 0.25, // ¶93
  nonOperationalCorporate: 0.4, // ¶107
  wholesaleDue: 1, // unsecured funding from financial institutions ¶111
  undrawnCreditFacility: 0.1, // ¶131(b): committed credit facilities to non-financial corporates
  loanInflow: 0.5, // ¶153: performing loans to non-financial clients
  inflowCap: 0.75, // ¶144
  /** Share of the ≤3m bucket that falls due within 30 days, loans spread evenly. [A] */
  dueWithin30dOfUpTo3m: 1 / 3,
} as const;

/** NSFR factors (Basel III NSFR, BCBS 295, Oct 2014). */
export const NSFR_FACTORS = {
  capital: 1,
  wholesaleOver1y: 1,
  wholesaleUnder1y: 0.25, // [A] blend of 0% (<6m) and 50% (6–12m) for financial-institution funding
  retailStable: 0.95,
  retailLessStable: 0.9,
  smallBusiness: 0.9,
  corporate: 0.5, // operational and non-financial corporate deposits < 1y
  loanUnder1y: 0.5,
  loanOver1yLowRw: 0.65, // risk weight ≤ 35%
  loanOver1yOther: 0.85,
  undrawnCommitments: 0.05, // ¶47: irrevocable credit and liquidity facilities
  npl: 1, // ¶43: non-performing loans
  retailLoans: 0.75, // [A] blend of mortgages at 65% and other retail at 85%
  hqla: 0.05, // [A] blend of level 1 (0%) and level 2A (15%)
  otherAssets: 0.6, // [A] blend of securities, interbank placements and fixed assets
} as const;

/** Confidence level of economic capital (VaR₉₉.₉ − EL, the IRB confidence of Basel II ¶272). */
export const EC_CONFIDENCE = 0.999;
