/**
 * Comparing rebalancing rules over many simulated paths.
 *
 * Rules: none (buy and hold), calendar (monthly / quarterly / yearly back to the target
 * weights), threshold bands (back to the target when any weight drifts more than ±x pp).
 * Rebalancing trades at the end of a step, back to the target weights; it costs
 * `costRate` per yuan traded (buys and sells), paid out of the portfolio. No trade at the
 * last step. See paths.ts for the return model and reproducibility.
 *
 * Measures per rule: the distribution of final wealth, of the annualised time-weighted
 * return and of the maximum drawdown; turnover and transaction cost; the probability of
 * breaching the client's risk profile; fan-chart bands of wealth over time.
 *
 * Workers: `simulateRebalancingPaths` runs a slice [pathStart, pathStart + pathCount) and
 * returns typed arrays (transferable); `mergeRebalancingPaths` joins slices and
 * `summarizeRebalancing` computes the summary. The summary of merged slices equals the
 * summary of one run, number for number.
 */
import type { Bilingual } from '../inputs';
import { rebalanceRuleLabel } from './defaults';
import { costRateVector, FLAG_LOSS, FLAG_VOLATILITY, runPaths, stepCount, type RulePaths } from './paths';
import { histogram, mean, samplePercentiles, sortedCopy, sortedPercentiles, sortedQuantile } from './stats';
import type { ClientPortfolio, PortfolioHistogram, PortfolioPercentiles, RebalanceRule } from './types';
import { PortfolioInputError, weightVector } from './universe';

export interface RebalancingOptions {
  /** Total number of paths of the whole run (a slice counts its paths inside this run). */
  paths: number;
  /** Seed of the run; path k uses the stream (seed, k). */
  seed: number;
  /** Years simulated (default: the client's horizon). */
  years?: number;
  /** Steps per year (default 12, monthly). */
  stepsPerYear?: number;
  /** Transaction cost per yuan traded: one rate or rates by asset key (default 0.001 = 10 bp, assumed for the demo). */
  costRate?: number | Readonly<Record<string, number>>;
  /** First path of this slice (default 0). */
  pathStart?: number;
  /** Number of paths in this slice (default paths − pathStart). */
  pathCount?: number;
  /** Called with the fraction of the slice done, at most about 100 times. */
  onProgress?: (fraction: number) => void;
  /** Checked every 32 paths; returning true stops the run with a CancelledError. */
  isCancelled?: () => boolean;
  /** Withdraw the client's cash needs when they fall due (default false: the investment alone). */
  withdrawCashNeeds?: boolean;
  /** Record wealth at every step for the fan charts (default true; false saves memory). */
  recordFan?: boolean;
}

/** Raw per-path results of a slice of paths: plain data and typed arrays, transferable between workers. */
export interface RebalancingPaths {
  seed: number;
  paths: number;
  pathStart: number;
  pathCount: number;
  years: number;
  stepsPerYear: number;
  steps: number;
  amount: number;
  rules: RebalanceRule[];
  /** Volatility limit applied (absent: none). */
  maxVolatility?: number;
  /** Loss limit applied (absent: none). */
  maxLoss?: { fraction: number; confidence: number; horizonYears: number };
  perRule: RulePaths[];
}

export interface RuleSummary {
  rule: RebalanceRule;
  label: Bilingual;
  /** Wealth at the horizon, yuan. */
  finalWealth: { mean: number; percentiles: PortfolioPercentiles; histogram: PortfolioHistogram };
  /** Annualised time-weighted return over the horizon, decimal per year. */
  annualisedReturn: { mean: number; percentiles: PortfolioPercentiles };
  /** Maximum drawdown of the time-weighted index, decimal. */
  maxDrawdown: { mean: number; percentiles: PortfolioPercentiles };
  /** One-way turnover ½·Σ|Δw| per year (a fraction of the portfolio) and rebalancings. */
  turnover: { meanPerYear: number; meanRebalances: number; meanRebalancesPerYear: number };
  /** Transaction costs: mean total in yuan and mean per year in basis points of the amount invested. */
  cost: { mean: number; meanPerYearBp: number };
  /**
   * Probability of breaching the risk profile: `volatility`, the held weights' annual
   * volatility √(xᵀΣx) exceeded the profile's limit at some step; `loss`, the time-weighted
   * loss over the limit's horizon exceeded its fraction (a VaR limit allows this with
   * probability `lossAllowed` = 1 − confidence); `any`, either.
   */
  breach: { volatility: number; loss: number; any: number; lossAllowed: number | null };
  /** Percentile bands of wealth (yuan) at each step, for fan charts (empty when not recorded). */
  fan: { years: number[]; p5: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] };
}

