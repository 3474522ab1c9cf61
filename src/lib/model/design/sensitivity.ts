/** Sensitivity tools of the mix design: the tornado of the levers and the marginal view of one more loan (docs/reference-model.md §8). See index.ts. */
import { evaluate } from '../evaluate';
import { LIMITS } from '../regulation';
import { ratio, segmentTerms } from '../segment-economics';
import { inputSpec, readPath, writePath } from '../inputs';
import { rebalanceMix } from '../levers';
import { METRICS, sensitivities, type MetricKey, type Sensitivity } from '../metrics';
import type { Scenario } from '../scenario';
import { prepare, levelOf, topSum } from './figures';

// ———————————————————————————————————————————— tornado ————————————————————————————————————————————

/** Steps of the tornado's levers, each moved down and up by its step. */
export interface TornadoSteps {
  /** Share of each segment, absolute (0.05 = ±5 pp), the others rebalanced in proportion (rebalanceMix). */
  mix: number;
  /** Spread over LPR of each segment, absolute bp (±15 bp). */
  spreadBp: number;
  /** 1-year LPR, absolute (0.0025 = ±25 bp). */
  lpr: number;
  /** Products per client of each segment, absolute (±0.5). */
  productsPerClient: number;
  /** PD of each segment, relative (0.2 = ±20%). */
  pdRelative: number;
  /** LGD of each segment, absolute (0.05 = ±5 pp). */
  lgd: number;
  /** Deposits per yuan of loans of each segment, absolute (±0.1). */
  depositsPerLoan: number;
  /** Clients per client manager of each segment, relative (±20%, rounded to whole clients). */
  clientsPerManagerRelative: number;
  /** Cost of one client manager, relative (±20%). */
  managerCostRelative: number;
}

export const DEFAULT_TORNADO_STEPS: TornadoSteps = {
  mix: 0.05,
  spreadBp: 15,
  lpr: 0.0025,
  productsPerClient: 0.5,
  pdRelative: 0.2,
  lgd: 0.05,
  depositsPerLoan: 0.1,
  clientsPerManagerRelative: 0.2,
  managerCostRelative: 0.2,
};

export type TornadoLever = 'mix' | 'spread' | 'lpr' | 'productsPerClient' | 'pd' | 'lgd' | 'depositsPerLoan' | 'clientsPerManager' | 'managerCost';

export interface TornadoBar {
  /** `lever` or `lever.segmentKey`, e.g. `spread.small`. */
  id: string;
  lever: TornadoLever;
  segmentKey: string | null;
  /** Input path moved, e.g. `segments.2.spreadBp`. */
  path: string;
  /** The stated step and whether it is absolute or relative to the value. */
  step: number;
  stepKind: 'absolute' | 'relative';
  /** The lever's value now, after the move down and after the move up (clamped to the input's range). */
  value: number;
  low: number;
  high: number;
  /** Change of the figure with the lever at low / high. */
  down: number;
  up: number;
  /** max(|down|, |up|): the ranking key. */
  effect: number;
}

export interface Tornado {
  metric: MetricKey;
  /** The figure now. */
  base: number;
  /** Sorted by effect, largest first. */
  bars: TornadoBar[];
  /** With `inputs: true`: every numeric input bumped ±10% relative (metrics.ts `sensitivities`). */
  inputs?: Sensitivity[];
}

export function clampToSpec(path: string, v: number): number {
  const spec = inputSpec(path);
  if (!spec) return v;
  const x = Math.min(spec.max, Math.max(spec.min, v));
  return spec.isInteger ? Math.round(x) : x;
}

/**
 * Tornado of the levers: each lever moved down and up by a stated step
 * (`DEFAULT_TORNADO_STEPS`: mix ±5 pp with proportional rebalancing, spreads ±15 bp,
 * LPR ±25 bp, products per client ±0.5, PD ±20% relative, LGD ±5 pp, deposits per loan ±0.1,
 * clients per manager ±20%, manager cost ±20%), ranked by the larger absolute change of the
 * figure. Uses `evaluate()` (granular EC).
 * @example tornado(demoScenario, 'raroc').bars[0].id // the lever that moves RAROC most
 */
