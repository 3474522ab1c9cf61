/**
 * The mean–variance efficient frontier (Markowitz 1952, "Portfolio Selection", Journal of
 * Finance 7(1)) under the constraints of a client portfolio: long-only, fully invested
 * (weights sum to 1), per-class bounds [min, max].
 *
 * Each frontier point solves   min wᵀΣw   s.t.   1ᵀw = 1,  μᵀw = r,  min ≤ w ≤ max
 * for a target return r between the minimum-variance portfolio's return and the largest
 * attainable return, by the active-set QP of qp.ts. A feasible start is always at hand:
 * the frontier's two ends are feasible and the constraint set is convex, so the mixture
 * of two feasible portfolios with the right return is feasible.
 *
 * The minimum-variance end: when several portfolios share the least variance (two
 * riskless classes, say), the one with the highest return is taken, so that no frontier
 * point is dominated: min wᵀΣw − δ·μᵀw with δ = 1e-9·max Σᵢᵢ/max|μᵢ|, which moves weights
 * by O(δ) (below 1e-8); when the minimum-variance portfolio is unique it is returned exactly.
 */
import type { Bilingual } from '../inputs';
import { solveBoxQp, type BoxQp } from './qp';
import { parametricLoss } from './risk';
import type { AssetUniverse, FrontierConstraints, FrontierPoint, RiskProfile } from './types';
import { assertAssetUniverse, boundVectors, covarianceMatrix, meanVariance, PortfolioInputError, returnVector, weightsByKey } from './universe';

interface Prepared {
  universe: AssetUniverse;
  n: number;
  mu: Float64Array;
  cov: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

function prepare(universe: AssetUniverse, constraints: FrontierConstraints): Prepared {
  assertAssetUniverse(universe);
  const { lower, upper } = boundVectors(universe, constraints.bounds);
  return { universe, n: universe.assets.length, mu: returnVector(universe), cov: covarianceMatrix(universe), lower, upper };
}

/** A feasible point: lower bounds, then the rest of the budget in the order given. */
function fillBudget(p: Prepared, order: readonly number[]): Float64Array {
  const w = Float64Array.from(p.lower);
  let rest = 1;
  for (let i = 0; i < p.n; i++) rest -= w[i];
  for (const i of order) {
    if (rest <= 0) break;
    const add = Math.min(rest, p.upper[i] - w[i]);
    w[i] += add;
    rest -= add;
  }
  return w;
}

function solve(p: Prepared, c: Float64Array, rows: Float64Array[], b: number[], start: Float64Array): Float64Array {
  const aEq = new Float64Array(rows.length * p.n);
  rows.forEach((r, k) => aEq.set(r, k * p.n));
  const problem: BoxQp = { n: p.n, q: p.cov, c, aEq, bEq: Float64Array.from(b), lower: p.lower, upper: p.upper };
  const res = solveBoxQp(problem, start);
  if (!res.isOptimal) {
    throw new PortfolioInputError([{ path: 'frontier', message: { zh: '有效前沿求解未收敛', en: 'The frontier optimisation did not converge' } }]);
  }
  // Clean rounding: snap to bounds.
  const w = res.x;
  for (let i = 0; i < p.n; i++) {
    if (Math.abs(w[i] - p.lower[i]) < 1e-14) w[i] = p.lower[i];
    if (Math.abs(w[i] - p.upper[i]) < 1e-14) w[i] = p.upper[i];
  }
  return w;
}

function ones(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

function isReturnSpread(p: Prepared): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < p.n; i++) {
    if (p.upper[i] <= p.lower[i]) continue;
    lo = Math.min(lo, p.mu[i]);
    hi = Math.max(hi, p.mu[i]);
  }
  return hi - lo > 1e-14;
}

