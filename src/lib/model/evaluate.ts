/**
 * One period (one year) of the corporate book in closed form (model.md §3, §4, §6).
 * Pure: reads a scenario, returns figures; never mutates its input.
 */
import { scenarioExposures } from './book';
import { baselCorrelation, irbRiskWeight } from './capital';
import { clientCount, weightShape } from './exposures';
import { lossDistribution } from './loss-distribution';
import { TENOR_BUCKETS, TENOR_MIDPOINT_YEARS, type Scenario, type Segment, type TenorProfile } from './scenario';
import { vasicekLossQuantile } from './vasicek';

/** Confidence level of economic capital (model.md §3). */
export const EC_CONFIDENCE = 0.999;

/** Regulatory minimums (reference-values.md, "Chinese regulatory limits"). */
export const LIMITS = {
  singleClientToCapital: 0.1, // Commercial Bank Law Art. 39; 核心指标 (2005)
  top10ToCapital: 0.5, // PBoC monitoring ratio 最大十家客户贷款比例
  capitalAdequacyRatio: 0.105, // 8% + 2.5% conservation buffer, non-systemic bank
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
  retailLoans: 0.75, // [A] blend of mortgages at 65% and other retail at 85%
  hqla: 0.05, // [A] blend of level 1 (0%) and level 2A (15%)
  otherAssets: 0.6, // [A] blend of securities, interbank placements and fixed assets
} as const;

export interface SegmentResult {
  key: string;
  name: { zh: string; en: string };
  share: number;
  loans: number;
  clients: number;
  /** Loan rate LPR·(1 + markup). */
  rate: number;
  /** Tenor-weighted FTP charge. */
  ftpRate: number;
  netInterestIncome: number;
  deposits: number;
  depositMargin: number;
  feeIncome: number;
  servicingCost: number;
  managersNeeded: number;
  managerCost: number;
  operatingCost: number;
  expectedLoss: number;
  preTaxProfit: number;
  /** Pre-tax profit per yuan of loans. */
  preTaxMargin: number;
  correlation: number;
  rwa: number;
  economicCapital: number;
  largestExposure: number;
}

export interface LimitCheck {
  key: keyof typeof LIMITS;
  value: number;
  limit: number;
  /** 'max': the value must stay at or below the limit; 'min': at or above. */
  direction: 'max' | 'min';
  isPass: boolean;
  /** Distance to the limit in the value's unit, positive when passing. */
  margin: number;
}

export interface Evaluation {
  profitability: {
    netInterestIncome: number;
    depositMargin: number;
    feeIncome: number;
    operatingIncome: number;
    operatingCost: number;
    managerCost: number;
    expectedLoss: number;
    preTaxProfit: number;
    tax: number;
    netProfit: number;
    roa: number;
    nim: number;
    raroc: number;
    eva: number;
    costIncomeRatio: number;
  };
  safety: {
    /** EC = VaR₉₉.₉ − EL, yuan: the granular closed form, or the whole book's distribution (see EvaluateOptions). */
    economicCapital: number;
    /** How EC was computed: 'granular' (Vasicek per segment, the default) or 'portfolio' (model.md §5). */
    economicCapitalMethod: 'granular' | 'portfolio';
    /** The granular closed form of EC, Σ_s L_s·(Vasicek quantile − PD·LGD), yuan (both methods). */
    granularEconomicCapital: number;
    /** VaR₉₉.₉ of the corporate book's credit loss, yuan (granular: Σ_s L_s·Vasicek quantile). */
    var999: number;
    /** Expected shortfall at 99.9%, yuan; null with the granular method. */
    expectedShortfall999: number | null;
    /** Portfolio EC minus its granular closed form: the capital cost of lumpiness, yuan; null with the granular method. */
    granularityAddOn: number | null;
    corporateRwa: number;
    rwa: number;
    capitalAdequacyRatio: number;
    tier1Ratio: number;
    cet1Ratio: number;
    clients: number;
    hhi: number;
    effectiveClients: number;
    largestClient: number;
    largestClientToCapital: number;
    top10Loans: number;
    top10ToCapital: number;
    top10ShareOfLoans: number;
    expectedLossRate: number;
  };
  liquidity: {
    hqla: number;
    outflows30d: number;
    inflows30d: number;
    netOutflows30d: number;
    lcr: number;
    availableStableFunding: number;
    requiredStableFunding: number;
    nsfr: number;
    corporateDeposits: number;
    totalDeposits: number;
    totalLoans: number;
    loanToDeposit: number;
    wholesaleFunding: number;
    totalAssets: number;
    /** Share of corporate loans maturing within one year. */
    shortTermLoanShare: number;
  };
  limits: LimitCheck[];
  segments: SegmentResult[];
}

