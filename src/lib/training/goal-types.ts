/**
 * The shared vocabulary of goals and conditions: the types and the one comparison every goal,
 * challenge constraint and portfolio lesson uses. A leaf module (no import from the training
 * layer), so figures, goals, scoring and the portfolio lessons can all use it without a cycle.
 */
import type { Bilingual } from '../model';
import type { TrainingContext } from './context';

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
