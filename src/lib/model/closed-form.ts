/**
 * One period (one year) of the corporate book in closed form (docs/reference-model.md §3, §4, §6): the
 * steady state of the bank the simulation runs. Each segment's terms and year come from
 * segment-economics.ts (the one home of the formulas); this module adds them up with the rest of
 * the balance sheet, the concentration of the book and the limits.
 * Pure: reads a scenario, returns figures; never mutates its input.
 */
import { fastWeightShape } from './exposures';
import { EC_CONFIDENCE, LCR_FACTORS, LIMITS, NSFR_FACTORS } from './regulation';
import type { Scenario } from './scenario';
import {
  bankLiquidity,
  bankTerms,
  corporateRwa,
  marketRates,
  ratio,
  segmentFlows,
  segmentTerms,
  type PricingResponse,
  type FranchiseEffect,
  type SegmentFlows,
  type BankLiquidity,
} from './segment-economics';

export { EC_CONFIDENCE, LCR_FACTORS, LIMITS, NSFR_FACTORS };
export { effectiveMaturity, loanRate } from './segment-economics';

/** One segment's year (segment-economics.ts) with what the screens show beside it. */
export interface SegmentResult extends SegmentFlows {
  key: string;
  name: { zh: string; en: string };
  /** Share of the corporate book as set (the mix lever). */
  share: number;
  /** Share of the booked corporate loans after the pricing response. */
  bookedShare: number;
  /** The response of the segment's clients to its spread: demand kept and PD multiplier. */
  pricing: PricingResponse;
  /** What its volume beyond its franchise costs. */
  franchise: FranchiseEffect;
  /** Spread earned over LPR after the franchise concession, bp. */
  spreadBp: number;
  /** Loan rate LPR + spread. */
  rate: number;
  /** Tenor-weighted FTP charge. */
  ftpRate: number;
  /** PD of the segment's loans (stress × adverse selection × franchise). */
  pd: number;
  /** Yearly attrition implied by products held. */
  attrition: number;
  /** Pre-tax profit per yuan of loans. */
  preTaxMargin: number;
  correlation: number;
  /** Standardized weight after the small-and-micro cap. */
  riskWeight: number;
  /** RWA under the scenario's approach (before the output floor, which applies to the whole book). */
  rwa: number;
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
    acquisitionCost: number;
    /** The corporate book's funding gap at the wholesale premium, Σ (L − D)·(w − FTPdep). */
    fundingCost: number;
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
    /** How EC was computed: 'granular' (Vasicek per segment, the default) or 'portfolio' (docs/reference-model.md §5). */
    economicCapitalMethod: 'granular' | 'portfolio';
    /** The granular closed form of EC, Σ_s L_s·(Vasicek quantile − PD·LGD), yuan (both methods). */
    granularEconomicCapital: number;
    /** VaR₉₉.₉ of the corporate book's credit loss, yuan (granular: Σ_s L_s·Vasicek quantile). */
    var999: number;
    /** Expected shortfall at 99.9%, yuan; null with the granular method. */
    expectedShortfall999: number | null;
    /** Portfolio EC minus its granular closed form: the capital cost of lumpiness, yuan; null with the granular method. */
    granularityAddOn: number | null;
    /** Corporate RWA under the approach (IRB floored at the output floor × standardized). */
    corporateRwa: number;
    /** Corporate RWA under the standardized approach (the output floor's base). */
    corporateRwaStandardized: number;
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
  /** The bank's LCR and NSFR (segment-economics.ts `bankLiquidity`; `hqla` after a deposit run is paid out of it), and the book's funding. */
  liquidity: BankLiquidity & {
    /** Deposits the run took (paid out of HQLA). */
    depositRun: number;
    corporateDeposits: number;
    totalDeposits: number;
    totalLoans: number;
    loanToDeposit: number;
    /** Share of corporate loans maturing within one year. */
    shortTermLoanShare: number;
  };
  limits: LimitCheck[];
  segments: SegmentResult[];
}

function check(key: keyof typeof LIMITS, value: number, direction: 'max' | 'min'): LimitCheck {
  const limit = LIMITS[key];
  const margin = direction === 'max' ? limit - value : value - limit;
  return { key, value, limit, direction, isPass: margin >= 0, margin };
}