/** Tenor-weighted average of a per-bucket table. */
function tenorWeighted(profile: TenorProfile, rates: TenorProfile): number {
  let total = 0;
  for (const b of TENOR_BUCKETS) total += profile[b] * rates[b];
  return total;
}

/** Effective maturity M of a segment for IRB: tenor-weighted bucket mid-points, in [1, 5] years (Basel II ¶320). */
export function effectiveMaturity(segment: Segment): number {
  return Math.min(5, Math.max(1, tenorWeighted(segment.tenor, TENOR_MIDPOINT_YEARS)));
}

/** The segment's asset correlation: its override, or the Basel formula with its turnover. */
export function segmentCorrelation(segment: Segment): number {
  return segment.correlation ?? baselCorrelation(Math.max(segment.pd, 0.0005), segment.turnoverEurMillions);
}

/** Loan rate of a segment in the float convention: LPR·(1 + markup) (model.md §1). */
export function loanRate(lpr: number, markup: number): number {
  return lpr * (1 + markup);
}

function check(key: keyof typeof LIMITS, value: number, direction: 'max' | 'min'): LimitCheck {
  const limit = LIMITS[key];
  const margin = direction === 'max' ? limit - value : value - limit;
  return { key, value, limit, direction, isPass: margin >= 0, margin };
}

/** Safe division: 0 where the denominator is 0, so no NaN reaches the screen. */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

export interface EvaluateOptions {
  /**
   * 'granular' (default): EC per segment from the Vasicek closed form, as if every segment were
   * infinitely granular; about 25 µs, what the mix-design grid evaluates thousands of times.
   * 'portfolio': EC, VaR, ES, RAROC and EVA from the whole book's loss distribution (model.md §2 and
   * §5: scenarioExposures + lossDistribution, tens of milliseconds), each segment's EC its Euler
   * contribution, and the granularity add-on reported.
   */
  economicCapital?: 'granular' | 'portfolio';
}

/**
 * Evaluates a scenario for one year in closed form.
 * @example evaluate(demoScenario).profitability.netProfit // ≈ 7.6e8 (7.6 亿元)
 * @example evaluate(demoScenario, { economicCapital: 'portfolio' }).safety.granularityAddOn // > 0: the lumpy book needs more capital
 */
