import { describe, expect, it } from 'vitest';
import { applyLevers, simulate, writePath, type Scenario } from '../../src/lib/model';
import { simulatePlay } from '../../src/lib/state/challenge-simulation';
import {
  BANK_CHALLENGES,
  bankChallengeById,
  challengeFigures,
  createContext,
  defaultWeights,
  bandCap,
  bandScore,
  objectiveFraction,
  parseFigure,
  isMonteCarloFigure,
  monteCarloFigures,
  monteCarloScenario,
  type BankChallengeDef,
  PORTFOLIO_CHALLENGE,
  createPortfolioContext,
  readFigure,
  scoreBankPlay,
  scorePortfolioPlay,
  setShare,
  withTrainingWeights,
  scoreChallenge,
  starsFor,
  type Scorable,
  type ScoringWeights,
} from '../../src/lib/training';

const YI = 1e8;

/** The five-year challenge's play: target mix, pace and headcount. */
function fiveYear(start: Scenario, mix: number[], pace: number, headcount: number): Scenario {
  const s = writePath(start, 'levers.targetMix', { large: mix[0], mid: mix[1], small: mix[2] });
  return writePath(writePath(s, 'levers.paceQuarters', pace), 'levers.managerHeadcount', headcount);
}

/** The challenge's Monte Carlo of a play, in this thread (the same seeded run as the pool's). */
function monteCarloFor(ch: BankChallengeDef, s: Scenario): Record<string, number> {
  const spec = ch.monteCarlo!;
  return monteCarloFigures(simulate(monteCarloScenario(spec, s), { paths: spec.paths, seed: spec.seed }), s);
}

const toy: Scorable = {
  objective: { figure: 'netProfit', floor: 7.6 * YI, target: 8.8 * YI },
  constraints: [
    { id: 'lcr', figure: 'lcr', op: '>=', value: 1 },
    { id: 'single', figure: 'largestClientToCapital', op: '<=', value: 0.1 },
  ],
};
const w: ScoringWeights = { objective: 60, constraints: { lcr: 20, single: 20 }, failCap: 30, stars: [40, 70, 90] };

