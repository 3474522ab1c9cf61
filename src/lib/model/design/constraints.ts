/** The constraints of a mix design (regulatory limits, an EC budget, share bounds): resolved once, checked per mix. See index.ts. */
import { LIMITS } from '../regulation';
import type { Scenario } from '../scenario';
import type { MixFigureKey, MixFigures } from './figures';

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

export const CONSTRAINT_DEF: Record<FigureConstraintKey, { figure: MixFigureKey; direction: 'min' | 'max' }> = {
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

export function resolveConstraints(scenario: Scenario, constraints: MixConstraints, current: () => MixFigures): ActiveConstraint[] {
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
export function relativeShortfall(c: ActiveConstraint, value: number): number {
  const gap = c.direction === 'min' ? c.threshold - value : value - c.threshold;
  return gap / (Math.abs(c.threshold) || 1);
}

export function isViolated(c: ActiveConstraint, value: number): boolean {
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

export const SHARE_BOUNDS_BIT = CONSTRAINT_KEYS.indexOf('shareBounds');

export function resolveShareBounds(keys: readonly string[], bounds: ShareBounds | undefined): ShareBound[] {
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

/**
 * The largest relative breach of the bounds by `shares` (≤ 0 inside every bound); the grid's shares are exact multiples of 1/N, so no tolerance is
 * needed beyond 1e-12.
 */
export function shareBoundsShortfall(bounds: readonly ShareBound[], share: (segment: number) => number): number {
  let worst = -Infinity;
  for (const b of bounds) {
    const x = share(b.segment);
    const gap = b.side === 'min' ? b.share - x : x - b.share;
    worst = Math.max(worst, gap / (b.share || 1));
  }
  return worst;
}

export function breaksShareBounds(bounds: readonly ShareBound[], share: (segment: number) => number): boolean {
  return bounds.length > 0 && shareBoundsShortfall(bounds, share) > 1e-12;
}