export interface EvaluateOptions {
  /**
   * 'granular' (default): EC per segment from the Vasicek closed form, as if every segment were
   * infinitely granular; about 25 µs, what the mix-design grid evaluates thousands of times.
   * 'portfolio': EC, VaR, ES, RAROC and EVA from the whole book's loss distribution (docs/reference-model.md
   * §2 and §5: scenarioExposures + lossDistribution, tens of milliseconds), each segment's EC its
   * Euler contribution, and the granularity add-on reported. Only `evaluate` (evaluate.ts) computes it.
   */
  economicCapital?: 'granular' | 'portfolio';
  /**
   * 'steadyState' (default): the book after the pricing response (demand kept, adverse selection),
   * the one answer every screen gives. 'heldFixed': every loan repriced and no client responds, the
   * glass box's comparison of what a price change would bring if clients did not move.
   */
  book?: 'steadyState' | 'heldFixed';
}

/** The whole book's credit loss at EC_CONFIDENCE (docs/reference-model.md §5), for the 'portfolio' EC. */
export interface BookLoss {
  economicCapital: number;
  valueAtRisk: number;
  expectedShortfall: number;
  /** Each segment's Euler contribution to EC, by segment key (they sum to EC). */
  economicCapitalBySegment: ReadonlyMap<string, number>;
}

/**
 * The closed form of one year with the book's loss supplied: `bookLoss` null gives the granular EC;
 * given, EC, VaR and ES are the whole book's. Kept apart from the loss distribution so the page's
 * first chunk, which evaluates at every key press, does not carry it; `evaluate` joins the two.
 * @example evaluateClosedForm(demoScenario).profitability.netProfit // ≈ 7.86e8 (7.86 亿元)
 */