function minVariance(p: Prepared): Float64Array {
  let maxDiag = 0;
  let maxMu = 0;
  for (let i = 0; i < p.n; i++) {
    maxDiag = Math.max(maxDiag, p.cov[i * p.n + i]);
    maxMu = Math.max(maxMu, Math.abs(p.mu[i]));
  }
  const order = Array.from({ length: p.n }, (_, i) => i).sort((a, b) => p.cov[a * p.n + a] - p.cov[b * p.n + b]);
  const start = fillBudget(p, order);
  const exact = solve(p, new Float64Array(p.n), [ones(p.n)], [1], start);
  if (maxMu === 0) return exact;
  // Several portfolios of least variance (Σ singular on the allowed set)? A tiny reward for
  // return picks the best of them; used only when it raises the return materially, so a
  // unique minimum-variance portfolio is returned exactly.
  const delta = (1e-9 * Math.max(maxDiag, 1e-12)) / maxMu;
  const tilted = solve(
    p,
    p.mu.map((m) => -delta * m),
    [ones(p.n)],
    [1],
    exact,
  );
  let gain = 0;
  for (let i = 0; i < p.n; i++) gain += (tilted[i] - exact[i]) * p.mu[i];
  return gain > 1e-7 * Math.max(maxMu, 1e-12) ? tilted : exact;
}

function maxReturn(p: Prepared): Float64Array {
  const order = Array.from({ length: p.n }, (_, i) => i).sort((a, b) => p.mu[b] - p.mu[a] || a - b);
  const greedy = fillBudget(p, order);
  if (!isReturnSpread(p)) return greedy;
  // Among the portfolios with the largest return, the one with the least variance.
  let r = 0;
  for (let i = 0; i < p.n; i++) r += greedy[i] * p.mu[i];
  return solve(p, new Float64Array(p.n), [ones(p.n), p.mu], [1, r], greedy);
}

function forReturn(p: Prepared, r: number, lowW: Float64Array, highW: Float64Array): Float64Array {
  let rLo = 0;
  let rHi = 0;
  for (let i = 0; i < p.n; i++) {
    rLo += lowW[i] * p.mu[i];
    rHi += highW[i] * p.mu[i];
  }
  const t = rHi > rLo ? Math.min(1, Math.max(0, (r - rLo) / (rHi - rLo))) : 0;
  const start = lowW.map((v, i) => v + t * (highW[i] - v));
  return solve(p, new Float64Array(p.n), [ones(p.n), p.mu], [1, r], start);
}

function toPoint(p: Prepared, w: Float64Array): FrontierPoint {
  const { mean, variance } = meanVariance(w, p.mu, p.cov);
  return { expectedReturn: mean, volatility: Math.sqrt(variance), weights: weightsByKey(p.universe, w) };
}

/** The two ends and the solver for intermediate returns. */
function frontierEnds(p: Prepared): { wMin: Float64Array; wMax: Float64Array; rMin: number; rMax: number } {
  const wMin = minVariance(p);
  const wMax = maxReturn(p);
  let rMin = 0;
  let rMax = 0;
  for (let i = 0; i < p.n; i++) {
    rMin += wMin[i] * p.mu[i];
    rMax += wMax[i] * p.mu[i];
  }
  return { wMin, wMax, rMin, rMax };
}

/**
 * The efficient frontier from the minimum-variance portfolio to the highest-return one,
 * `points` points equally spaced in expected return (one point when every return is equal).
 * Long-only, fully invested, per-class bounds.
 * @param universe asset classes (μ, σ as one-year simple returns) and correlations
 * @param constraints bounds by asset key and the number of points (default 25)
 * @returns points with expected return (decimal/yr), volatility (decimal/yr) and weights by key
 * @example
 * const f = efficientFrontier(defaultAssetUniverse(), { bounds: { equityFund: { max: 0.6 } }, points: 20 });
 * f[0].volatility; // the least volatility attainable
 */
