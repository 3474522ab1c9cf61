/**
 * Figures and conditions as text in the current language: money in 亿元/万元 (CNY bn/m), rates in
 * %, quarters, counts; "≥ 110.0% (now 101.1%)".
 */
import { formatCount, formatMoneyAuto } from '../../lib/i18n/format';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { MONTE_CARLO_FIGURES, PORTFOLIO_FIGURES, figureLabel, parseFigure, type Comparison, type TrainingContext } from '../../lib/training';

export function formatFigure(name: string, value: number, digits?: number): string {
  const unit = parseFigure(name)?.def.unit ?? PORTFOLIO_FIGURES[name]?.unit ?? MONTE_CARLO_FIGURES[name]?.unit;
  if (!unit || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'yuan':
      // below 1 亿 the bank-level unit would read "0.00 bn": 万元 / CNY m instead
      return Math.abs(value) >= 1e8 || value === 0 ? i18n.money(value) : formatMoneyAuto(value, i18n.lang);
    case 'clientYuan':
      return i18n.clientMoney(value);
    case 'percent':
      return i18n.percent(value, digits ?? (Math.abs(value) < 0.2 ? 2 : 1));
    case 'count':
      return formatCount(value, digits ?? 0);
    case 'quarters':
      return value > 20 ? i18n.t('training.notReached') : i18n.t('training.unitQuarters', { n: value });
    default:
      return value.toFixed(digits ?? 4);
  }
}

export function figureName(ctx: TrainingContext | null, name: string): string {
  return i18n.pick(MONTE_CARLO_FIGURES[name]?.label ?? figureLabel(ctx, name));
}

export function opSymbol(op: Comparison): string {
  return op === '>=' ? '≥' : '≤';
}

/** "资本充足率（CAR） ≥ 11.50%" */
export function conditionText(ctx: TrainingContext | null, figure: string, op: Comparison, value: number): string {
  return `${figureName(ctx, figure)} ${opSymbol(op)} ${formatFigure(figure, value)}`;
}

/** Text in brackets the way each language writes them: （…） or (…). */
export function paren(text: string): string {
  return i18n.lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** A label and its text: "任务：…" or "Task: …". */
export function colon(label: string): string {
  return i18n.lang === 'zh' ? `${label}：` : `${label}: `;
}
