/**
 * The training layer for the client-portfolio workspace: one lesson and one
 * challenge over a ClientPortfolio instead of a bank scenario. The trainee moves the weights;
 * the figures are the engine's (closed-form return, volatility and lognormal VaR; the cash needs
 * over a fixed-seed simulation small enough for the main thread). Goals and scoring reuse
 * goals.ts (`compare`) and scoring.ts (`scoreChallenge`) over these figures.
 */
import {
  assetCovarianceMatrix,
  bestAllocation,
  cashNeedsCheck,
  demoClientPortfolio,
  parametricLoss,
  RISK_PROFILES,
  type BestAllocation,
  type Bilingual,
  type CashNeedsCheck,
  type ClientPortfolio,
  type ValidationProblem,
} from '../model';
import type { ChallengeCommon, LessonCommon } from './activity';
import { compare, type FigureCondition, type GoalCheck } from './goal-types';
import { registerFigureLabels } from './figure-registry';
import { scoreChallenge, type ScoreBreakdown, type ScoringWeights } from './scoring';

/** How the cash needs are simulated in a lesson or challenge: fixed seed, few paths (≈ 50 ms). */
export const TRAINING_CASH_CHECK = { paths: 2000, seed: 7, stepsPerYear: 12 } as const;

/** Weights within this of 100% count as complete (the same tolerance as a typed 0.01 pp). */
export const TRAINING_WEIGHT_TOLERANCE = 5e-5;

export interface PortfolioContext {
  readonly portfolio: ClientPortfolio;
  /** Expected one-year return wᵀμ. */
  readonly expectedReturn: number;
  /** Annual volatility √(wᵀΣw). */
  readonly volatility: number;
  /** Lognormal VaR over the loss limit's horizon at its confidence, fraction of the amount. */
  readonly valueAtRisk: number;
  readonly confidence: number;
  readonly lossHorizonYears: number;
  /** The cash-needs simulation (lazy, memoised). */
  cash(): CashNeedsCheck;
}

/** The figures of an allocation; the simulation runs only when a cash figure is read. */
export function createPortfolioContext(portfolio: ClientPortfolio): PortfolioContext {
  const assets = portfolio.assets.assets;
  const n = assets.length;
  const cov = assetCovarianceMatrix(portfolio.assets);
  const w = assets.map((a) => portfolio.weights[a.key] ?? 0);
  let mu = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    mu += w[i] * assets[i].expectedReturn;
    for (let j = 0; j < n; j++) v += w[i] * cov[i * n + j] * w[j];
  }
  const volatility = Math.sqrt(Math.max(v, 0));
  const profile = portfolio.client.riskProfile;
  const confidence = profile.maxLoss?.confidence ?? 0.95;
  const lossHorizonYears = profile.maxLoss?.horizonYears ?? portfolio.client.horizonYears;
  const valueAtRisk = parametricLoss(mu, volatility, lossHorizonYears, confidence).valueAtRisk;
  let cash: CashNeedsCheck | null = null;
  return {
    portfolio,
    expectedReturn: mu,
    volatility,
    valueAtRisk,
    confidence,
    lossHorizonYears,
    cash: () => (cash ??= cashNeedsCheck(portfolio, { ...TRAINING_CASH_CHECK, confidence: 0.95 })),
  };
}

export type PortfolioFigureUnit = 'percent' | 'yuan';

export interface PortfolioFigureDef {
  name: string;
  unit: PortfolioFigureUnit;
  /** +1 when more is better for the client, −1 when less is. */
  better: 1 | -1;
  label: Bilingual;
  read: (ctx: PortfolioContext) => number;
  /** The risk-profile limit this figure is held to, if any (shown with its margin). */
  limit?: (p: ClientPortfolio) => number | undefined;
}

const NO_LIMIT = Number.POSITIVE_INFINITY;

export const PORTFOLIO_FIGURES: Record<string, PortfolioFigureDef> = Object.fromEntries(
  (
    [
      {
        name: 'portfolio.expectedReturn',
        unit: 'percent',
        better: 1,
        label: { zh: '预期年收益率', en: 'Expected annual return' },
        read: (c) => c.expectedReturn,
      },
      {
        name: 'portfolio.volatility',
        unit: 'percent',
        better: -1,
        label: { zh: '年化波动率（标准差）', en: 'Annual volatility (standard deviation)' },
        read: (c) => c.volatility,
        limit: (p) => p.client.riskProfile.maxVolatility,
      },
      {
        name: 'portfolio.valueAtRisk',
        unit: 'percent',
        better: -1,
        label: { zh: '期末风险价值VaR（95%，占本金）', en: 'Value at risk over the horizon (95%, share of the amount)' },
        read: (c) => c.valueAtRisk,
        limit: (p) => p.client.riskProfile.maxLoss?.fraction,
      },
      {
        name: 'portfolio.volatilityMargin',
        unit: 'percent',
        better: 1,
        label: { zh: '波动率余量（限额 − 波动率）', en: 'Volatility headroom (limit − volatility)' },
        read: (c) => (c.portfolio.client.riskProfile.maxVolatility ?? NO_LIMIT) - c.volatility,
      },
      {
        name: 'portfolio.cashNeedsMet',
        unit: 'percent',
        better: 1,
        label: { zh: '全部资金需求按期满足的概率', en: 'Probability that every cash need is met' },
        read: (c) => c.cash().probabilityAllMet,
      },
    ] satisfies PortfolioFigureDef[]
  ).map((f) => [f.name, f]),
);
// figureLabel() names these figures too (a lesson's list mixes bank and portfolio figures).
registerFigureLabels(Object.values(PORTFOLIO_FIGURES).map((f) => [f.name, f.label] as const));

