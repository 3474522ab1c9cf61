/** Formatting of the over-time charts: axis ticks in the banker's units, table cells. */
import { i18n } from '../../lib/i18n/i18n.svelte';

export type FigureKind = 'money' | 'percent' | 'count';

/** A compact axis tick: money in 亿元 (zh) / CNY bn (en) without the unit, percents with a %. */
export function tick(kind: FigureKind, v: number): string {
  switch (kind) {
    case 'money':
      return trim(i18n.lang === 'zh' ? v / 1e8 : v / 1e9, 2);
    case 'percent':
      return `${trim(v * 100, 2)}%`;
    default:
      return trim(v, 0);
  }
}

/** A figure in full: 1.25 亿元, 11.52%, 139. */
export function figure(kind: FigureKind, v: number, digits?: number): string {
  switch (kind) {
    case 'money':
      return i18n.money(v, digits ?? 2);
    case 'percent':
      return i18n.percent(v, digits ?? 2);
    default:
      return Math.round(v).toLocaleString('en-US');
  }
}

/** The unit of a money axis. */
export function moneyUnit(): string {
  return i18n.lang === 'zh' ? '亿元' : 'CNY bn';
}

/** One formatter per digit count (a new Intl.NumberFormat per tick is slow). */
const TRIMMED = new Map<number, Intl.NumberFormat>();

function trim(x: number, digits: number): string {
  let format = TRIMMED.get(digits);
  if (!format) TRIMMED.set(digits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  const s = format.format(Number(x.toFixed(digits)));
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}
