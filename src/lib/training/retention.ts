/**
 * Product depth and retention (产品渗透). The source cites a consultancy finding: a client with
 * only a current account leaves within a year with probability about 1/2, with current and time
 * deposits about 1/3, with three or more products about 10% (scenario.simulation.attritionCurve).
 */
import type { Scenario } from '../model';

/**
 * Yearly attrition for a client holding `products` products: the curve (entry k for k+1
 * products) interpolated linearly, flat beyond its ends (as the Monte Carlo reads it, model.md §7).
 * @example attritionFor([0.5, 1/3, 0.1], 3) // 0.1
 */
export function attritionFor(curve: readonly number[], products: number): number {
  if (curve.length === 0) return 0;
  const x = products - 1;
  if (x <= 0) return curve[0];
  if (x >= curve.length - 1) return curve[curve.length - 1];
  const i = Math.floor(x);
  return curve[i] + (x - i) * (curve[i + 1] - curve[i]);
}

export interface SegmentRetention {
  key: string;
  attrition: number;
  /** Share of today's clients still with the bank after five years, (1 − a)⁵. */
  keptAfter5y: number;
  /** Clients to win each year only to keep the segment's size: a × clients. */
  replacementsPerYear: number;
}

export function retention(scenario: Scenario, clientsByKey: Record<string, number>): SegmentRetention[] {
  const curve = scenario.simulation.attritionCurve;
  return scenario.segments.map((s) => {
    const attrition = attritionFor(curve, s.productsPerClient);
    return { key: s.key, attrition, keptAfter5y: Math.pow(1 - attrition, 5), replacementsPerYear: attrition * (clientsByKey[s.key] ?? 0) };
  });
}
