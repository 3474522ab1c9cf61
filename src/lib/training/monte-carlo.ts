/**
 * The multi-year Monte Carlo as the training layer reads it: how a challenge or a lesson runs it
 * (paths, seed, stress preset) and the `mc.*` figures read from a run. The run itself happens on
 * the worker pool (src/lib/state/challenge-simulation.ts); these are pure functions of its result.
 */
import { applyStressPreset, type Bilingual, type LimitKey, type Scenario, type SimulationResult, type StressPresetKey } from '../model';
import { targetMixOf } from './pace';

/** How a challenge or a lesson runs the Monte Carlo: paths, seed and the stress preset applied to the play. */
export interface MonteCarloSpec {
  paths: number;
  seed: number;
  stress: StressPresetKey;
}

/** The five-year run of 五年之计 and lesson 6: 1,000 seeded paths with a recession in year 2. */
export const FIVE_YEAR_MONTE_CARLO: MonteCarloSpec = { paths: 1000, seed: 20071, stress: 'recessionYear2' };

export interface MonteCarloFigureDef {
  unit: 'percent' | 'yuan';
  /** +1 when more is better for the bank, −1 when less is. */
  better: 1 | -1;
  label: Bilingual;
  /** The figure of a run of `play` (the scenario as the trainee set it, before the stress preset). */
  read: (r: SimulationResult, play: Scenario) => number;
}

/** Probability, over the run's paths, that a limit is breached at one quarter or more. */
function breachProbability(r: SimulationResult, key: LimitKey): number {
  return r.breaches.find((b) => b.key === key)?.probability ?? NaN;
}

/**
 * How far the median book has come from today's mix to the target by the end of the horizon:
 * 1 − maxᵢ |median shareᵢ(T) − targetᵢ| / maxᵢ |shareᵢ(0) − targetᵢ| (1 when the start is the target).
 * The shares are of performing corporate loans; the target is the normalised `levers.targetMix`.
 */
function targetProgress(r: SimulationResult, play: Scenario): number {
  const target = targetMixOf(play);
  const last = r.steps - 1;
  const start = Math.max(...play.segments.map((s, i) => Math.abs(s.share - target[i])));
  if (!(start > 0)) return 1;
  const end = Math.max(...r.segments.map((g, i) => Math.abs(g.share.p50[last] - target[i])));
  return Math.max(0, 1 - end / start);
}

/** Net profit of the run's second year, the mean over paths (a sum of per-step means is the mean of the sum). */
function secondYearProfit(r: SimulationResult): number {
  let sum = 0;
  for (let t = r.stepsPerYear; t < Math.min(r.steps, 2 * r.stepsPerYear); t++) sum += r.bands.netProfit.mean[t];
  return sum;
}

/**
 * Figures read from a Monte Carlo run (`mc.*`), each computed over the run's paths, none from a
 * closed form: the probability that the LCR (or the capital adequacy ratio) falls below its limit
 * at any quarter of the horizon (share of paths, from the run's breach probabilities), the median
 * cumulative net profit, the mean net profit of year 2 (the recession year of the five-year run)
 * and how much of the way to the target mix the median book has come by the end.
 */
export const MONTE_CARLO_FIGURES: Record<string, MonteCarloFigureDef> = {
  'mc.lcrBreach': {
    unit: 'percent',
    better: -1,
    label: { zh: '5年内LCR曾低于100%的概率（蒙特卡洛）', en: 'P(LCR < 100% at some quarter), Monte Carlo' },
    read: (r) => breachProbability(r, 'lcr'),
  },
  'mc.cumulativeProfit': {
    unit: 'yuan',
    better: 1,
    label: { zh: '5年累计净利润中位数（蒙特卡洛）', en: 'Median 5-year cumulative net profit, Monte Carlo' },
    read: (r) => r.cumulativeProfit.percentiles.p50,
  },
  'mc.recessionProfit': {
    unit: 'yuan',
    better: 1,
    label: { zh: '衰退年（第2年）净利润均值（蒙特卡洛）', en: 'Mean net profit in the recession year (year 2), Monte Carlo' },
    read: (r) => secondYearProfit(r),
  },
  'mc.carBreach': {
    unit: 'percent',
    better: -1,
    label: { zh: '5年内资本充足率曾低于10.5%的概率（蒙特卡洛）', en: 'P(capital adequacy < 10.5% at some quarter), Monte Carlo' },
    read: (r) => breachProbability(r, 'capitalAdequacyRatio'),
  },
  'mc.targetProgress': {
    unit: 'percent',
    better: 1,
    label: { zh: '5年末走完的调整路程（蒙特卡洛中位数）', en: 'Way to the target mix covered by year 5, Monte Carlo median' },
    read: targetProgress,
  },
};

export function isMonteCarloFigure(name: string): boolean {
  return name in MONTE_CARLO_FIGURES;
}

/** The scenario a challenge simulates for a play: the play under the challenge's stress preset. */
export function monteCarloScenario(spec: MonteCarloSpec, play: Scenario): Scenario {
  return applyStressPreset(play, spec.stress);
}

/** Every `mc.*` figure of a run of `play`. */
export function monteCarloFigures(result: SimulationResult, play: Scenario): Record<string, number> {
  return Object.fromEntries(Object.entries(MONTE_CARLO_FIGURES).map(([k, d]) => [k, d.read(result, play)]));
}
