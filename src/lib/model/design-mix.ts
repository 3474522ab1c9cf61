/**
 * Mix design 配合比设计 (model.md §8, issue 7): as a concrete mix is computed from its
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
import { baselCorrelation, irbRiskWeight } from './capital';
import { EC_CONFIDENCE, LCR_FACTORS, LIMITS, NSFR_FACTORS, effectiveMaturity, evaluate, loanRate } from './evaluate';
import { weightShape, type WeightShape } from './exposures';
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

// ———————————————————————————————————————————— fast weight shape ————————————————————————————————————————————

/** Up to this many clients the shape is `weightShape` itself (exact, cached). */
export const EXACT_SHAPE_MAX_CLIENTS = 4000;
/** Exact terms kept at each tail by `fastWeightShape`. */
const TAIL_TERMS = 1000;
/** Largest weights kept, as in exposures.ts. */
const TOP_KEPT = 20;

/**
 * Σw² and the largest weights of n lognormal clients on the quantile grid of model.md §2, in
 * O(1) normal quantiles instead of O(n). With q_i = Φ⁻¹((i−½)/n) and S_k = Σ exp(k·σ·q_i),
 * Σw² = S₂/S₁² and w_top = exp(σ·q_n)/S₁. S_k is summed exactly over the 1,000 smallest and
 * 1,000 largest clients; the middle is the midpoint rule of f(u) = exp(kσΦ⁻¹(u)), replaced by
 * its integral, closed form ∫f du = e^{k²σ²/2}·Φ(Φ⁻¹(u) − kσ), and its Euler–Maclaurin
 * correction −(1/(24n))·[f′(u₂) − f′(u₁)], f′(u) = kσ·f(u)/φ(Φ⁻¹(u)).
 * Measured against `weightShape` (exact sum): |relative error| ≤ 2e-13 for σ ∈ [0.3, 2.5],
 * n ∈ [5·10³, 10⁶] (docs/mix-design.md). For n ≤ 4,000 it returns `weightShape(n, σ)` itself.
 * @example fastWeightShape(20000, 0.6).sumOfSquares // ≈ exp(0.36)/20000 · (1 − 6.5e-4)
 */
export function fastWeightShape(n: number, sigma: number): WeightShape {
  if (n <= EXACT_SHAPE_MAX_CLIENTS) return weightShape(n, sigma);
  let s1 = 0;
  let s2 = 0;
  const top = new Float64Array(TOP_KEPT);
  for (let i = 1; i <= TAIL_TERMS; i++) {
    const lo = Math.exp(sigma * normalQuantile((i - 0.5) / n));
    const hi = Math.exp(sigma * normalQuantile((n - i + 0.5) / n)); // i-th largest
    if (i <= TOP_KEPT) top[i - 1] = hi;
    s1 += lo + hi;
    s2 += lo * lo + hi * hi;
  }
  const x1 = normalQuantile(TAIL_TERMS / n);
  const x2 = normalQuantile((n - TAIL_TERMS) / n);
  const middle = (k: number): number => {
    const ks = k * sigma;
    const integral = Math.exp((ks * ks) / 2) * (normalCdf(x2 - ks) - normalCdf(x1 - ks));
    const slope = (x: number) => (ks * Math.exp(ks * x)) / normalPdf(x);
    return n * integral - (slope(x2) - slope(x1)) / (24 * n);
  };
  s1 += middle(1);
  s2 += middle(2);
  for (let i = 0; i < TOP_KEPT; i++) top[i] /= s1;
  return { sumOfSquares: s2 / (s1 * s1), top };
}

// ———————————————————————————————————————————— prepared scenario ————————————————————————————————————————————

