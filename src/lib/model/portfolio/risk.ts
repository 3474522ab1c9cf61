/**
 * Risk of an allocation: expected return, volatility, VaR and expected shortfall.
 *
 * Parametric VaR/ES are computed on LOG returns (the portfolio value is lognormal), not
 * on arithmetic returns. Why: over a client's horizon of several years, returns compound;
 * the arithmetic normal model (VaR = z·σ·√T − μ·T, the square-root-of-time rule) ignores
 * compounding, is symmetric, and can report a loss above 100% for a long-only portfolio,
 * which is impossible. The lognormal model compounds, is skewed the right way and bounds
 * the loss by 100%; over one year and small volatilities both agree.
 *
 * Assumption behind the parametric figure: the portfolio is rebalanced to its weights
 * once a year, so each year's gross return has mean 1 + μₚ (μₚ = wᵀμ) and standard
 * deviation σₚ = √(wᵀΣw); it is approximated by the lognormal with these two moments
 * (s² = ln(1 + σₚ²/(1+μₚ)²), m = ln(1+μₚ) − s²/2), and years are independent, so
 * ln(W_H/W₀) ~ N(m·H, s²·H). Then, with α = 1 − confidence and z = Φ⁻¹(α):
 *   VaR = 1 − exp(m·H + z·s·√H)
 *   ES  = 1 − exp(m·H + s²·H/2)·Φ(z − s·√H)/α
 * (ES: the lognormal partial expectation E[e^X; X ≤ q] = e^(M+S²/2)·Φ((q−M)/S − S), e.g.
 * Hull, Options, Futures and Other Derivatives, technical note 2; ES as the mean loss
 * beyond VaR, Acerbi & Tasche 2002.) The simulated figures use the same yearly
 * rebalancing with exact multivariate GBM returns, so the gap between the two is the
 * error of the lognormal approximation of a sum of lognormals.
 */
import { normalCdf, normalQuantile } from '../normal';
import { runPaths } from './paths';
import { sortedCopy, standardDeviation, mean } from './stats';
import type { AssetUniverse, WeightsInput } from './types';
import {
  assertAssetUniverse,
  checkWeights,
  covarianceMatrix,
  logCovarianceMatrix,
  meanVariance,
  PortfolioInputError,
  returnVector,
  weightVector,
} from './universe';

/**
 * Parameters of the lognormal with the given mean and standard deviation of the gross return:
 * s² = ln(1 + σ²/(1+μ)²), m = ln(1+μ) − s²/2 (per year).
 * @example lognormalParameters(0.07, 0.22) // { m ≈ 0.0470, s ≈ 0.2035 }
 */
export function lognormalParameters(expectedReturn: number, volatility: number): { m: number; s: number } {
  const s2 = Math.log1p((volatility * volatility) / ((1 + expectedReturn) * (1 + expectedReturn)));
  return { m: Math.log1p(expectedReturn) - s2 / 2, s: Math.sqrt(s2) };
}

/**
 * Parametric (lognormal) value-at-risk and expected shortfall over `horizonYears`, as
 * fractions of the amount invested (positive = a loss).
 * @param expectedReturn annual expected simple return μₚ, decimal
 * @param volatility annual volatility σₚ, decimal
 * @param horizonYears horizon H, years
 * @param confidence e.g. 0.95
 * @example parametricLoss(0, 0.2, 1, 0.95).valueAtRisk // ≈ 0.2920
 */
export function parametricLoss(
  expectedReturn: number,
  volatility: number,
  horizonYears: number,
  confidence: number,
): { valueAtRisk: number; expectedShortfall: number } {
  const { m, s } = lognormalParameters(expectedReturn, volatility);
  const mean = m * horizonYears;
  const sd = s * Math.sqrt(horizonYears);
  const alpha = 1 - confidence;
  if (sd === 0) {
    const loss = 1 - Math.exp(mean);
    return { valueAtRisk: loss, expectedShortfall: loss };
  }
  const z = normalQuantile(alpha);
  const valueAtRisk = 1 - Math.exp(mean + z * sd);
  const expectedShortfall = 1 - (Math.exp(mean + (sd * sd) / 2) * normalCdf(z - sd)) / alpha;
  return { valueAtRisk, expectedShortfall };
}

/**
 * Exact mean and standard deviation of W_T/W₀ for a portfolio bought at weights w and
 * never rebalanced, under the engine's GBM: E = Σwᵢ(1+μᵢ)^T,
 * Var = Σᵢⱼ wᵢwⱼ(1+μᵢ)^T(1+μⱼ)^T(e^(Cᵢⱼ·T) − 1) (lognormal moments; C in universe.ts).
 * @example buyAndHoldMoments([1, 0, 0, 0, 0, 0], defaultAssetUniverse(), 10).mean // 1.0095^10
 */
export function buyAndHoldMoments(weights: WeightsInput, universe: AssetUniverse, years: number): { mean: number; sd: number } {
  assertAssetUniverse(universe);
  const w = weightVector(universe, weights);
  const n = w.length;
  const c = logCovarianceMatrix(universe);
  const growth = universe.assets.map((a) => Math.pow(1 + a.expectedReturn, years));
  let m = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    m += w[i] * growth[i];
    for (let j = 0; j < n; j++) v += w[i] * w[j] * growth[i] * growth[j] * Math.expm1(c[i * n + j] * years);
  }
  return { mean: m, sd: Math.sqrt(Math.max(v, 0)) };
}

