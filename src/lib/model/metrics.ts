/**
 * A flat catalogue of the figures a user sees, keyed by name, so the glass box, the compare
 * table, the tornado chart and the lessons address one figure the same way.
 */
import type { Evaluation } from './evaluate';
import { evaluateClosedForm } from './closed-form';
import { INPUT_SPECS, readPath, writePath } from './inputs';
import type { Scenario } from './scenario';
import type { Bilingual } from './inputs';

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
  /** The figure's name as the app shows it (the UI's `metric.*` strings are read from here). */
  label: Bilingual;
  principle: Principle;
  unit: MetricUnit;
  /** +1 when more is better for the bank, −1 when less is better. */
  better: 1 | -1;
  read: (e: Evaluation) => number;
}

export const METRICS: Record<MetricKey, MetricDef> = {
  netProfit: {
    key: 'netProfit',
    label: { zh: '净利润', en: 'Net profit' },
    principle: 'profitability',
    unit: 'yuan',
    better: 1,
    read: (e) => e.profitability.netProfit,
  },
  netInterestIncome: {
    key: 'netInterestIncome',
    label: { zh: '净利息收入（NII）', en: 'Net interest income (NII)' },
    principle: 'profitability',
    unit: 'yuan',
    better: 1,
    read: (e) => e.profitability.netInterestIncome,
  },
  depositMargin: {
    key: 'depositMargin',
    label: { zh: '存款FTP净收益', en: 'Deposit FTP margin' },
    principle: 'profitability',
    unit: 'yuan',
    better: 1,
    read: (e) => e.profitability.depositMargin,
  },
  feeIncome: {
    key: 'feeIncome',
    label: { zh: '中间业务收入', en: 'Fee income' },
    principle: 'profitability',
    unit: 'yuan',
    better: 1,
    read: (e) => e.profitability.feeIncome,
  },
  operatingCost: {
    key: 'operatingCost',
    label: { zh: '运营成本', en: 'Operating cost' },
    principle: 'profitability',
    unit: 'yuan',
    better: -1,
    read: (e) => e.profitability.operatingCost,
  },
  expectedLoss: {
    key: 'expectedLoss',
    label: { zh: '预期损失（EL）', en: 'Expected loss (EL)' },
    principle: 'profitability',
    unit: 'yuan',
    better: -1,
    read: (e) => e.profitability.expectedLoss,
  },
  roa: {
    key: 'roa',
    label: { zh: '资产收益率（ROA）', en: 'Return on assets (ROA)' },
    principle: 'profitability',
    unit: 'percent',
    better: 1,
    read: (e) => e.profitability.roa,
  },
  raroc: {
    key: 'raroc',
    label: { zh: '风险调整资本回报率（RAROC）', en: 'Risk-adjusted return on capital (RAROC)' },
    principle: 'profitability',
    unit: 'percent',
    better: 1,
    read: (e) => e.profitability.raroc,
  },
  eva: {
    key: 'eva',
    label: { zh: '经济增加值（EVA）', en: 'Economic value added (EVA)' },
    principle: 'profitability',
    unit: 'yuan',
    better: 1,
    read: (e) => e.profitability.eva,
  },
  costIncomeRatio: {
    key: 'costIncomeRatio',
    label: { zh: '成本收入比', en: 'Cost-to-income ratio' },
    principle: 'profitability',
    unit: 'percent',
    better: -1,
    read: (e) => e.profitability.costIncomeRatio,
  },
  economicCapital: {
    key: 'economicCapital',
    label: { zh: '经济资本（EC）', en: 'Economic capital (EC)' },
    principle: 'safety',
    unit: 'yuan',
    better: -1,
    read: (e) => e.safety.economicCapital,
  },
  rwa: {
    key: 'rwa',
    label: { zh: '风险加权资产（RWA）', en: 'Risk-weighted assets (RWA)' },
    principle: 'safety',
    unit: 'yuan',
    better: -1,
    read: (e) => e.safety.rwa,
  },
  capitalAdequacyRatio: {
    key: 'capitalAdequacyRatio',
    label: { zh: '资本充足率（CAR）', en: 'Capital adequacy ratio (CAR)' },
    principle: 'safety',
    unit: 'percent',
    better: 1,
    read: (e) => e.safety.capitalAdequacyRatio,
  },
  hhi: {
    key: 'hhi',
    label: { zh: '集中度指数（HHI）', en: 'Concentration index (HHI)' },
    principle: 'safety',
    unit: 'index',
    better: -1,
    read: (e) => e.safety.hhi,
  },
  effectiveClients: {
    key: 'effectiveClients',
    label: { zh: '有效客户数（1/HHI）', en: 'Effective number of clients (1/HHI)' },
    principle: 'safety',
    unit: 'count',
    better: 1,
    read: (e) => e.safety.effectiveClients,
  },
  largestClientToCapital: {
    key: 'largestClientToCapital',
    label: { zh: '单一最大客户贷款 / 资本净额', en: 'Largest client / net capital' },
    principle: 'safety',
    unit: 'percent',
    better: -1,
    read: (e) => e.safety.largestClientToCapital,
  },
  top10ToCapital: {
    key: 'top10ToCapital',
    label: { zh: '最大十家客户贷款 / 资本净额', en: 'Top-10 clients / net capital' },
    principle: 'safety',
    unit: 'percent',
    better: -1,
    read: (e) => e.safety.top10ToCapital,
  },
  lcr: {
    key: 'lcr',
    label: { zh: '流动性覆盖率（LCR）', en: 'Liquidity coverage ratio (LCR)' },
    principle: 'liquidity',
    unit: 'percent',
    better: 1,
    read: (e) => e.liquidity.lcr,
  },
  nsfr: {
    key: 'nsfr',
    label: { zh: '净稳定资金比例（NSFR）', en: 'Net stable funding ratio (NSFR)' },
    principle: 'liquidity',
    unit: 'percent',
    better: 1,
    read: (e) => e.liquidity.nsfr,
  },
  loanToDeposit: {
    key: 'loanToDeposit',
    label: { zh: '存贷比（LDR）', en: 'Loan-to-deposit ratio (LDR)' },
    principle: 'liquidity',
    unit: 'percent',
    better: -1,
    read: (e) => e.liquidity.loanToDeposit,
  },
  corporateDeposits: {
    key: 'corporateDeposits',
    label: { zh: '对公存款', en: 'Corporate deposits' },
    principle: 'liquidity',
    unit: 'yuan',
    better: 1,
    read: (e) => e.liquidity.corporateDeposits,
  },
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
