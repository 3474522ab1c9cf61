/**
 * Pure helpers of the mix-design view: the constraint controls as engine constraints, which
 * constraints a mix breaks, and mixes as text. No DOM, no runes: tested in Node.
 */
import { roundShares } from '../../lib/i18n/format';
import type { ActiveConstraint, ConstraintKey, MixConstraints, MixFigures, Scenario, ShareBounds } from '../../lib/model';

/** What the constraint controls hold. */
export interface ConstraintChoice {
  /** Capital adequacy with tier 1 and CET1 (the three capital ratios go together). */
  capital: boolean;
  lcr: boolean;
  nsfr: boolean;
  singleClient: boolean;
  top10: boolean;
  ecBudget: boolean;
  /** Economic-capital ceiling, yuan. */
  ecAmount: number;
  managers: boolean;
  /** Client-manager ceiling, headcount. */
  managerCount: number;
  /** The bank's policy on the mix: bounds on each segment's share, when on. */
  policy: boolean;
  /** Per segment key, the lowest and highest share allowed (null: no bound). */
  bounds: Record<string, { min: number | null; max: number | null }>;
}

/**
 * Defaults: every regulatory limit on (the legal floor every mix must meet); the capital budget
 * and the headcount off (management's choices), their amounts pre-filled at today's level.
 */
export function defaultChoice(todayEc: number, todayManagers: number): ConstraintChoice {
  return {
    capital: true,
    lcr: true,
    nsfr: true,
    singleClient: true,
    top10: true,
    ecBudget: false,
    // Rounded up to 0.01 亿元 so that today's own mix stays inside the budget it is shown with.
    ecAmount: Math.ceil(todayEc / 1e6) * 1e6,
    managers: false,
    managerCount: todayManagers,
    policy: false,
    bounds: {},
  };
}

/** The policy controls as the engine's share bounds (none when the policy is off). */
export function shareBoundsFrom(c: ConstraintChoice): ShareBounds {
  if (!c.policy) return {};
  const out: ShareBounds = {};
  for (const [key, b] of Object.entries(c.bounds)) {
    const bound: { min?: number; max?: number } = {};
    if (b.min !== null && Number.isFinite(b.min) && b.min > 0) bound.min = b.min;
    if (b.max !== null && Number.isFinite(b.max) && b.max < 1) bound.max = b.max;
    if (bound.min !== undefined || bound.max !== undefined) out[key] = bound;
  }
  return out;
}

/** The controls as engine constraints; amounts are explicit so the region does not move with the current mix. */
export function constraintsFrom(c: ConstraintChoice): MixConstraints {
  return {
    capitalAdequacyRatio: c.capital,
    tier1Ratio: c.capital,
    cet1Ratio: c.capital,
    lcr: c.lcr,
    nsfr: c.nsfr,
    singleClientToCapital: c.singleClient,
    top10ToCapital: c.top10,
    economicCapital: c.ecBudget ? c.ecAmount : false,
    managers: c.managers ? c.managerCount : false,
  };
}

/** Constraints the figures break, the most broken (relative to its threshold) first. */
export function brokenConstraints(figures: MixFigures, constraints: readonly ActiveConstraint[]): ActiveConstraint[] {
  const shortfall = (c: ActiveConstraint) => {
    const v = figures[c.figure];
    return (c.direction === 'min' ? c.threshold - v : v - c.threshold) / (Math.abs(c.threshold) || 1);
  };
  return constraints.filter((c) => shortfall(c) > 0).sort((a, b) => shortfall(b) - shortfall(a));
}

/** Constraints set in a violation bitmask (bit b = CONSTRAINT_KEYS[b]), in the design's order. */
export function constraintsInMask(mask: number, constraints: readonly ActiveConstraint[]): ActiveConstraint[] {
  return constraints.filter((c) => (mask >> c.bit) & 1);
}

export function sharesOf(scenario: Scenario): number[] {
  return scenario.segments.map((s) => s.share);
}

/** The scenario with these shares (by segment order); nothing else changes. */
export function withShares(scenario: Scenario, shares: readonly number[]): Scenario {
  return { ...scenario, segments: scenario.segments.map((s, i) => ({ ...s, share: shares[i] })) };
}

/** "65/25/10": shares in percent at one decimal at most, summing to 100 (roundShares). */
export function mixShort(shares: readonly number[]): string {
  return roundShares(shares, 1).map(String).join('/');
}

/** "大客户 65% · 中客户 25% · 小客户 10%". */
export function mixLong(names: readonly string[], shares: readonly number[]): string {
  const parts = mixShort(shares).split('/');
  return names.map((n, i) => `${n} ${parts[i]}%`).join(' · ');
}

/** A key that changes when anything but the shares changes: the design grid does not depend on the current mix. */
export function mixFreeKey(scenario: Scenario): string {
  return JSON.stringify(scenario, (key, value: unknown) => (key === 'share' ? undefined : value));
}

export const OBJECTIVES = ['netProfit', 'raroc', 'eva'] as const;
export const TORNADO_METRICS = ['netProfit', 'raroc', 'capitalAdequacyRatio', 'lcr', 'nsfr'] as const;
export type ConstraintLabelKey = `exclusion_${ConstraintKey}`;