export function evaluateClosedForm(scenario: Scenario, options: Pick<EvaluateOptions, 'book'> = {}, bookLoss: BookLoss | null = null): Evaluation {
  const { market, bank } = scenario;
  const rates = marketRates(scenario);
  const isBookHeldFixed = options.book === 'heldFixed';
  const b = bankTerms(scenario);

  const segments: SegmentResult[] = [];
  let hhiNumerator = 0;
  const topExposures: number[] = [];
  let rwaIrb = 0;
  let rwaStandardized = 0;
  let depositRun = 0;
  const book = { loans: 0, deposits: 0, outflows30d: 0, loansDue30d: 0, availableStableFunding: 0, requiredStableFunding: 0, nplNet: 0 };
  let shortTermLoans = 0;

  scenario.segments.forEach((seg, i) => {
    const t = segmentTerms(scenario, i, rates, { isBookHeldFixed });
    const f = segmentFlows(t, scenario.levers.managerCost);
    const shape = f.clients > 0 ? fastWeightShape(f.clients, seg.sizeSigma) : null;
    if (shape) {
      hhiNumerator += f.loans * f.loans * shape.sumOfSquares;
      for (const w of shape.top) topExposures.push(w * f.loans);
    }
    rwaIrb += f.rwaIrb;
    rwaStandardized += f.rwaStandardized;
    depositRun += t.runOffPerLoan * f.loans;
    book.loans += f.loans;
    book.deposits += f.deposits;
    book.outflows30d += f.outflows30d;
    book.loansDue30d += f.loansDue30d;
    book.availableStableFunding += f.availableStableFunding;
    book.requiredStableFunding += f.requiredStableFunding;
    shortTermLoans += f.loans * (seg.tenor.upTo3m + seg.tenor.m3to12);
    segments.push({
      ...f,
      key: seg.key,
      name: seg.name,
      share: seg.share,
      bookedShare: 0, // set below, once the book's total is known
      pricing: t.pricing,
      franchise: t.franchise,
      spreadBp: t.spreadBp,
      rate: t.rate,
      ftpRate: t.ftpRate,
      pd: t.pd,
      attrition: t.attrition,
      preTaxMargin: ratio(f.preTaxProfit, f.loans),
      correlation: t.correlation,
      riskWeight: t.riskWeightStandardized,
      rwa: b.approach === 'irb' ? f.rwaIrb : f.rwaStandardized,
      largestExposure: shape ? shape.top[0] * f.loans : 0,
    });
  });
  for (const s of segments) s.bookedShare = ratio(s.loans, book.loans);

  const sum = (f: (s: SegmentResult) => number) => segments.reduce((acc, s) => acc + f(s), 0);
  const netInterestIncome = sum((s) => s.netInterestIncome);
  const depositMargin = sum((s) => s.depositMargin);
  const feeIncome = sum((s) => s.feeIncome);
  const operatingCost = sum((s) => s.operatingCost);
  const managerCost = sum((s) => s.managerCost);
  const acquisitionCost = sum((s) => s.acquisitionCost);
  const fundingCost = sum((s) => s.fundingCost);
  const expectedLoss = sum((s) => s.expectedLoss);
  const operatingIncome = netInterestIncome + depositMargin + feeIncome;
  const preTaxProfit = operatingIncome - operatingCost - fundingCost - expectedLoss;
  const tax = Math.max(0, preTaxProfit) * market.taxRate;
  const netProfit = preTaxProfit - tax;
  const granularEconomicCapital = sum((s) => s.economicCapital);
  let economicCapital = granularEconomicCapital;
  let var999 = granularEconomicCapital + expectedLoss;
  let expectedShortfall999: number | null = null;
  let granularityAddOn: number | null = null;
  if (bookLoss) {
    // docs/reference-model.md §5: the whole book's distribution; the segments' EC are their Euler contributions (they sum to EC).
    economicCapital = bookLoss.economicCapital;
    var999 = bookLoss.valueAtRisk;
    expectedShortfall999 = bookLoss.expectedShortfall;
    granularityAddOn = bookLoss.economicCapital - granularEconomicCapital;
    for (const s of segments) s.economicCapital = bookLoss.economicCapitalBySegment.get(s.key) ?? 0;
  }

  // —— capital (docs/reference-model.md §4) ——
  const corporate = corporateRwa(b, rwaIrb, rwaStandardized);
  const rwa = corporate + bank.otherRwa;

  // —— concentration (docs/reference-model.md §3) ——
  topExposures.sort((x, y) => y - x);
  const top10Loans = topExposures.slice(0, 10).reduce((x, y) => x + y, 0);
  const largestClient = topExposures[0] ?? 0;
  const hhi = ratio(hhiNumerator, book.loans * book.loans);

  // —— liquidity (docs/reference-model.md §6): a deposit run is paid out of HQLA ——
  const hqla = Math.max(0, bank.hqla - depositRun);
  const liq = bankLiquidity(b, book, hqla, bank.netCapital);
  const totalDeposits = book.deposits + bank.retailDeposits;
  const totalLoans = book.loans + bank.retailLoans;

  const capitalAdequacyRatio = ratio(bank.netCapital, rwa);
  const tier1Ratio = ratio(bank.tier1Capital, rwa);
  const cet1Ratio = ratio(bank.cet1Capital, rwa);
  const largestClientToCapital = ratio(largestClient, bank.netCapital);
  const top10ToCapital = ratio(top10Loans, bank.netCapital);

  return {
    profitability: {
      netInterestIncome,
      depositMargin,
      feeIncome,
      operatingIncome,
      operatingCost,
      managerCost,
      acquisitionCost,
      fundingCost,
      expectedLoss,
      preTaxProfit,
      tax,
      netProfit,
      roa: ratio(netProfit, book.loans),
      nim: ratio(netInterestIncome, book.loans),
      raroc: ratio(netProfit, economicCapital), // RAROC = net profit / EC
      eva: netProfit - market.hurdleRate * economicCapital, // EVA = net profit − hurdle·EC
      costIncomeRatio: ratio(operatingCost, operatingIncome),
    },
    safety: {
      economicCapital,
      economicCapitalMethod: bookLoss ? 'portfolio' : 'granular',
      granularEconomicCapital,
      var999,
      expectedShortfall999,
      granularityAddOn,
      corporateRwa: corporate,
      corporateRwaStandardized: rwaStandardized,
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
      top10ShareOfLoans: ratio(top10Loans, book.loans),
      expectedLossRate: ratio(expectedLoss, book.loans),
    },
    liquidity: {
      ...liq,
      depositRun,
      corporateDeposits: book.deposits,
      totalDeposits,
      totalLoans,
      loanToDeposit: ratio(totalLoans, totalDeposits),
      shortTermLoanShare: ratio(shortTermLoans, book.loans),
    },
    limits: [
      check('singleClientToCapital', largestClientToCapital, 'max'),
      check('top10ToCapital', top10ToCapital, 'max'),
      check('capitalAdequacyRatio', capitalAdequacyRatio, 'min'),
      check('tier1Ratio', tier1Ratio, 'min'),
      check('cet1Ratio', cet1Ratio, 'min'),
      check('lcr', liq.lcr, 'min'),
      check('nsfr', liq.nsfr, 'min'),
    ],
    segments,
  };
}
