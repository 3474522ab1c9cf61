/**
 * A scenario is plain, JSON-serialisable data (docs/reference-model.md §1). Money in yuan, rates as
 * decimals per year, shares as fractions. Segments are data: nothing assumes three.
 */

/**
 * Version 2 prices loans as a spread over LPR in basis points (加点, as since the 2019 LPR reform)
 * instead of a float over it, enters turnover in yuan, and adds the inputs of the coherent model
 * (franchise, acquisition cost, undrawn commitments, pass-through, the capital regime).
 * Files of version 1 are migrated on read (migrate.ts).
 */
export const SCHEMA_VERSION = 2;

/** Tenor buckets of a loan book (docs/reference-model.md §1): ≤3m, 3–12m, 1–3y, 3–5y, >5y. */
export const TENOR_BUCKETS = ['upTo3m', 'm3to12', 'y1to3', 'y3to5', 'over5y'] as const;
export type TenorBucket = (typeof TENOR_BUCKETS)[number];
export type TenorProfile = Record<TenorBucket, number>;

/** Mid-point of each tenor bucket in years, for the IRB maturity M (capped at 5, Basel II ¶320). */
export const TENOR_MIDPOINT_YEARS: TenorProfile = { upTo3m: 0.125, m3to12: 0.625, y1to3: 2, y3to5: 4, over5y: 5 };

/** How the LCR and NSFR treat a segment's deposits (Basel III, BCBS 238 and 295). */
export type DepositClass = 'corporate' | 'smallBusiness';

export interface Market {
  /** 1-year Loan Prime Rate, decimal. */
  lpr1y: number;
  /** Yearly changes of the LPR over the horizon, decimal (empty: flat). */
  lprPath: number[];
  /** FTP charge for loans, by tenor bucket. */
  ftpLoans: TenorProfile;
  /** FTP credit paid to the business line for each yuan of deposits it brings. */
  ftpDepositCredit: number;
  /** Rate on interbank / NCD funding that fills the funding gap. */
  wholesaleRate: number;
  /** Share of an LPR change that moves the loan FTP curve, the deposit FTP credit and the wholesale rate. */
  ftpPassThrough: number;
  /** Yield earned on HQLA bought by the treasury rule (its carry cost is wholesale rate − this yield). */
  hqlaYield: number;
  /** Income tax rate. */
  taxRate: number;
  /** Hurdle rate (cost of equity) charged on economic capital for EVA. */
  hurdleRate: number;
}

export interface Bank {
  /** Net capital 资本净额 (total regulatory capital), yuan. */
  netCapital: number;
  /** Tier 1 capital, yuan. */
  tier1Capital: number;
  /** Core tier 1 (CET1) capital, yuan. */
  cet1Capital: number;
  /** Risk-weighted assets outside the corporate book, yuan. */
  otherRwa: number;
  /** High-quality liquid assets, yuan. */
  hqla: number;
  /** Retail deposits, yuan. */
  retailDeposits: number;
  /** Share of retail deposits that are stable (LCR 5% run-off, NSFR 95%). */
  retailStableShare: number;
  /** Retail and other loans outside the corporate book, yuan. */
  retailLoans: number;
  /** Other assets (securities other than HQLA, interbank, fixed assets), yuan. */
  otherAssets: number;
  /** Other liabilities that are neither deposits nor wholesale funding, yuan. */
  otherLiabilities: number;
  /** Share of wholesale funding that falls due within 30 days (LCR run-off 100%). */
  wholesaleShareUnder30d: number;
  /** Share of wholesale funding with residual maturity of one year or more (NSFR ASF 100%). */
  wholesaleShareOver1y: number;
  /** Corporate loan book L, yuan. */
  corporateLoans: number;
  /** Growth rate of the corporate book per year. */
  corporateLoanGrowth: number;
}

