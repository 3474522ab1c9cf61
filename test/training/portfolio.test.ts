import { describe, expect, it } from 'vitest';
import {
  CHALLENGES,
  LESSONS,
  PORTFOLIO_CHALLENGE,
  PORTFOLIO_LESSON,
  buildPack,
  challengeById,
  checkPortfolioGoal,
  createPortfolioContext,
  defaultWeights,
  figureLabel,
  glossaryTerm,
  isPortfolioChallenge,
  isPortfolioLesson,
  lessonById,
  parseRichText,
  portfolioChallengeFigures,
  readPortfolioFigure,
  scoreChallenge,
  trainingBestAllocation,
  validatePack,
  withTrainingWeights,
} from '../../src/lib/training';

const lessonCheck = (weights: Record<string, number>) =>
  checkPortfolioGoal(PORTFOLIO_LESSON.goal, createPortfolioContext(withTrainingWeights(PORTFOLIO_LESSON.portfolio, weights)));
const challengeScore = (weights: Record<string, number>) => {
  const ctx = createPortfolioContext(withTrainingWeights(PORTFOLIO_CHALLENGE.portfolio, weights));
  return scoreChallenge(PORTFOLIO_CHALLENGE, portfolioChallengeFigures(PORTFOLIO_CHALLENGE, ctx), PORTFOLIO_CHALLENGE.weights);
};

