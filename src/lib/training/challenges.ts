/**
 * Challenges as data: a starting bank, the levers it opens, an objective, constraints and the
 * default scoring weights (a trainer may change them in a workshop pack). Scored by scoring.ts;
 * each floor is about the starting bank's figure and each target a little below the best the
 * engine finds within the constraints (test/training/scoring.test.ts). The best mix is interior:
 * dropping the gravel or pricing the paste away scores less, through the franchise and the
 * pricing response, not only through the fixed skeleton rule.
 *
 * Every mix rule reads the book as evaluated, after the pricing response (`bookShare`,
 * `minBookShare`, `loansBooked`), never the shares as set: a share priced away does not count. The
 * five-year challenge reads its objective from the multi-year Monte Carlo (the median five-year
 * profit of a seeded run with a recession in year 2, `monteCarlo` and `mc.*` figures); its
 * rules (reach the target, keep every ingredient) from the rebalancing path.
 */
import { cloneScenario, demoScenario, pyramidScenario, type Bilingual, type Scenario } from '../model';
import { FIVE_YEAR_MONTE_CARLO, isMonteCarloFigure, type MonteCarloSpec } from './monte-carlo';
import type { LeverDef } from './levers';
import { scoreChallenge, type ConstraintDef, type ScoreBreakdown, type ScoringWeights } from './scoring';
import type { TrainingContext } from './context';
import type { ChallengeCommon } from './activity';
import { readFigure } from './figures';
import { PORTFOLIO_CHALLENGE, type PortfolioChallengeDef } from './portfolio';

/** A challenge on a bank scenario (`kind` absent means 'bank'). */
export interface BankChallengeDef extends ChallengeCommon {
  kind?: 'bank';
  scenario: Scenario;
  levers: LeverDef[];
  /** The multi-year Monte Carlo the challenge's `mc.*` figures are read from (seeded: same play, same figures). */
  monteCarlo?: MonteCarloSpec;
}

/** A challenge: on a bank scenario, or on a client's investment portfolio (portfolio.ts). */
export type ChallengeDef = BankChallengeDef | PortfolioChallengeDef;

export function isPortfolioChallenge(challenge: ChallengeDef): challenge is PortfolioChallengeDef {
  return challenge.kind === 'portfolio';
}

const YI = 1e8;
const STARS: [number, number, number] = [40, 70, 90];

/** A broken rule scores 0–30, a play keeping every rule 31–100 (scoring.ts). */
const FAIL_CAP = 30;

function weights(objective: number, constraints: Record<string, number>, failCap = FAIL_CAP): ScoringWeights {
  return { objective, constraints, failCap, stars: [...STARS] };
}

/** "Too much or too little of any ingredient breaks the requirements": keep the gravel skeleton. */
const SKELETON: ConstraintDef = {
  id: 'skeleton',
  figure: 'bookShare.large',
  op: '>=',
  value: 0.3,
  note: { zh: '骨架：石子（大客户）不少于30%', en: 'the skeleton: gravel (large clients) at least 30%' },
};

/** Too little sand or paste fails the mix as surely as too little gravel. */
const EVERY_INGREDIENT: ConstraintDef = {
  id: 'ingredients',
  figure: 'minBookShare',
  op: '>=',
  value: 0.15,
  note: { zh: '每一种材料（石子、砂、水泥浆）都不少于15%', en: 'every ingredient (gravel, sand, paste) at least 15%' },
};

/** The client-manager team the bank can field this year (the source: the team comes first). */
const MANAGERS_NOTE: Bilingual = {
  zh: '客户经理队伍：今年能配备的人数上限',
  en: 'the client-manager team: the most the bank can field this year',
};

/** A spread over LPR in bp, from below the market to far above it (a step of 5 bp). */
function spreadLever(index: number): LeverDef {
  return { kind: 'input', path: `segments.${index}.spreadBp`, min: -50, max: 250, step: 5 };
}

const SPREAD_LEVERS: LeverDef[] = [spreadLever(1), spreadLever(2)];

/**
 * The loan plan (信贷投放计划): demand a spread above the market loses is not made up by another
 * tier, so without this line a smaller book would look like a better one (less capital, less
 * funding) and pricing clients away would pay.
 */
const LOAN_PLAN: ConstraintDef = {
  id: 'loanPlan',
  figure: 'loansBooked',
  op: '>=',
  value: 0.95,
  note: {
    zh: '信贷投放计划：对公贷款投放不低于计划的95%（加点高于市场而流失的需求，不会由其他客户补上）',
    en: 'the loan plan: corporate loans booked at least 95% of the plan (demand lost to a spread above the market is not made up by other clients)',
  },
};

