/**
 * The dynamics' inputs and small pure formulas of docs/reference-model.md §7, shared by the fast engine and the
 * per-client reference. Each default names its source or says [A] (assumed for the demo).
 */
import type { Scenario, SimulationSettings, TenorProfile } from '../scenario';
import { TENOR_BUCKETS } from '../scenario';

/** The dynamics' fields of SimulationSettings. */
export type Dynamics = Pick<
  SimulationSettings,
  'factorPersistence' | 'nplWorkoutQuarters' | 'attritionCurve' | 'depositPassThrough' | 'depositRepricingQuarters' | 'profitRetention'
>;

/**
 * Defaults, used when a scenario saved before these fields existed lacks them.
 * Sources: see demo.ts, where the same values are set with their comments.
 */
export const DYNAMICS_DEFAULTS: Readonly<Dynamics> = {
  factorPersistence: 0.5, // docs/reference-model.md §7
  nplWorkoutQuarters: 8, // [A]
  attritionCurve: [0.5, 1 / 3, 0.1], // the source's figures for 1 / 2 / 3+ products (docs/reference-values.md)
  depositPassThrough: 0.5, // [A]
  depositRepricingQuarters: 4, // [A]
  profitRetention: 0.7, // [A]
};

/** Residual-maturity range of each tenor bucket in years; >5y taken as 5–10 years [A]. */
export const TENOR_RANGE_YEARS: Record<(typeof TENOR_BUCKETS)[number], [number, number]> = {
  upTo3m: [0, 0.25],
  m3to12: [0.25, 1],
  y1to3: [1, 3],
  y3to5: [3, 5],
  over5y: [5, 10],
};

/** Share of the HQLA shortfall after a deposit run that is rebuilt with wholesale funding per quarter [A]. */
export const HQLA_REBUILD_PER_QUARTER = 0.25;

/**
 * Size classes: the SINGLE_NAMES largest clients of the whole book stay single names (so the
 * largest client and the top 10 are exact); the rest of each segment is grouped into at most
 * BANDS_PER_SEGMENT bands of consecutive sizes holding about equal shares of the segment's loans
 * (finer where the large exposures are).
 */
export const SINGLE_NAMES = 20;
export const BANDS_PER_SEGMENT = 8;

/** The scenario's dynamics, each missing field filled from DYNAMICS_DEFAULTS. */
export function resolveDynamics(scenario: Scenario): Dynamics {
  const sim = scenario.simulation as Partial<SimulationSettings>;
  const pick = <K extends keyof Dynamics>(k: K): Dynamics[K] => (sim[k] ?? DYNAMICS_DEFAULTS[k]) as Dynamics[K];
  return {
    factorPersistence: pick('factorPersistence'),
    nplWorkoutQuarters: pick('nplWorkoutQuarters'),
    attritionCurve: pick('attritionCurve'),
    depositPassThrough: pick('depositPassThrough'),
    depositRepricingQuarters: pick('depositRepricingQuarters'),
    profitRetention: pick('profitRetention'),
  };
}

/**
 * A yearly probability turned into a per-step one, 1 − (1 − a)^(1/stepsPerYear)
 * (docs/reference-model.md §7: quarterly PD = 1 − (1 − PD)^(1/4)).
 */
export function perStep(yearly: number, stepsPerYear: number): number {
  const a = Math.min(1, Math.max(0, yearly));
  return a >= 1 ? 1 : 1 - Math.pow(1 - a, 1 / stepsPerYear);
}

/**
 * Share of a segment's loans that matures within one step of `stepYears` years, with residual
 * maturities spread evenly inside each tenor bucket. Quarterly: exactly the ≤3m bucket.
 */
export function maturingFraction(tenor: TenorProfile, stepYears: number): number {
  let f = 0;
  for (const b of TENOR_BUCKETS) {
    const [lo, hi] = TENOR_RANGE_YEARS[b];
    f += tenor[b] * Math.min(1, Math.max(0, (stepYears - lo) / (hi - lo)));
  }
  return Math.min(1, f);
}

/**
 * Target share of a segment at step t on the glide path: linear from the current share to the
 * target over `paceQuarters` quarters, then flat. Pace 0 (or less) holds the current mix.
 */
export function glideShare(current: number, target: number, paceQuarters: number, stepYears: number, t: number): number {
  if (!(paceQuarters > 0)) return current;
  const quarters = t * stepYears * 4;
  return current + (target - current) * Math.min(1, quarters / paceQuarters);
}

/** The target mix by segment, normalised to sum to 1 (missing keys keep their current share). */
export function targetShares(scenario: Scenario): number[] {
  const raw = scenario.segments.map((s) => Math.max(0, scenario.levers.targetMix?.[s.key] ?? s.share));
  const total = raw.reduce((a, b) => a + b, 0);
  return total > 0 ? raw.map((x) => x / total) : scenario.segments.map((s) => s.share);
}

/**
 * 1-year LPR in force in step t (1-based): lpr1y + stress.lprShock + Σ_{k ≤ y} lprPath[k],
 * y = the step's year (0-based). lprPath[k] is the change at the start of year k+1.
 */
export function lprAtStep(scenario: Scenario, t: number, stepsPerYear: number): number {
  const y = Math.floor((t - 1) / stepsPerYear);
  let lpr = scenario.market.lpr1y + scenario.stress.lprShock;
  for (let k = 0; k <= y && k < scenario.market.lprPath.length; k++) lpr += scenario.market.lprPath[k];
  return lpr;
}
