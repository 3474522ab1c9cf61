/**
 * Default asset classes, correlations, risk profiles and a demo client.
 *
 * Every figure says where it comes from. Only the deposit rate is a published figure;
 * the rest are assumptions for the demo, chosen to be of the right order for China in
 * 2025 and meant to be edited by the trainer. They are not forecasts.
 */
import type { Bilingual } from '../inputs';
import type { AssetClass, AssetUniverse, ClientPortfolio, RebalanceRule, RiskProfile, RiskProfileKey } from './types';

const ASSUMED: Bilingual = { zh: '演示假设', en: 'assumed for the demo' };

function assumed(zh: string, en: string): Bilingual {
  return { zh: `演示假设：${zh}`, en: `assumed for the demo: ${en}` };
}

/**
 * The six default asset classes, in this order: deposits, wealth-management products,
 * government bonds, credit bonds, equity funds, gold.
 */
export const DEFAULT_ASSET_CLASSES: readonly AssetClass[] = [
  {
    key: 'deposit',
    name: { zh: '定期存款', en: 'Time deposits' },
    // Published: 1-year time-deposit rate of the six large state-owned banks, 0.95% from 2025-05-20.
    // No price risk: principal and interest are fixed, insured up to 500,000 yuan (存款保险条例, 2015).
    expectedReturn: 0.0095,
    volatility: 0,
    source: {
      zh: '六大国有银行一年期定期存款挂牌利率，2025-05-20起0.95%；本金利息固定，无价格波动（存款保险条例，50万元以内全额赔付）',
      en: 'One-year time-deposit rate of the six large state-owned banks, 0.95% from 2025-05-20; fixed principal and interest, no price risk (Deposit Insurance Regulations, 500,000 yuan covered)',
    },
  },
  {
    key: 'wmp',
    name: { zh: '银行理财（固收类）', en: 'Bank wealth-management products (fixed income)' },
    // Assumed: net-value products since the 2018 asset-management rules (资管新规) fluctuate a little
    // (the late-2022 bond sell-off pushed many below par).
    expectedReturn: 0.022,
    volatility: 0.012,
    source: assumed(
      '固收类净值型理财，收益约2%–3%，资管新规后净值有小幅波动',
      'fixed-income net-value products, yield about 2–3%, small price swings since the 2018 asset-management rules',
    ),
  },
  {
    key: 'govBond',
    name: { zh: '国债', en: 'Government bonds' },
    // Assumed: expected return near the 10-year CGB yield of 2025 (about 1.6–1.9%), volatility of a
    // medium-duration government bond index.
    expectedReturn: 0.018,
    volatility: 0.03,
    source: assumed(
      '收益率取2025年十年期国债收益率附近（约1.6%–1.9%），波动率按中等久期国债指数设定',
      'return near the 2025 10-year CGB yield (about 1.6–1.9%), volatility of a medium-duration government bond index',
    ),
  },
  {
    key: 'creditBond',
    name: { zh: '信用债', en: 'Credit bonds' },
    // Assumed: a credit spread of about 0.5 pp over government bonds, shorter duration, spread risk.
    expectedReturn: 0.024,
    volatility: 0.025,
    source: assumed('较国债约高0.5个百分点的信用利差，久期较短，含利差风险', 'about 0.5 pp spread over government bonds, shorter duration, spread risk'),
  },
  {
    key: 'equityFund',
    name: { zh: '股票型基金', en: 'Equity funds' },
    // Assumed: an equity risk premium of about 5 pp over government bonds; volatility of the order of
    // the CSI 300 index's long-run annualised volatility.
    expectedReturn: 0.07,
    volatility: 0.22,
    source: assumed(
      '较国债约5个百分点的股票风险溢价；波动率与沪深300指数长期年化波动率同一量级',
      'equity risk premium of about 5 pp over government bonds; volatility of the order of the CSI 300 index over the long run',
    ),
  },
  {
    key: 'gold',
    name: { zh: '黄金', en: 'Gold' },
    // Assumed: long-run gold return and volatility of the order of 4% and 15% a year.
    expectedReturn: 0.04,
    volatility: 0.15,
    source: assumed('长期年化收益约4%、波动率约15%的量级', 'long-run return about 4% and volatility about 15% a year'),
  },
];

/**
 * Default correlations of one-year returns, in the order of DEFAULT_ASSET_CLASSES.
 * Assumed for the demo: bonds move together, equities weakly against government bonds
 * (the flight to quality), gold nearly independent. Deposits have no price risk, so
 * their correlations are 0 (and have no effect, their volatility being 0).
 * Positive definite (smallest eigenvalue about 0.30; checked in the tests).
 */
export const DEFAULT_CORRELATION: readonly (readonly number[])[] = [
  //  dep   wmp   gov   cred   eq    gold
  [1, 0, 0, 0, 0, 0],
  [0, 1, 0.3, 0.5, 0.1, 0],
  [0, 0.3, 1, 0.6, -0.2, 0.1],
  [0, 0.5, 0.6, 1, 0.1, 0],
  [0, 0.1, -0.2, 0.1, 1, 0.05],
  [0, 0, 0.1, 0, 0.05, 1],
];

/** Where the default correlations come from. */
export const DEFAULT_CORRELATION_SOURCE: Bilingual = ASSUMED;

/**
 * A fresh, editable copy of the default asset universe.
 * @example defaultAssetUniverse().assets.map((a) => a.key) // ['deposit', 'wmp', 'govBond', 'creditBond', 'equityFund', 'gold']
 */