describe('the client-portfolio lesson', () => {
  it('joins the lessons as the eighth, a discriminated portfolio lesson', () => {
    expect(LESSONS).toHaveLength(8);
    const l = lessonById('portfolio-risk-profile')!;
    expect(isPortfolioLesson(l)).toBe(true);
    expect(l.number).toBe(8);
    expect(LESSONS.filter((x) => !isPortfolioLesson(x))).toHaveLength(7);
  });

  it('is bilingual and links only known glossary terms', () => {
    const l = PORTFOLIO_LESSON;
    for (const text of [l.title, l.claim, l.task, ...l.narrative, ...l.hints, ...l.debrief.mechanism]) {
      expect(text.zh.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
    expect(l.claim.zh).toContain('银行工作中的客户投资组合分析与优化方法');
    const texts = [l.task, ...l.narrative, ...l.debrief.mechanism].flatMap((b) => [b.zh, b.en]);
    for (const part of texts.flatMap(parseRichText)) if (part.kind === 'term') expect(glossaryTerm(part.id), part.id).toBeDefined();
    for (const term of l.debrief.terms) expect(glossaryTerm(term), term).toBeDefined();
    for (const f of l.figures) expect(figureLabel(null, f).zh).not.toBe(f);
  });

  it('starts at 13.7% volatility, above the 9% limit of 平衡型, so the goal fails', () => {
    const ctx = createPortfolioContext(PORTFOLIO_LESSON.portfolio);
    expect(ctx.portfolio.client.riskProfile.name.zh).toBe('平衡型');
    expect(ctx.volatility).toBeCloseTo(0.137, 3);
    expect(ctx.expectedReturn).toBeGreaterThan(0.04);
    const check = checkPortfolioGoal(PORTFOLIO_LESSON.goal, ctx);
    expect(check.isMet).toBe(false);
    expect(check.results.map((r) => r.isMet)).toEqual([false, false, true]);
  });

  it('is met by the best allocation within the profile (about 4.43%)', () => {
    const best = trainingBestAllocation(PORTFOLIO_LESSON.portfolio);
    expect(best.expectedReturn).toBeCloseTo(0.0443, 3);
    expect(lessonCheck(best.weights).isMet).toBe(true);
  });

  it("is met by the hint's typed allocation, and not by moving to deposits alone", () => {
    expect(lessonCheck({ creditBond: 0.45, equityFund: 0.35, gold: 0.2 }).isMet).toBe(true);
    const safe = lessonCheck({ deposit: 0.5, creditBond: 0.1, equityFund: 0.3, gold: 0.1 });
    expect(safe.isMet).toBe(false);
    expect(safe.results[2].isMet).toBe(false); // return below 4%
  });

  it('does not change its starting portfolio', () => {
    const before = JSON.stringify(PORTFOLIO_LESSON.portfolio);
    lessonCheck({ creditBond: 0.45, equityFund: 0.35, gold: 0.2 });
    expect(JSON.stringify(PORTFOLIO_LESSON.portfolio)).toBe(before);
  });
});

describe('the client-portfolio challenge', () => {
  it('joins the challenges, with weights for every constraint', () => {
    expect(CHALLENGES.map((c) => c.id)).toContain('client-tuition');
    const c = challengeById('client-tuition')!;
    expect(isPortfolioChallenge(c)).toBe(true);
    if (!isPortfolioChallenge(c)) return;
    for (const k of c.constraints) expect(c.weights.constraints[k.id]).toBeGreaterThan(0);
    expect(c.portfolio.client.riskProfile.name.zh).toBe('稳健型');
    expect(c.portfolio.client.amount).toBe(500_000);
    expect(c.portfolio.client.cashNeeds[0].year).toBe(3);
  });

  it('scores the start within the limits but low, with one star', () => {
    const s = challengeScore(PORTFOLIO_CHALLENGE.portfolio.weights);
    expect(s.constraints.every((c) => c.isMet)).toBe(true);
    expect(s.score).toBeGreaterThan(40);
    expect(s.score).toBeLessThan(70);
    expect(s.stars).toBe(1);
  });

  it('gives the best allocation within 稳健型 full marks and three stars', () => {
    const best = trainingBestAllocation(PORTFOLIO_CHALLENGE.portfolio);
    expect(best.volatility).toBeCloseTo(0.05, 6);
    const s = challengeScore(best.weights);
    expect(s.objective.value).toBeGreaterThan(PORTFOLIO_CHALLENGE.objective.target);
    expect(s.constraints.find((c) => c.id === 'tuition')!.value).toBeGreaterThanOrEqual(0.95);
    expect(s.score).toBe(100);
    expect(s.stars).toBe(3);
  });

  it('caps an allocation above the volatility limit at the fail cap and one star', () => {
    const s = challengeScore({ equityFund: 0.6, gold: 0.2, creditBond: 0.2 });
    expect(s.constraints.find((c) => c.id === 'volatility')!.isMet).toBe(false);
    expect(s.score).toBeLessThanOrEqual(PORTFOLIO_CHALLENGE.weights.failCap);
    expect(s.stars).toBeLessThanOrEqual(1);
  });

  it('the tuition rule binds: all equity fails it, as do allocations just above the volatility limit', () => {
    for (const w of [{ equityFund: 1 }, { equityFund: 0.6, gold: 0.2, creditBond: 0.2 }] as Record<string, number>[]) {
      const s = challengeScore(w);
      expect(s.constraints.find((c) => c.id === 'tuition')!.isMet, JSON.stringify(w)).toBe(false);
    }
    // deposits alone pay it for sure
    expect(challengeScore({ deposit: 1 }).constraints.find((c) => c.id === 'tuition')!.isMet).toBe(true);
  });

  it('reads the tuition probability from a fixed-seed simulation (same figure twice)', () => {
    const p = withTrainingWeights(PORTFOLIO_CHALLENGE.portfolio, { equityFund: 0.6, gold: 0.2, creditBond: 0.2 });
    const a = readPortfolioFigure(createPortfolioContext(p), 'portfolio.cashNeedsMet');
    const b = readPortfolioFigure(createPortfolioContext(p), 'portfolio.cashNeedsMet');
    expect(a).toBe(b);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(1);
  });
});

describe('workshop packs', () => {
  it('accept the portfolio lesson and challenge', () => {
    const pack = buildPack({
      title: 'Portfolio',
      lessons: ['concrete-mix', 'portfolio-risk-profile'],
      challenges: [{ challengeId: 'client-tuition', scenarioId: null, weights: defaultWeights(PORTFOLIO_CHALLENGE) }],
      scenarios: [],
    });
    const checked = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(checked.ok).toBe(true);
  });

  it('refuse a bank scenario as the start of a portfolio challenge', () => {
    const pack = buildPack({
      title: 'P',
      lessons: [],
      challenges: [{ challengeId: 'client-tuition', scenarioId: 'x', weights: defaultWeights(PORTFOLIO_CHALLENGE) }],
      scenarios: [],
    });
    const checked = validatePack(JSON.parse(JSON.stringify(pack)));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.path)).toContain('challenges.0.scenarioId');
  });
});