export function efficientFrontier(universe: AssetUniverse, constraints: FrontierConstraints = {}): FrontierPoint[] {
  const p = prepare(universe, constraints);
  const count = constraints.points ?? 25;
  if (!(Number.isInteger(count) && count >= 2 && count <= 1000)) {
    throw new PortfolioInputError([
      { path: 'points', message: { zh: '前沿点数应为2至1000的整数', en: 'The number of frontier points must be a whole number from 2 to 1000' } },
    ]);
  }
  const { wMin, wMax, rMin, rMax } = frontierEnds(p);
  if (!(rMax - rMin > 1e-12 * (1 + Math.abs(rMax)))) return [toPoint(p, wMin)];
  const out: FrontierPoint[] = [toPoint(p, wMin)];
  let prev = wMin;
  for (let k = 1; k < count - 1; k++) {
    const r = rMin + ((rMax - rMin) * k) / (count - 1);
    const w = forReturn(p, r, prev, wMax);
    out.push(toPoint(p, w));
    prev = w;
  }
  out.push(toPoint(p, wMax));
  return out;
}

/**
 * The least-variance portfolio with expected return `targetReturn` (a point on the
 * frontier; below the minimum-variance return it is on the inefficient branch).
 * Throws when no allowed portfolio has that return.
 * @example frontierPointForReturn(defaultAssetUniverse(), {}, 0.03).volatility
 */
export function frontierPointForReturn(universe: AssetUniverse, constraints: FrontierConstraints, targetReturn: number): FrontierPoint {
  const p = prepare(universe, constraints);
  const { wMin, wMax, rMin, rMax } = frontierEnds(p);
  // the lowest attainable return, for targets below the minimum-variance one
  const order = Array.from({ length: p.n }, (_, i) => i).sort((a, b) => p.mu[a] - p.mu[b] || a - b);
  const wLow = fillBudget(p, order);
  let rLow = 0;
  for (let i = 0; i < p.n; i++) rLow += wLow[i] * p.mu[i];
  const tol = 1e-12 * (1 + Math.abs(targetReturn));
  if (targetReturn > rMax + tol || targetReturn < rLow - tol) {
    throw new PortfolioInputError([
      {
        path: 'targetReturn',
        message: {
          zh: `目标收益率应在${(rLow * 100).toFixed(2)}%至${(rMax * 100).toFixed(2)}%之间`,
          en: `The target return must lie between ${(rLow * 100).toFixed(2)}% and ${(rMax * 100).toFixed(2)}%`,
        },
      },
    ]);
  }
  if (!isReturnSpread(p)) return toPoint(p, wMin);
  const r = Math.min(rMax, Math.max(rLow, targetReturn));
  const w = r >= rMin ? forReturn(p, r, wMin, wMax) : forReturn(p, r, wLow, wMin);
  return toPoint(p, w);
}

export interface BestAllocation extends FrontierPoint {
  /** The allocation respects every limit of the profile. */
  isFeasible: boolean;
  /** Which limit stops a higher return: 'volatility', 'loss', or 'none' (the highest return is allowed). */
  binding: 'volatility' | 'loss' | 'none';
  /** Lognormal VaR over `horizonYears` at the profile's confidence, fraction (absent without a loss limit). */
  valueAtRisk?: number;
  /** Horizon of the loss limit, years. */
  horizonYears: number;
  message: Bilingual;
}

/**
 * The allocation with the highest expected return that respects the risk profile:
 * annual volatility ≤ maxVolatility and lognormal VaR (risk.ts) over the horizon ≤ maxLoss.
 * For a given return, the least-variance portfolio also has the least VaR, so the
 * answer lies on the frontier; it is found on a 101-point frontier and refined by
 * bisection on the target return to 1e-12. When no allowed portfolio meets the limits,
 * the frontier point that misses them by least is returned with isFeasible = false.
 * @param universe asset classes and correlations
 * @param constraints per-class bounds
 * @param profile the client's risk profile
 * @param horizonYears the client's horizon, years (the loss limit's own horizon, if set, wins)
 * @example bestAllocation(defaultAssetUniverse(), {}, RISK_PROFILES.balanced, 5).weights
 */
