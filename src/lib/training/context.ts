/**
 * What a lesson or a challenge reads from a scenario, computed once per scenario: the one-year
 * view of `evaluate()` (the steady state after the pricing response, as on every screen), and
 * (lazily) the rebalancing path and the spread curves.
 */
import { evaluate, spreadCurve, type Evaluation, type Scenario, type SpreadCurve } from '../model';
import { projectPace, type PaceProjection } from './pace';

export interface TrainingContext {
  /** The scenario as the trainee set it. */
  readonly scenario: Scenario;
  /** evaluate(scenario): the book after the pricing response. */
  readonly evaluation: Evaluation;
  pace(): PaceProjection;
  curve(segmentKey: string): SpreadCurve;
  segmentIndex(key: string): number;
}

/** A context with lazy, memoised parts (the pace path runs 20 evaluations, a curve 61). */
export function createContext(scenario: Scenario): TrainingContext {
  const evaluation = evaluate(scenario);
  let pace: PaceProjection | null = null;
  const curves = new Map<string, SpreadCurve>();
  return {
    scenario,
    evaluation,
    pace: () => (pace ??= projectPace(scenario)),
    curve: (key) => {
      let c = curves.get(key);
      if (!c) {
        c = spreadCurve(scenario, key);
        curves.set(key, c);
      }
      return c;
    },
    segmentIndex: (key) => scenario.segments.findIndex((s) => s.key === key),
  };
}
