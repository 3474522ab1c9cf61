/**
 * The levers a trainee moves (docs/reference-model.md §1), applied as pure functions on a scenario.
 */
import type { Levers, Scenario } from './scenario';

export interface LeverChanges {
  /** New shares by segment key; missing segments keep their share; the result is renormalised to sum to 1. */
  mix?: Record<string, number>;
  /** New spreads over LPR by segment key, bp (加点). */
  spreadBp?: Record<string, number>;
  /** New 1-year LPR. */
  lpr1y?: number;
  /** Products per client by segment key (cross-selling effort). */
  productsPerClient?: Record<string, number>;
  /** The rest of the levers (target mix, pace, headcount …). */
  levers?: Partial<Levers>;
}

/**
 * Returns a new scenario with the levers applied; the input is never mutated.
 * @example applyLevers(demoScenario, { mix: { large: 0.4, mid: 0.3, small: 0.3 } })
 */
export function applyLevers(scenario: Scenario, changes: LeverChanges): Scenario {
  let segments = scenario.segments.map((s) => ({
    ...s,
    share: changes.mix?.[s.key] ?? s.share,
    spreadBp: changes.spreadBp?.[s.key] ?? s.spreadBp,
    productsPerClient: changes.productsPerClient?.[s.key] ?? s.productsPerClient,
  }));
  if (changes.mix) {
    const total = segments.reduce((a, s) => a + s.share, 0);
    if (total > 0) segments = segments.map((s) => ({ ...s, share: s.share / total }));
  }
  return {
    ...scenario,
    market: changes.lpr1y === undefined ? scenario.market : { ...scenario.market, lpr1y: changes.lpr1y },
    segments,
    levers: changes.levers ? { ...scenario.levers, ...changes.levers } : scenario.levers,
  };
}

/**
 * Linked mix sliders: set one segment's share and rebalance the others in proportion to their
 * current shares, so the mix always sums to 1. When the others are all zero, they share the
 * remainder equally.
 * @example rebalanceMix([0.65, 0.25, 0.1], 0, 0.4) // [0.4, 0.4286, 0.1714]
 */
export function rebalanceMix(shares: readonly number[], index: number, value: number): number[] {
  const v = Math.min(1, Math.max(0, value));
  const othersTotal = shares.reduce((a, s, i) => (i === index ? a : a + s), 0);
  const remainder = 1 - v;
  const n = shares.length;
  return shares.map((s, i) => {
    if (i === index) return v;
    if (othersTotal <= 0) return n > 1 ? remainder / (n - 1) : 0;
    return (s / othersTotal) * remainder;
  });
}

/** The current mix as a record by segment key. */
export function mixOf(scenario: Scenario): Record<string, number> {
  return Object.fromEntries(scenario.segments.map((s) => [s.key, s.share]));
}