export function bestAllocation(universe: AssetUniverse, constraints: FrontierConstraints, profile: RiskProfile, horizonYears: number): BestAllocation {
  const p = prepare(universe, constraints);
  const horizon = profile.maxLoss?.horizonYears ?? horizonYears;
  if (profile.maxLoss && !(horizon > 0)) {
    throw new PortfolioInputError([{ path: 'horizonYears', message: { zh: '期限应为正数', en: 'The horizon must be positive' } }]);
  }
  const maxVol = profile.maxVolatility;
  const loss = profile.maxLoss;
  const varOf = (pt: FrontierPoint): number | undefined =>
    loss ? parametricLoss(pt.expectedReturn, pt.volatility, horizon, loss.confidence).valueAtRisk : undefined;
  const violation = (pt: FrontierPoint): number => {
    let v = 0;
    if (maxVol !== undefined) v = Math.max(v, pt.volatility - maxVol);
    const va = varOf(pt);
    if (loss && va !== undefined) v = Math.max(v, va - loss.fraction);
    return v;
  };
  const isOk = (pt: FrontierPoint) => violation(pt) <= 1e-12;

  const { wMin, wMax, rMin, rMax } = frontierEnds(p);
  const grid: { w: Float64Array; pt: FrontierPoint }[] = [{ w: wMin, pt: toPoint(p, wMin) }];
  const spread = rMax - rMin > 1e-12 * (1 + Math.abs(rMax));
  if (spread) {
    const count = 101;
    let prev = wMin;
    for (let k = 1; k < count - 1; k++) {
      const w = forReturn(p, rMin + ((rMax - rMin) * k) / (count - 1), prev, wMax);
      grid.push({ w, pt: toPoint(p, w) });
      prev = w;
    }
    grid.push({ w: wMax, pt: toPoint(p, wMax) });
  }
  let k = -1;
  for (let i = grid.length - 1; i >= 0; i--)
    if (isOk(grid[i].pt)) {
      k = i;
      break;
    }
  const finish = (pt: FrontierPoint, isFeasible: boolean, binding: BestAllocation['binding']): BestAllocation => {
    const message: Bilingual = !isFeasible
      ? {
          zh: '在当前权重区间内，没有满足该风险等级限额的配置；显示的是最接近的配置',
          en: 'No allocation within the bounds meets the limits of this risk profile; the closest one is shown',
        }
      : binding === 'none'
        ? { zh: '最高收益的配置已在风险限额之内', en: 'The highest-return allocation is within the risk limits' }
        : binding === 'volatility'
          ? { zh: '收益受波动率上限约束', en: 'The volatility limit caps the return' }
          : { zh: '收益受最大损失（VaR）限额约束', en: 'The loss (VaR) limit caps the return' };
    return { ...pt, isFeasible, binding, valueAtRisk: varOf(pt), horizonYears: horizon, message };
  };
  if (k < 0) {
    let best = grid[0].pt;
    for (const g of grid) if (violation(g.pt) < violation(best)) best = g.pt;
    return finish(best, false, maxVol !== undefined && best.volatility > maxVol ? 'volatility' : 'loss');
  }
  if (k === grid.length - 1) return finish(grid[k].pt, true, 'none');
  // Bisection between the last feasible and the first infeasible grid point.
  let lo = grid[k];
  let hi = grid[k + 1];
  for (let iter = 0; iter < 80 && hi.pt.expectedReturn - lo.pt.expectedReturn > 1e-12; iter++) {
    const r = 0.5 * (lo.pt.expectedReturn + hi.pt.expectedReturn);
    const w = forReturn(p, r, lo.w, hi.w);
    const mid = { w, pt: toPoint(p, w) };
    if (isOk(mid.pt)) lo = mid;
    else hi = mid;
  }
  const pt = lo.pt;
  const volGap = maxVol !== undefined ? maxVol - pt.volatility : Infinity;
  const va = varOf(pt);
  const lossGap = loss && va !== undefined ? loss.fraction - va : Infinity;
  return finish(pt, true, volGap <= lossGap ? 'volatility' : 'loss');
}
