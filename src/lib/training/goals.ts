/**
 * A lesson's goal: conditions on figures (checked live on every move) and, for a diagnosis,
 * questions whose right answer is computed from the lesson's starting bank, not typed in. A
 * condition on a Monte Carlo figure (`mc.*`) reads the run of the trainee's play, and is pending
 * (not met) until that run is done.
 */
import { isMonteCarloFigure } from './monte-carlo';
import type { TrainingContext } from './context';
import { readFigure } from './figures';
import { compare, type Condition, type ConditionResult, type GoalCheck } from './goal-types';

export { compare } from './goal-types';
export type { ChoiceCondition, ChoiceOption, Comparison, Condition, ConditionResult, FigureCondition, GoalCheck } from './goal-types';

/**
 * Checks every condition against the trainee's scenario (`ctx`) and the lesson's start (`base`);
 * `mc.*` figures come from `simulated`, the `mc.*` figures of the play's run (null: not run yet).
 * @example checkGoal(lesson.goal, createContext(s), createContext(lesson.scenario), {}, monteCarloFigures(run, s)).isMet
 */
export function checkGoal(
  conditions: readonly Condition[],
  ctx: TrainingContext,
  base: TrainingContext,
  answers: Record<string, string>,
  simulated: Readonly<Record<string, number>> | null = null,
): GoalCheck {
  const results = conditions.map((c): ConditionResult => {
    if (c.kind === 'figure') {
      if (isMonteCarloFigure(c.figure)) {
        const value = simulated?.[c.figure] ?? NaN;
        return {
          condition: c,
          isMet: simulated !== null && compare(value, c.op, c.value),
          value: simulated ? value : null,
          chosen: null,
          isPending: simulated === null,
        };
      }
      const value = readFigure(ctx, c.figure);
      return { condition: c, isMet: compare(value, c.op, c.value), value, chosen: null, isPending: false };
    }
    const chosen = answers[c.id] ?? null;
    return { condition: c, isMet: chosen !== null && chosen === c.answer(base), value: null, chosen, isPending: false };
  });
  return { isMet: results.every((r) => r.isMet), isPending: results.some((r) => r.isPending), results };
}
