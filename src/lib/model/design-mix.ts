/**
 * Mix design 配合比设计 (docs/reference-model.md §8): as a concrete mix is computed from its
 * requirements, compute the client mix from the bank's. Three tools:
 *
 * - `designMix`: every mix of the segments' shares on a simplex grid (5,151 mixes for three
 *   segments at 1 pp), the objective and the key figures at each, feasibility under the chosen
 *   constraints, the best feasible mix, which constraints bind there, and the efficient
 *   frontier (best net profit for each level of economic capital).
 * - `tornado`: each lever moved down and up by a stated step, ranked by its effect on a figure.
 * - `marginalLoan`: "one more loan": its own RAROC, its economic capital and its effect on the
 *   LCR, the NSFR, the capital ratio and the single-client limit.
 *
 * Speed. The grid does not call `evaluate()` 5,151 times. The closed form of §3 is linear in a
 * segment's loans except for the client count (fees, servicing cost, managers) and the shape of
 * the client-size distribution (HHI, largest and top-10 clients), and a segment's share takes
 * only N+1 values on a grid of step 1/N. So each segment is tabulated once per share level
 * (`Level`), and a mix is a sum over its segments plus a merge of the segments' largest clients.
 * Economic capital is the granular closed form (Vasicek per segment, `economicCapitalMethod:
 * 'granular'`), the same as `evaluate()`; the portfolio loss distribution (§5) is not used here.
 * The figures equal `evaluate()`'s to ~1e-13 relative (tested to 1e-9).
 *
 * The size shape of a segment with many clients is not computed from its n weights (O(n)
 * normal quantiles per distinct n) but from exact tails plus a closed-form middle: see
 * `fastWeightShape`. Its relative error against `weightShape` is below 2e-13 for σ ≤ 2.5 and
 * n up to 10⁶ (docs/mix-design.md).
 */
import { evaluate } from './evaluate';
import { fastWeightShape } from './exposures';
import { LIMITS } from './regulation';
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
} from './segment-economics';
import { inputSpec, readPath, writePath } from './inputs';
import { rebalanceMix } from './levers';
import { METRICS, sensitivities, type MetricKey, type Sensitivity } from './metrics';
import { normalCdf, normalPdf, normalQuantile } from './normal';
import { TENOR_BUCKETS, type Scenario, type Segment } from './scenario';
import { vasicekLossQuantile } from './vasicek';

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

const F = Object.fromEntries(MIX_FIGURE_KEYS.map((k, i) => [k, i])) as Record<MixFigureKey, number>;
const FIGURE_COUNT = MIX_FIGURE_KEYS.length;

// ———————————————————————————————————————————— prepared scenario ————————————————————————————————————————————

/** One segment at one share: its year (segment-economics.ts) and what the concentration needs. */
interface Level {
  flows: SegmentFlows;
  /** loans²·Σw², the segment's part of the HHI numerator. */
  hhiPart: number;
  /** Largest exposures in yuan, largest first (up to 20). */
  top: Float64Array;
}

interface Prepared {
  scenario: Scenario;
  rates: MarketRates;
  bank: BankTerms;
  keys: string[];
  sigmas: number[];
  taxRate: number;
  hurdleRate: number;
  managerCost: number;
}

