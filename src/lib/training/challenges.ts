/**
 * Challenges as data: a starting bank, the levers it opens, an objective, constraints and the
 * default scoring weights (a trainer may change them in a workshop pack). Scored by scoring.ts;
 * targets were set a little below the best the engine finds (test/training/scoring.test.ts).
 *
 * Figures are closed-form: the five-year challenge reads the rebalancing path of pace.ts (one
 * path with a recession in year 2, not a median over Monte Carlo paths), and an LCR buffer or
 * "LCR ≥ 100% in every quarter" stands in for "P(LCR < 100%) < 5%"; the notes say so on screen.
 */
import { cloneScenario, demoScenario, pyramidScenario, type Bilingual, type Scenario } from '../model';
import type { LeverDef } from './levers';
import type { ConstraintDef, ObjectiveDef, ScoringWeights } from './scoring';
import type { TrainingContext } from './context';
import { readFigure } from './figures';
import { PORTFOLIO_CHALLENGE, type PortfolioChallengeDef } from './portfolio';

/** A challenge on a bank scenario (`kind` absent means 'bank'). */
export interface BankChallengeDef {
  kind?: 'bank';
  id: string;
  title: Bilingual;
  brief: Bilingual;
  scenario: Scenario;
  levers: LeverDef[];
  objective: ObjectiveDef;
  constraints: ConstraintDef[];
  weights: ScoringWeights;
  /** Figures shown while playing (objective and constraints are always shown). */
  figures: string[];
}

/** A challenge: on a bank scenario, or on a client's investment portfolio (portfolio.ts). */
export type ChallengeDef = BankChallengeDef | PortfolioChallengeDef;

export function isPortfolioChallenge(challenge: ChallengeDef): challenge is PortfolioChallengeDef {
  return challenge.kind === 'portfolio';
}

const YI = 1e8;
const STARS: [number, number, number] = [40, 70, 90];

function weights(objective: number, constraints: Record<string, number>, failCap = 50): ScoringWeights {
  return { objective, constraints, failCap, stars: [...STARS] };
}

/** "Too much or too little of any ingredient breaks the requirements": keep the gravel skeleton. */
const SKELETON: ConstraintDef = {
  id: 'skeleton',
  figure: 'share.large',
  op: '>=',
  value: 0.3,
  note: { zh: '骨架：石子（大客户）不少于30%', en: 'the skeleton: gravel (large clients) at least 30%' },
};

/** Too little sand or paste fails the mix as surely as too little gravel. */
const EVERY_INGREDIENT: ConstraintDef = {
  id: 'ingredients',
  figure: 'minShare',
  op: '>=',
  value: 0.15,
  note: { zh: '每一种材料（石子、砂、水泥浆）都不少于15%', en: 'every ingredient (gravel, sand, paste) at least 15%' },
};

/** The client-manager team the bank can field this year (the source: the team comes first). */
const MANAGERS_NOTE: Bilingual = {
  zh: '客户经理队伍：今年能配备的人数上限',
  en: 'the client-manager team: the most the bank can field this year',
};

const MARKUP_LEVERS: LeverDef[] = [
  { kind: 'input', path: 'segments.1.markup', min: -0.1, max: 1, step: 0.01 },
  { kind: 'input', path: 'segments.2.markup', min: -0.1, max: 1, step: 0.01 },
];