export function isPortfolioFigure(name: string): boolean {
  return name in PORTFOLIO_FIGURES;
}

/** The figure's value; NaN for an unknown name. */
export function readPortfolioFigure(ctx: PortfolioContext, name: string): number {
  const def = PORTFOLIO_FIGURES[name];
  return def ? def.read(ctx) : NaN;
}

/** Checks a portfolio lesson's figure conditions against the trainee's allocation. */
export function checkPortfolioGoal(conditions: readonly FigureCondition[], ctx: PortfolioContext): GoalCheck {
  const results = conditions.map((c) => {
    const value = readPortfolioFigure(ctx, c.figure);
    return { condition: c, isMet: compare(value, c.op, c.value), value, chosen: null, isPending: false };
  });
  return { isMet: results.every((r) => r.isMet), isPending: false, results };
}

/** Σ weights (a complete allocation sums to 1). */
export function weightSum(weights: Readonly<Record<string, number>>): number {
  return Object.values(weights).reduce((a, b) => a + b, 0);
}

/** The portfolio with these weights (every class of the universe present, missing ones 0). */
export function withTrainingWeights(p: ClientPortfolio, weights: Readonly<Record<string, number>>): ClientPortfolio {
  return { ...p, weights: Object.fromEntries(p.assets.assets.map((a) => [a.key, weights[a.key] ?? 0])) };
}

/** The best allocation within the client's profile (what a debrief may show). */
export function trainingBestAllocation(p: ClientPortfolio): BestAllocation {
  return bestAllocation(p.assets, { bounds: p.bounds }, p.client.riskProfile, p.client.horizonYears);
}

// —— the lesson ——

export interface PortfolioLessonDef extends LessonCommon {
  kind: 'portfolio';
  /** The client and the starting allocation the trainee moves. */
  portfolio: ClientPortfolio;
  goal: FigureCondition[];
}

const SOURCE_TITLE = '《银行工作中的客户投资组合分析与优化方法》';

function lessonPortfolio(): ClientPortfolio {
  const p = demoClientPortfolio();
  return {
    ...p,
    client: { ...p.client, name: '王女士（平衡型） / Ms Wang (balanced)' },
    weights: { deposit: 0.1, wmp: 0, govBond: 0, creditBond: 0.1, equityFund: 0.6, gold: 0.2 },
  };
}