function prepare(scenario: Scenario): Prepared {
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

const NO_TOP = new Float64Array(0);

/** Segment j at a share: its steady-state year (as evaluate()), HHI part and largest exposures. */
function levelOf(prep: Prepared, j: number, share: number): Level {
  const terms = segmentTerms(prep.scenario, j, prep.rates, { share });
  const flows = segmentFlows(terms, prep.managerCost);
  if (flows.clients === 0) return { flows, hhiPart: 0, top: NO_TOP };
  const shape = fastWeightShape(flows.clients, prep.sigmas[j]);
  const top = new Float64Array(shape.top.length);
  for (let i = 0; i < top.length; i++) top[i] = shape.top[i] * flows.loans;
  return { flows, hhiPart: flows.loans * flows.loans * shape.sumOfSquares, top };
}

/** Sum of the `count` largest of several descending lists (k-way merge), and the largest. */
function topSum(levels: readonly { top: Float64Array }[], heads: Int32Array, count: number): { largest: number; sum: number } {
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
function computeFigures(prep: Prepared, levels: readonly Level[], out: Float64Array, heads: Int32Array): void {
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

function figuresObject(row: Float64Array): MixFigures {
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

// ———————————————————————————————————————————— constraints ————————————————————————————————————————————

/** Constraints a mix design can impose, in bit order of `MixDesign.violations`. */
export const CONSTRAINT_KEYS = [
  'capitalAdequacyRatio',
  'tier1Ratio',
  'cet1Ratio',
  'lcr',
  'nsfr',
  'singleClientToCapital',
  'top10ToCapital',
  'economicCapital',
  'managers',
  'shareBounds',
] as const;
export type ConstraintKey = (typeof CONSTRAINT_KEYS)[number];

/**
 * Each constraint: `true` for its default threshold, a number for your own, absent or `false`
 * for none. Defaults: the regulatory LIMITS of evaluate.ts for the ratios (capital adequacy
 * ≥ 10.5%, tier 1 ≥ 8.5%, CET1 ≥ 7.5%, LCR ≥ 100%, NSFR ≥ 100%, single client ≤ 10% and
 * top-10 ≤ 50% of net capital); `economicCapital` (yuan, ≤): the scenario's current EC ("no
 * more capital than today"); `managers` (headcount, ≤ Σ managersNeeded): the scenario's
 * `levers.managerHeadcount`, or the managers its current mix needs when that is null.
 */
export type MixConstraints = Partial<Record<FigureConstraintKey, number | boolean>>;

/** The constraints on a figure of the mix; `shareBounds` is on the shares themselves (DesignOptions.shareBounds). */
export type FigureConstraintKey = Exclude<ConstraintKey, 'shareBounds'>;

/** Every regulatory limit at its default: what `designMix` uses when no constraints are given. */
export const REGULATORY_CONSTRAINTS: MixConstraints = {
  capitalAdequacyRatio: true,
  tier1Ratio: true,
  cet1Ratio: true,
  lcr: true,
  nsfr: true,
  singleClientToCapital: true,
  top10ToCapital: true,
};

const CONSTRAINT_DEF: Record<FigureConstraintKey, { figure: MixFigureKey; direction: 'min' | 'max' }> = {
  capitalAdequacyRatio: { figure: 'capitalAdequacyRatio', direction: 'min' },
  tier1Ratio: { figure: 'tier1Ratio', direction: 'min' },
  cet1Ratio: { figure: 'cet1Ratio', direction: 'min' },
  lcr: { figure: 'lcr', direction: 'min' },
  nsfr: { figure: 'nsfr', direction: 'min' },
  singleClientToCapital: { figure: 'largestClientToCapital', direction: 'max' },
  top10ToCapital: { figure: 'top10ToCapital', direction: 'max' },
  economicCapital: { figure: 'economicCapital', direction: 'max' },
  managers: { figure: 'managers', direction: 'max' },
};

/** A constraint in force: `figure` must stay ≥ (min) or ≤ (max) `threshold`. */
export interface ActiveConstraint {
  key: ConstraintKey;
  /** Bit of this constraint in `violations` (its index in CONSTRAINT_KEYS). */
  bit: number;
  figure: MixFigureKey;
  direction: 'min' | 'max';
  threshold: number;
}

function resolveConstraints(scenario: Scenario, constraints: MixConstraints, current: () => MixFigures): ActiveConstraint[] {
  const out: ActiveConstraint[] = [];
  CONSTRAINT_KEYS.forEach((key, bit) => {
    if (key === 'shareBounds') return;
    const spec = constraints[key];
    if (spec === undefined || spec === false) return;
    let threshold: number;
    if (typeof spec === 'number') threshold = spec;
    else if (key === 'economicCapital') threshold = current().economicCapital;
    else if (key === 'managers') threshold = scenario.levers.managerHeadcount ?? current().managers;
    else threshold = LIMITS[key];
    if (!Number.isFinite(threshold)) throw new RangeError(`constraint ${key}: threshold must be a finite number`);
    out.push({ key, bit, ...CONSTRAINT_DEF[key], threshold });
  });
  return out;
}

/** Shortfall of a figure against a constraint, relative to the threshold; ≤ 0 when it passes. */
function relativeShortfall(c: ActiveConstraint, value: number): number {
  const gap = c.direction === 'min' ? c.threshold - value : value - c.threshold;
  return gap / (Math.abs(c.threshold) || 1);
}

function isViolated(c: ActiveConstraint, value: number): boolean {
  return c.direction === 'min' ? value < c.threshold : value > c.threshold;
}

/**
 * The bank's policy on the mix: a share per segment key at least `min` and at most `max`
 * (e.g. large ≥ 30%, small ≤ 40%). A mix outside any bound breaks the `shareBounds` constraint.
 */
export type ShareBounds = Record<string, { min?: number; max?: number }>;

/** A bound in force, by segment order. */
export interface ShareBound {
  segment: number;
  key: string;
  side: 'min' | 'max';
  share: number;
}

/** How a bound stands at the optimum. */
export interface ShareBoundAtOptimum extends ShareBound {
  /** The optimum's share of the segment. */
  value: number;
  /** Distance to the bound, positive inside. */
  slack: number;
  /** A neighbouring grid mix would be better but crosses this bound. */
  blocksImprovement: boolean;
  /** blocksImprovement, or the optimum sits on the bound. */
  isBinding: boolean;
}

const SHARE_BOUNDS_BIT = CONSTRAINT_KEYS.indexOf('shareBounds');

function resolveShareBounds(keys: readonly string[], bounds: ShareBounds | undefined): ShareBound[] {
  const out: ShareBound[] = [];
  for (const [key, b] of Object.entries(bounds ?? {})) {
    const segment = keys.indexOf(key);
    if (segment < 0) throw new RangeError(`share bound: unknown segment "${key}" (segments: ${keys.join(', ')})`);
    for (const side of ['min', 'max'] as const) {
      const share = b[side];
      if (share === undefined) continue;
      if (!(share >= 0 && share <= 1)) throw new RangeError(`share bound ${key} ${side}: ${share} must be in 0 – 1`);
      out.push({ segment, key, side, share });
    }
  }
  const lows = out.filter((b) => b.side === 'min').reduce((a, b) => a + b.share, 0);
  if (lows > 1 + 1e-12) throw new RangeError(`share bounds: the minimum shares sum to ${lows} > 1`);
  return out;
}

/** The largest relative breach of the bounds by `shares` (≤ 0 inside every bound); the grid's shares are exact multiples of 1/N, so no tolerance is needed beyond 1e-12. */
function shareBoundsShortfall(bounds: readonly ShareBound[], share: (segment: number) => number): number {
  let worst = -Infinity;
  for (const b of bounds) {
    const x = share(b.segment);
    const gap = b.side === 'min' ? b.share - x : x - b.share;
    worst = Math.max(worst, gap / (b.share || 1));
  }
  return worst;
}

function breaksShareBounds(bounds: readonly ShareBound[], share: (segment: number) => number): boolean {
  return bounds.length > 0 && shareBoundsShortfall(bounds, share) > 1e-12;
}

// ———————————————————————————————————————————— the grid ————————————————————————————————————————————

export type MixObjective = 'netProfit' | 'raroc' | 'eva';

export interface DesignOptions {
  /** What to maximise. Default net profit. */
  objective?: MixObjective;
  /** Default: REGULATORY_CONSTRAINTS. Pass `{}` for none. */
  constraints?: MixConstraints;
  /** The bank's bounds on segment shares (a mix outside breaks `shareBounds`). Default none. */
  shareBounds?: ShareBounds;
  /** Grid step of the shares; must divide 1. Default `defaultDesignStep(segments)`: 0.01 up to three segments. */
  step?: number;
  /** A constraint also counts as binding when its slack is within this share of its threshold. Default 1e-3. */
  bindingTolerance?: number;
  /** Refuse grids larger than this (RangeError). Default 2,000,000. */
  maxMixes?: number;
}

/** How a constraint stands at the optimum. */
export interface ConstraintAtOptimum extends ActiveConstraint {
  value: number;
  /** Distance to the threshold in the figure's unit, positive when passing. */
  slack: number;
  /** slack / |threshold|. */
  relativeSlack: number;
  /** A neighbouring grid mix (one step moved between two segments) would be better but breaks this constraint. */
  blocksImprovement: boolean;
  /** blocksImprovement, or relativeSlack ≤ bindingTolerance. */
  isBinding: boolean;
}

/** One mix, read from a design (see `mixAt`). */
export interface MixPoint {
  /** Row in the grid; −1 for a mix off the grid (the scenario's own mix). */
  index: number;
  /** Shares by segment order. */
  shares: number[];
  /** Shares by segment key. */
  mix: Record<string, number>;
  value: number;
  isFeasible: boolean;
  /** Constraints broken, the most broken (relative to its threshold) first. */
  violations: ConstraintKey[];
  figures: MixFigures;
}

/**
 * Every mix of the grid in compact typed arrays (transfer them from a worker with
 * `designTransferables`); read one mix with `mixAt`.
 */
export interface MixDesign {
  objective: MixObjective;
  segmentKeys: string[];
  step: number;
  /** N = 1/step: shares are units/N. */
  divisions: number;
  count: number;
  /** Grid units, count × segments, row-major; row i is mix i, units sum to N. Order: first segment's units ascending, then the next, … (lexicographic). */
  units: Uint16Array;
  /** Shares, count × segments, row-major: units/N exactly. */
  shares: Float64Array;
  /** The objective at each mix. */
  value: Float64Array;
  /** 1 when the mix meets every active constraint. */
  feasible: Uint8Array;
  /** Bit b set: the mix breaks CONSTRAINT_KEYS[b]. */
  violations: Uint16Array;
  /** Index in CONSTRAINT_KEYS of the most broken constraint (relative to its threshold); 255 when feasible: the hatch of the ternary chart. */
  primaryViolation: Uint8Array;
  /** One column per figure. */
  figures: Record<MixFigureKey, Float64Array>;
  constraints: ActiveConstraint[];
  /** The share bounds in force (none: []). */
  shareBounds: ShareBound[];
  /** Each bound at the optimum; a binding one puts `shareBounds` in `binding`. */
  shareBoundsAtOptimum: ShareBoundAtOptimum[];
  /** Row of the best feasible mix; −1 when no mix is feasible. */
  bestIndex: number;
  best: MixPoint | null;
  /** Every active constraint at the optimum, with its slack; `binding` lists the binding ones. */
  atOptimum: ConstraintAtOptimum[];
  binding: ConstraintKey[];
  /**
   * Efficient frontier over the feasible mixes: the Pareto set of (economic capital ↓, net
   * profit ↑), sorted by EC. Both columns strictly increase, so "best net profit for EC ≤ x" is
   * the step function through these points.
   */
  frontier: { indices: Uint32Array; economicCapital: Float64Array; netProfit: Float64Array };
  /** The scenario's own mix (exact shares, off the grid), evaluated the same way. */
  current: MixPoint;
  /** Row nearest the scenario's own mix. */
  currentIndex: number;
  /** Economic capital in the grid: the granular closed form (Vasicek per segment), as evaluate(). */
  economicCapitalMethod: 'granular';
}

const STEP_CHOICES = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
/** The default grid stays at or below this many mixes (4 segments: 2 pp, 23,426 mixes; 5: 5 pp, 10,626). */
export const DEFAULT_MAX_GRID = 25_000;

/** Number of mixes of k segments on a grid of N divisions: C(N+k−1, k−1). */
export function gridSize(segments: number, divisions: number): number {
  let c = 1;
  for (let i = 1; i < segments; i++) c = (c * (divisions + i)) / i; // exact: each prefix is a binomial coefficient
  return Math.round(c);
}

/** The default step: 1 pp up to three segments; for more, the finest of 2, 2.5, 5, 10 … pp that keeps ≤ 25,000 mixes. */
export function defaultDesignStep(segments: number): number {
  for (const step of STEP_CHOICES) if (gridSize(segments, Math.round(1 / step)) <= DEFAULT_MAX_GRID) return step;
  return 1;
}

function divisionsOf(step: number): number {
  const n = Math.round(1 / step);
  if (!(step > 0) || n < 1 || Math.abs(n * step - 1) > 1e-9) throw new RangeError(`step ${step} must divide 1 (0.01, 0.02, 0.05 …)`);
  return n;
}

function fillUnits(k: number, n: number, count: number): Uint16Array {
  const out = new Uint16Array(count * k);
  const cur = new Uint16Array(k);
  let row = 0;
  const rec = (i: number, left: number): void => {
    if (i === k - 1) {
      cur[i] = left;
      out.set(cur, row * k);
      row++;
      return;
    }
    for (let u = 0; u <= left; u++) {
      cur[i] = u;
      rec(i + 1, left - u);
    }
  };
  if (k > 0) rec(0, n);
  return out;
}

function objectiveOf(objective: MixObjective, row: Float64Array): number {
  return row[F[objective]];
}

function pointFrom(
  index: number,
  keys: string[],
  shares: number[],
  row: Float64Array,
  objective: MixObjective,
  constraints: ActiveConstraint[],
  bounds: readonly ShareBound[] = [],
): MixPoint {
  const broken = constraints
    .filter((c) => isViolated(c, row[F[c.figure]]))
    .sort((a, b) => relativeShortfall(b, row[F[b.figure]]) - relativeShortfall(a, row[F[a.figure]]));
  const violations: ConstraintKey[] = broken.map((c) => c.key);
  if (breaksShareBounds(bounds, (j) => shares[j])) {
    // In order of the relative breach, like the others.
    const gap = shareBoundsShortfall(bounds, (j) => shares[j]);
    const at = broken.findIndex((c) => relativeShortfall(c, row[F[c.figure]]) < gap);
    violations.splice(at < 0 ? violations.length : at, 0, 'shareBounds');
  }
  return {
    index,
    shares,
    mix: Object.fromEntries(keys.map((k, j) => [k, shares[j]])),
    value: objectiveOf(objective, row),
    isFeasible: violations.length === 0,
    violations,
    figures: figuresObject(row),
  };
}

/**
 * Mix design over the simplex of segment shares (docs/reference-model.md §8). Evaluates every mix of the grid
 * with the closed form (granular EC), marks it feasible or not under the constraints, finds the
 * best feasible mix for the objective, says which constraints bind there, and traces the
 * efficient frontier of net profit against economic capital.
 *
 * Grid: all shares in multiples of `step` summing to 1; C(N+k−1, k−1) mixes for k segments and
 * N = 1/step: 5,151 for three segments at 0.01. More segments get a coarser default step.
 * @example designMix(demoScenario, { objective: 'raroc' }).best?.mix // the best mix under the regulatory limits
 */
export function designMix(scenario: Scenario, options: DesignOptions = {}): MixDesign {
  const objective = options.objective ?? 'netProfit';
  const k = scenario.segments.length;
  if (k === 0) throw new RangeError('a mix design needs at least one segment');
  const step = options.step ?? defaultDesignStep(k);
  const N = divisionsOf(step);
  const count = gridSize(k, N);
  const maxMixes = options.maxMixes ?? 2_000_000;
  if (count > maxMixes) throw new RangeError(`${count} mixes at step ${step} for ${k} segments exceed ${maxMixes}; use a coarser step`);
  if (N > 65535) throw new RangeError('step too fine');

  const prep = prepare(scenario);
  const keys = prep.keys;
  const heads = new Int32Array(k);
  const row = new Float64Array(FIGURE_COUNT);

  // The scenario's own mix, off the grid.
  const currentShares = scenario.segments.map((s) => s.share);
  const currentRow = new Float64Array(FIGURE_COUNT);
  computeFigures(
    prep,
    keys.map((_, j) => levelOf(prep, j, currentShares[j])),
    currentRow,
    heads,
  );
  const constraints = resolveConstraints(scenario, options.constraints ?? REGULATORY_CONSTRAINTS, () => figuresObject(currentRow));
  const bounds = resolveShareBounds(keys, options.shareBounds);

  // Tabulate each segment at each share level u/N.
  const levels: Level[][] = keys.map((_, j) => {
    const table: Level[] = [];
    for (let u = 0; u <= N; u++) table[u] = levelOf(prep, j, u / N);
    return table;
  });

  const units = fillUnits(k, N, count);
  const shares = new Float64Array(count * k);
  const value = new Float64Array(count);
  const feasible = new Uint8Array(count);
  const violations = new Uint16Array(count);
  const primaryViolation = new Uint8Array(count);
  const figures = Object.fromEntries(MIX_FIGURE_KEYS.map((key) => [key, new Float64Array(count)])) as Record<MixFigureKey, Float64Array>;
  const columns = MIX_FIGURE_KEYS.map((key) => figures[key]);
  const mixLevels: Level[] = new Array<Level>(k);
  const figureIndex = constraints.map((c) => F[c.figure]);

  let bestIndex = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < count; i++) {
    const base = i * k;
    for (let j = 0; j < k; j++) {
      const u = units[base + j];
      shares[base + j] = u / N;
      mixLevels[j] = levels[j][u];
    }
    computeFigures(prep, mixLevels, row, heads);
    for (let f = 0; f < FIGURE_COUNT; f++) columns[f][i] = row[f];
    const v = objectiveOf(objective, row);
    value[i] = v;
    let mask = 0;
    let worst = 255;
    let worstGap = -Infinity;
    for (let c = 0; c < constraints.length; c++) {
      const con = constraints[c];
      const x = row[figureIndex[c]];
      if (isViolated(con, x)) {
        mask |= 1 << con.bit;
        const gap = relativeShortfall(con, x);
        if (gap > worstGap) {
          worstGap = gap;
          worst = con.bit;
        }
      }
    }
    if (bounds.length > 0) {
      const gap = shareBoundsShortfall(bounds, (j) => units[base + j] / N);
      if (gap > 1e-12) {
        mask |= 1 << SHARE_BOUNDS_BIT;
        if (gap > worstGap) worst = SHARE_BOUNDS_BIT;
      }
    }
    violations[i] = mask;
    primaryViolation[i] = worst;
    feasible[i] = mask === 0 ? 1 : 0;
    if (mask === 0 && v > bestValue) {
      bestValue = v;
      bestIndex = i;
    }
  }

  const design: MixDesign = {
    objective,
    segmentKeys: keys,
    step,
    divisions: N,
    count,
    units,
    shares,
    value,
    feasible,
    violations,
    primaryViolation,
    figures,
    constraints,
    shareBounds: bounds,
    shareBoundsAtOptimum: [],
    bestIndex,
    best: null,
    atOptimum: [],
    binding: [],
    frontier: paretoFrontier(figures.economicCapital, figures.netProfit, feasible),
    current: pointFrom(-1, keys, currentShares, currentRow, objective, constraints, bounds),
    currentIndex: 0,
    economicCapitalMethod: 'granular',
  };
  design.currentIndex = nearestMixIndex(design, currentShares);
  if (bestIndex >= 0) {
    design.best = mixAt(design, bestIndex);
    const blocking = new Set<ConstraintKey>();
    const boundBlocks = new Set<ShareBound>();
    design.atOptimum = constraintsAtOptimum(prep, design, levels, options.bindingTolerance ?? 1e-3, blocking, boundBlocks);
    design.binding = design.atOptimum.filter((c) => c.isBinding).map((c) => c.key);
    const bestShares = design.best.shares;
    design.shareBoundsAtOptimum = bounds.map((b) => {
      const value = bestShares[b.segment];
      const slack = b.side === 'min' ? value - b.share : b.share - value;
      return { ...b, value, slack, blocksImprovement: boundBlocks.has(b), isBinding: boundBlocks.has(b) || Math.abs(slack) <= 1e-12 };
    });
    if (design.shareBoundsAtOptimum.some((b) => b.isBinding)) design.binding.push('shareBounds');
  }
  return design;
}

/** Slack of every constraint at the optimum, and whether it stops a better neighbouring mix. */
function constraintsAtOptimum(
  prep: Prepared,
  design: MixDesign,
  levels: Level[][],
  tolerance: number,
  blocking = new Set<ConstraintKey>(),
  boundBlocks = new Set<ShareBound>(),
): ConstraintAtOptimum[] {
  const k = design.segmentKeys.length;
  const i = design.bestIndex;
  const N = design.divisions;
  const bestUnits = Array.from(design.units.subarray(i * k, i * k + k));
  const bestValue = design.value[i];
  const row = new Float64Array(FIGURE_COUNT);
  const heads = new Int32Array(k);
  for (let a = 0; a < k; a++) {
    if (bestUnits[a] === 0) continue;
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const u = bestUnits.slice();
      u[a]--;
      u[b]++;
      computeFigures(prep, u.map((x, j) => levels[j][x]), row, heads);
      const v = objectiveOf(design.objective, row);
      if (!(v > bestValue)) continue;
      for (const c of design.constraints) if (isViolated(c, row[F[c.figure]])) blocking.add(c.key);
      for (const bd of design.shareBounds) if (breaksShareBounds([bd], (j) => u[j] / N)) boundBlocks.add(bd);
    }
  }
  return design.constraints.map((c) => {
    const value = design.figures[c.figure][i];
    const slack = c.direction === 'min' ? value - c.threshold : c.threshold - value;
    const relativeSlack = slack / (Math.abs(c.threshold) || 1);
    const blocksImprovement = blocking.has(c.key);
    return { ...c, value, slack, relativeSlack, blocksImprovement, isBinding: blocksImprovement || relativeSlack <= tolerance };
  });
}

/**
 * Pareto set of (EC ↓, profit ↑) among the mixes with mask 1: sort by EC (ties: higher profit
 * first), keep each mix whose profit beats every mix of lower EC.
 */
function paretoFrontier(ec: Float64Array, profit: Float64Array, mask: Uint8Array): MixDesign['frontier'] {
  const idx: number[] = [];
  for (let i = 0; i < ec.length; i++) if (mask[i]) idx.push(i);
  idx.sort((a, b) => ec[a] - ec[b] || profit[b] - profit[a]);
  const kept: number[] = [];
  let runningMax = -Infinity;
  for (const i of idx) {
    if (profit[i] > runningMax) {
      kept.push(i);
      runningMax = profit[i];
    }
  }
  return {
    indices: Uint32Array.from(kept),
    economicCapital: Float64Array.from(kept, (i) => ec[i]),
    netProfit: Float64Array.from(kept, (i) => profit[i]),
  };
}

/** Read one mix of a design. */
export function mixAt(design: MixDesign, index: number): MixPoint {
  if (!(index >= 0 && index < design.count)) throw new RangeError(`mix ${index} is outside 0..${design.count - 1}`);
  const k = design.segmentKeys.length;
  const row = Float64Array.from(MIX_FIGURE_KEYS, (key) => design.figures[key][index]);
  return pointFrom(index, design.segmentKeys, Array.from(design.shares.subarray(index * k, index * k + k)), row, design.objective, design.constraints, design.shareBounds);
}

/** Row of the grid mix nearest (Euclidean) to some shares: where the current mix sits. */
export function nearestMixIndex(design: MixDesign, shares: readonly number[]): number {
  const k = design.segmentKeys.length;
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < design.count; i++) {
    let d = 0;
    for (let j = 0; j < k; j++) {
      const x = design.shares[i * k + j] - (shares[j] ?? 0);
      d += x * x;
    }
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The buffers of a design, for `postMessage(design, designTransferables(design))` from a worker. */
export function designTransferables(design: MixDesign): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    design.units,
    design.shares,
    design.value,
    design.feasible,
    design.violations,
    design.primaryViolation,
    ...Object.values(design.figures),
    design.frontier.indices,
    design.frontier.economicCapital,
    design.frontier.netProfit,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

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

function clampToSpec(path: string, v: number): number {
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
export function tornado(
  scenario: Scenario,
  metric: MetricKey,
  options: { step?: Partial<TornadoSteps>; inputs?: boolean } = {},
): Tornado {
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
      push('mix', seg.key, `segments.${i}.share`, steps.mix, 'absolute', seg.share, clampShare(seg.share - steps.mix), clampShare(seg.share + steps.mix), withShare);
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
