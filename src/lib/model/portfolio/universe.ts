/**
 * The asset universe: validation, weight vectors and the two covariance matrices.
 *
 * Σ (simple returns): Σᵢⱼ = ρᵢⱼ·σᵢ·σⱼ, the covariance of one-year simple returns, the
 * input of mean–variance analysis (Markowitz 1952).
 *
 * C (log returns): the covariance per year of the log-price increments of the
 * geometric Brownian motion that reproduces μ, σ and ρ exactly over one year. For
 * jointly normal log-returns Xᵢ ~ N(mᵢ, Cᵢᵢ): E[e^Xᵢ] = e^(mᵢ + Cᵢᵢ/2) and
 * Cov(e^Xᵢ, e^Xⱼ) = E[e^Xᵢ]·E[e^Xⱼ]·(e^Cᵢⱼ − 1) (the lognormal moments, e.g. Johnson,
 * Kotz & Balakrishnan, Continuous Univariate Distributions, vol. 1, ch. 14). Matching
 * E[e^Xᵢ] = 1 + μᵢ and the covariance ρᵢⱼσᵢσⱼ gives
 *   Cᵢⱼ = ln(1 + ρᵢⱼσᵢσⱼ / ((1+μᵢ)(1+μⱼ))),   mᵢ = ln(1+μᵢ) − Cᵢᵢ/2.
 */
import { checkCorrelation } from './correlation';
import { flatten } from './linalg';
import type { AssetUniverse, PortfolioProblem, WeightBounds, WeightsInput } from './types';

/**
 * Thrown by the portfolio functions when their inputs are invalid; `problems` says which and why.
 * @example try { efficientFrontier(u) } catch (e) { if (e instanceof PortfolioInputError) show(e.problems) }
 */
