/**
 * Numbers as a Chinese banker reads them (ux.md): bank-level money in 亿元 (CNY bn in English),
 * a client's money in 万元 (CNY m), rates in %, spreads and changes in basis points, negative
 * numbers with a true minus sign. Pure functions: the locale is an argument.
 */
export type Lang = 'zh' | 'en';

const MINUS = '−';

/** One formatter per digit count: toLocaleString with options builds a new one per call (slow in charts). */
const FORMATS = new Map<number, Intl.NumberFormat>();

function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—';
  let format = FORMATS.get(digits);
  if (!format) FORMATS.set(digits, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  const s = format.format(Math.abs(x));
  // −0.00 reads as 0.00
  return x < 0 && Number(s.replace(/,/g, '')) !== 0 ? MINUS + s : s;
}

/** Bank-level money: 7.60 亿元 / CNY 0.76 bn. */
export function formatMoney(yuan: number, lang: Lang, digits = 2): string {
  if (lang === 'zh') return `${fixed(yuan / 1e8, digits)} 亿元`;
  return `CNY ${fixed(yuan / 1e9, digits)} bn`;
}

/** A client's money: 600 万元 / CNY 6.0 m. */
export function formatClientMoney(yuan: number, lang: Lang): string {
  if (lang === 'zh') return `${fixed(yuan / 1e4, yuan / 1e4 >= 100 ? 0 : 1)} 万元`;
  return `CNY ${fixed(yuan / 1e6, yuan / 1e6 >= 100 ? 0 : 2)} m`;
}

/** Money at the scale that suits it: 亿元 from 1 亿 up, else 万元. */
export function formatMoneyAuto(yuan: number, lang: Lang): string {
  return Math.abs(yuan) >= 1e8 ? formatMoney(yuan, lang) : formatClientMoney(yuan, lang);
}

/** A rate or ratio as a percentage: 13.05%. */
export function formatPercent(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${fixed(x * 100, digits)}%` : '—';
}

/** A spread or change in basis points: 25 bp / 25 基点. */
export function formatBp(x: number, lang: Lang, digits = 0): string {
  return `${fixed(x * 1e4, digits)} ${lang === 'zh' ? '基点' : 'bp'}`;
}

/** A change with its sign: +25 bp, −1.20 亿元. */
export function withSign(formatted: string, x: number): string {
  return x > 0 ? `+${formatted}` : formatted;
}

/** Markup over LPR in the float convention: 上浮20% / 下浮8% (en: +20% / −8% vs LPR). */
export function formatMarkup(markup: number, lang: Lang, digits = 0): string {
  const pct = fixed(Math.abs(markup) * 100, digits);
  if (lang === 'zh') return markup >= 0 ? `上浮${pct}%` : `下浮${pct}%`;
  return markup >= 0 ? `+${pct}% vs LPR` : `${MINUS}${pct}% vs LPR`;
}

/** A count with thousands separators. */
export function formatCount(n: number, digits = 0): string {
  return fixed(n, digits);
}

/** A figure by the unit of its metric (model/metrics.ts): money in 亿元 / CNY bn, %, counts, an index to 4 places. */
export function formatMetricValue(unit: 'yuan' | 'percent' | 'count' | 'index', x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '—';
  switch (unit) {
    case 'yuan':
      return formatMoney(x, lang);
    case 'percent':
      return formatPercent(x, 2);
    case 'count':
      return formatCount(x, x < 100 ? 1 : 0);
    default:
      return fixed(x, 4);
  }
}