export function tornado(scenario: Scenario, metric: MetricKey, options: { step?: Partial<TornadoSteps>; inputs?: boolean } = {}): Tornado {
  const steps: TornadoSteps = { ...DEFAULT_TORNADO_STEPS, ...options.step };
  const read = METRICS[metric].read;
  const base = read(evaluate(scenario));
  const bars: TornadoBar[] = [];
  const shares = scenario.segments.map((s) => s.share);

  const push = (
    lever: TornadoLever,
    segmentKey: string | null,
    path: string,
    step: number,
    stepKind: 'absolute' | 'relative',
    value: number,
    low: number,
    high: number,
    at: (v: number) => Scenario,
  ) => {
    const down = read(evaluate(at(low))) - base;
    const up = read(evaluate(at(high))) - base;
    bars.push({
      id: segmentKey === null ? lever : `${lever}.${segmentKey}`,
      lever,
      segmentKey,
      path,
      step,
      stepKind,
      value,
      low,
      high,
      down,
      up,
      effect: Math.max(Math.abs(down), Math.abs(up)),
    });
  };
  const inputLever = (lever: TornadoLever, segmentKey: string | null, path: string, step: number, stepKind: 'absolute' | 'relative') => {
    const value = readPath(scenario, path);
    if (typeof value !== 'number') return;
    const delta = stepKind === 'absolute' ? step : Math.abs(value) * step;
    push(lever, segmentKey, path, step, stepKind, value, clampToSpec(path, value - delta), clampToSpec(path, value + delta), (v) =>
      writePath(scenario, path, v),
    );
  };

  scenario.segments.forEach((seg, i) => {
    if (scenario.segments.length > 1) {
      const withShare = (v: number): Scenario => {
        const mix = rebalanceMix(shares, i, v);
        return { ...scenario, segments: scenario.segments.map((s, j) => ({ ...s, share: mix[j] })) };
      };
      const clampShare = (v: number) => Math.min(1, Math.max(0, v));
      push(
        'mix',
        seg.key,
        `segments.${i}.share`,
        steps.mix,
        'absolute',
        seg.share,
        clampShare(seg.share - steps.mix),
        clampShare(seg.share + steps.mix),
        withShare,
      );
    }
    inputLever('spread', seg.key, `segments.${i}.spreadBp`, steps.spreadBp, 'absolute');
    inputLever('productsPerClient', seg.key, `segments.${i}.productsPerClient`, steps.productsPerClient, 'absolute');
    inputLever('pd', seg.key, `segments.${i}.pd`, steps.pdRelative, 'relative');
    inputLever('lgd', seg.key, `segments.${i}.lgd`, steps.lgd, 'absolute');
    inputLever('depositsPerLoan', seg.key, `segments.${i}.depositsPerLoan`, steps.depositsPerLoan, 'absolute');
    inputLever('clientsPerManager', seg.key, `segments.${i}.clientsPerManager`, steps.clientsPerManagerRelative, 'relative');
  });
  inputLever('lpr', null, 'market.lpr1y', steps.lpr, 'absolute');
  inputLever('managerCost', null, 'levers.managerCost', steps.managerCostRelative, 'relative');

  bars.sort((a, b) => b.effect - a.effect);
  const result: Tornado = { metric, base, bars };
  if (options.inputs) result.inputs = sensitivities(scenario, metric);
  return result;
}

// ———————————————————————————————————————————— one more loan ————————————————————————————————————————————

export interface MarginalLoanOptions {
  /** Segment the new client belongs to (its pricing, PD, LGD, tenor, deposits, fee and costs). */
  segmentKey: string;
  /** Size of the loan, yuan. */
  amount: number;
}

export interface BeforeAfter {
  before: number;
  after: number;
  change: number;
}

/** "One more loan": one new client of the segment with one loan of the given size, for one year. */
export interface MarginalLoan {
  segmentKey: string;
  amount: number;
  rate: number;
  ftpRate: number;
  netInterestIncome: number;
  deposits: number;
  depositMargin: number;
  feeIncome: number;
  servicingCost: number;
  /** managerCost / clientsPerManager: the client's share of a manager (headcount moves in whole managers). */
  managerCost: number;
  /** attrition × acquisition cost: replacing the client when it leaves, per year. */
  acquisitionCost: number;
  /** (amount − deposits)·(wholesale rate − FTP credit): its share of the funding gap. */
  fundingCost: number;
  expectedLoss: number;
  preTaxProfit: number;
  /** The bank's tax with the loan less without (25% while the bank is profitable). */
  tax: number;
  netProfit: number;
  /** Granular EC of the loan: the difference in the book's granular EC, amount·(VaR₉₉.₉ rate − PD·LGD). */
  economicCapital: number;
  economicCapitalMethod: 'granular';
  raroc: number;
  eva: number;
  hurdleRate: number;
  isAboveHurdle: boolean;
  /** Spread over LPR (bp) at which the loan's RAROC equals the hurdle rate; null when undefined (tax 100%). */
  hurdleSpreadBp: number | null;
  rwa: number;
  capitalAdequacyRatio: BeforeAfter;
  lcr: BeforeAfter;
  nsfr: BeforeAfter;
  singleClient: {
    /** amount / net capital, against the 10% limit. */
    sizeToCapital: number;
    limit: number;
    isWithinLimit: boolean;
    largestBefore: number;
    isLargestClient: boolean;
    largestClientToCapital: BeforeAfter;
  };
  top10ToCapital: BeforeAfter;
}

/** The scenario with one more loan in a segment: the book grows by `amount`, the other segments' loans unchanged. */
export function withMarginalLoan(scenario: Scenario, segmentKey: string, amount: number): Scenario {
  const L = scenario.bank.corporateLoans;
  const L2 = L + amount;
  return {
    ...scenario,
    bank: { ...scenario.bank, corporateLoans: L2 },
    segments: scenario.segments.map((s) => ({ ...s, share: (s.share * L + (s.key === segmentKey ? amount : 0)) / L2 })),
  };
}