export interface RebalancingResult {
  seed: number;
  paths: number;
  years: number;
  stepsPerYear: number;
  amount: number;
  rules: RuleSummary[];
}

/**
 * Runs a slice of the rebalancing simulation and returns the raw per-path results.
 * @param portfolio the client portfolio (target = its weights; amount, horizon, risk profile, cash needs)
 * @param rules the rules to compare; every rule sees the same paths
 * @param options paths, seed, years, steps per year, cost, slice, progress
 * @example
 * const a = simulateRebalancingPaths(p, rules, { paths: 10_000, seed: 7, pathStart: 0, pathCount: 5_000 });
 * const b = simulateRebalancingPaths(p, rules, { paths: 10_000, seed: 7, pathStart: 5_000, pathCount: 5_000 });
 * summarizeRebalancing(mergeRebalancingPaths([a, b])); // equals simulateRebalancing(p, rules, { paths: 10_000, seed: 7 })
 */
export function simulateRebalancingPaths(portfolio: ClientPortfolio, rules: readonly RebalanceRule[], options: RebalancingOptions): RebalancingPaths {
  const { paths, seed, stepsPerYear = 12, costRate = 0.001, pathStart = 0, withdrawCashNeeds = false, recordFan = true } = options;
  const years = options.years ?? portfolio.client.horizonYears;
  const pathCount = options.pathCount ?? paths - pathStart;
  if (!(Number.isInteger(paths) && paths >= 1 && pathStart + pathCount <= paths)) {
    throw new PortfolioInputError([{ path: 'paths', message: { zh: '路径数或路径区间无效', en: 'Invalid number of paths or path range' } }]);
  }
  if (rules.length === 0) {
    throw new PortfolioInputError([{ path: 'rules', message: { zh: '至少需要一条再平衡规则', en: 'At least one rebalancing rule is needed' } }]);
  }
  const universe = portfolio.assets;
  const target = weightVector(universe, portfolio.weights);
  const steps = stepCount(years, stepsPerYear);
  const profile = portfolio.client.riskProfile;
  const lossHorizon = profile.maxLoss ? Math.min(years, profile.maxLoss.horizonYears ?? years) : years;
  const withdrawals = withdrawCashNeeds ? withdrawalSchedule(portfolio, stepsPerYear, steps) : { steps: [], amounts: [] };
  const perRule = runPaths({
    universe,
    target,
    amount: portfolio.client.amount,
    years,
    stepsPerYear,
    costRates: costRateVector(universe, costRate),
    rules,
    withdrawalSteps: withdrawals.steps,
    withdrawalAmounts: withdrawals.amounts,
    maxVolatility: profile.maxVolatility,
    lossCheck: profile.maxLoss ? { step: stepCount(lossHorizon, stepsPerYear), fraction: profile.maxLoss.fraction } : undefined,
    seed,
    pathStart,
    pathCount,
    recordFan,
    onProgress: options.onProgress,
    isCancelled: options.isCancelled,
  });
  return {
    seed,
    paths,
    pathStart,
    pathCount,
    years,
    stepsPerYear,
    steps,
    amount: portfolio.client.amount,
    rules: rules.map((r) => ({ ...r })),
    maxVolatility: profile.maxVolatility,
    maxLoss: profile.maxLoss ? { fraction: profile.maxLoss.fraction, confidence: profile.maxLoss.confidence, horizonYears: lossHorizon } : undefined,
    perRule,
  };
}

/**
 * Cash needs as (step, amount) pairs in time order, within `steps`.
 * @example withdrawalSchedule(demoClientPortfolio(), 12, 120) // { steps: [36, 60], amounts: [200000, 300000], order: [0, 1] }
 */
export function withdrawalSchedule(portfolio: ClientPortfolio, stepsPerYear: number, steps: number): { steps: number[]; amounts: number[]; order: number[] } {
  const needs = portfolio.client.cashNeeds.map((need, i) => ({ need, i }));
  for (const { need, i } of needs) {
    if (!(need.year > 0 && Number.isFinite(need.year)) || !(need.amount >= 0 && Number.isFinite(need.amount))) {
      throw new PortfolioInputError([
        {
          path: `client.cashNeeds.${i}`,
          message: { zh: '资金需求的年份应为正数，金额不能为负', en: 'A cash need must have a positive year and a non-negative amount' },
        },
      ]);
    }
  }
  const scheduled = needs
    .map(({ need, i }) => ({ step: Math.max(1, Math.round(need.year * stepsPerYear)), amount: need.amount, i }))
    .filter((s) => s.step <= steps)
    .sort((a, b) => a.step - b.step || a.i - b.i);
  return { steps: scheduled.map((s) => s.step), amounts: scheduled.map((s) => s.amount), order: scheduled.map((s) => s.i) };
}

