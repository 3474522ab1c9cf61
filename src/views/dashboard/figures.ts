/**
 * The dashboard's figures, shared by its principle panels and the printed report: which figures
 * each principle shows, the limit that checks a figure, and how a figure's value is written.
 */
import { METRICS, type Evaluation, type LimitCheck, type MetricKey, type Principle, type Scenario } from '../../lib/model';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { formatCount, formatShares } from '../../lib/i18n/format';
import { segmentColor } from '../../lib/charts/palette';
import { mixShape, type PyramidShape } from '../../lib/charts/pyramid-shape';

export const PRINCIPLE_METRICS: Record<Principle, MetricKey[]> = {
  safety: ['capitalAdequacyRatio', 'economicCapital', 'rwa', 'largestClientToCapital', 'top10ToCapital', 'hhi', 'effectiveClients'],
  profitability: ['netProfit', 'netInterestIncome', 'depositMargin', 'feeIncome', 'operatingCost', 'expectedLoss', 'roa', 'raroc', 'eva', 'costIncomeRatio'],
  liquidity: ['lcr', 'nsfr', 'loanToDeposit', 'corporateDeposits'],
};

export const PRINCIPLES: Principle[] = ['safety', 'profitability', 'liquidity'];

/** The metric whose value a limit checks, where one does. */
export const LIMIT_OF: Partial<Record<MetricKey, LimitCheck['key']>> = {
  capitalAdequacyRatio: 'capitalAdequacyRatio',
  largestClientToCapital: 'singleClientToCapital',
  top10ToCapital: 'top10ToCapital',
  lcr: 'lcr',
  nsfr: 'nsfr',
};

/** The limit check of a figure in this evaluation, or null. */
export function limitOf(key: MetricKey, e: Evaluation): LimitCheck | null {
  const k = LIMIT_OF[key];
  return k ? (e.limits.find((l) => l.key === k) ?? null) : null;
}

/** Limits with no figure of their own (tier 1, CET1), shown under the safety figures. */
export function extraLimits(e: Evaluation): LimitCheck[] {
  return e.limits.filter((l) => l.key === 'tier1Ratio' || l.key === 'cet1Ratio');
}

/** A figure's value as a banker reads it (亿元 / CNY m–bn, %, a count, an index). */
export function formatMetric(key: MetricKey, v: number): string {
  switch (METRICS[key].unit) {
    case 'yuan':
      return i18n.money(v);
    case 'percent':
      return i18n.percent(v, key === 'lcr' || key === 'nsfr' || key === 'loanToDeposit' ? 1 : 2);
    case 'count':
      return formatCount(v);
    default:
      return v.toFixed(4);
  }
}

/** A difference of a figure: money in its unit, a ratio in percentage points, with its sign. */
export function formatMetricDelta(key: MetricKey, d: number): string {
  const unit = METRICS[key].unit;
  const text = unit === 'percent' ? i18n.pp(d, 2) : formatMetric(key, d);
  return d > 0 ? `+${text}` : text;
}

const MATERIAL_KEYS = ['concrete.gravel', 'concrete.sand', 'concrete.cement'] as const;

/** The concrete picture's parts: gravel, sand, cement paste (then any further segment by name). */
export function concreteParts(scenario: Scenario): { label: string; share: number; color: string }[] {
  return scenario.segments.map((s, i) => ({
    label: i < 3 ? i18n.t(MATERIAL_KEYS[i]) : i18n.pick(s.name),
    share: s.share,
    color: segmentColor(i),
  }));
}

/** The diagnosis sentence of a structure's classification (pyramid-shape.ts). */
export function diagnosisOf(shape: PyramidShape): string {
  return i18n.t(shape === 'inverted' ? 'concrete.diagnosisInverted' : shape === 'upright' ? 'concrete.diagnosisBalanced' : 'concrete.diagnosisMixed');
}

/** The concrete picture's caption: the shares (summing to 100) and the diagnosis. */
export function concreteCaption(scenario: Scenario): string {
  const parts = concreteParts(scenario);
  const shown = formatShares(parts.map((p) => p.share));
  const text = parts.map((p, i) => `${p.label} ${shown[i]}`).join(i18n.lang === 'zh' ? '，' : ', ');
  return `${i18n.t('concrete.caption', { parts: text })} ${diagnosisOf(mixShape(scenario.segments.map((s) => s.share)))}`;
}

/** The two client pyramids' rows: by number of clients and by loans. */
export function pyramidRows(e: Evaluation) {
  return {
    byClients: e.segments.map((s, i) => ({
      label: i18n.pick(s.name),
      value: s.clients,
      display: i18n.t('levers.clients', { count: formatCount(s.clients) }),
      color: segmentColor(i),
    })),
    byLoans: e.segments.map((s, i) => ({ label: i18n.pick(s.name), value: s.loans, display: i18n.money(s.loans, 0), color: segmentColor(i) })),
  };
}