/**
 * The marginal view of one more loan ("one more SME loan"): the loan's own income,
 * cost, expected loss and granular economic capital, so its RAROC and EVA; and what it does to
 * the bank: LCR, NSFR and capital ratio with the loan and its deposits (the funding gap filled
 * with wholesale funding, §6), and whether it becomes the largest client or breaks the 10%
 * single-client limit. No concentration add-on to EC: the granular closed form has none (§5's
 * loss distribution would supply it).
 * @example marginalLoan(demoScenario, { segmentKey: 'small', amount: 600e4 }).raroc
 */
export function marginalLoan(scenario: Scenario, { segmentKey, amount }: MarginalLoanOptions): MarginalLoan {
  const index = scenario.segments.findIndex((s) => s.key === segmentKey);
  if (index < 0) throw new RangeError(`no segment ${segmentKey}`);
  if (!(amount > 0) || !Number.isFinite(amount)) throw new RangeError('amount must be a positive number of yuan');
  const prep = prepare(scenario);
  // The new client's terms at the segment's current volume: its price, PD and funding as the book's.
  const t = segmentTerms(scenario, index, prep.rates);
  const rate = t.rate;
  const ftpRate = t.ftpRate;
  const netInterestIncome = amount * (t.rate - t.ftpRate);
  const deposits = t.depositsPerLoan * amount;
  const depositMargin = deposits * t.depositMarginRate;
  const feeIncome = t.feePerClient;
  const servicingCost = t.servicingCostPerClient;
  const managerCost = prep.managerCost / t.clientsPerManager;
  const acquisitionCost = t.attrition * t.acquisitionCostPerClient;
  const fundingCost = (amount - deposits) * t.fundingPremium;
  const expectedLoss = amount * t.pd * t.lgd;
  const preTaxProfit = netInterestIncome + depositMargin + feeIncome - servicingCost - managerCost - acquisitionCost - fundingCost - expectedLoss;
  const before = evaluate(scenario);
  const after = evaluate(withMarginalLoan(scenario, segmentKey, amount));
  const bankPreTax = before.profitability.preTaxProfit;
  const tax = (Math.max(0, bankPreTax + preTaxProfit) - Math.max(0, bankPreTax)) * prep.taxRate;
  const netProfit = preTaxProfit - tax;
  const economicCapital = amount * t.ecRate;
  // RAROC = hurdle ⇔ (A·(r − FTP) + other terms)·(1 − tax) = h·EC, solved for r = LPR + spread.
  const keep = 1 - prep.taxRate;
  const otherTerms = depositMargin + feeIncome - servicingCost - managerCost - acquisitionCost - fundingCost - expectedLoss;
  const hurdleRateOfLoan = keep > 0 ? ftpRate + ((prep.hurdleRate * economicCapital) / keep - otherTerms) / amount : NaN;
  const hurdleSpreadBp = Number.isFinite(hurdleRateOfLoan) ? (hurdleRateOfLoan - prep.rates.lpr) * 1e4 : null;

  // Concentration: the book's largest exposures, then the new name among them.
  const heads = new Int32Array(prep.keys.length);
  const levels = prep.keys.map((_, j) => levelOf(prep, j, scenario.segments[j].share));
  const { largest: largestBefore, sum: top10Before } = topSum(levels, heads, 10);
  const withNew = [...levels, { top: Float64Array.of(amount) }];
  const { largest: largestAfter, sum: top10After } = topSum(withNew, new Int32Array(withNew.length), 10);
  const nc = prep.bank.netCapital;
  const ba = (b: number, a: number): BeforeAfter => ({ before: b, after: a, change: a - b });

  return {
    segmentKey,
    amount,
    rate,
    ftpRate,
    netInterestIncome,
    deposits,
    depositMargin,
    feeIncome,
    servicingCost,
    managerCost,
    acquisitionCost,
    fundingCost,
    expectedLoss,
    preTaxProfit,
    tax,
    netProfit,
    economicCapital,
    economicCapitalMethod: 'granular',
    raroc: ratio(netProfit, economicCapital),
    eva: netProfit - prep.hurdleRate * economicCapital,
    hurdleRate: prep.hurdleRate,
    isAboveHurdle: netProfit >= prep.hurdleRate * economicCapital,
    hurdleSpreadBp,
    rwa: amount * (prep.bank.approach === 'irb' ? t.riskWeightIrb : t.riskWeightStandardized),
    capitalAdequacyRatio: ba(before.safety.capitalAdequacyRatio, after.safety.capitalAdequacyRatio),
    lcr: ba(before.liquidity.lcr, after.liquidity.lcr),
    nsfr: ba(before.liquidity.nsfr, after.liquidity.nsfr),
    singleClient: {
      sizeToCapital: ratio(amount, nc),
      limit: LIMITS.singleClientToCapital,
      isWithinLimit: ratio(amount, nc) <= LIMITS.singleClientToCapital,
      largestBefore,
      isLargestClient: amount > largestBefore,
      largestClientToCapital: ba(ratio(largestBefore, nc), ratio(largestAfter, nc)),
    },
    top10ToCapital: ba(ratio(top10Before, nc), ratio(top10After, nc)),
  };
}