/** Per-segment terms that do not depend on the share (model.md §3, as in evaluate.ts). */
interface SegmentTerms {
  key: string;
  avgExposure: number;
  sigma: number;
  /** Loan rate − tenor-weighted FTP. */
  marginRate: number;
  depositsPerLoan: number;
  depositMarginRate: number;
  feePerClient: number;
  servicingCostPerClient: number;
  clientsPerManager: number;
  pd: number;
  lgd: number;
  /** VaR₉₉.₉ per yuan − PD·LGD: granular EC per yuan of loans. */
  ecRate: number;
  riskWeight: number;
  /** LCR 30-day run-off of the segment's deposits. */
  lcrRunOff: number;
  /** NSFR ASF factor of the segment's deposits. */
  asfFactor: number;
  /** Share of the loans due within 30 days. */
  due30d: number;
  /** NSFR RSF factor of the segment's loans. */
  rsfFactor: number;
  under1y: number;
  shapes: Map<number, WeightShape>;
}

/** One segment at one share: everything the mix sum needs. */
interface Level {
  loans: number;
  clients: number;
  managers: number;
  /** loans²·Σw², the segment's part of the HHI numerator. */
  hhiPart: number;
  /** Largest exposures in yuan, largest first (up to 20). */
  top: Float64Array;
}

interface Prepared {
  scenario: Scenario;
  segments: SegmentTerms[];
  L: number;
  runOffKeep: number;
  taxRate: number;
  hurdleRate: number;
  managerCost: number;
  netCapital: number;
  tier1Capital: number;
  cet1Capital: number;
  otherRwa: number;
  hqla: number;
  /** retailLoans + hqla + otherAssets: total assets outside the corporate book. */
  otherAssetsTotal: number;
  /** Liabilities that are neither corporate deposits nor wholesale: retail deposits, other liabilities, net capital. */
  fixedFunding: { retailDeposits: number; otherLiabilities: number; netCapital: number };
  retailOutflow: number;
  wholesaleOutflowRate: number;
  asfBase: number;
  wholesaleAsfRate: number;
  rsfBase: number;
}

function tenorWeighted(profile: Segment['tenor'], rates: Segment['tenor']): number {
  let total = 0;
  for (const b of TENOR_BUCKETS) total += profile[b] * rates[b];
  return total;
}

function prepare(scenario: Scenario): Prepared {
  const { market, bank, stress } = scenario;
  const lpr = market.lpr1y + stress.lprShock;
  const segments = scenario.segments.map((seg): SegmentTerms => {
    const pd = Math.min(1, seg.pd * (stress.pdMultiplier[seg.key] ?? 1));
    const rho = seg.correlation ?? baselCorrelation(Math.max(pd, 0.0005), seg.turnoverEurMillions);
    const riskWeight =
      scenario.settings.capitalApproach === 'irb'
        ? irbRiskWeight({ pd, lgd: seg.lgd, maturityYears: effectiveMaturity(seg), turnoverEurMillions: seg.turnoverEurMillions })
        : seg.riskWeight;
    const under1y = seg.tenor.upTo3m + seg.tenor.m3to12;
    const longFactor = seg.riskWeight <= 0.35 ? NSFR_FACTORS.loanOver1yLowRw : NSFR_FACTORS.loanOver1yOther;
    const isSmall = seg.depositClass === 'smallBusiness';
    return {
      key: seg.key,
      avgExposure: seg.avgExposure,
      sigma: seg.sizeSigma,
      marginRate: loanRate(lpr, seg.markup) - tenorWeighted(seg.tenor, market.ftpLoans),
      depositsPerLoan: seg.depositsPerLoan,
      depositMarginRate: market.ftpDepositCredit - seg.depositRate,
      feePerClient: seg.feePerClient,
      servicingCostPerClient: seg.servicingCostPerClient,
      clientsPerManager: seg.clientsPerManager,
      pd,
      lgd: seg.lgd,
      ecRate: vasicekLossQuantile({ pd, rho, lgd: seg.lgd, q: EC_CONFIDENCE }) - pd * seg.lgd,
      riskWeight,
      lcrRunOff: isSmall
        ? LCR_FACTORS.smallBusiness
        : seg.operationalShare * LCR_FACTORS.operational + (1 - seg.operationalShare) * LCR_FACTORS.nonOperationalCorporate,
      asfFactor: isSmall ? NSFR_FACTORS.smallBusiness : NSFR_FACTORS.corporate,
      due30d: seg.tenor.upTo3m * LCR_FACTORS.dueWithin30dOfUpTo3m,
      rsfFactor: under1y * NSFR_FACTORS.loanUnder1y + (1 - under1y) * longFactor,
      under1y,
      shapes: new Map(),
    };
  });
  return {
    scenario,
    segments,
    L: bank.corporateLoans,
    runOffKeep: 1 - stress.depositRunOff,
    taxRate: market.taxRate,
    hurdleRate: market.hurdleRate,
    managerCost: scenario.levers.managerCost,
    netCapital: bank.netCapital,
    tier1Capital: bank.tier1Capital,
    cet1Capital: bank.cet1Capital,
    otherRwa: bank.otherRwa,
    hqla: bank.hqla,
    otherAssetsTotal: bank.retailLoans + bank.hqla + bank.otherAssets,
    fixedFunding: { retailDeposits: bank.retailDeposits, otherLiabilities: bank.otherLiabilities, netCapital: bank.netCapital },
    retailOutflow:
      bank.retailDeposits * (bank.retailStableShare * LCR_FACTORS.retailStable + (1 - bank.retailStableShare) * LCR_FACTORS.retailLessStable),
    wholesaleOutflowRate: bank.wholesaleShareUnder30d * LCR_FACTORS.wholesaleDue,
    asfBase:
      bank.netCapital * NSFR_FACTORS.capital +
      bank.retailDeposits * (bank.retailStableShare * NSFR_FACTORS.retailStable + (1 - bank.retailStableShare) * NSFR_FACTORS.retailLessStable),
    wholesaleAsfRate: bank.wholesaleShareOver1y * NSFR_FACTORS.wholesaleOver1y + (1 - bank.wholesaleShareOver1y) * NSFR_FACTORS.wholesaleUnder1y,
    rsfBase: bank.retailLoans * NSFR_FACTORS.retailLoans + bank.hqla * NSFR_FACTORS.hqla + bank.otherAssets * NSFR_FACTORS.otherAssets,
  };
}