describe('scoring', () => {
  it('maps the objective linearly from floor (0) to target (full), clamped, in either direction', () => {
    expect(objectiveFraction(8.2 * YI, 7.6 * YI, 8.8 * YI)).toBeCloseTo(0.5, 12);
    expect(objectiveFraction(7 * YI, 7.6 * YI, 8.8 * YI)).toBe(0);
    expect(objectiveFraction(9 * YI, 7.6 * YI, 8.8 * YI)).toBe(1);
    expect(objectiveFraction(0.2, 0.4, 0.3)).toBe(1); // less is better
    expect(objectiveFraction(0.35, 0.4, 0.3)).toBeCloseTo(0.5, 12);
    expect(objectiveFraction(NaN, 0, 1)).toBe(0);
  });

  it('a play keeping every rule scores cap+1 to 100 by its points', () => {
    const full = scoreChallenge(toy, { netProfit: 8.8 * YI, lcr: 1.1, largestClientToCapital: 0.05 }, w);
    expect(full.score).toBe(100);
    expect(full.stars).toBe(3);
    const half = scoreChallenge(toy, { netProfit: 8.2 * YI, lcr: 1.1, largestClientToCapital: 0.05 }, w);
    expect(half.rawScore).toBeCloseTo(70, 9); // 60·0.5 + 20 + 20
    expect(half.score).toBe(31 + Math.round(69 * 0.7)); // 79
    expect(half.stars).toBe(2);
    expect(half.objective.points).toBeCloseTo(30, 9);
    expect(half.constraints.map((c) => c.points)).toEqual([20, 20]);
    const floor = scoreChallenge(toy, { netProfit: 7 * YI, lcr: 1.1, largestClientToCapital: 0.05 }, w);
    expect(floor.score).toBe(31 + Math.round(69 * 0.4)); // 59
    expect(floor.stars).toBe(1);
  });

  it('a broken rule earns nothing and puts the score in the band 0–cap, one star at most', () => {
    const broken = scoreChallenge(toy, { netProfit: 8.8 * YI, lcr: 0.95, largestClientToCapital: 0.05 }, w);
    expect(broken.constraints[0].isMet).toBe(false);
    expect(broken.constraints[0].points).toBe(0);
    expect(broken.rawScore).toBeCloseTo(80, 9);
    expect(broken.isCapped).toBe(true);
    expect(broken.score).toBe(Math.round(30 * 0.8)); // 24
    expect(broken.stars).toBe(0);
    const low = scoreChallenge(toy, { netProfit: 7 * YI, lcr: 0.95, largestClientToCapital: 0.05 }, w);
    expect(low.score).toBe(Math.round(30 * 0.2)); // 6
  });

  it('any compliant play outscores any breaking one, whatever the weights', () => {
    const plays = [7, 7.6, 8, 8.2, 8.8, 9].flatMap((p) =>
      [0.9, 1, 1.1].flatMap((lcr) => [0.05, 0.1, 0.2].map((single) => ({ netProfit: p * YI, lcr, largestClientToCapital: single }))),
    );
    const weightSets: ScoringWeights[] = [
      w,
      { ...w, objective: 100, constraints: { lcr: 0, single: 0 } },
      { ...w, objective: 0 },
      { ...w, objective: 1000, constraints: { lcr: 1, single: 1 }, failCap: 99 },
      { ...w, failCap: 100 },
      { ...w, failCap: 0 },
      { ...w, failCap: 45.7 },
    ];
    for (const ws of weightSets) {
      const scored = plays.map((f) => scoreChallenge(toy, f, ws));
      const compliant = scored.filter((b) => !b.isCapped).map((b) => b.score);
      const broken = scored.filter((b) => b.isCapped).map((b) => b.score);
      expect(Math.min(...compliant), JSON.stringify(ws)).toBeGreaterThan(Math.max(...broken));
      expect(Math.max(...compliant)).toBeLessThanOrEqual(100);
      expect(Math.min(...broken)).toBeGreaterThanOrEqual(0);
    }
  });

  it('the band edges: cap + 1 for a compliant play with no points, the cap for a broken one with all', () => {
    expect(bandScore(0, false, 30)).toBe(31);
    expect(bandScore(100, false, 30)).toBe(100);
    expect(bandScore(100, true, 30)).toBe(30);
    expect(bandScore(0, true, 30)).toBe(0);
    expect(bandCap(100)).toBe(99);
    expect(bandCap(-5)).toBe(0);
    expect(bandCap(45.7)).toBe(45);
  });

  it('stars by thresholds', () => {
    expect([0, 39, 40, 69, 70, 89, 90, 100].map((s) => starsFor(s, [40, 70, 90]))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('treats a missing or NaN figure as failing', () => {
    const r = scoreChallenge(toy, { netProfit: 8.8 * YI }, w);
    expect(r.constraints.every((c) => !c.isMet)).toBe(true);
    expect(r.score).toBe(Math.round(30 * 0.6));
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
      expect(parseFigure(ch.objective.figure) !== null || isMonteCarloFigure(ch.objective.figure), ch.id).toBe(true);
      for (const c of ch.constraints) {
        expect(parseFigure(c.figure) !== null || isMonteCarloFigure(c.figure), `${ch.id}: ${c.figure}`).toBe(true);
        expect(ch.weights.constraints[c.id], `${ch.id}: ${c.id}`).toBeGreaterThan(0);
      }
      const figures = challengeFigures(ch, createContext(ch.scenario));
      for (const [name, f] of Object.entries(figures)) if (!isMonteCarloFigure(name)) expect(Number.isFinite(f), name).toBe(true);
    }
  });

  it('the starting bank scores low and a good answer scores high', () => {
    const ch = bankChallengeById('steady-profit')!;
    const start = scoreChallenge(ch, challengeFigures(ch, createContext(ch.scenario)), ch.weights);
    expect(start.score).toBeLessThanOrEqual(ch.weights.failCap); // every tier ≥ 15% fails at 65/25/10
    const good = GOOD['steady-profit'](ch.scenario);
    const scored = scoreChallenge(ch, challengeFigures(ch, createContext(good)), ch.weights);
    expect(scored.constraints.filter((c) => !c.isMet)).toEqual([]);
    expect(scored.score).toBeGreaterThanOrEqual(95);
    expect(scored.stars).toBe(3);
  });

  it('the five-year plan rewards a staffed rebalancing, read from the Monte Carlo', () => {
    const ch = bankChallengeById('five-year')!;
    const s = fiveYear(ch.scenario, [0.4, 0.4, 0.2], 12, 150);
    const scored = scoreBankPlay(ch, createContext(s), ch.weights, monteCarloFor(ch, s)).breakdown;
    expect(scored.constraints.filter((c) => !c.isMet)).toEqual([]);
    expect(scored.score).toBeGreaterThanOrEqual(90);
    // the bank as it is, with the team it has: the floor
    const stay = fiveYear(ch.scenario, [0.65, 0.25, 0.1], 8, 65);
    expect(scoreBankPlay(ch, createContext(stay), ch.weights, monteCarloFor(ch, stay)).breakdown.score).toBeLessThan(scored.score);
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

describe('every challenge: no rule can be traded for objective', () => {
  /** Plays over the challenge's own levers: a grid of mixes (or target mixes), SME spreads, paces and headcounts. */
  function plays(ch: (typeof BANK_CHALLENGES)[number]) {
    const out = [];
    const mixes = [
      [0.65, 0.25, 0.1],
      [0.3, 0.5, 0.2],
      [0.3, 0.15, 0.55],
      [0.2, 0.4, 0.4],
      [0.45, 0.35, 0.2],
      [0.8, 0.1, 0.1],
    ];
    for (const [l, md, sm] of mixes) {
      const mix = { large: l, mid: md, small: sm };
      if (ch.levers.some((x) => x.kind === 'targetMix')) {
        continue; // the five-year plan runs a Monte Carlo per play: its own, smaller set below
      } else {
        for (const spread of [0, 80, 135, 250]) out.push(applyLevers(ch.scenario, { mix, spreadBp: { small: spread } }));
      }
    }
    return out;
  }

  for (const ch of BANK_CHALLENGES) {
    it(`${ch.id}: any compliant play scores more than any play breaking a rule`, () => {
      const list = ch.monteCarlo
        ? (
            [
              [[0.3, 0.4, 0.3], 8, 150],
              [[0.3, 0.3, 0.4], 4, 150],
              [[0.65, 0.25, 0.1], 8, 65],
              [[0.3, 0.3, 0.4], 4, 65],
              [[0.2, 0.2, 0.6], 4, 100],
              [[0.9, 0.05, 0.05], 12, 65],
            ] as const
          ).map(([mix, pace, hc]) => fiveYear(ch.scenario, [...mix], pace, hc))
        : plays(ch);
      const scored = list.map((s) => scoreBankPlay(ch, createContext(s), ch.weights, ch.monteCarlo ? monteCarloFor(ch, s) : {}).breakdown);
      const compliant = scored.filter((b) => !b.isCapped).map((b) => b.score);
      const broken = scored.filter((b) => b.isCapped).map((b) => b.score);
      expect(compliant.length, 'some play keeps every rule').toBeGreaterThan(0);
      expect(broken.length, 'some play breaks a rule').toBeGreaterThan(0);
      expect(Math.min(...compliant)).toBeGreaterThan(Math.max(...broken));
    });
  }

  it('client-tuition: any compliant allocation scores more than any breaking one', () => {
    const allocations = [
      { deposit: 1 },
      { equityFund: 1 },
      { creditBond: 0.7, equityFund: 0.15, gold: 0.15 },
      { equityFund: 0.6, gold: 0.2, creditBond: 0.2 },
      { wmp: 0.5, creditBond: 0.3, equityFund: 0.2 },
    ] as Record<string, number>[];
    const scored = allocations.map(
      (w) =>
        scorePortfolioPlay(PORTFOLIO_CHALLENGE, createPortfolioContext(withTrainingWeights(PORTFOLIO_CHALLENGE.portfolio, w)), PORTFOLIO_CHALLENGE.weights)
          .breakdown,
    );
    const compliant = scored.filter((b) => !b.isCapped).map((b) => b.score);
    const broken = scored.filter((b) => b.isCapped).map((b) => b.score);
    expect(compliant.length).toBeGreaterThan(0);
    expect(broken.length).toBeGreaterThan(0);
    expect(Math.min(...compliant)).toBeGreaterThan(Math.max(...broken));
  });

  it('pricing SMEs away does not win: 30/15/55 at LPR + 250 bp loses its book and breaks a rule', () => {
    for (const id of ['steady-profit', 'raroc', 'eva']) {
      const ch = bankChallengeById(id)!;
      const s = applyLevers(ch.scenario, { mix: { large: 0.3, mid: 0.15, small: 0.55 }, spreadBp: { small: 250 } });
      const { figures, breakdown } = scoreBankPlay(ch, createContext(s), ch.weights);
      expect(figures['bookShare.small'] ?? readFigure(createContext(s), 'bookShare.small')).toBeLessThan(0.35); // set at 55%, really ≈ 31%
      expect(breakdown.constraints.find((c) => c.id === 'loanPlan')!.isMet, id).toBe(false);
      expect(breakdown.score).toBeLessThanOrEqual(ch.weights.failCap);
    }
  });

  it('mix rules read the book after the pricing response, not the shares as set', () => {
    const ch = bankChallengeById('steady-profit')!;
    const s = applyLevers(ch.scenario, { mix: { large: 0.3, mid: 0.55, small: 0.15 }, spreadBp: { small: 180 } });
    const ctx = createContext(s);
    const total = ctx.evaluation.segments.reduce((a, x) => a + x.loans, 0);
    expect(readFigure(ctx, 'bookShare.small')).toBeCloseTo(ctx.evaluation.segments[2].loans / total, 12);
    expect(readFigure(ctx, 'bookShare.small')).toBeLessThan(0.15); // set at 15%, priced below it
    expect(scoreBankPlay(ch, ctx, ch.weights).breakdown.constraints.find((c) => c.id === 'ingredients')!.isMet).toBe(false);
  });

  it('five-year: the objective is the seeded Monte Carlo’s median five-year profit; not run yet, it earns nothing', () => {
    const ch = bankChallengeById('five-year')!;
    const spec = ch.monteCarlo!;
    const play = fiveYear(ch.scenario, [0.4, 0.35, 0.25], 12, 150);
    const run = simulate(monteCarloScenario(spec, play), { paths: spec.paths, seed: spec.seed });
    expect(monteCarloFigures(run, play)['mc.cumulativeProfit']).toBe(run.cumulativeProfit.percentiles.p50);
    expect(monteCarloScenario(spec, play).stress.factorShift).toEqual([0, -2]); // the recession in year 2
    expect(monteCarloFigures(run, play)['mc.lcrBreach']).toBe(run.breaches.find((b) => b.key === 'lcr')!.probability);
    const notRun = scoreBankPlay(ch, createContext(play), ch.weights).breakdown;
    expect(notRun.objective.points).toBe(0);
  });

  it('five-year: the closed-form LCR on the way leaves out the fixed start', () => {
    const ch = bankChallengeById('five-year')!;
    const down = createContext(fiveYear(ch.scenario, [0.9, 0.05, 0.05], 12, 65));
    expect(readFigure(down, 'pace.minLcrOnPath')).toBeLessThan(1);
    const up = createContext(fiveYear(ch.scenario, [0.2, 0.2, 0.6], 1, 100));
    expect(readFigure(up, 'pace.minLcrOnPath')).toBeGreaterThan(createContext(ch.scenario).evaluation.liquidity.lcr);
  });

  it('the worker-pool run of a play gives the same figures as the run in this thread', async () => {
    const ch = bankChallengeById('five-year')!;
    const s = fiveYear(ch.scenario, [0.3, 0.3, 0.4], 4, 150);
    expect(await simulatePlay(ch.monteCarlo!, s)).toEqual(monteCarloFor(ch, s));
  });

  it('the score a team sees equals the trainer’s rescoring of the same scenario (same code, same rounding)', () => {
    const ch = bankChallengeById('steady-profit')!;
    const s = setShare(applyLevers(ch.scenario, { spreadBp: { small: 90 } }), 2, 0.1452);
    const seen = scoreBankPlay(ch, createContext(s), ch.weights).breakdown;
    const roundTripped = JSON.parse(JSON.stringify(s)) as typeof s;
    expect(scoreBankPlay(ch, createContext(roundTripped), ch.weights).breakdown).toEqual(seen);
  });
});
