/**
 * The figures a lesson goal or a challenge reads, by name: every engine metric (METRICS) plus the
 * training layer's own (pricing response, retention, value concentration, the rebalancing path).
 * A per-segment figure is named `base.segmentKey` (`attrition.small`).
 */
import { METRICS, demoScenario, type Bilingual, type MetricKey } from '../model';
import type { TrainingContext } from './context';
import { topClientsProfitShare } from './value';
import { registeredFigureLabel } from './figure-registry';

export type FigureUnit = 'yuan' | 'clientYuan' | 'percent' | 'count' | 'quarters' | 'index';

export interface FigureDef {
  base: string;
  unit: FigureUnit;
  /** +1 when more is better for the bank, −1 when less is. */
  better: 1 | -1;
  perSegment: boolean;
  label: (segment: Bilingual | null) => Bilingual;
  /** seg: the segment's index for a per-segment figure, −1 otherwise. */
  read: (ctx: TrainingContext, seg: number) => number;
  /** The glass-box panel that explains it, if any. */
  metric?: MetricKey;
}

const METRIC_UNIT: Record<string, FigureUnit> = { yuan: 'yuan', percent: 'percent', count: 'count', index: 'index' };

function metricFigure(key: MetricKey): FigureDef {
  const def = METRICS[key];
  return {
    base: key,
    unit: METRIC_UNIT[def.unit],
    better: def.better,
    perSegment: false,
    label: () => def.label,
    read: (ctx) => def.read(ctx.evaluation),
    metric: key,
  };
}

function segFigure(base: string, unit: FigureUnit, better: 1 | -1, zh: string, en: string, read: FigureDef['read'], metric?: MetricKey): FigureDef {
  return {
    base,
    unit,
    better,
    perSegment: true,
    label: (s) => ({ zh: zh.replace('{s}', s?.zh ?? ''), en: en.replace('{s}', s?.en ?? '') }),
    read,
    metric,
  };
}

function bankFigure(base: string, unit: FigureUnit, better: 1 | -1, label: Bilingual, read: FigureDef['read'], metric?: MetricKey): FigureDef {
  return { base, unit, better, perSegment: false, label: () => label, read, metric };
}

/** Each segment's share of the evaluated corporate book: loansᵢ / Σ loans. */
function bookShares(c: TrainingContext): number[] {
  const loans = c.evaluation.segments.map((s) => s.loans);
  const total = loans.reduce((a, b) => a + b, 0);
  return loans.map((l) => (total > 0 ? l / total : 0));
}