export function defaultAssetUniverse(): AssetUniverse {
  return {
    assets: DEFAULT_ASSET_CLASSES.map((a) => ({ ...a, name: { ...a.name }, source: { ...a.source } })),
    correlation: DEFAULT_CORRELATION.map((row) => [...row]),
  };
}

const PROFILE_SOURCE: Bilingual = {
  zh: '五级分类见《证券期货投资者适当性管理办法》（C1–C5）与《商业银行理财业务监督管理办法》（风险评级）；数值限额为演示假设',
  en: 'Five levels as in the CSRC investor-suitability rules (C1–C5) and the bank wealth-management rules (risk ratings); the numeric limits are assumed for the demo',
};

/**
 * The five usual risk levels. Chinese rules define the levels (C1–C5) but no numeric
 * limits: the volatility and 95% loss limits here are assumed for the demo. The loss
 * limit applies over the client's horizon.
 */
export const RISK_PROFILES: Readonly<Record<RiskProfileKey, RiskProfile>> = {
  conservative: {
    key: 'conservative',
    name: { zh: '保守型', en: 'Conservative' },
    maxVolatility: 0.02,
    maxLoss: { fraction: 0.01, confidence: 0.95 },
    source: PROFILE_SOURCE,
  },
  moderate: {
    key: 'moderate',
    name: { zh: '稳健型', en: 'Moderately conservative' },
    maxVolatility: 0.05,
    maxLoss: { fraction: 0.05, confidence: 0.95 },
    source: PROFILE_SOURCE,
  },
  balanced: {
    key: 'balanced',
    name: { zh: '平衡型', en: 'Balanced' },
    maxVolatility: 0.09,
    maxLoss: { fraction: 0.12, confidence: 0.95 },
    source: PROFILE_SOURCE,
  },
  growth: {
    key: 'growth',
    name: { zh: '成长型', en: 'Growth' },
    maxVolatility: 0.14,
    maxLoss: { fraction: 0.2, confidence: 0.95 },
    source: PROFILE_SOURCE,
  },
  aggressive: {
    key: 'aggressive',
    name: { zh: '进取型（激进型）', en: 'Aggressive' },
    maxVolatility: 0.2,
    maxLoss: { fraction: 0.3, confidence: 0.95 },
    source: PROFILE_SOURCE,
  },
};

/** The risk levels in order, from 保守型 to 进取型. */
export const RISK_PROFILE_KEYS: readonly RiskProfileKey[] = ['conservative', 'moderate', 'balanced', 'growth', 'aggressive'];

/** The rules compared by default: none, calendar monthly / quarterly / yearly, ±5 pp bands. */
export const DEFAULT_REBALANCE_RULES: readonly RebalanceRule[] = [
  { kind: 'none' },
  { kind: 'calendar', every: 'monthly' },
  { kind: 'calendar', every: 'quarterly' },
  { kind: 'calendar', every: 'yearly' },
  { kind: 'threshold', band: 0.05 },
];

/**
 * zh/en label of a rebalancing rule.
 * @example rebalanceRuleLabel({ kind: 'threshold', band: 0.05 }).zh // '阈值再平衡（±5个百分点）'
 */
export function rebalanceRuleLabel(rule: RebalanceRule): Bilingual {
  switch (rule.kind) {
    case 'none':
      return { zh: '不再平衡', en: 'No rebalancing' };
    case 'calendar': {
      const zh = { monthly: '每月', quarterly: '每季', yearly: '每年' }[rule.every];
      const en = { monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' }[rule.every];
      return { zh: `定期再平衡（${zh}）`, en: `Calendar rebalancing (${en})` };
    }
    case 'threshold': {
      const pp = Math.round(rule.band * 1000) / 10;
      return { zh: `阈值再平衡（±${pp}个百分点）`, en: `Threshold bands (±${pp} pp)` };
    }
  }
}

/**
 * Sizes of the client-portfolio screen's quick analyses (fixed seed: figures do not jitter between
 * edits); the workers' warm-up passes the same options, so it compiles the code the screen runs.
 */
export const ANALYSIS_SETTINGS = { frontierPoints: 30, riskPaths: 20_000, cashPaths: 10_000, seed: 1, quantiles: [0.95, 0.99] } as const;

/**
 * A demo client: a balanced (平衡型) client investing 1,000,000 yuan for 10 years, who
 * needs 200,000 yuan of tuition in year 3 and 300,000 yuan for a purchase in year 5.
 * Assumed for the demo.
 * @example demoClientPortfolio().client.amount // 1_000_000
 */
export function demoClientPortfolio(): ClientPortfolio {
  return {
    schemaVersion: 1,
    client: {
      name: '演示客户 / Demo client',
      riskProfile: { ...RISK_PROFILES.balanced },
      horizonYears: 10,
      amount: 1_000_000,
      cashNeeds: [
        { year: 3, amount: 200_000, label: '子女学费 / Tuition' },
        { year: 5, amount: 300_000, label: '购房首付 / Home down payment' },
      ],
    },
    assets: defaultAssetUniverse(),
    weights: { deposit: 0.1, wmp: 0.2, govBond: 0.2, creditBond: 0.15, equityFund: 0.25, gold: 0.1 },
    bounds: { equityFund: { max: 0.6 }, gold: { max: 0.2 } },
  };
}