export function evaluate(scenario: Scenario, options: EvaluateOptions = {}): Evaluation {
  const { market, bank } = scenario;
  const L = bank.corporateLoans;
  const lpr = market.lpr1y + scenario.stress.lprShock;

  const segments: SegmentResult[] = [];
  let hhiNumerator = 0;
  const topExposures: number[] = [];

  for (const seg of scenario.segments) {
    const loans = seg.share * L;
    const clients = clientCount(seg, L);
    const rate = loanRate(lpr, seg.markup);
    const ftpRate = tenorWeighted(seg.tenor, market.ftpLoans);
    const pd = Math.min(1, seg.pd * (scenario.stress.pdMultiplier[seg.key] ?? 1));
    // model.md §3: NII_s = L_s·(r_s − FTP(tenor_s)); deposits D_s = d_s·L_s earn FTPdep − rdep_s
    const netInterestIncome = loans * (rate - ftpRate);
    const deposits = seg.depositsPerLoan * loans * (1 - scenario.stress.depositRunOff);
    const depositMargin = deposits * (market.ftpDepositCredit - seg.depositRate);
    const feeIncome = clients * seg.feePerClient;
    const servicingCost = clients * seg.servicingCostPerClient;
    const managersNeeded = Math.ceil(clients / seg.clientsPerManager);
    const managerCost = managersNeeded * scenario.levers.managerCost;
    const operatingCost = servicingCost + managerCost;
    const expectedLoss = loans * pd * seg.lgd; // EL = L·PD·LGD
    const preTaxProfit = netInterestIncome + depositMargin + feeIncome - operatingCost - expectedLoss;
    const correlation = seg.correlation ?? baselCorrelation(Math.max(pd, 0.0005), seg.turnoverEurMillions);
    const riskWeight =
      scenario.settings.capitalApproach === 'irb'
        ? irbRiskWeight({ pd, lgd: seg.lgd, maturityYears: effectiveMaturity(seg), turnoverEurMillions: seg.turnoverEurMillions })
        : seg.riskWeight;
    const rwa = loans * riskWeight;
    // Granular EC: VaR₉₉.₉ − EL of an infinitely granular segment (Vasicek); the lumpiness add-on comes from §5.
    const economicCapital = loans * (vasicekLossQuantile({ pd, rho: correlation, lgd: seg.lgd, q: EC_CONFIDENCE }) - pd * seg.lgd);

    const shape = clients > 0 ? weightShape(clients, seg.sizeSigma) : null;
    if (shape) {
      hhiNumerator += loans * loans * shape.sumOfSquares;
      for (const w of shape.top) topExposures.push(w * loans);
    }
    segments.push({
      key: seg.key,
      name: seg.name,
      share: seg.share,
      loans,
      clients,
      rate,
      ftpRate,
      netInterestIncome,
      deposits,
      depositMargin,
      feeIncome,
      servicingCost,
      managersNeeded,
      managerCost,
      operatingCost,
      expectedLoss,
      preTaxProfit,
      preTaxMargin: ratio(preTaxProfit, loans),
      correlation,
      rwa,
      economicCapital,
      largestExposure: shape ? shape.top[0] * loans : 0,
    });
  }

  const sum = (f: (s: SegmentResult) => number) => segments.reduce((acc, s) => acc + f(s), 0);
  const netInterestIncome = sum((s) => s.netInterestIncome);
  const depositMargin = sum((s) => s.depositMargin);
  const feeIncome = sum((s) => s.feeIncome);
  const operatingCost = sum((s) => s.operatingCost);
  const managerCost = sum((s) => s.managerCost);
  const expectedLoss = sum((s) => s.expectedLoss);
  const operatingIncome = netInterestIncome + depositMargin + feeIncome;
  const preTaxProfit = operatingIncome - operatingCost - expectedLoss;
  const tax = Math.max(0, preTaxProfit) * market.taxRate;
  const netProfit = preTaxProfit - tax;
  const granularEconomicCapital = sum((s) => s.economicCapital);
  let economicCapital = granularEconomicCapital;
  let var999 = granularEconomicCapital + sum((s) => s.expectedLoss);
  let expectedShortfall999: number | null = null;
  let granularityAddOn: number | null = null;
  if (options.economicCapital === 'portfolio') {
    // model.md §5: the whole book's distribution; the segments' EC are their Euler contributions (they sum to EC).
    const d = lossDistribution(scenarioExposures(scenario), { quantiles: [EC_CONFIDENCE], ecConfidence: EC_CONFIDENCE });
    economicCapital = d.economicCapital;
    var999 = d.valueAtRisk;
    expectedShortfall999 = d.expectedShortfall;
    granularityAddOn = d.economicCapital - granularEconomicCapital;
    const bySegment = new Map(d.contributions.bySegment.map((c) => [c.key, c.economicCapital] as const));
    for (const s of segments) s.economicCapital = bySegment.get(s.key) ?? 0;
  }

  // —— capital ——
  const corporateRwa = sum((s) => s.rwa);
  const rwa = corporateRwa + bank.otherRwa;

  // —— concentration (model.md §3) ——
  topExposures.sort((a, b) => b - a);
  const top10Loans = topExposures.slice(0, 10).reduce((a, b) => a + b, 0);
  const largestClient = topExposures[0] ?? 0;
  const totalLoansCorporate = sum((s) => s.loans);
  const hhi = ratio(hhiNumerator, totalLoansCorporate * totalLoansCorporate);

  // —— liquidity (model.md §6) ——
  const corporateDeposits = sum((s) => s.deposits);
  const totalAssets = totalLoansCorporate + bank.retailLoans + bank.hqla + bank.otherAssets;
  // The funding gap is filled with wholesale funding (model.md §6).
  const wholesaleFunding = Math.max(0, totalAssets - corporateDeposits - bank.retailDeposits - bank.otherLiabilities - bank.netCapital);

  let outflows30d =
    bank.retailDeposits * (bank.retailStableShare * LCR_FACTORS.retailStable + (1 - bank.retailStableShare) * LCR_FACTORS.retailLessStable) +
    wholesaleFunding * bank.wholesaleShareUnder30d * LCR_FACTORS.wholesaleDue;
  let loansDue30d = 0;
  let asf =
    bank.netCapital * NSFR_FACTORS.capital +
    wholesaleFunding * (bank.wholesaleShareOver1y * NSFR_FACTORS.wholesaleOver1y + (1 - bank.wholesaleShareOver1y) * NSFR_FACTORS.wholesaleUnder1y) +
    bank.retailDeposits * (bank.retailStableShare * NSFR_FACTORS.retailStable + (1 - bank.retailStableShare) * NSFR_FACTORS.retailLessStable);
  let rsf = bank.retailLoans * NSFR_FACTORS.retailLoans + bank.hqla * NSFR_FACTORS.hqla + bank.otherAssets * NSFR_FACTORS.otherAssets;
  let shortTermLoans = 0;

  scenario.segments.forEach((seg, i) => {
    const r = segments[i];
    if (seg.depositClass === 'smallBusiness') {
      outflows30d += r.deposits * LCR_FACTORS.smallBusiness;
      asf += r.deposits * NSFR_FACTORS.smallBusiness;
    } else {
      outflows30d += r.deposits * (seg.operationalShare * LCR_FACTORS.operational + (1 - seg.operationalShare) * LCR_FACTORS.nonOperationalCorporate);
      asf += r.deposits * NSFR_FACTORS.corporate;
    }
    loansDue30d += r.loans * seg.tenor.upTo3m * LCR_FACTORS.dueWithin30dOfUpTo3m;
    const under1y = seg.tenor.upTo3m + seg.tenor.m3to12;
    shortTermLoans += r.loans * under1y;
    const longFactor = seg.riskWeight <= 0.35 ? NSFR_FACTORS.loanOver1yLowRw : NSFR_FACTORS.loanOver1yOther;
    rsf += r.loans * (under1y * NSFR_FACTORS.loanUnder1y + (1 - under1y) * longFactor);
  });
  const inflows30d = Math.min(loansDue30d * LCR_FACTORS.loanInflow, outflows30d * LCR_FACTORS.inflowCap);
  const netOutflows30d = outflows30d - inflows30d;
  const totalDeposits = corporateDeposits + bank.retailDeposits;
  const totalLoans = totalLoansCorporate + bank.retailLoans;

  const capitalAdequacyRatio = ratio(bank.netCapital, rwa);
  const tier1Ratio = ratio(bank.tier1Capital, rwa);
  const cet1Ratio = ratio(bank.cet1Capital, rwa);
  const largestClientToCapital = ratio(largestClient, bank.netCapital);
  const top10ToCapital = ratio(top10Loans, bank.netCapital);
  const lcr = ratio(bank.hqla, netOutflows30d);
  const nsfr = ratio(asf, rsf);

  return {
    profitability: {
      netInterestIncome,
      depositMargin,
      feeIncome,
      operatingIncome,
      operatingCost,
      managerCost,
      expectedLoss,
      preTaxProfit,
      tax,
      netProfit,
      roa: ratio(netProfit, totalLoansCorporate),
      nim: ratio(netInterestIncome, totalLoansCorporate),
      raroc: ratio(netProfit, economicCapital), // RAROC = net profit / EC
      eva: netProfit - market.hurdleRate * economicCapital, // EVA = net profit − hurdle·EC
      costIncomeRatio: ratio(operatingCost, operatingIncome),
    },
    safety: {
      economicCapital,
      economicCapitalMethod: options.economicCapital === 'portfolio' ? 'portfolio' : 'granular',
      granularEconomicCapital,
      var999,
      expectedShortfall999,
      granularityAddOn,
      corporateRwa,
      rwa,
      capitalAdequacyRatio,
      tier1Ratio,
      cet1Ratio,
      clients: sum((s) => s.clients),
      hhi,
      effectiveClients: ratio(1, hhi),
      largestClient,
      largestClientToCapital,
      top10Loans,
      top10ToCapital,
      top10ShareOfLoans: ratio(top10Loans, totalLoansCorporate),
      expectedLossRate: ratio(expectedLoss, totalLoansCorporate),
    },
    liquidity: {
      hqla: bank.hqla,
      outflows30d,
      inflows30d,
      netOutflows30d,
      lcr,
      availableStableFunding: asf,
      requiredStableFunding: rsf,
      nsfr,
      corporateDeposits,
      totalDeposits,
      totalLoans,
      loanToDeposit: ratio(totalLoans, totalDeposits),
      wholesaleFunding,
      totalAssets,
      shortTermLoanShare: ratio(shortTermLoans, totalLoansCorporate),
    },
    limits: [
      check('singleClientToCapital', largestClientToCapital, 'max'),
      check('top10ToCapital', top10ToCapital, 'max'),
      check('capitalAdequacyRatio', capitalAdequacyRatio, 'min'),
      check('tier1Ratio', tier1Ratio, 'min'),
      check('cet1Ratio', cet1Ratio, 'min'),
      check('lcr', lcr, 'min'),
      check('nsfr', nsfr, 'min'),
    ],
    segments,
  };
}