const EXTRA: FigureDef[] = [
  bankFigure(
    'shortTermLoanShare',
    'percent',
    1,
    { zh: '一年内到期的对公贷款占比', en: 'Corporate loans due within a year' },
    (c) => c.evaluation.liquidity.shortTermLoanShare,
    'nsfr',
  ),
  bankFigure(
    'managersNeeded',
    'count',
    -1,
    { zh: '所需客户经理', en: 'Client managers needed' },
    (c) => c.evaluation.segments.reduce((a, s) => a + s.managersNeeded, 0),
    'operatingCost',
  ),
  // A spread above the market loses demand that no other tier makes up: the loan plan shows it.
  bankFigure('loansBooked', 'percent', 1, { zh: '对公贷款投放（占计划）', en: 'Corporate loans booked (share of the plan)' }, (c) =>
    c.scenario.bank.corporateLoans > 0 ? c.evaluation.segments.reduce((a, s) => a + s.loans, 0) / c.scenario.bank.corporateLoans : 0,
  ),
  bankFigure('minShare', 'percent', 1, { zh: '最少一层客户的贷款占比', en: 'Share of the smallest tier' }, (c) =>
    Math.min(...c.scenario.segments.map((s) => s.share)),
  ),
  bankFigure(
    'minBookShare',
    'percent',
    1,
    { zh: '最少一层客户的实际贷款占比（定价反应后）', en: 'Smallest tier in the book (after the pricing response)' },
    (c) => Math.min(...bookShares(c)),
  ),
  bankFigure(
    'pace.minLcrOnPath',
    'percent',
    1,
    { zh: '调整途中各季度最低LCR（不含起点）', en: 'Lowest quarterly LCR on the way (start excluded)' },
    (c) => Math.min(...c.pace().quarters.map((q) => q.lcr)),
    'lcr',
  ),
  bankFigure('pace.minTargetShare', 'percent', 1, { zh: '目标结构中最少一层的占比', en: 'Smallest tier in the target mix' }, (c) =>
    Math.min(...c.pace().target),
  ),
  bankFigure(
    'top20ProfitShare',
    'percent',
    -1,
    { zh: '前20%客户创造的税前利润占比', en: 'Pre-tax profit made by the top 20% of clients' },
    (c) =>
      topClientsProfitShare(
        c.evaluation,
        c.scenario.segments.map((s) => s.sizeSigma),
      ),
    'netProfit',
  ),
  bankFigure(
    'pace.cumulativeProfit',
    'yuan',
    1,
    { zh: '5年累计净利润（第2年衰退）', en: '5-year cumulative net profit (recession in year 2)' },
    (c) => c.pace().cumulativeProfit,
    'netProfit',
  ),
  bankFigure(
    'pace.recessionProfit',
    'yuan',
    1,
    { zh: '衰退年（第2年）净利润', en: 'Net profit in the recession year (year 2)' },
    (c) => c.pace().years[1]?.netProfit ?? c.pace().years[0].netProfit,
    'expectedLoss',
  ),
  bankFigure('pace.quartersToTarget', 'quarters', -1, { zh: '达到目标结构所需季度', en: 'Quarters to reach the target mix' }, (c) => c.pace().quartersToTarget),
  bankFigure(
    'pace.managersAtTarget',
    'count',
    -1,
    { zh: '目标结构所需客户经理', en: 'Client managers the target mix needs' },
    (c) => c.pace().managersAtTarget,
    'operatingCost',
  ),
  bankFigure('pace.minLcr', 'percent', 1, { zh: '调整期间最低LCR', en: 'Lowest LCR on the way' }, (c) => c.pace().minLcr, 'lcr'),
  segFigure('share', 'percent', 1, '{s}贷款占比', '{s}: share of loans', (c, i) => c.scenario.segments[i].share),
  // The book as evaluated (after the pricing response): what a challenge's mix rules read, so a
  // share set on the slider but priced away does not count.
  segFigure('bookShare', 'percent', 1, '{s}实际贷款占比（定价反应后）', '{s}: share of the book (after the pricing response)', (c, i) => bookShares(c)[i]),
  segFigure('targetShare', 'percent', 1, '{s}目标占比', '{s}: target share', (c, i) => c.pace().target[i]),
  segFigure('segmentProfit', 'yuan', 1, '{s}税前利润', '{s}: pre-tax profit', (c, i) => c.evaluation.segments[i].preTaxProfit, 'netProfit'),
  segFigure(
    'margin',
    'percent',
    1,
    '{s}每元贷款税前利润',
    '{s}: pre-tax profit per yuan of loans',
    (c, i) => c.evaluation.segments[i].preTaxMargin,
    'netProfit',
  ),
  segFigure(
    'profitShare',
    'percent',
    1,
    '{s}占税前利润的比例',
    '{s}: share of pre-tax profit',
    (c, i) => {
      const total = c.evaluation.segments.reduce((a, s) => a + s.preTaxProfit, 0);
      return total === 0 ? 0 : c.evaluation.segments[i].preTaxProfit / total;
    },
    'netProfit',
  ),
  segFigure(
    'profitPerClient',
    'clientYuan',
    1,
    '{s}户均税前利润',
    '{s}: pre-tax profit per client',
    (c, i) => {
      const s = c.evaluation.segments[i];
      return s.clients > 0 ? s.preTaxProfit / s.clients : 0;
    },
    'netProfit',
  ),
  segFigure('demandKept', 'percent', 1, '{s}保留的贷款需求', '{s}: loan demand kept', (c, i) => c.evaluation.segments[i].pricing.demandKept),
  segFigure(
    'pdAfterSelection',
    'percent',
    -1,
    '{s}违约概率PD（含逆向选择）',
    '{s}: PD with adverse selection',
    (c, i) => c.evaluation.segments[i].pd,
    'expectedLoss',
  ),
  segFigure(
    'profitGapToBest',
    'yuan',
    -1,
    '距{s}最优定价的净利润差',
    '{s}: net profit short of the best spread',
    (c, i) => Math.max(0, c.curve(c.scenario.segments[i].key).best.netProfit - c.evaluation.profitability.netProfit),
    'netProfit',
  ),
  segFigure('attrition', 'percent', -1, '{s}年客户流失率', '{s}: clients lost a year', (c, i) => c.evaluation.segments[i].attrition),
  segFigure('kept5y', 'percent', 1, '{s}5年后仍留存的客户', '{s}: clients still here after 5 years', (c, i) =>
    Math.pow(1 - c.evaluation.segments[i].attrition, 5),
  ),
  segFigure(
    'replacements',
    'count',
    -1,
    '{s}每年须新增客户（仅为维持规模）',
    '{s}: new clients a year just to stand still',
    (c, i) => c.evaluation.segments[i].replacements,
  ),
  segFigure(
    'acquisitionCost',
    'yuan',
    -1,
    '{s}每年获客（替换流失）成本',
    '{s}: yearly cost of replacing clients who leave',
    (c, i) => c.evaluation.segments[i].acquisitionCost,
    'operatingCost',
  ),
];

export const FIGURES: Record<string, FigureDef> = Object.fromEntries([
  ...(Object.keys(METRICS) as MetricKey[]).map((k) => [k, metricFigure(k)] as const),
  ...EXTRA.map((f) => [f.base, f] as const),
]);

export interface FigureRef {
  def: FigureDef;
  /** The segment key of a per-segment figure. */
  segmentKey: string | null;
}

/** Splits `attrition.small` into its definition and segment; null for an unknown name. */
export function parseFigure(name: string): FigureRef | null {
  const direct = FIGURES[name];
  if (direct && !direct.perSegment) return { def: direct, segmentKey: null };
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const def = FIGURES[name.slice(0, dot)];
  return def && def.perSegment ? { def, segmentKey: name.slice(dot + 1) } : null;
}

export function isKnownFigure(name: string): boolean {
  return parseFigure(name) !== null;
}

/** The figure's value in this context; NaN for an unknown figure or segment. */
export function readFigure(ctx: TrainingContext, name: string): number {
  const ref = parseFigure(name);
  if (!ref) return NaN;
  if (ref.segmentKey === null) return ref.def.read(ctx, -1);
  const i = ctx.segmentIndex(ref.segmentKey);
  return i < 0 ? NaN : ref.def.read(ctx, i);
}

/** The figure's label, with the segment's name for a per-segment figure. */
export function figureLabel(ctx: TrainingContext | null, name: string): Bilingual {
  const ref = parseFigure(name);
  if (!ref) return registeredFigureLabel(name) ?? { zh: name, en: name };
  if (ref.segmentKey === null) return ref.def.label(null);
  // Without a scenario, the built-in tiers name the segment (large / mid / small).
  const seg = (ctx?.scenario ?? demoScenario).segments.find((s) => s.key === ref.segmentKey);
  return ref.def.label(seg?.name ?? { zh: ref.segmentKey, en: ref.segmentKey });
}