const NO_TOP = new Float64Array(0);

/** A segment at a share: loans, clients (as `clientCount`), managers, HHI part and largest exposures. */
function levelOf(prep: Prepared, s: SegmentTerms, share: number): Level {
  const loans = share * prep.L;
  const clients = loans <= 0 || s.avgExposure <= 0 ? 0 : Math.max(1, Math.round(loans / s.avgExposure)); // = clientCount()
  if (clients === 0) return { loans, clients, managers: 0, hhiPart: 0, top: NO_TOP };
  let shape = s.shapes.get(clients);
  if (!shape) {
    shape = fastWeightShape(clients, s.sigma);
    s.shapes.set(clients, shape);
  }
  const top = new Float64Array(shape.top.length);
  for (let i = 0; i < top.length; i++) top[i] = shape.top[i] * loans;
  return { loans, clients, managers: Math.ceil(clients / s.clientsPerManager), hhiPart: loans * loans * shape.sumOfSquares, top };
}

/** Sum of the `count` largest of several descending lists (k-way merge), and the largest. */
function topSum(levels: readonly Level[], heads: Int32Array, count: number): { largest: number; sum: number } {
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

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * The closed form of model.md §3–§6 for one mix, from its segments' levels, in the order and
 * with the formulas of evaluate.ts (keep the two in step: the tests compare them to 1e-9).
 */
function computeFigures(prep: Prepared, levels: readonly Level[], out: Float64Array, heads: Int32Array): void {
  const segs = prep.segments;
  let nii = 0;
  let depositMargin = 0;
  let fees = 0;
  let opex = 0;
  let el = 0;
  let ec = 0;
  let corporateRwa = 0;
  let totalLoans = 0;
  let deposits = 0;
  let clients = 0;
  let managers = 0;
  let hhiNumerator = 0;
  let depositOutflow = 0;
  let depositAsf = 0;
  let loansDue30d = 0;
  let loanRsf = 0;
  for (let j = 0; j < segs.length; j++) {
    const s = segs[j];
    const lv = levels[j];
    const loans = lv.loans;
    const d = s.depositsPerLoan * loans * prep.runOffKeep;
    nii += loans * s.marginRate;
    depositMargin += d * s.depositMarginRate;
    fees += lv.clients * s.feePerClient;
    opex += lv.clients * s.servicingCostPerClient + lv.managers * prep.managerCost;
    el += loans * s.pd * s.lgd;
    ec += loans * s.ecRate;
    corporateRwa += loans * s.riskWeight;
    totalLoans += loans;
    deposits += d;
    clients += lv.clients;
    managers += lv.managers;
    hhiNumerator += lv.hhiPart;
    depositOutflow += d * s.lcrRunOff;
    depositAsf += d * s.asfFactor;
    loansDue30d += loans * s.due30d;
    loanRsf += loans * s.rsfFactor;
  }
  const preTax = nii + depositMargin + fees - opex - el;
  const netProfit = preTax - Math.max(0, preTax) * prep.taxRate;
  const rwa = corporateRwa + prep.otherRwa;
  const { largest, sum: top10 } = topSum(levels, heads, 10);

  const ff = prep.fixedFunding;
  const totalAssets = totalLoans + prep.otherAssetsTotal;
  const wholesale = Math.max(0, totalAssets - deposits - ff.retailDeposits - ff.otherLiabilities - ff.netCapital);
  const outflows = prep.retailOutflow + wholesale * prep.wholesaleOutflowRate + depositOutflow;
  const inflows = Math.min(loansDue30d * LCR_FACTORS.loanInflow, outflows * LCR_FACTORS.inflowCap);
  const asf = prep.asfBase + wholesale * prep.wholesaleAsfRate + depositAsf;
  const rsf = prep.rsfBase + loanRsf;

  out[F.netProfit] = netProfit;
  out[F.preTaxProfit] = preTax;
  out[F.raroc] = ratio(netProfit, ec);
  out[F.eva] = netProfit - prep.hurdleRate * ec;
  out[F.economicCapital] = ec;
  out[F.expectedLoss] = el;
  out[F.rwa] = rwa;
  out[F.capitalAdequacyRatio] = ratio(prep.netCapital, rwa);
  out[F.tier1Ratio] = ratio(prep.tier1Capital, rwa);
  out[F.cet1Ratio] = ratio(prep.cet1Capital, rwa);
  out[F.lcr] = ratio(prep.hqla, outflows - inflows);
  out[F.nsfr] = ratio(asf, rsf);
  out[F.largestClientToCapital] = ratio(largest, prep.netCapital);
  out[F.top10ToCapital] = ratio(top10, prep.netCapital);
  out[F.hhi] = ratio(hhiNumerator, totalLoans * totalLoans);
  out[F.clients] = clients;
  out[F.managers] = managers;
  out[F.corporateDeposits] = deposits;
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
  const heads = new Int32Array(prep.segments.length);
  const row = new Float64Array(FIGURE_COUNT);
  return {
    segmentKeys: prep.segments.map((s) => s.key),
    figures(shares) {
      if (shares.length !== prep.segments.length) throw new RangeError(`expected ${prep.segments.length} shares, got ${shares.length}`);
      const levels = prep.segments.map((s, j) => levelOf(prep, s, shares[j]));
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
 * Mix design over the simplex of segment shares (model.md §8). Evaluates every mix of the grid
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
  const keys = prep.segments.map((s) => s.key);
  const heads = new Int32Array(k);
  const row = new Float64Array(FIGURE_COUNT);

  // The scenario's own mix, off the grid.
  const currentShares = scenario.segments.map((s) => s.share);
  const currentRow = new Float64Array(FIGURE_COUNT);
  computeFigures(
    prep,
    prep.segments.map((s, j) => levelOf(prep, s, currentShares[j])),
    currentRow,
    heads,
  );
  const constraints = resolveConstraints(scenario, options.constraints ?? REGULATORY_CONSTRAINTS, () => figuresObject(currentRow));
  const bounds = resolveShareBounds(keys, options.shareBounds);

  // Tabulate each segment at each share level u/N.
  const levels: Level[][] = prep.segments.map((s) => {
    const table: Level[] = [];
    for (let u = 0; u <= N; u++) table[u] = levelOf(prep, s, u / N);
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
  /** Markup of each segment in the float convention, absolute (0.05 = ±5 pp of float, 上浮/下浮). */
  markup: number;
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
  markup: 0.05,
  lpr: 0.0025,
  productsPerClient: 0.5,
  pdRelative: 0.2,
  lgd: 0.05,
  depositsPerLoan: 0.1,
  clientsPerManagerRelative: 0.2,
  managerCostRelative: 0.2,
};

export type TornadoLever = 'mix' | 'markup' | 'lpr' | 'productsPerClient' | 'pd' | 'lgd' | 'depositsPerLoan' | 'clientsPerManager' | 'managerCost';

export interface TornadoBar {
  /** `lever` or `lever.segmentKey`, e.g. `markup.small`. */
  id: string;
  lever: TornadoLever;
  segmentKey: string | null;
  /** Input path moved, e.g. `segments.2.markup`. */
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
  /** Sorted by effect, largest first. Levers that the one-year closed form ignores (products per client acts through attrition, model.md §7) show 0. */
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
 * Tornado of the levers (issue 7): each lever moved down and up by a stated step
 * (`DEFAULT_TORNADO_STEPS`: mix ±5 pp with proportional rebalancing, markups ±5 pp of float,
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
    inputLever('markup', seg.key, `segments.${i}.markup`, steps.markup, 'absolute');
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
  /** Markup (float convention) at which the loan's RAROC equals the hurdle rate; null when undefined (LPR 0, tax 100%). */
  hurdleMarkup: number | null;
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
 * The marginal view of one more loan (issue 7, "one more SME loan"): the loan's own income,
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
  const seg = scenario.segments[index];
  const prep = prepare(scenario);
  const s = prep.segments[index];
  const { market } = scenario;
  const lpr = market.lpr1y + scenario.stress.lprShock;

  const rate = loanRate(lpr, seg.markup);
  const ftpRate = tenorWeighted(seg.tenor, market.ftpLoans);
  const netInterestIncome = amount * s.marginRate;
  const deposits = s.depositsPerLoan * amount * prep.runOffKeep;
  const depositMargin = deposits * s.depositMarginRate;
  const feeIncome = s.feePerClient;
  const servicingCost = s.servicingCostPerClient;
  const managerCost = prep.managerCost / s.clientsPerManager;
  const expectedLoss = amount * s.pd * s.lgd;
  const preTaxProfit = netInterestIncome + depositMargin + feeIncome - servicingCost - managerCost - expectedLoss;
  const before = evaluate(scenario);
  const after = evaluate(withMarginalLoan(scenario, segmentKey, amount));
  const bankPreTax = before.profitability.preTaxProfit;
  const tax = (Math.max(0, bankPreTax + preTaxProfit) - Math.max(0, bankPreTax)) * prep.taxRate;
  const netProfit = preTaxProfit - tax;
  const economicCapital = amount * s.ecRate;
  // RAROC = hurdle ⇔ (A·(r − FTP) + dm + fee − cost − EL)·(1 − t) = h·EC, solved for r = LPR·(1 + markup).
  const keep = 1 - prep.taxRate;
  const hurdleRateOfLoan =
    keep > 0 ? ftpRate + ((prep.hurdleRate * economicCapital) / keep - depositMargin - feeIncome + servicingCost + managerCost + expectedLoss) / amount : NaN;
  const hurdleMarkup = lpr > 0 && Number.isFinite(hurdleRateOfLoan) ? hurdleRateOfLoan / lpr - 1 : null;

  // Concentration: the book's largest exposures, then the new name among them.
  const heads = new Int32Array(prep.segments.length);
  const levels = prep.segments.map((t, j) => levelOf(prep, t, scenario.segments[j].share));
  const { largest: largestBefore, sum: top10Before } = topSum(levels, heads, 10);
  const withNew: Level[] = [...levels, { loans: amount, clients: 1, managers: 0, hhiPart: 0, top: Float64Array.of(amount) }];
  const { largest: largestAfter, sum: top10After } = topSum(withNew, new Int32Array(withNew.length), 10);
  const nc = prep.netCapital;
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
    hurdleMarkup,
    rwa: amount * s.riskWeight,
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