/** The four bank challenges. */
export const BANK_CHALLENGES: readonly BankChallengeDef[] = [
  {
    id: 'steady-profit',
    title: { zh: '稳健增利', en: 'Profit within the limits' },
    brief: {
      zh: '从倒金字塔银行出发，调整客户结构和中、小客户的LPR加点，使净利润尽可能高，同时守住四条监管红线和信贷投放计划。加点高于市场会流失需求、引来逆向选择（第3课）；某一层客户超出本行的客户基础，只能接受更差的借款人和更低的价格（第1课）。',
      en: "From the inverted-pyramid bank, move the mix and the mid and small clients' spreads over LPR to make net profit as high as you can while keeping four regulatory lines and the loan plan. A spread above the market loses demand and invites adverse selection (lesson 3); a tier grown beyond the bank's franchise takes worse borrowers at lower prices (lesson 1).",
    },
    scenario: { ...cloneScenario(demoScenario), name: { zh: '倒金字塔银行（挑战）', en: 'The inverted-pyramid bank (challenge)' } },
    levers: [{ kind: 'mix' }, ...SPREAD_LEVERS],
    objective: { figure: 'netProfit', floor: 7.9 * YI, target: 8.5 * YI },
    constraints: [
      { id: 'lcr', figure: 'lcr', op: '>=', value: 1 },
      { id: 'single', figure: 'largestClientToCapital', op: '<=', value: 0.1 },
      { id: 'top10', figure: 'top10ToCapital', op: '<=', value: 0.5 },
      { id: 'car', figure: 'capitalAdequacyRatio', op: '>=', value: 0.105 },
      LOAN_PLAN,
      SKELETON,
      EVERY_INGREDIENT,
      { id: 'managers', figure: 'managersNeeded', op: '<=', value: 100, note: MANAGERS_NOTE },
    ],
    weights: weights(45, { lcr: 10, single: 10, top10: 10, car: 10, loanPlan: 10, skeleton: 5, ingredients: 5, managers: 5 }),
    figures: ['raroc', 'demandKept.small', 'share.large'],
  },
  {
    id: 'raroc',
    title: { zh: '资本回报', en: 'Return on risk capital' },
    brief: {
      zh: '每一元经济资本要赚得更多：提高RAROC，同时LCR留足缓冲（≥105%），最大单一客户不超过资本净额的10%，NSFR≥100%，完成信贷投放计划——靠把客户“定价赶走”缩小账簿不算数。',
      en: 'Make each yuan of economic capital earn more: raise RAROC while keeping an LCR buffer (≥ 105%), the largest client within 10% of net capital, the NSFR at 100% or more and the loan plan: shrinking the book by pricing clients away does not count.',
    },
    scenario: { ...cloneScenario(demoScenario), name: { zh: '倒金字塔银行（挑战）', en: 'The inverted-pyramid bank (challenge)' } },
    levers: [{ kind: 'mix' }, spreadLever(2)],
    objective: { figure: 'raroc', floor: 0.135, target: 0.15 },
    constraints: [
      {
        id: 'lcrBuffer',
        figure: 'lcr',
        op: '>=',
        value: 1.05,
        note: {
          zh: '以LCR≥105%作为缓冲，使LCR在压力下跌破100%的可能较小',
          en: 'LCR ≥ 105% as a buffer, so the LCR is unlikely to fall below 100% under stress',
        },
      },
      { id: 'single', figure: 'largestClientToCapital', op: '<=', value: 0.1 },
      { id: 'nsfr', figure: 'nsfr', op: '>=', value: 1 },
      LOAN_PLAN,
      SKELETON,
      EVERY_INGREDIENT,
      { id: 'managers', figure: 'managersNeeded', op: '<=', value: 110, note: MANAGERS_NOTE },
    ],
    weights: weights(45, { lcrBuffer: 15, single: 10, nsfr: 10, loanPlan: 10, skeleton: 5, ingredients: 5, managers: 10 }),
    figures: ['netProfit', 'economicCapital', 'share.small'],
  },
  {
    id: 'eva',
    title: { zh: '经济增加值', en: 'Economic value added' },
    brief: {
      zh: '从正金字塔银行出发：扣除10%的资本成本之后，你能创造多少价值？提高EVA，资本充足率≥10.5%，最大十家客户≤50%，LCR≥100%，完成信贷投放计划。',
      en: 'From the pyramid bank: how much value can you create after a 10% cost of capital? Raise EVA with capital adequacy ≥ 10.5%, top-10 clients ≤ 50%, the LCR at 100% or more and the loan plan met.',
    },
    scenario: { ...cloneScenario(pyramidScenario), name: { zh: '正金字塔银行（挑战）', en: 'The pyramid bank (challenge)' } },
    levers: [{ kind: 'mix' }, ...SPREAD_LEVERS, { kind: 'input', path: 'segments.2.feePerClient', min: 0, max: 50000, step: 5000 }],
    objective: { figure: 'eva', floor: 2.4 * YI, target: 4.6 * YI },
    constraints: [
      { id: 'car', figure: 'capitalAdequacyRatio', op: '>=', value: 0.105 },
      { id: 'top10', figure: 'top10ToCapital', op: '<=', value: 0.5 },
      { id: 'lcr', figure: 'lcr', op: '>=', value: 1 },
      LOAN_PLAN,
      SKELETON,
      EVERY_INGREDIENT,
      { id: 'managers', figure: 'managersNeeded', op: '<=', value: 120, note: MANAGERS_NOTE },
    ],
    weights: weights(45, { car: 10, top10: 10, lcr: 10, loanPlan: 10, skeleton: 5, ingredients: 10, managers: 10 }),
    figures: ['netProfit', 'economicCapital', 'raroc'],
  },
  {
    id: 'five-year',
    title: { zh: '五年之计', en: 'The five-year plan' },
    brief: {
      zh: '选择目标结构、调整节奏和客户经理人数，使5年累计净利润（多年蒙特卡洛的中位数，第2年有一次衰退）最高，并在5年内到达目标结构。资金部门会买入优质流动性资产守住LCR，其持有成本计入利润。',
      en: 'Choose the target mix, the pace and the headcount to make the most net profit over five years (the median of the multi-year Monte Carlo, with a recession in year 2), and reach the target within five years. The treasury buys HQLA to hold the LCR, and its carry comes off profit.',
    },
    scenario: {
      ...cloneScenario(demoScenario),
      name: { zh: '倒金字塔银行（五年规划）', en: 'The inverted-pyramid bank (five-year plan)' },
      levers: { ...demoScenario.levers, managerHeadcount: 65, paceQuarters: 8, targetMix: { large: 0.65, mid: 0.25, small: 0.1 } },
    },
    levers: [
      { kind: 'targetMix' },
      { kind: 'input', path: 'levers.paceQuarters', min: 1, max: 20, step: 1 },
      { kind: 'input', path: 'levers.managerHeadcount', min: 40, max: 250, step: 1 },
    ],
    // Floor: about the bank as it is (17.0 亿元); target below the best play found on a grid of
    // target mixes, paces and headcounts (22.8 亿元 at 40/40/20 over 12 quarters with 150
    // managers; the median of 1,000 paths moves by 1–2 亿元 from one play or random stream to the next).
    // The LCR is no rule here: the treasury holds it by buying HQLA, which the profit pays for.
    objective: { figure: 'mc.cumulativeProfit', floor: 16.5 * YI, target: 20.5 * YI },
    constraints: [
      { id: 'reach', figure: 'pace.quartersToTarget', op: '<=', value: 20 },
      { id: 'skeleton', figure: 'targetShare.large', op: '>=', value: 0.3, note: SKELETON.note },
      { id: 'ingredients', figure: 'pace.minTargetShare', op: '>=', value: 0.15, note: EVERY_INGREDIENT.note },
    ],
    weights: weights(70, { reach: 10, skeleton: 10, ingredients: 10 }),
    figures: ['mc.cumulativeProfit', 'mc.lcrBreach', 'pace.recessionProfit', 'pace.managersAtTarget', 'managersNeeded'],
    monteCarlo: FIVE_YEAR_MONTE_CARLO,
  },
];