function concat<T extends Float64Array | Float32Array | Uint32Array | Uint8Array>(parts: T[], make: (n: number) => T): T {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = make(total);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

/**
 * Joins slices of one run (any order) into the raw results of their union. The slices
 * must come from the same portfolio, rules and seed and cover contiguous paths.
 * @example mergeRebalancingPaths([sliceB, sliceA]).pathCount // sliceA.pathCount + sliceB.pathCount
 */
export function mergeRebalancingPaths(slices: readonly RebalancingPaths[]): RebalancingPaths {
  if (slices.length === 0) throw new PortfolioInputError([{ path: 'slices', message: { zh: '没有可合并的结果', en: 'Nothing to merge' } }]);
  const sorted = [...slices].sort((a, b) => a.pathStart - b.pathStart);
  const first = sorted[0];
  for (let s = 1; s < sorted.length; s++) {
    const prev = sorted[s - 1];
    const cur = sorted[s];
    const ok =
      cur.pathStart === prev.pathStart + prev.pathCount &&
      cur.seed === first.seed &&
      cur.steps === first.steps &&
      cur.stepsPerYear === first.stepsPerYear &&
      cur.amount === first.amount &&
      cur.perRule.length === first.perRule.length &&
      JSON.stringify(cur.rules) === JSON.stringify(first.rules);
    if (!ok) {
      throw new PortfolioInputError([
        { path: 'slices', message: { zh: '各片段须来自同一次模拟且路径连续', en: 'Slices must come from the same run and cover contiguous paths' } },
      ]);
    }
  }
  const pathCount = sorted.reduce((s, p) => s + p.pathCount, 0);
  const steps = first.steps;
  const perRule: RulePaths[] = first.perRule.map((_, r) => {
    const parts = sorted.map((s) => s.perRule[r]);
    const hasFan = parts.every((p) => p.fan.length > 0);
    const fan = new Float32Array(hasFan ? (steps + 1) * pathCount : 0);
    if (hasFan) {
      let offset = 0;
      sorted.forEach((s, i) => {
        for (let k = 0; k <= steps; k++) fan.set(parts[i].fan.subarray(k * s.pathCount, (k + 1) * s.pathCount), k * pathCount + offset);
        offset += s.pathCount;
      });
    }
    const needs = parts[0].needWealth.length / sorted[0].pathCount;
    const needWealth = new Float64Array(needs * pathCount);
    let offset = 0;
    sorted.forEach((s, i) => {
      for (let k = 0; k < needs; k++) needWealth.set(parts[i].needWealth.subarray(k * s.pathCount, (k + 1) * s.pathCount), k * pathCount + offset);
      offset += s.pathCount;
    });
    return {
      finalWealth: concat(
        parts.map((p) => p.finalWealth),
        (n) => new Float64Array(n),
      ),
      finalIndex: concat(
        parts.map((p) => p.finalIndex),
        (n) => new Float64Array(n),
      ),
      maxDrawdown: concat(
        parts.map((p) => p.maxDrawdown),
        (n) => new Float64Array(n),
      ),
      turnover: concat(
        parts.map((p) => p.turnover),
        (n) => new Float64Array(n),
      ),
      cost: concat(
        parts.map((p) => p.cost),
        (n) => new Float64Array(n),
      ),
      rebalances: concat(
        parts.map((p) => p.rebalances),
        (n) => new Uint32Array(n),
      ),
      flags: concat(
        parts.map((p) => p.flags),
        (n) => new Uint8Array(n),
      ),
      fan,
      needWealth,
    };
  });
  return { ...first, pathStart: first.pathStart, pathCount, perRule };
}

/**
 * Summarises raw results: percentiles 5/25/50/75/95 (Hyndman–Fan type 7), means,
 * a histogram of final wealth on edges shared by all rules (so that they compare on one
 * axis: 40 bins from the lowest 0.5th to the highest 99.5th percentile), breach
 * probabilities and fan-chart bands.
 * @example summarizeRebalancing(simulateRebalancingPaths(p, [{ kind: 'none' }], { paths: 1000, seed: 1 })).rules[0].finalWealth.percentiles.p50
 */
export function summarizeRebalancing(raw: RebalancingPaths, histogramBins = 40): RebalancingResult {
  const { years, stepsPerYear, steps, amount, pathCount } = raw;
  const sortedFinal = raw.perRule.map((r) => sortedCopy(r.finalWealth));
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sortedFinal) {
    lo = Math.min(lo, sortedQuantile(s, 0.005));
    hi = Math.max(hi, sortedQuantile(s, 0.995));
  }
  if (!(hi > lo)) {
    const pad = Math.max(Math.abs(lo) * 1e-6, 1e-9);
    lo -= pad;
    hi += pad;
  }
  const fanYears = Array.from({ length: steps + 1 }, (_, k) => k / stepsPerYear);
  const lossAllowed = raw.maxLoss ? 1 - raw.maxLoss.confidence : null;
  const rules = raw.perRule.map((res, r): RuleSummary => {
    const annual = new Float64Array(pathCount);
    const horizon = steps / stepsPerYear;
    for (let p = 0; p < pathCount; p++) annual[p] = Math.pow(res.finalIndex[p], 1 / horizon) - 1;
    const sortedAnnual = annual.sort();
    const sortedDd = sortedCopy(res.maxDrawdown);
    let vol = 0;
    let loss = 0;
    let any = 0;
    for (let p = 0; p < pathCount; p++) {
      const f = res.flags[p];
      if (f & FLAG_VOLATILITY) vol++;
      if (f & FLAG_LOSS) loss++;
      if (f) any++;
    }
    let rebalances = 0;
    for (let p = 0; p < pathCount; p++) rebalances += res.rebalances[p];
    const meanCost = mean(res.cost);
    const fan = { years: [] as number[], p5: [] as number[], p25: [] as number[], p50: [] as number[], p75: [] as number[], p95: [] as number[] };
    if (res.fan.length > 0) {
      fan.years = fanYears;
      for (let k = 0; k <= steps; k++) {
        const q = samplePercentiles(res.fan.subarray(k * pathCount, (k + 1) * pathCount));
        fan.p5.push(q.p5);
        fan.p25.push(q.p25);
        fan.p50.push(q.p50);
        fan.p75.push(q.p75);
        fan.p95.push(q.p95);
      }
    }
    return {
      rule: raw.rules[r],
      label: rebalanceRuleLabel(raw.rules[r]),
      finalWealth: { mean: mean(res.finalWealth), percentiles: sortedPercentiles(sortedFinal[r]), histogram: histogram(sortedFinal[r], lo, hi, histogramBins) },
      annualisedReturn: { mean: mean(sortedAnnual), percentiles: sortedPercentiles(sortedAnnual) },
      maxDrawdown: { mean: mean(sortedDd), percentiles: sortedPercentiles(sortedDd) },
      turnover: { meanPerYear: mean(res.turnover) / years, meanRebalances: rebalances / pathCount, meanRebalancesPerYear: rebalances / pathCount / years },
      cost: { mean: meanCost, meanPerYearBp: (meanCost / amount / years) * 1e4 },
      breach: {
        volatility: raw.maxVolatility === undefined ? 0 : vol / pathCount,
        loss: raw.maxLoss ? loss / pathCount : 0,
        any: any / pathCount,
        lossAllowed,
      },
      fan,
    };
  });
  return { seed: raw.seed, paths: pathCount, years, stepsPerYear, amount, rules };
}

/**
 * Compares rebalancing rules on the client's portfolio over `paths` simulated paths
 * (multivariate GBM, monthly by default; see paths.ts), seeded and reproducible.
 * Target: 6 assets, 10,000 paths, 10 years monthly in ≤ 1 s per rule (bench/portfolio.bench.ts).
 * @param portfolio the client portfolio; its weights are the target
 * @param rules e.g. DEFAULT_REBALANCE_RULES
 * @param options `{ paths, seed }` and optional years, stepsPerYear, costRate, onProgress
 * @example
 * const result = simulateRebalancing(demoClientPortfolio(), DEFAULT_REBALANCE_RULES, { paths: 10_000, seed: 42 });
 * result.rules[0].finalWealth.percentiles.p50; // median final wealth without rebalancing, yuan
 */
export function simulateRebalancing(portfolio: ClientPortfolio, rules: readonly RebalanceRule[], options: RebalancingOptions): RebalancingResult {
  return summarizeRebalancing(simulateRebalancingPaths(portfolio, rules, { ...options, pathStart: 0, pathCount: options.paths }));
}