export interface PortfolioRiskOptions {
  /** Horizon, years (> 0; the simulation rounds a fractional horizon to whole months). */
  horizonYears: number;
  /** Confidence levels of VaR and ES (default [0.95, 0.99]). */
  quantiles?: readonly number[];
  /** Amount invested, yuan (default 1: the figures are fractions). */
  amount?: number;
  /** Simulated paths (default 20,000). */
  paths?: number;
  /** Seed of the simulation (default 1). */
  seed?: number;
}

export interface RiskAtConfidence {
  confidence: number;
  /** Lognormal VaR over the horizon, in the unit of `amount` (positive = loss). */
  parametricVar: number;
  /** Lognormal expected shortfall (mean loss beyond VaR). */
  parametricEs: number;
  /** Empirical VaR of the simulated horizon values. */
  simulatedVar: number;
  /** Empirical expected shortfall: mean of the ⌈α·N⌉ worst simulated losses. */
  simulatedEs: number;
}

export interface PortfolioRisk {
  /** Expected one-year simple return wᵀμ, decimal. */
  expectedReturn: number;
  /** Annual volatility √(wᵀΣw), decimal. */
  volatility: number;
  horizonYears: number;
  amount: number;
  /** Expected value at the horizon, amount·(1+μₚ)^H (yearly rebalancing). */
  expectedValue: number;
  /** Parameters of the lognormal approximation, per year: ln(W₁/W₀) ~ N(m, s²). */
  logMean: number;
  logVolatility: number;
  /** Mean and standard deviation of the simulated horizon value. */
  simulated: { paths: number; seed: number; meanValue: number; sdValue: number };
  quantiles: RiskAtConfidence[];
}

/**
 * Expected return, volatility, and parametric and simulated VaR and ES of an allocation
 * over a horizon (see the module comment for the model and why log returns).
 * @param weights by asset key or as a vector in the order of the universe; sum 1, long-only
 * @param universe asset classes and correlations
 * @param options horizonYears, quantiles (confidence levels), amount, paths, seed
 * @example
 * const r = portfolioRisk({ govBond: 0.6, equityFund: 0.4 }, defaultAssetUniverse(), { horizonYears: 1, amount: 1e6 });
 * r.quantiles[0].parametricVar; // 95% one-year VaR in yuan
 */
export function portfolioRisk(weights: WeightsInput, universe: AssetUniverse, options: PortfolioRiskOptions): PortfolioRisk {
  const { horizonYears, quantiles = [0.95, 0.99], amount = 1, paths = 20_000, seed = 1 } = options;
  assertAssetUniverse(universe);
  const w = weightVector(universe, weights);
  const wp = checkWeights(
    w,
    universe.assets.map((a) => a.key),
  );
  if (wp.length > 0) throw new PortfolioInputError(wp);
  for (const c of quantiles) {
    if (!(c > 0 && c < 1))
      throw new PortfolioInputError([{ path: 'quantiles', message: { zh: '置信水平应在(0, 1)之内', en: 'A confidence level must lie in (0, 1)' } }]);
  }
  if (!(horizonYears > 0)) throw new PortfolioInputError([{ path: 'horizonYears', message: { zh: '期限应为正数', en: 'The horizon must be positive' } }]);
  const mu = returnVector(universe);
  const { mean: expectedReturn, variance } = meanVariance(w, mu, covarianceMatrix(universe));
  const volatility = Math.sqrt(variance);
  const { m, s } = lognormalParameters(expectedReturn, volatility);

  // Simulation: yearly steps (monthly for a fractional horizon), rebalanced yearly, no cost.
  const isWholeYears = Math.abs(horizonYears - Math.round(horizonYears)) < 1e-9;
  const stepsPerYear = isWholeYears ? 1 : 12;
  const [res] = runPaths({
    universe,
    target: w,
    amount: 1,
    years: horizonYears,
    stepsPerYear,
    costRates: new Float64Array(w.length),
    rules: [{ kind: 'calendar', every: 'yearly' }],
    withdrawalSteps: [],
    withdrawalAmounts: [],
    seed,
    pathStart: 0,
    pathCount: paths,
    recordFan: false,
  });
  const sorted = sortedCopy(res.finalIndex);
  const n = sorted.length;
  const rows = quantiles.map((confidence): RiskAtConfidence => {
    const p = parametricLoss(expectedReturn, volatility, horizonYears, confidence);
    const tail = Math.max(1, Math.ceil((1 - confidence) * n));
    let sum = 0;
    for (let i = 0; i < tail; i++) sum += sorted[i];
    return {
      confidence,
      parametricVar: amount * p.valueAtRisk,
      parametricEs: amount * p.expectedShortfall,
      simulatedVar: amount * (1 - sorted[tail - 1]),
      simulatedEs: amount * (1 - sum / tail),
    };
  });
  return {
    expectedReturn,
    volatility,
    horizonYears,
    amount,
    expectedValue: amount * Math.pow(1 + expectedReturn, horizonYears),
    logMean: m,
    logVolatility: s,
    simulated: { paths, seed, meanValue: amount * mean(res.finalIndex), sdValue: amount * standardDeviation(res.finalIndex) },
    quantiles: rows,
  };
}
