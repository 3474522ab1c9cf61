/**
 * A lesson's goal: conditions on figures (checked live on every move) and, for a diagnosis,
 * questions whose right answer is computed from the lesson's starting bank, not typed in.
 */
import type { TrainingContext } from './context';
import { readFigure } from './figures';
import { compare, type Condition, type ConditionResult, type GoalCheck } from './goal-types';

export { compare } from './goal-types';
export type { ChoiceCondition, ChoiceOption, Comparison, Condition, ConditionResult, FigureCondition, GoalCheck } from './goal-types';

/**
 * Checks every condition against the trainee's scenario (`ctx`) and the lesson's start (`base`).
 * @example checkGoal(lesson.goal, createContext(s), createContext(lesson.scenario), {}).isMet
 */
export function checkGoal(conditions: readonly Condition[], ctx: TrainingContext, base: TrainingContext, answers: Record<string, string>): GoalCheck {
  const results = conditions.map((c): ConditionResult => {
    if (c.kind === 'figure') {
      const value = readFigure(ctx, c.figure);
      return { condition: c, isMet: compare(value, c.op, c.value), value, chosen: null };
    }
    const chosen = answers[c.id] ?? null;
    return { condition: c, isMet: chosen !== null && chosen === c.answer(base), value: null, chosen };
  });
  return { isMet: results.every((r) => r.isMet), results };
}