/** Every challenge: the four bank challenges, then the client-portfolio challenge. */
export const CHALLENGES: readonly ChallengeDef[] = [...BANK_CHALLENGES, PORTFOLIO_CHALLENGE];

export const CHALLENGE_IDS: readonly string[] = CHALLENGES.map((c) => c.id);

export function challengeById(id: string): ChallengeDef | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

/** A bank challenge by id (undefined for an unknown id or a portfolio challenge). */
export function bankChallengeById(id: string): BankChallengeDef | undefined {
  return BANK_CHALLENGES.find((c) => c.id === id);
}

/** A deep copy of a challenge's default weights, safe to edit. */
export function defaultWeights(challenge: ChallengeDef): ScoringWeights {
  return { ...challenge.weights, constraints: { ...challenge.weights.constraints }, stars: [...challenge.weights.stars] };
}

/** Every figure a challenge reads or shows, by name. */
export function challengeFigureNames(challenge: ChallengeDef): string[] {
  return [...new Set([challenge.objective.figure, ...challenge.constraints.map((c) => c.figure), ...challenge.figures])];
}

/**
 * The figures of a challenge in a context (what is scored and what a results file carries);
 * `mc.*` figures come from `simulated` (the play's Monte Carlo run), NaN until it has run.
 */
export function challengeFigures(challenge: BankChallengeDef, ctx: TrainingContext, simulated: Readonly<Record<string, number>> = {}): Record<string, number> {
  return Object.fromEntries(challengeFigureNames(challenge).map((f) => [f, isMonteCarloFigure(f) ? (simulated[f] ?? NaN) : readFigure(ctx, f)]));
}

/**
 * Scores a play of a bank challenge: its figures in the context, then the breakdown. The one
 * path from a scenario to a score: the team's live score, its submitted attempt and the trainer's
 * rescoring of a results file all go through here, so they agree to the point.
 * @example scoreBankPlay(challenge, createContext(scenario), challenge.weights).breakdown.score
 */
export function scoreBankPlay(
  challenge: BankChallengeDef,
  ctx: TrainingContext,
  weights: ScoringWeights,
  simulated: Readonly<Record<string, number>> = {},
): { figures: Record<string, number>; breakdown: ScoreBreakdown } {
  const figures = challengeFigures(challenge, ctx, simulated);
  return { figures, breakdown: scoreChallenge(challenge, figures, weights) };
}
