/** How the design view writes figures, limits and changes (banker units via the app's i18n). */
import type { ActiveConstraint, ConstraintKey, MixFigureKey, MixObjective } from '../../lib/model';
import { formatCount, withSign } from '../../lib/i18n/format';
import { i18n } from '../../lib/i18n/i18n.svelte';

const MONEY: ReadonlySet<MixFigureKey> = new Set(['netProfit', 'preTaxProfit', 'eva', 'economicCapital', 'expectedLoss', 'rwa', 'corporateDeposits']);
const COUNTS: ReadonlySet<MixFigureKey> = new Set(['clients', 'managers']);

/** A figure of a mix: money in 亿元 / CNY bn, ratios in %, counts whole. */
export function formatFigure(key: MixFigureKey, v: number): string {
  if (MONEY.has(key)) return i18n.money(v);
  if (COUNTS.has(key)) return formatCount(v);
  if (key === 'hhi') return v.toFixed(4);
  return i18n.percent(v, 2);
}

/** A change of a figure, signed: money in 亿元, ratios in bp (基点), counts whole. */
export function formatFigureChange(key: MixFigureKey, d: number): string {
  if (MONEY.has(key)) return withSign(i18n.money(d), d);
  if (COUNTS.has(key)) return withSign(formatCount(d), d);
  if (key === 'hhi') return withSign(d.toFixed(4), d);
  return ratioChange(d);
}

/** A change of a share or ratio: 个百分点 / pp, two decimals. */
export function ppChange(d: number, digits = 2): string {
  const x = Math.abs(d * 100) < 0.5 * 10 ** -digits ? 0 : d * 100;
  const s = Math.abs(x).toFixed(digits);
  const signed = x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
  return i18n.lang === 'zh' ? `${signed} 个百分点` : `${signed} pp`;
}

/** A change of a ratio as a banker says it: in bp (基点) below one percentage point, in pp above. */
export function ratioChange(d: number): string {
  return Math.abs(d) < 0.01 ? withSign(i18n.bp(d, 0), d) : ppChange(d);
}

/** A percentage without a useless ".0": 10.5%, 100%. */
export function percentShort(x: number): string {
  const s = (x * 100).toFixed(1).replace(/\.0$/, '');
  return `${s}%`;
}

/** A constraint's threshold as a banker writes it. */
export function limitText(c: Pick<ActiveConstraint, 'key' | 'threshold'>): string {
  if (c.key === 'economicCapital') return i18n.money(c.threshold);
  if (c.key === 'managers') return formatCount(c.threshold);
  return percentShort(c.threshold);
}

/** "流动性覆盖率 < 100%": what excludes a mix. */
export function exclusionLabel(c: Pick<ActiveConstraint, 'key' | 'threshold'>): string {
  if (c.key === 'shareBounds') return i18n.t('design.exclusion_shareBounds');
  return i18n.t(`design.exclusion_${c.key}`, { limit: limitText(c) });
}

export function objectiveName(o: MixObjective): string {
  return i18n.t(`metric.${o}`);
}

/** Tick text for an objective's legend: the number alone, the unit is in the title. */
export function objectiveTick(o: MixObjective, v: number): string {
  if (o === 'raroc') return `${(v * 100).toFixed(1)}%`;
  return i18n.lang === 'zh' ? (v / 1e8).toFixed(1) : (v / 1e9).toFixed(2);
}

/** Unit of money on an axis or legend title. */
export function moneyUnit(): string {
  return i18n.lang === 'zh' ? '亿元' : 'CNY bn';
}

/** Axis tick for money: the number in 亿元 / CNY bn. */
export function moneyTick(v: number): string {
  const x = i18n.lang === 'zh' ? v / 1e8 : v / 1e9;
  const digits = Math.abs(x) >= 10 ? 0 : Math.abs(x) >= 1 ? 1 : 2;
  return x.toFixed(digits);
}

/** A constraint's name: the dashboard's limit names for the regulatory ones. */
export function constraintName(key: ConstraintKey): string {
  if (key === 'economicCapital') return i18n.t('design.name_economicCapital');
  if (key === 'managers') return i18n.t('design.name_managers');
  if (key === 'shareBounds') return i18n.t('design.name_shareBounds');
  return i18n.t(`limit.${key}`);
}
