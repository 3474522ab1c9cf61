/**
 * What a lesson or a challenge reads from a scenario, computed once per scenario: the closed form
 * after the pricing response, and (lazily) the rebalancing path, the markup curves and retention.
 */
import { evaluate, type Evaluation, type Scenario } from '../model';
import { projectPace, type PaceProjection } from './pace';
import { markupCurve, pricingEffects, withPricingResponse, type MarkupPoint, type PricingEffect } from './pricing';
import { retention, type SegmentRetention } from './retention';

export interface TrainingContext {
  /** The scenario as the trainee set it. */
  readonly scenario: Scenario;
  /** The same after the pricing response (identical when no markup is above the market). */
  readonly priced: Scenario;
  /** evaluate(priced). */
  readonly evaluation: Evaluation;
  readonly effects: PricingEffect[];
  pace(): PaceProjection;
  curve(segmentKey: string): { points: MarkupPoint[]; best: MarkupPoint };
  retention(): SegmentRetention[];
  segmentIndex(key: string): number;
}

/** A context with lazy, memoised parts (the pace path runs 20 evaluations, the curve 111). */
export function createContext(scenario: Scenario): TrainingContext {
  const priced = withPricingResponse(scenario);
  const evaluation = evaluate(priced);
  let pace: PaceProjection | null = null;
  let kept: SegmentRetention[] | null = null;
  const curves = new Map<string, { points: MarkupPoint[]; best: MarkupPoint }>();
  return {
    scenario,
    priced,
    evaluation,
    effects: pricingEffects(scenario),
    pace: () => (pace ??= projectPace(scenario)),
    curve: (key) => {
      let c = curves.get(key);
      if (!c) {
        c = markupCurve(scenario, key);
        curves.set(key, c);
      }
      return c;
    },
    retention: () => (kept ??= retention(scenario, Object.fromEntries(evaluation.segments.map((s) => [s.key, s.clients])))),
    segmentIndex: (key) => scenario.segments.findIndex((s) => s.key === key),
  };
}