export interface Segment {
  /** Stable key (`large`, `mid`, `small` in the built-ins). */
  key: string;
  /** Display names. */
  name: { zh: string; en: string };
  /** Share of the corporate loan book (shares sum to 1). */
  share: number;
  /** Average exposure per client, yuan. */
  avgExposure: number;
  /** Lognormal sigma of client sizes within the segment. */
  sizeSigma: number;
  /** 1-year PD, through the cycle. */
  pd: number;
  /** Loss given default. */
  lgd: number;
  /** Asset correlation override; null: from the Basel formula with `turnover`. */
  correlation: number | null;
  /** Typical annual sales of a client, yuan (IRB SME adjustment of the Basel correlation, converted to EUR inside). */
  turnover: number;
  /** Fractions of the segment's loans by tenor bucket (sum to 1). */
  tenor: TenorProfile;
  /** Spread over LPR in basis points (加点): rate = LPR + spreadBp/10⁴. */
  spreadBp: number;
  /** The market's spread for this segment (what competitors charge), bp over LPR. */
  marketSpreadBp: number;
  /** Demand kept per +10 bp above the market spread: exp(−ε·Δbp/10). */
  demandElasticity: number;
  /** PD multiplier per +10 bp above the market spread (adverse selection): 1 + slope·Δbp/10. */
  adverseSelectionSlope: number;
  /**
   * The segment's franchise: the share of the corporate book it can hold at the market spread and
   * its base PD. Volume beyond it takes worse borrowers and needs a lower price (franchise.ts).
   */
  franchiseShare: number;
  /** Increase of the PD multiplier of the marginal loan per franchise-width beyond the franchise. */
  franchisePdSlope: number;
  /** Spread given up on the marginal loan per franchise-width beyond the franchise, bp. */
  franchiseSpreadSlopeBp: number;
  /** Deposits brought per yuan of loans. */
  depositsPerLoan: number;
  /** Rate paid on the segment's deposits. */
  depositRate: number;
  /** Operational share of the segment's deposits (LCR 25% run-off instead of 40%). */
  operationalShare: number;
  /** LCR/NSFR class of the deposits. */
  depositClass: DepositClass;
  /** Intermediary-business (中间业务) fee income per client per year, yuan. */
  feePerClient: number;
  /** Products held per client (cross-selling depth); sets attrition through the simulation's curve. */
  productsPerClient: number;
  /** Cost of winning one new client (marketing, credit investigation, a manager's onboarding time), yuan. */
  acquisitionCostPerClient: number;
  /** Undrawn committed credit facilities per yuan of loans (LCR outflow 10%, BCBS 238 ¶131). */
  undrawnPerLoan: number;
  /** Servicing cost per client per year, excluding client managers, yuan. */
  servicingCostPerClient: number;
  /** Clients one client manager looks after. */
  clientsPerManager: number;
  /** Standardized risk weight. */
  riskWeight: number;
  /**
   * Largest total exposure of an obligor that keeps `riskWeight` (small & micro enterprises: 1,000万,
   * NFRA 2023); the segment's loans to larger obligors take the SME weight of 85%. Null: no cap.
   */
  smallMicroCap: number | null;
}

export interface Levers {
  /** Target mix for the rebalancing path, by segment key (null: the current shares). */
  targetMix: Record<string, number> | null;
  /** Quarters to reach the target mix. */
  paceQuarters: number;
  /** Client-manager headcount (null: exactly what the book needs). */
  managerHeadcount: number | null;
  /** Growth of the headcount per year. */
  managerGrowth: number;
  /** Cost of one client manager per year, yuan. */
  managerCost: number;
  /** New clients one manager can onboard per quarter. */
  onboardingPerManagerPerQuarter: number;
}

export interface Stress {
  /** Shift of the systematic factor per year, in standard deviations (−2 is a recession). */
  factorShift: number[];
  /** PD multiplier per segment key. */
  pdMultiplier: Record<string, number>;
  /** Immediate change of the LPR, decimal. */
  lprShock: number;
  /** Extra run-off of corporate deposits, fraction. */
  depositRunOff: number;
}

export interface SimulationSettings {
  horizonYears: number;
  stepsPerYear: number;
  paths: number;
  seed: number;
  /** Persistence φ of the systematic factor from one step to the next, AR(1) (docs/reference-model.md §7). */
  factorPersistence: number;
  /** Quarters a defaulted loan sits as an NPL (workout) before it is written off. */
  nplWorkoutQuarters: number;
  /** Yearly client attrition by products held: entry k is for k+1 products; linear in between, flat beyond the last. */
  attritionCurve: number[];
  /** Long-run share of an LPR change passed on to deposit rates. */
  depositPassThrough: number;
  /** Mean lag, in quarters, with which deposit rates follow the LPR (loans reset yearly). */
  depositRepricingQuarters: number;
  /** Share of a positive net profit of the corporate book retained as capital (the rest is paid out). */
  profitRetention: number;
}

export interface Settings {
  /** Capital approach for corporate RWA. */
  capitalApproach: 'standardized' | 'irb';
  /** IRB scaling factor: 1 (Basel III final, China 2023) or 1.06 (Basel II ¶44). */
  irbScalingFactor: number;
  /** Output floor: IRB corporate RWA ≥ floor × standardized RWA (Basel III final: 72.5%). 0: none. */
  outputFloor: number;
}

export interface Scenario {
  schemaVersion: typeof SCHEMA_VERSION;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  market: Market;
  bank: Bank;
  segments: Segment[];
  levers: Levers;
  stress: Stress;
  simulation: SimulationSettings;
  settings: Settings;
}
