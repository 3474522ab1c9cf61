/**
 * What TrainingPlayer lists, as text in the current language, whatever the subject (a bank or a
 * client portfolio; `ctx` null for a portfolio, whose figures need no segment names): a lesson's
 * goal lines, a challenge's objective sentence and constraint lines, and the figures a challenge shows.
 */
import { i18n } from '../../lib/i18n/i18n.svelte';
import type { ChallengeDef, ConditionResult, ScoreBreakdown, TrainingContext } from '../../lib/training';
import { conditionText, figureName, formatFigure } from './format';

/** One line CheckList shows: met or not, what it asks, the value now, and a note under it. */
export interface CheckLine {
  key: string;
  isMet: boolean;
  text: string;
  now: string;
  note?: { zh: string; en: string };
}

/** A lesson's goal as CheckList lines: a figure condition with its value now, a question with its answer's state. */
export function goalLines(results: readonly ConditionResult[], ctx: TrainingContext | null): CheckLine[] {
  return results.map((r) =>
    r.condition.kind === 'figure'
      ? {
          key: r.condition.figure,
          isMet: r.isMet,
          text: conditionText(ctx, r.condition.figure, r.condition.op, r.condition.value),
          now: r.isPending ? i18n.t('training.mcPending') : i18n.t('training.conditionNow', { value: formatFigure(r.condition.figure, r.value ?? NaN) }),
        }
      : {
          key: r.condition.id,
          isMet: r.isMet,
          text: i18n.pick(r.condition.question),
          now: r.chosen === null ? i18n.t('training.answerPending') : r.isMet ? i18n.t('training.answerRight') : i18n.t('training.answerWrong'),
        },
  );
}

/** A challenge's objective ("maximise …" or "minimise …") and its constraints as CheckList lines, from the live score. */
export function challengeLines(challenge: ChallengeDef, live: ScoreBreakdown, ctx: TrainingContext | null): { objective: string; constraints: CheckLine[] } {
  const isMax = challenge.objective.target >= challenge.objective.floor;
  return {
    objective: i18n.t(isMax ? 'training.objectiveMax' : 'training.objectiveMin', { figure: figureName(ctx, challenge.objective.figure) }),
    constraints: live.constraints.map((c) => ({
      key: c.id,
      isMet: c.isMet,
      text: conditionText(ctx, c.figure, c.op, c.threshold),
      now: i18n.t('training.conditionNow', { value: formatFigure(c.figure, c.value) }),
      note: challenge.constraints.find((d) => d.id === c.id)?.note,
    })),
  };
}

/** The figures a challenge shows: its objective's, its constraints', then its own list, each once. */
export function challengeFigureNames(challenge: ChallengeDef): string[] {
  return [...new Set([challenge.objective.figure, ...challenge.constraints.map((c) => c.figure), ...challenge.figures])];
}
