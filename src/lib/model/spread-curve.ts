/**
 * Net profit against one segment's spread over LPR: the curve a trainee reads beside the spread
 * slider, and its optimum. Each point is `evaluateClosedForm()` of the scenario with that spread, so the
 * pricing response (demand kept, adverse selection) is the one every screen uses.
 */
import { evaluateClosedForm } from './closed-form';
import { applyLevers } from './levers';
import type { Scenario } from './scenario';

export interface SpreadPoint {
  spreadBp: number;
  netProfit: number;
}

export interface SpreadCurve {
  points: SpreadPoint[];
  /** The point of highest net profit. */
  best: SpreadPoint;
}

/**
 * Net profit at spreads from `minBp` to `maxBp` every `stepBp` for segment `segmentKey`.
 * @example spreadCurve(demoScenario, 'small').best.spreadBp // the spread that maximises net profit
 */
export function spreadCurve(scenario: Scenario, segmentKey: string, { minBp = -50, maxBp = 250, stepBp = 5 } = {}): SpreadCurve {
  const points: SpreadPoint[] = [];
  const n = Math.max(1, Math.round((maxBp - minBp) / stepBp));
  for (let i = 0; i <= n; i++) {
    const spreadBp = minBp + i * stepBp;
    points.push({ spreadBp, netProfit: evaluateClosedForm(applyLevers(scenario, { spreadBp: { [segmentKey]: spreadBp } })).profitability.netProfit });
  }
  const best = points.reduce((a, b) => (b.netProfit > a.netProfit ? b : a));
  return { points, best };
}
