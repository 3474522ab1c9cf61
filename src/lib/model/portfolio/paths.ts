/**
 * The Monte Carlo path engine shared by the rebalancing comparison, the cash-need check
 * and the simulated VaR.
 *
 * Model: the asset prices follow a multivariate geometric Brownian motion. Each step of
 * length Δt = 1/stepsPerYear draws log-returns X ~ N(m·Δt, C·Δt) with
 * mᵢ = ln(1+μᵢ) − Cᵢᵢ/2 and Cᵢⱼ = ln(1 + ρᵢⱼσᵢσⱼ/((1+μᵢ)(1+μⱼ))) (see universe.ts), so
 * that one-year simple returns have exactly the input means μ, volatilities σ and
 * correlations ρ. Correlated normals: X = m·Δt + B·Z with B·Bᵀ = C·Δt (Cholesky,
 * semidefinite-safe) and Z standard normal (ziggurat, ../random).
 *
 * Reproducibility: path number k (counted from 0 over the whole run) draws from its own
 * stream createRng(seed, k), so a slice [pathStart, pathStart + pathCount) gives exactly
 * the numbers of those paths in a single run, whatever the number of workers.
 *
 * Speed: all state lives in preallocated Float64Arrays; one path's gross returns are
 * generated once and reused by every rule (common random numbers, which also makes the
 * comparison between rules sharper).
 */
import { psdFactor } from './linalg';
import { fillNormals, seedState } from '../random';
import { assertAssetUniverse, checkWeights, covarianceMatrix, logCovarianceMatrix, PortfolioInputError, returnVector } from './universe';
import type { AssetUniverse, PortfolioProblem, RebalanceRule } from './types';
import { CancelledError } from '../cancel';

/** A rule compiled for the inner loop. */
interface CompiledRule {
  kind: 0 | 1 | 2; // none, calendar, threshold
  interval: number; // steps between calendar rebalancings
  band: number;
}

export interface PathEngineInput {
  universe: AssetUniverse;
  /** Target weights in the order of the universe (the starting allocation). */
  target: Float64Array;
  amount: number;
  years: number;
  stepsPerYear: number;
  /** Transaction cost per yuan traded, per asset. */
  costRates: Float64Array;
  rules: readonly RebalanceRule[];
  /** Withdrawals: step numbers (1-based, ascending) and amounts in yuan. */
  withdrawalSteps: readonly number[];
  withdrawalAmounts: readonly number[];
  /** Annual volatility limit on the held weights, decimal (absent: none). */
  maxVolatility?: number;
  /** Loss limit: the index must stay above 1 − fraction at `step`. */
  lossCheck?: { step: number; fraction: number };
  seed: number;
  pathStart: number;
  pathCount: number;
  /** Record wealth at every step for fan charts (default true). */
  recordFan: boolean;
  onProgress?: (fraction: number) => void;
  /** Checked every 32 paths; when it returns true the run stops with a CancelledError. */
  isCancelled?: () => boolean;
}

/** Per-path results of one rule over a slice of paths (typed arrays: transferable between workers). */
export interface RulePaths {
  /** Wealth at the horizon, yuan (after withdrawals and costs). */
  finalWealth: Float64Array;
  /** Value at the horizon of 1 yuan invested (time-weighted, so withdrawals do not count as losses). */
  finalIndex: Float64Array;
  /** Largest fall of the index from a previous peak, decimal. */
  maxDrawdown: Float64Array;
  /** Sum of one-way turnovers ½·Σ|Δw| over the rebalancings, as a fraction of the portfolio. */
  turnover: Float64Array;
  /** Transaction costs paid, yuan. */
  cost: Float64Array;
  /** Number of rebalancings. */
  rebalances: Uint32Array;
  /** Bit 0: the volatility limit was breached at some step; bit 1: the loss limit was breached. */
  flags: Uint8Array;
  /** Wealth at steps 0..steps, step-major: `fan[step * pathCount + path]` (empty when not recorded). */
  fan: Float32Array;
  /** Wealth just before each withdrawal: `needWealth[need * pathCount + path]`. */
  needWealth: Float64Array;
}

export const FLAG_VOLATILITY = 1;
export const FLAG_LOSS = 2;

