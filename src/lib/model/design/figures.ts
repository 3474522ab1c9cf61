/** The figures of one mix, from a scenario prepared once: each segment tabulated per share level, a mix a sum over its segments. See index.ts. */
import { fastWeightShape } from '../exposures';
import {
  bankLiquidity,
  bankTerms,
  corporateRwa,
  marketRates,
  ratio,
  segmentFlows,
  segmentTerms,
  type BankTerms,
  type MarketRates,
  type SegmentFlows,
} from '../segment-economics';
import type { Scenario } from '../scenario';

// ———————————————————————————————————————————— figures of one mix ————————————————————————————————————————————

/** The figures the design keeps for every mix (one typed-array column each). */
export const MIX_FIGURE_KEYS = [
  'netProfit',
  'preTaxProfit',
  'raroc',
  'eva',
  'economicCapital',
  'expectedLoss',
  'rwa',
  'capitalAdequacyRatio',
  'tier1Ratio',
  'cet1Ratio',
  'lcr',
  'nsfr',
  'largestClientToCapital',
  'top10ToCapital',
  'hhi',
  'clients',
  'managers',
  'corporateDeposits',
] as const;
export type MixFigureKey = (typeof MIX_FIGURE_KEYS)[number];
/** Figures of one mix, in the units of `Evaluation` (yuan, decimals, counts). `managers` is Σ managersNeeded. */
export type MixFigures = Record<MixFigureKey, number>;

export const F = Object.fromEntries(MIX_FIGURE_KEYS.map((k, i) => [k, i])) as Record<MixFigureKey, number>;
export const FIGURE_COUNT = MIX_FIGURE_KEYS.length;

// ———————————————————————————————————————————— prepared scenario ————————————————————————————————————————————

/** One segment at one share: its year (segment-economics.ts) and what the concentration needs. */
export interface Level {
  flows: SegmentFlows;
  /** loans²·Σw², the segment's part of the HHI numerator. */
  hhiPart: number;
  /** Largest exposures in yuan, largest first (up to 20). */
  top: Float64Array;
}

export interface Prepared {
  scenario: Scenario;
  rates: MarketRates;
  bank: BankTerms;
  keys: string[];
  sigmas: number[];
  taxRate: number;
  hurdleRate: number;
  managerCost: number;
}

export function prepare(scenario: Scenario): Prepared {
  return {
    scenario,
    rates: marketRates(scenario),
    bank: bankTerms(scenario),
    keys: scenario.segments.map((s) => s.key),
    sigmas: scenario.segments.map((s) => s.sizeSigma),
    taxRate: scenario.market.taxRate,
    hurdleRate: scenario.market.hurdleRate,
    managerCost: scenario.levers.managerCost,
  };
}

export const NO_TOP = new Float64Array(0);

/** Segment j at a share: its steady-state year (as evaluate()), HHI part and largest exposures. */
export function levelOf(prep: Prepared, j: number, share: number): Level {
  const terms = segmentTerms(prep.scenario, j, prep.rates, { share });
  const flows = segmentFlows(terms, prep.managerCost);
  if (flows.clients === 0) return { flows, hhiPart: 0, top: NO_TOP };
  const shape = fastWeightShape(flows.clients, prep.sigmas[j]);
  const top = new Float64Array(shape.top.length);
  for (let i = 0; i < top.length; i++) top[i] = shape.top[i] * flows.loans;
  return { flows, hhiPart: flows.loans * flows.loans * shape.sumOfSquares, top };
}

/** Sum of the `count` largest of several descending lists (k-way merge), and the largest. */
export function topSum(levels: readonly { top: Float64Array }[], heads: Int32Array, count: number): { largest: number; sum: number } {
  heads.fill(0);
  let sum = 0;
  let largest = 0;
  for (let taken = 0; taken < count; taken++) {
    let best = -1;
    let bestValue = -Infinity;
    for (let j = 0; j < levels.length; j++) {
      const t = levels[j].top;
      if (heads[j] < t.length && t[heads[j]] > bestValue) {
        bestValue = t[heads[j]];
        best = j;
      }
    }
    if (best < 0) break;
    if (taken === 0) largest = bestValue;
    sum += bestValue;
    heads[best]++;
  }
  return { largest, sum };
}

