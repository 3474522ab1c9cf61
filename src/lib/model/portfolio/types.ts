/**
 * Client investment portfolios (docs/reference-model.md §9): the plain-data types.
 *
 * Units: money in yuan; returns, volatilities, weights and loss limits as decimals
 * (0.05 = 5%); returns and volatilities per year; horizons in years.
 *
 * Return convention used throughout the portfolio engine (see docs/portfolio.md §1):
 * an asset's `expectedReturn` μ is the expected simple return over one year,
 * E[P₁/P₀] − 1, and its `volatility` σ is the standard deviation of that one-year
 * simple return; `correlation` holds the correlations of those one-year returns.
 * These are the inputs of Markowitz (1952) mean–variance analysis. Prices are
 * simulated as a multivariate geometric Brownian motion whose one-year returns have
 * exactly these first two moments (moment-matched lognormal).
 */
import type { Bilingual } from '../inputs';

export type { Bilingual };

/** One asset class a client can hold. */
export interface AssetClass {
  /** Stable identifier (`deposit`, `wmp`, …); weights and bounds are keyed by it. */
  key: string;
  name: Bilingual;
  /** Expected simple return over one year, decimal per year (0.03 = 3%). */
  expectedReturn: number;
  /** Standard deviation of the one-year simple return, decimal per year (0.2 = 20%). */
  volatility: number;
  /** Where the figures come from, or "assumed for the demo". */
  source: Bilingual;
}

/**
 * A correlation matrix: square, row i and column j in the order of
 * `AssetUniverse.assets`. Plain nested arrays so that it stays JSON-serialisable.
 */
export type CorrelationMatrix = number[][];

/** The asset classes on offer and their correlations. */
export interface AssetUniverse {
  assets: AssetClass[];
  /** Correlations of one-year returns, in the order of `assets`. */
  correlation: CorrelationMatrix;
}

/** Minimum and maximum weight of one asset class, decimals in [0, 1]. */
export interface WeightBounds {
  min?: number;
  max?: number;
}

/** Weights by asset key (decimals summing to 1), or a vector in the order of the universe. */
export type WeightsInput = Readonly<Record<string, number>> | readonly number[];

/** The five usual client risk levels (C1–C5 of the suitability rules). */
export type RiskProfileKey = 'conservative' | 'moderate' | 'balanced' | 'growth' | 'aggressive';

/**
 * A client's risk profile: the limits an allocation must respect.
 * A profile has a volatility limit, a loss limit, or both.
 */
export interface RiskProfile {
  key: RiskProfileKey | string;
  name: Bilingual;
  /** Largest annual volatility (standard deviation of the one-year return), decimal. */
  maxVolatility?: number;
  /**
   * Largest loss, as a fraction of the amount invested, that may be exceeded only with
   * probability 1 − `confidence` (a value-at-risk limit), over `horizonYears` or, when
   * that is absent, over the client's own horizon.
   */
  maxLoss?: { fraction: number; confidence: number; horizonYears?: number };
  /** Where the limits come from, or "assumed for the demo". */
  source: Bilingual;
}

/** A planned withdrawal: tuition in year 3, a flat purchase in year 5, … */
export interface CashNeed {
  /** When the cash is needed, years from today (> 0; may be fractional). */
  year: number;
  /** How much is needed then, yuan (nominal). */
  amount: number;
  label: string;
}

/** The client: who they are, for how long and how much they invest. */
export interface ClientDescription {
  name?: string;
  riskProfile: RiskProfile;
  /** Investment horizon, years. */
  horizonYears: number;
  /** Amount invested today, yuan. */
  amount: number;
  cashNeeds: CashNeed[];
}

/**
 * A client portfolio: the client, the asset assumptions it was built on, the current
 * weights and per-class bounds. Self-contained, so that it can be saved, exported and
 * imported like a scenario.
 */
export interface ClientPortfolio {
  schemaVersion: 1;
  client: ClientDescription;
  assets: AssetUniverse;
  /** Current allocation by asset key, decimals summing to 1. */
  weights: Record<string, number>;
  /** Per-class bounds by asset key (absent: [0, 1]). */
  bounds?: Record<string, WeightBounds>;
}

/** Constraints of the frontier: long-only, fully invested, per-class bounds. */
export interface FrontierConstraints {
  /** Per-class bounds by asset key (absent: [0, 1]); min ≥ 0 (long-only). */
  bounds?: Readonly<Record<string, WeightBounds>>;
  /** Number of frontier points, ≥ 2 (default 25). */
  points?: number;
}

/** One point of the efficient frontier. */
export interface FrontierPoint {
  /** Expected one-year simple return wᵀμ, decimal. */
  expectedReturn: number;
  /** Standard deviation of the one-year return √(wᵀΣw), decimal. */
  volatility: number;
  /** Weights by asset key. */
  weights: Record<string, number>;
}

/** A rebalancing rule. */
export type RebalanceRule =
  | { kind: 'none' }
  | { kind: 'calendar'; every: 'monthly' | 'quarterly' | 'yearly' }
  /** Rebalance back to the target when any weight is more than `band` away from it (0.05 = ±5 pp). */
  | { kind: 'threshold'; band: number };

/** Percentiles 5/25/50/75/95 of a distribution. */
export interface PortfolioPercentiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** A histogram: `counts[i]` values fell in [edges[i], edges[i+1]); the end bins also hold the values beyond the range. */
export interface PortfolioHistogram {
  edges: number[];
  counts: number[];
  /** How many values lay below edges[0] (counted in the first bin). */
  below: number;
  /** How many values lay above the last edge (counted in the last bin). */
  above: number;
}

/** A problem found in the inputs, in both languages. */
export interface PortfolioProblem {
  path: string;
  message: Bilingual;
}
