/**
 * A lesson's goal: conditions on figures (checked live on every move) and, for a diagnosis,
 * questions whose right answer is computed from the lesson's starting bank, not typed in. A
 * condition on a Monte Carlo figure (`mc.*`) reads the run of the trainee's play, and is pending
 * (not met) until that run is done.
 */
import type { Bilingual } from '../model';
import { isMonteCarloFigure } from './monte-carlo';
import type { TrainingContext } from './context';
import { readFigure } from './figures';

export type Comparison = '>=' | '<=';

export interface FigureCondition {
  kind: 'figure';
  figure: string;
  op: Comparison;
  value: number;
}

export interface ChoiceOption {
  id: string;
  label: Bilingual;
}

export interface ChoiceCondition {
  kind: 'choice';
  id: string;
  question: Bilingual;
  options: ChoiceOption[];
  /** The right option, computed from the starting bank (`base`) with the engine. */
  answer: (base: TrainingContext) => string;
}

export type Condition = FigureCondition | ChoiceCondition;

export interface ConditionResult {
  condition: Condition;
  isMet: boolean;
  /** The figure's value (figure conditions). */
  value: number | null;
  /** The option chosen (choice conditions). */
  chosen: string | null;
  /** A Monte Carlo figure whose run of this play is not done yet (never met while pending). */
  isPending: boolean;
}

export interface GoalCheck {
  isMet: boolean;
  /** Some condition waits for the play's Monte Carlo run. */
  isPending: boolean;
  results: ConditionResult[];
}

/** `value op threshold`, with a relative tolerance of 1e-9 so a figure shown equal to its target passes. */
export function compare(value: number, op: Comparison, threshold: number): boolean {
  if (!Number.isFinite(value)) return false;
  const eps = 1e-9 * Math.max(1, Math.abs(threshold));
  return op === '>=' ? value >= threshold - eps : value <= threshold + eps;
}

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
        return { condition: c, isMet: simulated !== null && compare(value, c.op, c.value), value: simulated ? value : null, chosen: null, isPending: simulated === null };
      }
      const value = readFigure(ctx, c.figure);
      return { condition: c, isMet: compare(value, c.op, c.value), value, chosen: null, isPending: false };
    }
    const chosen = answers[c.id] ?? null;
    return { condition: c, isMet: chosen !== null && chosen === c.answer(base), value: null, chosen, isPending: false };
  });
  return { isMet: results.every((r) => r.isMet), isPending: results.some((r) => r.isPending), results };
}