/** The four bank challenges. */
export const BANK_CHALLENGES: readonly BankChallengeDef[] = [
  {
    id: 'steady-profit',
    title: { zh: '稳健增利', en: 'Profit within the limits' },
    brief: {
      zh: '从倒金字塔银行出发，调整客户结构和中、小客户的利率浮动，使净利润尽可能高，同时守住四条监管红线。定价高于市场会流失需求、引来逆向选择（第3课）。',
      en: 'From the inverted-pyramid bank, move the mix and the mid and small clients\' markups to make net profit as high as you can while keeping four regulatory lines. Pricing above the market loses demand and invites adverse selection (lesson 3).',
    },
    scenario: { ...cloneScenario(demoScenario), name: { zh: '倒金字塔银行（挑战）', en: 'The inverted-pyramid bank (challenge)' } },
    levers: [{ kind: 'mix' }, ...MARKUP_LEVERS],
    objective: { figure: 'netProfit', floor: 7.6 * YI, target: 8.8 * YI },
    constraints: [
      { id: 'lcr', figure: 'lcr', op: '>=', value: 1 },
      { id: 'single', figure: 'largestClientToCapital', op: '<=', value: 0.1 },
      { id: 'top10', figure: 'top10ToCapital', op: '<=', value: 0.5 },
      { id: 'car', figure: 'capitalAdequacyRatio', op: '>=', value: 0.105 },
      SKELETON,
      EVERY_INGREDIENT,
      { id: 'managers', figure: 'managersNeeded', op: '<=', value: 100, note: MANAGERS_NOTE },
    ],
    weights: weights(45, { lcr: 10, single: 10, top10: 10, car: 10, skeleton: 5, ingredients: 5, managers: 5 }),
    figures: ['raroc', 'demandKept.small', 'share.large'],
  },
  {
    id: 'raroc',
    title: { zh: '资本回报', en: 'Return on risk capital' },
    brief: {
      zh: '每一元经济资本要赚得更多：提高RAROC，同时LCR留足缓冲（≥105%），最大单一客户不超过资本净额的10%，NSFR≥100%。',
      en: 'Make each yuan of economic capital earn more: raise RAROC while keeping an LCR buffer (≥ 105%), the largest client within 10% of net capital and the NSFR at 100% or more.',
    },
    scenario: { ...cloneScenario(demoScenario), name: { zh: '倒金字塔银行（挑战）', en: 'The inverted-pyramid bank (challenge)' } },
    levers: [{ kind: 'mix' }, { kind: 'input', path: 'segments.2.markup', min: -0.1, max: 1, step: 0.01 }],
    objective: { figure: 'raroc', floor: 0.13, target: 0.18 },
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
      SKELETON,
      EVERY_INGREDIENT,
      { id: 'managers', figure: 'managersNeeded', op: '<=', value: 110, note: MANAGERS_NOTE },
    ],
    weights: weights(45, { lcrBuffer: 15, single: 10, nsfr: 10, skeleton: 5, ingredients: 5, managers: 10 }),
    figures: ['netProfit', 'economicCapital', 'share.small'],
  },
  {
    id: 'eva',
    title: { zh: '经济增加值', en: 'Economic value added' },
    brief: {
      zh: '从正金字塔银行出发：扣除10%的资本成本之后，你能创造多少价值？提高EVA，资本充足率≥10.5%，最大十家客户≤50%，LCR≥100%。',
      en: 'From the pyramid bank: how much value can you create after a 10% cost of capital? Raise EVA with capital adequacy ≥ 10.5%, top-10 clients ≤ 50% and the LCR at 100% or more.',
    },
    scenario: { ...cloneScenario(pyramidScenario), name: { zh: '正金字塔银行（挑战）', en: 'The pyramid bank (challenge)' } },
    levers: [{ kind: 'mix' }, ...MARKUP_LEVERS, { kind: 'input', path: 'segments.2.feePerClient', min: 0, max: 50000, step: 5000 }],
    objective: { figure: 'eva', floor: 2 * YI, target: 6 * YI },
    constraints: [
      { id: 'car', figure: 'capitalAdequacyRatio', op: '>=', value: 0.105 },
      { id: 'top10', figure: 'top10ToCapital', op: '<=', value: 0.5 },
      { id: 'lcr', figure: 'lcr', op: '>=', value: 1 },
      SKELETON,
      EVERY_INGREDIENT,
      { id: 'managers', figure: 'managersNeeded', op: '<=', value: 120, note: MANAGERS_NOTE },
    ],
    weights: weights(45, { car: 10, top10: 10, lcr: 10, skeleton: 5, ingredients: 10, managers: 10 }),
    figures: ['netProfit', 'economicCapital', 'raroc'],
  },
  {
    id: 'five-year',
    title: { zh: '五年之计', en: 'The five-year plan' },
    brief: {
      zh: '选择目标结构、调整节奏和客户经理人数，使5年累计净利润最高（第2年有一次衰退），5年内到达目标结构，调整途中LCR始终不低于100%。',
      en: 'Choose the target mix, the pace and the headcount to make the most net profit over five years (with a recession in year 2), reach the target within five years and keep the LCR at 100% or more on the way.',
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
    objective: { figure: 'pace.cumulativeProfit', floor: 20 * YI, target: 22.4 * YI },
    constraints: [
      {
        id: 'lcrPath',
        figure: 'pace.minLcr',
        op: '>=',
        value: 1,
        note: {
          zh: '闭式路径：以“调整途中每季度LCR≥100%”代替“LCR低于100%的概率<5%”',
          en: 'closed-form path: "LCR ≥ 100% in every quarter on the way" stands in for "P(LCR < 100%) < 5%"',
        },
      },
      { id: 'reach', figure: 'pace.quartersToTarget', op: '<=', value: 20 },
      { id: 'skeleton', figure: 'targetShare.large', op: '>=', value: 0.3, note: SKELETON.note },
      { id: 'ingredients', figure: 'pace.minTargetShare', op: '>=', value: 0.15, note: EVERY_INGREDIENT.note },
    ],
    weights: weights(60, { lcrPath: 10, reach: 10, skeleton: 10, ingredients: 10 }),
    figures: ['pace.recessionProfit', 'pace.managersAtTarget', 'managersNeeded'],
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

/** The figures of a challenge in a context (what is scored and what a results file carries). */
export function challengeFigures(challenge: BankChallengeDef, ctx: TrainingContext): Record<string, number> {
  return Object.fromEntries(challengeFigureNames(challenge).map((f) => [f, readFigure(ctx, f)]));
}