export const PORTFOLIO_LESSON: PortfolioLessonDef = {
  kind: 'portfolio',
  id: 'portfolio-risk-profile',
  number: 8,
  title: { zh: '资产配置与风险承受能力', en: "Allocation within the client's risk profile" },
  claim: {
    zh: `源文章${SOURCE_TITLE}：客户经理要用资产配置模型，按客户的风险偏好配置资产，并以标准差和VaR衡量组合风险。`,
    en: 'The source article "银行工作中的客户投资组合分析与优化方法" (client portfolio analysis and optimisation in banking): a client manager allocates by the client\'s risk preference with an asset-allocation model and measures the portfolio\'s risk by its standard deviation and VaR.',
  },
  minutes: 8,
  narrative: [
    {
      zh: `银行不仅管理自己的客户结构，也替客户管理投资组合。${SOURCE_TITLE}列出客户经理的工具：[[assetAllocation|资产配置]]模型、以[[volatility|标准差]]和[[VaR]]衡量风险、现金流匹配、动态再平衡。`,
      en: "A bank manages not only its own client mix but its clients' portfolios too. The source article lists the client manager's tools: the [[assetAllocation|asset-allocation]] model, risk measured by the [[volatility|standard deviation]] and [[VaR]], cash-flow matching, dynamic rebalancing.",
    },
    {
      zh: '王女士评估为[[riskProfile|平衡型]]：年化波动率不超过9%，10年期末95%置信度的亏损不超过本金的12%。她现在持有10%存款、10%信用债、60%股票型基金、20%黄金：预期收益5.3%，但波动率13.7%，超出了她的风险承受能力。',
      en: 'Ms Wang is assessed as [[riskProfile|balanced]] (平衡型): annual volatility at most 9%, and a loss over her 10 years of at most 12% of the amount at 95% confidence. She now holds 10% deposits, 10% credit bonds, 60% equity funds and 20% gold: an expected 5.3% a year, but 13.7% volatility, beyond what she can bear.',
    },
    {
      zh: '只把股票换成存款当然能降低风险，但收益也会跌到3%以下。有没有更好的办法？',
      en: 'Swapping equities for deposits would lower the risk, of course, but the return would fall below 3%. Is there a better way?',
    },
  ],
  task: {
    zh: '在权重栏中输入新的配置（各类资产之和为100%），使组合符合平衡型的两项限额——波动率≤9%、期末VaR≤12%——同时预期年收益率不低于4.0%。',
    en: 'Type a new allocation in the weight fields (summing to 100%) that meets both limits of the balanced profile, volatility ≤ 9% and VaR over the horizon ≤ 12%, while keeping the expected return at 4.0% a year or more.',
  },
  portfolio: lessonPortfolio(),
  goal: [
    { kind: 'figure', figure: 'portfolio.volatility', op: '<=', value: 0.09 },
    { kind: 'figure', figure: 'portfolio.valueAtRisk', op: '<=', value: 0.12 },
    { kind: 'figure', figure: 'portfolio.expectedReturn', op: '>=', value: 0.04 },
  ],
  figures: ['portfolio.expectedReturn', 'portfolio.volatility', 'portfolio.valueAtRisk'],
  hints: [
    {
      zh: '股票型基金60%贡献了绝大部分波动：先把它降到40%以下（键盘：Tab键到“股票型基金”权重栏，直接输入数字）。',
      en: 'The 60% in equity funds makes most of the volatility: bring it below 40% first (keyboard: Tab to the "Equity funds" weight field and type a number).',
    },
    {
      zh: '降下来的部分不要都放进存款：信用债收益2.4%、波动率2.5%，而且与股票的相关性低。',
      en: 'Do not put all of it in deposits: credit bonds return 2.4% with 2.5% volatility and move little with equities.',
    },
    {
      zh: '例如：存款0%、理财0%、国债0%、信用债45%、股票型基金35%、黄金20%。',
      en: 'For example: deposits 0%, WMPs 0%, government bonds 0%, credit bonds 45%, equity funds 35%, gold 20%.',
    },
  ],
  debrief: {
    mechanism: [
      {
        zh: '组合的波动率不是各资产波动率的加权平均：σₚ² = Σᵢ Σⱼ wᵢwⱼρᵢⱼσᵢσⱼ。相关系数ρ越低，交叉项越小——这就是[[diversification|分散化]]：信用债、黄金与股票相关性低，把股票换成它们，风险下降得比收益快。',
        en: "A portfolio's volatility is not the weighted average of its assets' volatilities: σₚ² = Σᵢ Σⱼ wᵢwⱼρᵢⱼσᵢσⱼ. The lower the correlations ρ, the smaller the cross terms: that is [[diversification]]. Credit bonds and gold move little with equities, so swapping equities for them lowers the risk faster than the return.",
      },
      {
        zh: '对每一个收益水平，风险最小的组合连成[[efficientFrontier|有效前沿]]（马科维茨均值—方差模型）。平衡型的最优配置就在前沿与9%波动率限额的交点上：约4.4%的预期收益。前沿以下的任何组合，都能在不增加风险的前提下提高收益。',
        en: 'For each level of return, the least-risk allocations form the [[efficientFrontier|efficient frontier]] (Markowitz mean-variance). The best balanced allocation sits where the frontier meets the 9% volatility limit: about 4.4% expected return. Any allocation below the frontier can earn more at no extra risk.',
      },
      {
        zh: '客户组合工作区（#/portfolio）画出了完整的前沿，并能一键采用最优配置。',
        en: 'The client-portfolio workspace (#/portfolio) draws the whole frontier and adopts the best allocation in one click.',
      },
    ],
    terms: ['efficientFrontier', 'diversification', 'volatility', 'VaR', 'riskProfile'],
  },
};

// —— the challenge ——

export interface PortfolioChallengeDef extends ChallengeCommon {
  kind: 'portfolio';
  portfolio: ClientPortfolio;
}