export class PortfolioInputError extends Error {
  readonly problems: PortfolioProblem[];
  constructor(problems: PortfolioProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message.en}`).join('; '));
    this.name = 'PortfolioInputError';
    this.problems = problems;
  }
}

/** Accepted ranges of an asset's inputs (decimals per year). */
export const ASSET_INPUT_RANGES = {
  expectedReturn: { min: -0.5, max: 1 },
  volatility: { min: 0, max: 1 },
} as const;

/**
 * Every problem of an asset universe: keys, figures out of range, a correlation matrix
 * of the wrong size or not a valid correlation matrix (see `checkCorrelation`).
 * @example checkAssetUniverse(defaultAssetUniverse()) // []
 */
export function checkAssetUniverse(universe: AssetUniverse): PortfolioProblem[] {
  const problems: PortfolioProblem[] = [];
  const { assets, correlation } = universe;
  if (!Array.isArray(assets) || assets.length === 0) {
    problems.push({ path: 'assets', message: { zh: '至少需要一个资产类别', en: 'At least one asset class is needed' } });
    return problems;
  }
  const seen = new Set<string>();
  assets.forEach((a, i) => {
    const path = `assets.${i}`;
    if (typeof a.key !== 'string' || a.key === '') {
      problems.push({ path: `${path}.key`, message: { zh: '资产代码不能为空', en: 'An asset key must not be empty' } });
    } else if (seen.has(a.key)) {
      problems.push({ path: `${path}.key`, message: { zh: `资产代码重复：${a.key}`, en: `Duplicate asset key: ${a.key}` } });
    }
    seen.add(a.key);
    const r = ASSET_INPUT_RANGES.expectedReturn;
    if (!Number.isFinite(a.expectedReturn) || a.expectedReturn <= r.min || a.expectedReturn > r.max) {
      problems.push({
        path: `${path}.expectedReturn`,
        message: { zh: `${a.name.zh}的预期收益率应在(−50%, 100%]之内`, en: `The expected return of ${a.name.en} must lie in (−50%, 100%]` },
      });
    }
    const v = ASSET_INPUT_RANGES.volatility;
    if (!Number.isFinite(a.volatility) || a.volatility < v.min || a.volatility > v.max) {
      problems.push({
        path: `${path}.volatility`,
        message: { zh: `${a.name.zh}的波动率应在[0, 100%]之内`, en: `The volatility of ${a.name.en} must lie in [0, 100%]` },
      });
    }
  });
  if (!Array.isArray(correlation) || correlation.length !== assets.length) {
    problems.push({
      path: 'correlation',
      message: { zh: `相关系数矩阵应为${assets.length}×${assets.length}`, en: `The correlation matrix must be ${assets.length}×${assets.length}` },
    });
    return problems;
  }
  const check = checkCorrelation(
    correlation,
    assets.map((a) => a.name),
  );
  for (const p of check.problems) problems.push({ path: `correlation.${p.row}.${p.col}`, message: p.message });
  if (problems.length === 0) {
    // the lognormal map needs 1 + ρσσ/((1+μ)(1+μ)) > 0
    const n = assets.length;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const x = (correlation[i][j] * assets[i].volatility * assets[j].volatility) / ((1 + assets[i].expectedReturn) * (1 + assets[j].expectedReturn));
        if (x <= -1) {
          problems.push({
            path: `correlation.${i}.${j}`,
            message: {
              zh: `${assets[i].name.zh}与${assets[j].name.zh}的负相关过强，无法用对数正态模型表示`,
              en: `The negative correlation of ${assets[i].name.en} and ${assets[j].name.en} is too strong for a lognormal model`,
            },
          });
        }
      }
  }
  return problems;
}

/**
 * Throws PortfolioInputError when the universe is invalid.
 * @example assertAssetUniverse(defaultAssetUniverse()) // no throw
 */
export function assertAssetUniverse(universe: AssetUniverse): void {
  const problems = checkAssetUniverse(universe);
  if (problems.length > 0) throw new PortfolioInputError(problems);
}

/**
 * Weights as a vector in the order of the universe. A record may omit classes (weight 0);
 * an unknown key is an error.
 * @example weightVector(defaultAssetUniverse(), { deposit: 1 }) // Float64Array [1, 0, 0, 0, 0, 0]
 */
export function weightVector(universe: AssetUniverse, weights: WeightsInput): Float64Array {
  const n = universe.assets.length;
  if (Array.isArray(weights)) {
    const w = weights as readonly number[];
    if (w.length !== n) {
      throw new PortfolioInputError([{ path: 'weights', message: { zh: `权重应有${n}个`, en: `There must be ${n} weights` } }]);
    }
    return Float64Array.from(w);
  }
  const rec = weights as Readonly<Record<string, number>>;
  const out = new Float64Array(n);
  const index = new Map(universe.assets.map((a, i) => [a.key, i]));
  for (const [key, value] of Object.entries(rec)) {
    const i = index.get(key);
    if (i === undefined) {
      throw new PortfolioInputError([{ path: `weights.${key}`, message: { zh: `未知的资产代码：${key}`, en: `Unknown asset key: ${key}` } }]);
    }
    out[i] = value;
  }
  return out;
}

/**
 * Checks a weight vector: finite, long-only, summing to 1 (to 1e-6).
 * @example checkWeights(Float64Array.from([0.5, 0.5])) // []
 */
export function checkWeights(w: ArrayLike<number>, keys?: readonly string[]): PortfolioProblem[] {
  const problems: PortfolioProblem[] = [];
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    const k = keys?.[i] ?? String(i);
    if (!Number.isFinite(w[i]) || w[i] < -1e-12) {
      problems.push({ path: `weights.${k}`, message: { zh: `权重不能为负：${k}`, en: `A weight must not be negative: ${k}` } });
    }
    sum += w[i];
  }
  if (Math.abs(sum - 1) > 1e-6) {
    problems.push({
      path: 'weights',
      message: { zh: `权重之和应为100%，现为${(sum * 100).toFixed(2)}%`, en: `Weights must sum to 100%, they sum to ${(sum * 100).toFixed(2)}%` },
    });
  }
  return problems;
}

/**
 * Weights by asset key from a vector in the order of the universe.
 * @example weightsByKey(defaultAssetUniverse(), [1, 0, 0, 0, 0, 0]).deposit // 1
 */
export function weightsByKey(universe: AssetUniverse, w: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  universe.assets.forEach((a, i) => {
    out[a.key] = w[i];
  });
  return out;
}

/**
 * Lower and upper weight bounds as vectors (absent: [0, 1]); throws when a bound is
 * negative, above 1, min > max, or when no weights summing to 1 fit (Σmin > 1 or Σmax < 1).
 * @example boundVectors(defaultAssetUniverse(), { gold: { max: 0.2 } }).upper // [1, 1, 1, 1, 1, 0.2]
 */
export function boundVectors(
  universe: AssetUniverse,
  bounds: Readonly<Record<string, WeightBounds>> | undefined,
): { lower: Float64Array; upper: Float64Array } {
  const n = universe.assets.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n).fill(1);
  const problems: PortfolioProblem[] = [];
  const index = new Map(universe.assets.map((a, i) => [a.key, i]));
  for (const [key, b] of Object.entries(bounds ?? {})) {
    const i = index.get(key);
    if (i === undefined) {
      problems.push({ path: `bounds.${key}`, message: { zh: `未知的资产代码：${key}`, en: `Unknown asset key: ${key}` } });
      continue;
    }
    const lo = b.min ?? 0;
    const hi = b.max ?? 1;
    const name = universe.assets[i].name;
    if (!(lo >= 0 && hi <= 1 && lo <= hi)) {
      problems.push({
        path: `bounds.${key}`,
        message: { zh: `${name.zh}的权重区间应满足 0 ≤ 下限 ≤ 上限 ≤ 100%`, en: `The bounds of ${name.en} must satisfy 0 ≤ min ≤ max ≤ 100%` },
      });
      continue;
    }
    lower[i] = lo;
    upper[i] = hi;
  }
  let sumLo = 0;
  let sumHi = 0;
  for (let i = 0; i < n; i++) {
    sumLo += lower[i];
    sumHi += upper[i];
  }
  if (sumLo > 1 + 1e-12) {
    problems.push({
      path: 'bounds',
      message: { zh: `各类资产下限之和${(sumLo * 100).toFixed(1)}%超过100%`, en: `The minimum weights sum to ${(sumLo * 100).toFixed(1)}%, above 100%` },
    });
  }
  if (sumHi < 1 - 1e-12) {
    problems.push({
      path: 'bounds',
      message: { zh: `各类资产上限之和${(sumHi * 100).toFixed(1)}%不足100%`, en: `The maximum weights sum to ${(sumHi * 100).toFixed(1)}%, below 100%` },
    });
  }
  if (problems.length > 0) throw new PortfolioInputError(problems);
  return { lower, upper };
}

/**
 * Expected one-year simple returns μ as a vector.
 * @example returnVector(defaultAssetUniverse())[0] // 0.0095
 */
export function returnVector(universe: AssetUniverse): Float64Array {
  return Float64Array.from(universe.assets.map((a) => a.expectedReturn));
}

/**
 * Σ, the covariance of one-year simple returns: Σᵢⱼ = ρᵢⱼσᵢσⱼ (row-major, per year²).
 * @example covarianceMatrix(defaultAssetUniverse())[4 * 6 + 4] // 0.22² = 0.0484
 */
export function covarianceMatrix(universe: AssetUniverse): Float64Array {
  const n = universe.assets.length;
  const rho = flatten(universe.correlation);
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const r = i === j ? 1 : 0.5 * (rho[i * n + j] + rho[j * n + i]);
      s[i * n + j] = r * universe.assets[i].volatility * universe.assets[j].volatility;
    }
  return s;
}

/**
 * C, the covariance per year of log-returns of the moment-matched geometric Brownian
 * motion: Cᵢⱼ = ln(1 + ρᵢⱼσᵢσⱼ/((1+μᵢ)(1+μⱼ))) (row-major).
 * @example logCovarianceMatrix(defaultAssetUniverse())[4 * 6 + 4] // ln(1 + 0.0484/1.07²) ≈ 0.04142
 */
export function logCovarianceMatrix(universe: AssetUniverse): Float64Array {
  const n = universe.assets.length;
  const s = covarianceMatrix(universe);
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      c[i * n + j] = Math.log1p(s[i * n + j] / ((1 + universe.assets[i].expectedReturn) * (1 + universe.assets[j].expectedReturn)));
    }
  return c;
}

/**
 * Portfolio mean wᵀμ and variance wᵀΣw.
 * @example meanVariance([0.5, 0.5], [0.02, 0.06], [0.01, 0, 0, 0.04]) // { mean: 0.04, variance: 0.0125 }
 */
export function meanVariance(w: ArrayLike<number>, mu: ArrayLike<number>, cov: ArrayLike<number>): { mean: number; variance: number } {
  const n = mu.length;
  let mean = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    mean += w[i] * mu[i];
    let row = 0;
    for (let j = 0; j < n; j++) row += cov[i * n + j] * w[j];
    variance += w[i] * row;
  }
  return { mean, variance: Math.max(variance, 0) };
}