function compileRule(rule: RebalanceRule, stepsPerYear: number): CompiledRule {
  switch (rule.kind) {
    case 'none':
      return { kind: 0, interval: 0, band: 0 };
    case 'calendar': {
      const perYear = { monthly: 12, quarterly: 4, yearly: 1 }[rule.every];
      if (perYear === undefined) {
        throw new PortfolioInputError([{ path: 'rules', message: { zh: '未知的再平衡频率', en: `Unknown rebalancing frequency: ${String(rule.every)}` } }]);
      }
      return { kind: 1, interval: Math.max(1, Math.round(stepsPerYear / perYear)), band: 0 };
    }
    case 'threshold':
      if (!(rule.band > 0 && rule.band < 1)) {
        throw new PortfolioInputError([{ path: 'rules', message: { zh: '阈值带宽应在(0, 100%)之内', en: 'A threshold band must lie in (0, 100%)' } }]);
      }
      return { kind: 2, interval: 0, band: rule.band };
    default:
      throw new PortfolioInputError([{ path: 'rules', message: { zh: '未知的再平衡规则', en: 'Unknown rebalancing rule' } }]);
  }
}

/**
 * Number of steps of a run: years·stepsPerYear rounded, at least 1.
 * @example stepCount(10, 12) // 120
 */
export function stepCount(years: number, stepsPerYear: number): number {
  return Math.max(1, Math.round(years * stepsPerYear));
}

/**
 * Runs a slice of paths for every rule. Internal: the public entry points are
 * simulateRebalancingPaths, cashNeedsCheck and portfolioRisk.
 * @example runPaths({ universe, target, amount: 1e6, years: 10, stepsPerYear: 12, costRates, rules: [{ kind: 'none' }], withdrawalSteps: [],
 * withdrawalAmounts: [], seed: 1, pathStart: 0, pathCount: 1000, recordFan: false })[0].finalWealth
 */
