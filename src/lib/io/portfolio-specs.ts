/**
 * One description of every client-portfolio input (unit, range, label, help, source), read by
 * the portfolio forms (NumberField), the import validator and the messages that state a range
 * (docs/architecture.md: one source of truth for each input). Stored units: yuan, decimals, years.
 */
import { ASSET_INPUT_RANGES, type InputSpec } from '../model';

const ASSUMED = { zh: '演示假设', en: 'assumed for the demo' };
const USER = { zh: '客户经理录入', en: 'entered by the client manager' };

function spec(
  path: string,
  unit: InputSpec['unit'],
  [min, max, step]: [number, number, number],
  label: InputSpec['label'],
  help: InputSpec['help'],
  isInteger = false,
  source = USER,
): InputSpec {
  // group 'segment': a client's money shows in 万元 / CNY m, not the bank's 亿元
  return { path, group: 'segment', unit, min, max, step, label, help, source, isInteger };
}

export const PORTFOLIO_SPECS = {
  amount: spec(
    'client.amount',
    'yuan',
    [1e4, 1e10, 1e4],
    { zh: '投资金额', en: 'Amount invested' },
    { zh: '客户今天投入的金额', en: 'What the client invests today' },
  ),
  horizonYears: spec(
    'client.horizonYears',
    'years',
    [1, 40, 1],
    { zh: '投资期限', en: 'Horizon' },
    { zh: '客户计划持有的年数（整数）', en: 'Years the client plans to stay invested (whole years)' },
    true,
  ),
  needYear: spec(
    'client.cashNeeds.*.year',
    'years',
    [0.5, 40, 0.5],
    { zh: '第几年', en: 'In year' },
    { zh: '这笔资金在第几年需要（可为半年）', en: 'When the cash is needed, years from today (halves allowed)' },
  ),
  needAmount: spec(
    'client.cashNeeds.*.amount',
    'yuan',
    [1e3, 1e10, 1e4],
    { zh: '金额', en: 'Amount' },
    { zh: '届时需要的金额（名义值）', en: 'How much is needed then (nominal)' },
  ),
  expectedReturn: spec(
    'assets.assets.*.expectedReturn',
    'rate',
    [-0.49, ASSET_INPUT_RANGES.expectedReturn.max, 0.0005],
    { zh: '预期收益率', en: 'Expected return' },
    { zh: '一年期简单收益率的期望值（年化）', en: 'Expected one-year simple return, per year' },
    false,
    ASSUMED,
  ),
  volatility: spec(
    'assets.assets.*.volatility',
    'rate',
    [ASSET_INPUT_RANGES.volatility.min, ASSET_INPUT_RANGES.volatility.max, 0.0005],
    { zh: '波动率', en: 'Volatility' },
    { zh: '一年期收益率的标准差（年化）', en: 'Standard deviation of the one-year return' },
    false,
    ASSUMED,
  ),
  boundMin: spec('bounds.*.min', 'share', [0, 1, 0.01], { zh: '下限', en: 'Min' }, { zh: '该类资产的最低权重', en: 'Least weight of the class' }),
  boundMax: spec('bounds.*.max', 'share', [0, 1, 0.01], { zh: '上限', en: 'Max' }, { zh: '该类资产的最高权重', en: 'Largest weight of the class' }),
  weight: spec(
    'weights.*',
    'share',
    [0, 1, 0.0001],
    { zh: '权重', en: 'Weight' },
    { zh: '当前配置中该类资产的占比', en: 'Share of the class in the current allocation' },
  ),
  costRate: spec(
    'run.costRate',
    'rate',
    [0, 0.01, 0.0001],
    { zh: '交易费率', en: 'Transaction cost' },
    { zh: '每买卖1元支付的费用（双边各计）', en: 'Cost per yuan bought or sold' },
    false,
    ASSUMED,
  ),
  seed: spec(
    'run.seed',
    'ratio',
    [0, 2_147_483_647, 1],
    { zh: '随机种子', en: 'Seed' },
    { zh: '同一种子得到同样的路径，无论几个后台线程', en: 'The same seed gives the same paths, whatever the number of workers' },
    true,
  ),
} satisfies Record<string, InputSpec>;

/** Limits of the data an imported or stored portfolio may hold. */
export const PORTFOLIO_LIMITS = {
  name: 200,
  label: 100,
  key: 40,
  source: 1_000,
  assets: 12,
  cashNeeds: 20,
  minConfidence: 0.5,
  maxConfidence: 0.999,
} as const;