function challengePortfolio(): ClientPortfolio {
  const p = demoClientPortfolio();
  return {
    ...p,
    client: {
      name: '李先生（稳健型） / Mr Li (moderately conservative)',
      riskProfile: { ...RISK_PROFILES.moderate },
      horizonYears: 5,
      amount: 500_000,
      // Tuition close to the amount invested: only an allocation that cannot fall far in three
      // years pays it with 95% confidence, so the rule binds (an all-equity portfolio fails it).
      cashNeeds: [{ year: 3, amount: 480_000, label: '子女留学学费 / Tuition abroad' }],
    },
    weights: { deposit: 0.3, wmp: 0.3, govBond: 0.1, creditBond: 0.1, equityFund: 0.2, gold: 0 },
  };
}

export const PORTFOLIO_CHALLENGE: PortfolioChallengeDef = {
  kind: 'portfolio',
  id: 'client-tuition',
  title: { zh: '学费与收益', en: 'Tuition and return' },
  brief: {
    zh: '李先生是稳健型客户，投资50万元、期限5年，第3年要支付子女留学学费48万元（几乎是全部本金）。调整配置，使预期年收益率尽可能高，同时年化波动率不超过5%，且学费按期支付的概率不低于95%（2,000条模拟路径、固定随机种子、每年再平衡）。',
    en: 'Mr Li is a moderately conservative (稳健型) client investing CNY 500,000 for 5 years, with CNY 480,000 of tuition abroad due in year 3 (almost all of it). Make the expected return as high as you can while keeping annual volatility at 5% or less and the tuition paid on time with 95% probability or more (2,000 simulated paths, a fixed seed, yearly rebalancing).',
  },
  portfolio: challengePortfolio(),
  objective: { figure: 'portfolio.expectedReturn', floor: 0.028, target: 0.034 },
  constraints: [
    {
      id: 'volatility',
      figure: 'portfolio.volatility',
      op: '<=',
      value: 0.05,
      note: { zh: '稳健型的波动率限额', en: 'the volatility limit of the moderately conservative profile' },
    },
    {
      id: 'tuition',
      figure: 'portfolio.cashNeedsMet',
      op: '>=',
      value: 0.95,
      note: { zh: '现金流匹配：第3年学费，2,000条路径、固定种子', en: 'cash-flow matching: the year-3 tuition, 2,000 paths, fixed seed' },
    },
  ],
  weights: { objective: 60, constraints: { volatility: 25, tuition: 15 }, failCap: 30, stars: [40, 70, 90] },
  figures: ['portfolio.valueAtRisk'],
};

/** The figures a portfolio challenge scores and shows. */
export function portfolioChallengeFigures(challenge: PortfolioChallengeDef, ctx: PortfolioContext): Record<string, number> {
  const names = [...new Set([challenge.objective.figure, ...challenge.constraints.map((c) => c.figure), ...challenge.figures])];
  return Object.fromEntries(names.map((f) => [f, readPortfolioFigure(ctx, f)]));
}

/**
 * Scores a play of a client-portfolio challenge (the one path from an allocation to a score, as
 * scoreBankPlay is for a bank scenario).
 * @example scorePortfolioPlay(PORTFOLIO_CHALLENGE, createPortfolioContext(p), PORTFOLIO_CHALLENGE.weights).breakdown.score
 */
export function scorePortfolioPlay(
  challenge: PortfolioChallengeDef,
  ctx: PortfolioContext,
  weights: ScoringWeights,
): { figures: Record<string, number>; breakdown: ScoreBreakdown } {
  const figures = portfolioChallengeFigures(challenge, ctx);
  return { figures, breakdown: scoreChallenge(challenge, figures, weights) };
}

/**
 * What is wrong with an allocation submitted for a portfolio challenge: an asset outside the
 * client's universe, a weight outside 0–100%, or weights not summing to 100%. Empty when fair.
 */
export function allocationProblems(challenge: PortfolioChallengeDef, weights: Readonly<Record<string, number>>, prefix = 'allocation'): ValidationProblem[] {
  const p = challenge.portfolio;
  const keys = new Set(p.assets.assets.map((a) => a.key));
  const problems: ValidationProblem[] = [];
  for (const [k, w] of Object.entries(weights)) {
    if (!keys.has(k)) {
      problems.push({
        path: `${prefix}.${k}`,
        received: k,
        expected: [...keys].join(', '),
        message: { zh: '客户的资产范围里没有这一类资产', en: "no such asset class in the client's universe" },
      });
      continue;
    }
    if (!(w >= 0 && w <= 1)) {
      problems.push({
        path: `${prefix}.${k}`,
        received: String(w),
        expected: '0–1',
        message: { zh: '权重应在0%到100%之间', en: 'a weight must lie between 0% and 100%' },
      });
    }
  }
  const sum = weightSum(weights);
  if (Math.abs(sum - 1) > TRAINING_WEIGHT_TOLERANCE) {
    problems.push({ path: prefix, received: String(sum), expected: '1', message: { zh: '各类资产权重之和应为100%', en: 'the weights must sum to 100%' } });
  }
  return problems;
}