export function runPaths(input: PathEngineInput): RulePaths[] {
  const { universe, target, amount, stepsPerYear, costRates, seed, pathStart, pathCount, recordFan, onProgress } = input;
  assertAssetUniverse(universe);
  const n = universe.assets.length;
  const keys = universe.assets.map((a) => a.key);
  const weightProblems = checkWeights(target, keys);
  if (weightProblems.length > 0) throw new PortfolioInputError(weightProblems);
  const problems: PortfolioProblem[] = [];
  if (!(amount > 0 && Number.isFinite(amount))) problems.push({ path: 'amount', message: { zh: '投资金额应为正数', en: 'The amount must be positive' } });
  if (!(input.years > 0 && input.years <= 100))
    problems.push({ path: 'years', message: { zh: '期限应在(0, 100]年之内', en: 'The horizon must lie in (0, 100] years' } });
  if (!(Number.isInteger(stepsPerYear) && stepsPerYear >= 1 && stepsPerYear <= 365)) {
    problems.push({ path: 'stepsPerYear', message: { zh: '每年步数应为1至365的整数', en: 'Steps per year must be a whole number from 1 to 365' } });
  }
  if (!(Number.isInteger(pathStart) && pathStart >= 0 && Number.isInteger(pathCount) && pathCount >= 1)) {
    problems.push({ path: 'paths', message: { zh: '路径区间无效', en: 'Invalid path range' } });
  }
  if (problems.length > 0) throw new PortfolioInputError(problems);

  const steps = stepCount(input.years, stepsPerYear);
  const dt = 1 / stepsPerYear;
  const mu = returnVector(universe);
  const logCov = logCovarianceMatrix(universe);
  const scaled = logCov.map((v) => v * dt);
  const { factor, isAdjusted } = psdFactor(scaled, n);
  const isTriangular = !isAdjusted; // a Cholesky factor: only j ≤ i is non-zero
  const drift = new Float64Array(n);
  for (let i = 0; i < n; i++) drift[i] = (Math.log1p(mu[i]) - logCov[i * n + i] / 2) * dt;
  // Riskless classes (a zero row of the factor) grow by a constant factor: no draw, no exp.
  const riskyIndex: number[] = [];
  const constantGross = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let isRisky = false;
    for (let j = 0; j < n; j++) if (factor[i * n + j] !== 0) isRisky = true;
    if (isRisky) riskyIndex.push(i);
    else constantGross[i] = Math.exp(drift[i]);
  }
  const risky = Int32Array.from(riskyIndex);
  const riskyCount = risky.length;
  const cov = covarianceMatrix(universe);
  // The volatility check xᵀΣx as a sum over the non-zero pairs i ≤ j (weights 2Σᵢⱼ off the diagonal).
  const pairI: number[] = [];
  const pairJ: number[] = [];
  const pairW: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const v = cov[i * n + j];
      if (v === 0) continue;
      pairI.push(i);
      pairJ.push(j);
      pairW.push(i === j ? v : 2 * v);
    }
  const pi = Int32Array.from(pairI);
  const pj = Int32Array.from(pairJ);
  const pw = Float64Array.from(pairW);
  const pairCount = pw.length;
  // Cheap upper bound first: xᵀΣx ≤ (Σ xᵢσᵢ)² because every correlation is ≤ 1.
  const sigma = Float64Array.from(universe.assets.map((a) => a.volatility));
  const compiled = input.rules.map((r) => compileRule(r, stepsPerYear));
  const ruleCount = compiled.length;

  // Limits.
  const checkVol = input.maxVolatility !== undefined;
  const volLimit2 = checkVol ? (input.maxVolatility as number) ** 2 * (1 + 1e-12) + 1e-18 : Infinity;
  let targetVar = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) targetVar += target[i] * cov[i * n + j] * target[j];
  const initialVolBreach = checkVol && targetVar > volLimit2;
  const lossStep = input.lossCheck ? Math.min(steps, Math.max(1, input.lossCheck.step)) : -1;
  const lossFloor = input.lossCheck ? 1 - input.lossCheck.fraction : -Infinity;

  const needCount = input.withdrawalSteps.length;
  const needSteps = Int32Array.from(input.withdrawalSteps);
  const needAmounts = Float64Array.from(input.withdrawalAmounts);

  const out: RulePaths[] = compiled.map(() => ({
    finalWealth: new Float64Array(pathCount),
    finalIndex: new Float64Array(pathCount),
    maxDrawdown: new Float64Array(pathCount),
    turnover: new Float64Array(pathCount),
    cost: new Float64Array(pathCount),
    rebalances: new Uint32Array(pathCount),
    flags: new Uint8Array(pathCount),
    fan: new Float32Array(recordFan ? (steps + 1) * pathCount : 0),
    needWealth: new Float64Array(needCount * pathCount),
  }));

  const gross = new Float64Array(steps * n);
  const normals = new Float64Array(steps * n);
  const rngState = new Int32Array(4);
  const x = new Float64Array(n);
  const progressEvery = Math.max(1, Math.ceil(pathCount / 100));

  for (let p = 0; p < pathCount; p++) {
    if ((p & 31) === 0 && input.isCancelled?.()) throw new CancelledError('portfolio simulation cancelled');
    // 1. gross returns of every asset at every step, from the path's own stream
    seedState(seed, pathStart + p, rngState);
    fillNormals(rngState, normals, steps * n);
    for (let k = 0; k < steps; k++) {
      const base = k * n;
      for (let i = 0; i < n; i++) gross[base + i] = constantGross[i];
      for (let q = 0; q < riskyCount; q++) {
        const i = risky[q];
        let acc = drift[i];
        const row = i * n;
        const last = isTriangular ? i : n - 1;
        for (let j = 0; j <= last; j++) acc += factor[row + j] * normals[base + j];
        gross[base + i] = Math.exp(acc);
      }
    }
    // 2. every rule on the same returns
    for (let r = 0; r < ruleCount; r++) {
      const rule = compiled[r];
      const res = out[r];
      const fan = res.fan;
      for (let i = 0; i < n; i++) x[i] = target[i];
      let wealth = amount;
      let index = 1;
      let peak = 1;
      let maxDd = 0;
      let turnover = 0;
      let cost = 0;
      let rebalances = 0;
      let volBreach = initialVolBreach;
      let lossBreach = false;
      let needPtr = 0;
      if (recordFan) fan[p] = wealth;
      for (let k = 0; k < steps; k++) {
        const base = k * n;
        let gp = 0;
        for (let i = 0; i < n; i++) {
          const v = x[i] * gross[base + i];
          x[i] = v;
          gp += v;
        }
        const inv = 1 / gp;
        for (let i = 0; i < n; i++) x[i] *= inv;
        wealth *= gp;
        index *= gp;
        const step = k + 1;
        while (needPtr < needCount && needSteps[needPtr] === step) {
          res.needWealth[needPtr * pathCount + p] = wealth;
          wealth = wealth > needAmounts[needPtr] ? wealth - needAmounts[needPtr] : 0;
          needPtr++;
        }
        let rebalanced = false;
        if (step < steps && rule.kind !== 0) {
          let doIt = false;
          if (rule.kind === 1) doIt = step % rule.interval === 0;
          else {
            for (let i = 0; i < n; i++) {
              const d = x[i] - target[i];
              if (d > rule.band || -d > rule.band) {
                doIt = true;
                break;
              }
            }
          }
          if (doIt) {
            let traded = 0;
            let costFraction = 0;
            for (let i = 0; i < n; i++) {
              const d = Math.abs(target[i] - x[i]);
              traded += d;
              costFraction += costRates[i] * d;
              x[i] = target[i];
            }
            if (traded > 0) {
              turnover += traded / 2;
              cost += wealth * costFraction;
              wealth *= 1 - costFraction;
              index *= 1 - costFraction;
              rebalances++;
              rebalanced = true;
            }
          }
        }
        if (checkVol && !volBreach && !rebalanced) {
          let bound = 0;
          for (let i = 0; i < n; i++) bound += x[i] * sigma[i];
          if (bound * bound > volLimit2) {
            let v = 0;
            for (let q = 0; q < pairCount; q++) v += pw[q] * x[pi[q]] * x[pj[q]];
            if (v > volLimit2) volBreach = true;
          }
        }
        if (index > peak) peak = index;
        else {
          const dd = 1 - index / peak;
          if (dd > maxDd) maxDd = dd;
        }
        if (step === lossStep && index < lossFloor) lossBreach = true;
        if (recordFan) fan[step * pathCount + p] = wealth;
      }
      res.finalWealth[p] = wealth;
      res.finalIndex[p] = index;
      res.maxDrawdown[p] = maxDd;
      res.turnover[p] = turnover;
      res.cost[p] = cost;
      res.rebalances[p] = rebalances;
      res.flags[p] = (volBreach ? FLAG_VOLATILITY : 0) | (lossBreach ? FLAG_LOSS : 0);
    }
    if (onProgress && ((p + 1) % progressEvery === 0 || p + 1 === pathCount)) onProgress((p + 1) / pathCount);
  }
  return out;
}

