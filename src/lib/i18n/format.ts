/**
 * Numbers as a Chinese banker reads them (docs/ux.md): bank-level money in 亿元 (CNY bn in English),
 * a client's money in 万元 (CNY m), rates in %, spreads and changes in basis points, negative
 * numbers with a true minus sign. Pure functions: the locale is an argument.
 */
export type Lang = 'zh' | 'en';

/** The number formats of one language, as pure text builders (the glass box and the risk panels take one). */
export interface Formatter {
  lang: Lang;
  money: (yuan: number) => string;
  /** A client-level amount (万元 / CNY m). */
  clientMoney: (yuan: number) => string;
  percent: (x: number, digits?: number) => string;
  bp: (x: number) => string;
  pick: (b: { zh: string; en: string }) => string;
}

const MINUS = '−';

/**
 * A number with `digits` decimals and thousands commas, "−" for a negative that does not round to 0:
 * what Intl.NumberFormat('en-US') writes, without Intl: in Chromium the dashboard's first render spent
 * about 40 ms in Intl's formatters (profiled), none here. Like Intl, it rounds the number's shortest decimal form half away from zero
 * (1.005 → 1.01, where toFixed rounds the binary value to 1.00); test/i18n/format.test.ts checks
 * the two agree.
 */
function fixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  const s = roundedDecimal(abs, digits);
  const dot = s.indexOf('.');
  const whole = dot < 0 ? s : s.slice(0, dot);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  const out = dot < 0 ? grouped : grouped + s.slice(dot);
  // −0.00 reads as 0.00
  return x < 0 && /[1-9]/.test(s) ? MINUS + out : out;
}

/** `abs` (≥ 0) rounded half up to `digits` decimals, from its shortest decimal form. */
function roundedDecimal(abs: number, digits: number): string {
  const shortest = String(abs);
  // Exponent forms: below 1e-6 every shown digit is 0 at the digits used here; from 1e21 Intl's own writing.
  if (shortest.includes('e'))
    return abs < 1 ? abs.toFixed(digits) : abs.toLocaleString('en-US', { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits });
  const dot = shortest.indexOf('.');
  const whole = dot < 0 ? shortest : shortest.slice(0, dot);
  const fraction = dot < 0 ? '' : shortest.slice(dot + 1);
  if (fraction.length <= digits) return digits ? `${whole}.${fraction.padEnd(digits, '0')}` : whole;
  let kept = whole + fraction.slice(0, digits);
  if (fraction.charCodeAt(digits) >= 53 /* '5' */) {
    // add one in the last kept place, carrying
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    kept = i < 0 ? '1' + '0'.repeat(kept.length) : kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(kept.length - 1 - i);
  }
  return digits ? `${kept.slice(0, kept.length - digits)}.${kept.slice(kept.length - digits)}` : kept;
}

/**
 * Bank-level money: 7.60 亿元 / CNY 760 m; CNY bn from 1 bn up (21.25 亿元 / CNY 2.13 bn).
 * In English, amounts below 1 bn are in millions at the precision the 亿元 figure keeps
 * (`digits` in 亿 = `digits − 2` in m), so "1.43 亿元" does not become "CNY 0.14 bn".
 */
export function formatMoney(yuan: number, lang: Lang, digits = 2): string {
  if (lang === 'zh') return `${fixed(yuan / 1e8, digits)} 亿元`;
  if (Math.abs(yuan) < 1e9) return `CNY ${fixed(yuan / 1e6, Math.max(0, digits - 2))} m`;
  return `CNY ${fixed(yuan / 1e9, digits)} bn`;
}

/** A client's money: 600 万元 / CNY 6.0 m. */
export function formatClientMoney(yuan: number, lang: Lang): string {
  if (lang === 'zh') return `${fixed(yuan / 1e4, yuan / 1e4 >= 100 ? 0 : 1)} 万元`;
  return `CNY ${fixed(yuan / 1e6, yuan / 1e6 >= 100 ? 0 : 2)} m`;
}

