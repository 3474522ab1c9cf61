/**
 * A flat catalogue of the figures a user sees, keyed by name, so the glass box, the compare
 * table, the tornado chart and the lessons address one figure the same way.
 */
import type { Evaluation } from './evaluate';
import { evaluateClosedForm } from './closed-form';
import { INPUT_SPECS, readPath, writePath } from './inputs';
import type { Scenario } from './scenario';

export type MetricKey =
  | 'netProfit'
  | 'netInterestIncome'
  | 'depositMargin'
  | 'feeIncome'
  | 'operatingCost'
  | 'expectedLoss'
  | 'roa'
  | 'raroc'
  | 'eva'
  | 'costIncomeRatio'
  | 'economicCapital'
  | 'rwa'
  | 'capitalAdequacyRatio'
  | 'hhi'
  | 'effectiveClients'
  | 'largestClientToCapital'
  | 'top10ToCapital'
  | 'lcr'
  | 'nsfr'
  | 'loanToDeposit'
  | 'corporateDeposits';

/** Which of the three principles a figure belongs to. */
export type Principle = 'profitability' | 'safety' | 'liquidity';

export type MetricUnit = 'yuan' | 'percent' | 'count' | 'index';

export interface MetricDef {
  key: MetricKey;
  principle: Principle;
  unit: MetricUnit;
  /** +1 when more is better for the bank, −1 when less is better. */
  better: 1 | -1;
  read: (e: Evaluation) => number;
}

export const METRICS: Record<MetricKey, MetricDef> = {
  netProfit: { key: 'netProfit', principle: 'profitability', unit: 'yuan', better: 1, read: (e) => e.profitability.netProfit },
  netInterestIncome: { key: 'netInterestIncome', principle: 'profitability', unit: 'yuan', better: 1, read: (e) => e.profitability.netInterestIncome },
  depositMargin: { key: 'depositMargin', principle: 'profitability', unit: 'yuan', better: 1, read: (e) => e.profitability.depositMargin },
  feeIncome: { key: 'feeIncome', principle: 'profitability', unit: 'yuan', better: 1, read: (e) => e.profitability.feeIncome },
  operatingCost: { key: 'operatingCost', principle: 'profitability', unit: 'yuan', better: -1, read: (e) => e.profitability.operatingCost },
  expectedLoss: { key: 'expectedLoss', principle: 'profitability', unit: 'yuan', better: -1, read: (e) => e.profitability.expectedLoss },
  roa: { key: 'roa', principle: 'profitability', unit: 'percent', better: 1, read: (e) => e.profitability.roa },
  raroc: { key: 'raroc', principle: 'profitability', unit: 'percent', better: 1, read: (e) => e.profitability.raroc },
  eva: { key: 'eva', principle: 'profitability', unit: 'yuan', better: 1, read: (e) => e.profitability.eva },
  costIncomeRatio: { key: 'costIncomeRatio', principle: 'profitability', unit: 'percent', better: -1, read: (e) => e.profitability.costIncomeRatio },
  economicCapital: { key: 'economicCapital', principle: 'safety', unit: 'yuan', better: -1, read: (e) => e.safety.economicCapital },
  rwa: { key: 'rwa', principle: 'safety', unit: 'yuan', better: -1, read: (e) => e.safety.rwa },
  capitalAdequacyRatio: { key: 'capitalAdequacyRatio', principle: 'safety', unit: 'percent', better: 1, read: (e) => e.safety.capitalAdequacyRatio },
  hhi: { key: 'hhi', principle: 'safety', unit: 'index', better: -1, read: (e) => e.safety.hhi },
  effectiveClients: { key: 'effectiveClients', principle: 'safety', unit: 'count', better: 1, read: (e) => e.safety.effectiveClients },
  largestClientToCapital: { key: 'largestClientToCapital', principle: 'safety', unit: 'percent', better: -1, read: (e) => e.safety.largestClientToCapital },
  top10ToCapital: { key: 'top10ToCapital', principle: 'safety', unit: 'percent', better: -1, read: (e) => e.safety.top10ToCapital },
  lcr: { key: 'lcr', principle: 'liquidity', unit: 'percent', better: 1, read: (e) => e.liquidity.lcr },
  nsfr: { key: 'nsfr', principle: 'liquidity', unit: 'percent', better: 1, read: (e) => e.liquidity.nsfr },
  loanToDeposit: { key: 'loanToDeposit', principle: 'liquidity', unit: 'percent', better: -1, read: (e) => e.liquidity.loanToDeposit },
  corporateDeposits: { key: 'corporateDeposits', principle: 'liquidity', unit: 'yuan', better: 1, read: (e) => e.liquidity.corporateDeposits },
};

export interface Sensitivity {
  /** Concrete input path, e.g. `segments.0.pd`. */
  path: string;
  /** Relative bump applied to the input (±). */
  bump: number;
  /** Change of the metric when the input moves down by the bump. */
  down: number;
  /** Change of the metric when the input moves up by the bump. */
  up: number;
}

/**
 * Which inputs move a figure most: each numeric input bumped down and up by `bump` (relative,
 * default 10%), ranked by the larger absolute change. Shares are excluded (they are a mix, moved
 * by the mix levers). Used by the glass box ("inputs that move it most") and the tornado chart.
 */
export function sensitivities(scenario: Scenario, metric: MetricKey, bump = 0.1): Sensitivity[] {
  const read = METRICS[metric].read;
  const base = read(evaluateClosedForm(scenario));
  const out: Sensitivity[] = [];
  for (const spec of INPUT_SPECS) {
    if (spec.path === 'segments.*.share') continue;
    const paths = spec.path.startsWith('segments.*.') ? scenario.segments.map((_, i) => spec.path.replace('*', String(i))) : [spec.path];
    for (const path of paths) {
      const value = readPath(scenario, path);
      if (typeof value !== 'number' || value === 0) continue;
      const at = (v: number) => read(evaluateClosedForm(writePath(scenario, path, Math.min(spec.max, Math.max(spec.min, v))))) - base;
      out.push({ path, bump, down: at(value * (1 - bump)), up: at(value * (1 + bump)) });
    }
  }
  return out.sort((a, b) => Math.max(Math.abs(b.down), Math.abs(b.up)) - Math.max(Math.abs(a.down), Math.abs(a.up)));
}
