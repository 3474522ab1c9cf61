import { describe, expect, it } from 'vitest';
import { applyLevers, writePath, type Scenario } from '../../src/lib/model';
import {
  BANK_CHALLENGES,
  bankChallengeById,
  challengeFigures,
  createContext,
  defaultWeights,
  objectiveFraction,
  parseFigure,
  scoreChallenge,
  starsFor,
  type Scorable,
  type ScoringWeights,
} from '../../src/lib/training';

const YI = 1e8;

const toy: Scorable = {
  objective: { figure: 'netProfit', floor: 7.6 * YI, target: 8.8 * YI },
  constraints: [
    { id: 'lcr', figure: 'lcr', op: '>=', value: 1 },
    { id: 'single', figure: 'largestClientToCapital', op: '<=', value: 0.1 },
  ],
};
const w: ScoringWeights = { objective: 60, constraints: { lcr: 20, single: 20 }, failCap: 50, stars: [40, 70, 90] };

describe('scoring', () => {
  it('maps the objective linearly from floor (0) to target (full), clamped, in either direction', () => {
    expect(objectiveFraction(8.2 * YI, 7.6 * YI, 8.8 * YI)).toBeCloseTo(0.5, 12);
    expect(objectiveFraction(7 * YI, 7.6 * YI, 8.8 * YI)).toBe(0);
    expect(objectiveFraction(9 * YI, 7.6 * YI, 8.8 * YI)).toBe(1);
    expect(objectiveFraction(0.2, 0.4, 0.3)).toBe(1); // less is better
    expect(objectiveFraction(0.35, 0.4, 0.3)).toBeCloseTo(0.5, 12);
    expect(objectiveFraction(NaN, 0, 1)).toBe(0);
  });

  it('scores 0–100 with the weights: objective share × progress, each constraint met its share', () => {
    const full = scoreChallenge(toy, { netProfit: 8.8 * YI, lcr: 1.1, largestClientToCapital: 0.05 }, w);
    expect(full.score).toBe(100);
    expect(full.stars).toBe(3);
    const half = scoreChallenge(toy, { netProfit: 8.2 * YI, lcr: 1.1, largestClientToCapital: 0.05 }, w);
    expect(half.score).toBe(70); // 60·0.5 + 20 + 20
    expect(half.stars).toBe(2);
    expect(half.objective.points).toBeCloseTo(30, 9);
    expect(half.constraints.map((c) => c.points)).toEqual([20, 20]);
    const floor = scoreChallenge(toy, { netProfit: 7 * YI, lcr: 1.1, largestClientToCapital: 0.05 }, w);
    expect(floor.score).toBe(40);
    expect(floor.stars).toBe(1);
  });

  it('a broken constraint earns nothing, caps the score at failCap and the stars at one', () => {
    const broken = scoreChallenge(toy, { netProfit: 8.8 * YI, lcr: 0.95, largestClientToCapital: 0.05 }, w);
    expect(broken.constraints[0].isMet).toBe(false);
    expect(broken.constraints[0].points).toBe(0);
    expect(broken.rawScore).toBeCloseTo(80, 9);
    expect(broken.isCapped).toBe(true);
    expect(broken.score).toBe(50);
    expect(broken.stars).toBe(1);
    // a lower cap lowers it further; the cap never raises a low score
    expect(scoreChallenge(toy, { netProfit: 8.8 * YI, lcr: 0.95, largestClientToCapital: 0.05 }, { ...w, failCap: 20 }).score).toBe(20);
    const low = scoreChallenge(toy, { netProfit: 7 * YI, lcr: 0.95, largestClientToCapital: 0.05 }, w);
    expect(low.score).toBe(20);
    expect(low.isCapped).toBe(false);
  });

  it('follows the trainer’s weights', () => {
    const figures = { netProfit: 8.2 * YI, lcr: 1.1, largestClientToCapital: 0.05 };
    expect(scoreChallenge(toy, figures, { ...w, objective: 100, constraints: { lcr: 0, single: 0 } }).score).toBe(50);
    expect(scoreChallenge(toy, figures, { ...w, objective: 0 }).score).toBe(100);
    expect(scoreChallenge(toy, figures, { ...w, objective: 0, constraints: { lcr: 0, single: 0 } }).score).toBe(0);
    expect(scoreChallenge(toy, figures, { ...w, stars: [10, 20, 60] }).stars).toBe(3);
  });

  it('stars by thresholds', () => {
    expect([0, 39, 40, 69, 70, 89, 90, 100].map((s) => starsFor(s, [40, 70, 90]))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('treats a missing or NaN figure as failing', () => {
    const r = scoreChallenge(toy, { netProfit: 8.8 * YI }, w);
    expect(r.constraints.every((c) => !c.isMet)).toBe(true);
    expect(r.score).toBe(50);
  });
});

/** A compliant answer to each challenge with spread levers, near the best the engine finds. */
const GOOD: Record<string, (s: Scenario) => Scenario> = {
  'steady-profit': (s) => applyLevers(s, { mix: { large: 0.32, mid: 0.41, small: 0.27 }, spreadBp: { mid: 24, small: 110 } }),
  raroc: (s) => applyLevers(s, { mix: { large: 0.39, mid: 0.38, small: 0.23 }, spreadBp: { small: 115 } }),
  eva: (s) => writePath(applyLevers(s, { mix: { large: 0.3, mid: 0.36, small: 0.34 }, spreadBp: { mid: 35, small: 80 } }), 'segments.2.feePerClient', 50000),
};

describe('the built-in challenges', () => {
  it('name known figures and carry default weights for every constraint', () => {
    for (const ch of BANK_CHALLENGES) {
      expect(parseFigure(ch.objective.figure), ch.id).not.toBeNull();
      for (const c of ch.constraints) {
        expect(parseFigure(c.figure), `${ch.id}: ${c.figure}`).not.toBeNull();
        expect(ch.weights.constraints[c.id], `${ch.id}: ${c.id}`).toBeGreaterThan(0);
      }
      for (const f of Object.values(challengeFigures(ch, createContext(ch.scenario)))) expect(Number.isFinite(f)).toBe(true);
    }
  });

  it('the starting bank scores low and a good answer scores high', () => {
    const ch = bankChallengeById('steady-profit')!;
    const start = scoreChallenge(ch, challengeFigures(ch, createContext(ch.scenario)), ch.weights);
    expect(start.score).toBeLessThanOrEqual(50); // every tier ≥ 15% fails at 65/25/10
    const good = GOOD['steady-profit'](ch.scenario);
    const scored = scoreChallenge(ch, challengeFigures(ch, createContext(good)), ch.weights);
    expect(scored.constraints.filter((c) => !c.isMet)).toEqual([]);
    expect(scored.score).toBeGreaterThanOrEqual(95);
    expect(scored.stars).toBe(3);
  });

  it('the five-year plan rewards a staffed, moderate rebalancing', () => {
    const ch = bankChallengeById('five-year')!;
    let s = writePath(ch.scenario, 'levers.targetMix', { large: 0.4, mid: 0.45, small: 0.15 });
    s = writePath(writePath(s, 'levers.paceQuarters', 14), 'levers.managerHeadcount', 86);
    const scored = scoreChallenge(ch, challengeFigures(ch, createContext(s)), ch.weights);
    expect(scored.constraints.filter((c) => !c.isMet)).toEqual([]);
    expect(scored.score).toBeGreaterThanOrEqual(95);
  });

  describe('no challenge rewards pricing the paste away or dropping the gravel', () => {
    for (const id of Object.keys(GOOD)) {
      it(id, () => {
        const ch = bankChallengeById(id)!;
        const scored = (s: Scenario) => scoreChallenge(ch, challengeFigures(ch, createContext(s)), ch.weights);
        const good = GOOD[id](ch.scenario);
        const best = scored(good);
        expect(best.constraints.filter((c) => !c.isMet).map((c) => c.id)).toEqual([]);
        expect(best.score).toBeGreaterThanOrEqual(95);
        // the same answer with the small clients priced at the slider's top (LPR + 250 bp) scores less
        const priced = scored(applyLevers(good, { spreadBp: { small: 250 } }));
        expect(priced.score).toBeLessThan(best.score);
        // no gravel: even if the fixed skeleton and ingredient rules were waived, the objective
        // is below the compliant answer's, for any sand/paste split and any spreads tried
        const fixedRules = new Set(['skeleton', 'ingredients']);
        let bestWithoutGravel = -Infinity;
        for (let sm = 0; sm <= 1.0001; sm += 0.05) {
          for (const small of [80, 120, 160, 200, 250]) {
            for (const mid of [24, 60]) {
              const r = scored(applyLevers(good, { mix: { large: 0, mid: 1 - sm, small: sm }, spreadBp: { mid, small } }));
              expect(r.score).toBeLessThan(best.score);
              if (r.constraints.every((c) => c.isMet || fixedRules.has(c.id))) bestWithoutGravel = Math.max(bestWithoutGravel, r.objective.value);
            }
          }
        }
        expect(Number.isFinite(bestWithoutGravel)).toBe(true);
        expect(bestWithoutGravel).toBeLessThan(best.objective.value);
      });
    }
  });

  it('RAROC, a ratio, would reward shrinking the book with extreme prices: the loan plan is what stops it', () => {
    const ch = bankChallengeById('raroc')!;
    const scored = (s: Scenario) => scoreChallenge(ch, challengeFigures(ch, createContext(s)), ch.weights);
    const best = scored(GOOD.raroc(ch.scenario));
    // 30/30/40 with the SMEs at LPR + 250 bp: within every other limit, a higher RAROC (about 17.4%)
    const shrunk = scored(applyLevers(ch.scenario, { mix: { large: 0.3, mid: 0.3, small: 0.4 }, spreadBp: { small: 250 } }));
    expect(shrunk.objective.value).toBeGreaterThan(best.objective.value + 0.01);
    expect(shrunk.constraints.filter((c) => !c.isMet).map((c) => c.id)).toEqual(['loanPlan']);
    expect(shrunk.constraints.find((c) => c.id === 'loanPlan')!.value).toBeLessThan(0.8); // about 74% of the plan booked
    expect(shrunk.score).toBeLessThan(best.score);
  });

  it('default weights are a copy a trainer can edit without touching the challenge', () => {
    const ch = bankChallengeById('raroc')!;
    const copy = defaultWeights(ch);
    copy.constraints.single = 99;
    copy.stars[0] = 1;
    expect(ch.weights.constraints.single).toBe(10);
    expect(ch.weights.stars[0]).toBe(40);
  });
});