/**
 * Transaction cost rate per asset: a single rate for every class, or rates by asset key
 * (classes left out cost nothing).
 * @example costRateVector(defaultAssetUniverse(), { equityFund: 0.005 }) // Float64Array [0, 0, 0, 0, 0.005, 0]
 */
export function costRateVector(universe: AssetUniverse, costRate: number | Readonly<Record<string, number>>): Float64Array {
  const n = universe.assets.length;
  const out = new Float64Array(n);
  const bad = () =>
    new PortfolioInputError([{ path: 'costRate', message: { zh: '交易费率应在[0, 10%]之内', en: 'A transaction cost rate must lie in [0, 10%]' } }]);
  if (typeof costRate === 'number') {
    if (!(costRate >= 0 && costRate <= 0.1)) throw bad();
    out.fill(costRate);
    return out;
  }
  const index = new Map(universe.assets.map((a, i) => [a.key, i]));
  for (const [key, v] of Object.entries(costRate)) {
    const i = index.get(key);
    if (i === undefined) {
      throw new PortfolioInputError([{ path: `costRate.${key}`, message: { zh: `未知的资产代码：${key}`, en: `Unknown asset key: ${key}` } }]);
    }
    if (!(v >= 0 && v <= 0.1)) throw bad();
    out[i] = v;
  }
  return out;
}