/**
 * The figures of one mix from its segments' levels: the sums and the bank-level formulas of
 * evaluate() (segment-economics.ts), so the grid and evaluate() agree (tested to 1e-9).
 */
export function computeFigures(prep: Prepared, levels: readonly Level[], out: Float64Array, heads: Int32Array): void {
  let preTax = 0;
  let ec = 0;
  let el = 0;
  let rwaIrb = 0;
  let rwaStandardized = 0;
  let clients = 0;
  let managers = 0;
  let hhiNumerator = 0;
  let run = 0;
  const book = { loans: 0, deposits: 0, outflows30d: 0, loansDue30d: 0, availableStableFunding: 0, requiredStableFunding: 0, nplNet: 0 };
  for (let j = 0; j < levels.length; j++) {
    const f = levels[j].flows;
    preTax += f.preTaxProfit;
    ec += f.economicCapital;
    el += f.expectedLoss;
    rwaIrb += f.rwaIrb;
    rwaStandardized += f.rwaStandardized;
    clients += f.clients;
    managers += f.managersNeeded;
    hhiNumerator += levels[j].hhiPart;
    run += f.loans * prep.scenario.segments[j].depositsPerLoan * prep.scenario.stress.depositRunOff;
    book.loans += f.loans;
    book.deposits += f.deposits;
    book.outflows30d += f.outflows30d;
    book.loansDue30d += f.loansDue30d;
    book.availableStableFunding += f.availableStableFunding;
    book.requiredStableFunding += f.requiredStableFunding;
  }
  const netProfit = preTax - Math.max(0, preTax) * prep.taxRate;
  const b = prep.bank;
  const rwa = corporateRwa(b, rwaIrb, rwaStandardized) + b.otherRwa;
  const { largest, sum: top10 } = topSum(levels, heads, 10);
  const liq = bankLiquidity(b, book, Math.max(0, b.hqla - run), b.netCapital);

  out[F.netProfit] = netProfit;
  out[F.preTaxProfit] = preTax;
  out[F.raroc] = ratio(netProfit, ec);
  out[F.eva] = netProfit - prep.hurdleRate * ec;
  out[F.economicCapital] = ec;
  out[F.expectedLoss] = el;
  out[F.rwa] = rwa;
  out[F.capitalAdequacyRatio] = ratio(b.netCapital, rwa);
  out[F.tier1Ratio] = ratio(b.tier1Capital, rwa);
  out[F.cet1Ratio] = ratio(b.cet1Capital, rwa);
  out[F.lcr] = liq.lcr;
  out[F.nsfr] = liq.nsfr;
  out[F.largestClientToCapital] = ratio(largest, b.netCapital);
  out[F.top10ToCapital] = ratio(top10, b.netCapital);
  out[F.hhi] = ratio(hhiNumerator, book.loans * book.loans);
  out[F.clients] = clients;
  out[F.managers] = managers;
  out[F.corporateDeposits] = book.deposits;
}

export function figuresObject(row: Float64Array): MixFigures {
  return Object.fromEntries(MIX_FIGURE_KEYS.map((k, i) => [k, row[i]])) as MixFigures;
}

/** A reusable closed-form evaluator of mixes of one scenario (the fast path). */
export interface MixEvaluator {
  segmentKeys: string[];
  /** The figures at these shares (by segment order; any non-negative shares, on the grid or not). */
  figures(shares: readonly number[]): MixFigures;
}

/**
 * The fast path as a function of the shares: what a dragged point on the ternary chart needs.
 * Same numbers as `evaluate()` with the segments' shares replaced (granular EC).
 * @example createMixEvaluator(demoScenario).figures([0.4, 0.3, 0.3]).netProfit // ≈ 8.2e8
 */
export function createMixEvaluator(scenario: Scenario): MixEvaluator {
  const prep = prepare(scenario);
  const heads = new Int32Array(prep.keys.length);
  const row = new Float64Array(FIGURE_COUNT);
  return {
    segmentKeys: prep.keys,
    figures(shares) {
      if (shares.length !== prep.keys.length) throw new RangeError(`expected ${prep.keys.length} shares, got ${shares.length}`);
      const levels = prep.keys.map((_, j) => levelOf(prep, j, shares[j]));
      computeFigures(prep, levels, row, heads);
      return figuresObject(row);
    },
  };
}