/** The formats of one language as a Formatter (the glass box and the risk panels take one). */
export function formatterFor(lang: Lang): Formatter {
  return {
    lang,
    money: (x) => formatMoney(x, lang),
    clientMoney: (x) => formatClientMoney(x, lang),
    percent: (x, d) => formatPercent(x, d),
    bp: (x) => formatBp(x, lang),
    pick: (b) => b[lang],
  };
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

/** A change of a ratio in percentage points: 0.8 个百分点 / 0.8 pp (x as a fraction: 0.008). */
export function formatPp(x: number, lang: Lang, digits = 1): string {
  return Number.isFinite(x) ? `${fixed(x * 100, digits)} ${lang === 'zh' ? '个百分点' : 'pp'}` : '—';
}

/** A change with its sign: +25 bp, −1.20 亿元. */
export function withSign(formatted: string, x: number): string {
  return x > 0 ? `+${formatted}` : formatted;
}

/**
 * A spread over LPR as a loan is priced since the 2019 reform (加点): LPR+80基点 / LPR + 80 bp,
 * LPR−24基点 below it. `spreadBp` is in basis points.
 * @example formatSpread(80, 'zh') // 'LPR+80基点'
 */
export function formatSpread(spreadBp: number, lang: Lang, digits = 0): string {
  const sign = spreadBp < 0 && Number(fixed(Math.abs(spreadBp), digits).replace(/,/g, '')) !== 0 ? MINUS : '+';
  const n = fixed(Math.abs(spreadBp), digits);
  return lang === 'zh' ? `LPR${sign}${n}基点` : `LPR ${sign} ${n} bp`;
}

/**
 * The 2007 source's convention, a float over the benchmark rate: 上浮20% / 下浮8%
 * (en: +20% / −8% float). Shown beside a spread as its equivalent (spread / LPR).
 * @example formatFloat(0.27, 'zh') // '上浮27%'
 */
export function formatFloat(float: number, lang: Lang, digits = 0): string {
  const pct = fixed(Math.abs(float) * 100, digits);
  if (lang === 'zh') return float >= 0 ? `上浮${pct}%` : `下浮${pct}%`;
  return float >= 0 ? `+${pct}% float` : `${MINUS}${pct}% float`;
}

/** A count with thousands separators. */
export function formatCount(n: number, digits = 0): string {
  return fixed(n, digits);
}

/**
 * Shares as percentages rounded so that the shown numbers sum to exactly 100 (largest-remainder
 * rounding, Hamilton's method): each is floored at `decimals`, and the units left over go to the
 * largest remainders (ties to the earlier segment). A mix of 38.93/45.5/15.57 shows as
 * 38.9/45.5/15.6 at one decimal, 39/31/31 as 40/30/30 → never 101. Shares that do not sum to 1
 * (a mix being typed) are rounded one by one instead.
 * @example roundShares([0.389286, 0.455, 0.155714], 1) // [38.9, 45.5, 15.6]
 */
export function roundShares(shares: readonly number[], decimals = 0): number[] {
  const scale = 10 ** decimals;
  const units = shares.map((s) => (Number.isFinite(s) ? s * 100 * scale : 0));
  const total = units.reduce((a, u) => a + u, 0);
  const target = Math.round(total);
  if (Math.abs(total - 100 * scale) > 1e-6 * scale) return units.map((u) => Math.round(u) / scale);
  const floors = units.map((u) => Math.floor(u + 1e-9));
  let left = target - floors.reduce((a, f) => a + f, 0);
  const order = units.map((u, i) => ({ i, r: u - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors.map((f) => f / scale);
}

/** Shares shown as "40%" / "38.9%", summing to 100 on screen (roundShares). */
export function formatShares(shares: readonly number[], decimals = 0): string[] {
  return roundShares(shares, decimals).map((x) => `${fixed(x, decimals)}%`);
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
