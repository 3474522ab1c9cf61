/**
 * One bank, one answer: the same scenario gives the same figures on every engine that shows it
 * (the dashboard's evaluate(), t = 0 of the simulation, its point of the design grid, a lesson's
 * context), and the simulation settles where the one-year view says it will.
 */
import { describe, expect, it } from 'vitest';
import {
  applyLevers,
  applyStressPreset,
  createMixEvaluator,
  demoScenario,
  evaluate,
  pyramidScenario,
  simulate,
  STRESS_PRESETS,
  type Scenario,
  type StressPresetKey,
} from '../../src/lib/model';
import { createContext } from '../../src/lib/training';

const YI = 1e8;

function withHorizon(s: Scenario, years: number): Scenario {
  return { ...s, simulation: { ...s.simulation, horizonYears: years } };
}

describe('the same figures on every screen', () => {
  const scenarios: [string, Scenario][] = [
    ['the demo bank', demoScenario],
    ['the pyramid twin', pyramidScenario],
    ['SMEs priced 70 bp above the market', applyLevers(pyramidScenario, { spreadBp: { small: 150 } })],
    ['IRB with the output floor', { ...demoScenario, settings: { ...demoScenario.settings, capitalApproach: 'irb' } }],
  ];

  for (const [name, s] of scenarios) {
    it(`${name}: dashboard, simulation t = 0, design grid and lesson agree`, () => {
      const e = evaluate(s);
      const r = simulate(withHorizon(s, 1), { paths: 20, seed: 1 });
      expect(r.initial.netProfit).toBe(e.profitability.netProfit);
      expect(r.initial.lcr).toBe(e.liquidity.lcr);
      expect(r.initial.capitalAdequacyRatio).toBe(e.safety.capitalAdequacyRatio);
      r.initial.segments.forEach((g, i) => expect(g.loans).toBe(e.segments[i].loans));

      const grid = createMixEvaluator(s).figures(s.segments.map((x) => x.share));
      for (const [key, value] of [
        ['netProfit', e.profitability.netProfit],
        ['economicCapital', e.safety.economicCapital],
        ['lcr', e.liquidity.lcr],
        ['nsfr', e.liquidity.nsfr],
        ['capitalAdequacyRatio', e.safety.capitalAdequacyRatio],
        ['top10ToCapital', e.safety.top10ToCapital],
      ] as const) {
        expect(Math.abs(grid[key] - value) / Math.abs(value)).toBeLessThan(1e-9);
      }

      const lesson = createContext(s).evaluation;
      expect(lesson.profitability.netProfit).toBe(e.profitability.netProfit);
      expect(lesson.liquidity.lcr).toBe(e.liquidity.lcr);
    });
  }

  it('under every stress preset, t = 0 of the simulation is the dashboard', () => {
    for (const key of Object.keys(STRESS_PRESETS) as StressPresetKey[]) {
      const s = applyStressPreset(withHorizon(demoScenario, 1), key);
      const e = evaluate(s);
      const r = simulate(s, { paths: 10, seed: 3 });
      expect(r.initial.netProfit, key).toBe(e.profitability.netProfit);
      expect(r.initial.lcr, key).toBe(e.liquidity.lcr);
      expect(r.initial.nsfr, key).toBe(e.liquidity.nsfr);
      expect(r.initial.corporateDeposits, key).toBe(e.liquidity.corporateDeposits);
    }
  });
});

describe('the simulation settles where the one-year view says', () => {
  it('with no growth, segment volumes converge to the steady state of the target mix within 5% after eight years', () => {
    const target = { large: 0.4, mid: 0.3, small: 0.3 };
    const s: Scenario = withHorizon(
      applyLevers(
        { ...demoScenario, bank: { ...demoScenario.bank, corporateLoanGrowth: 0 } },
        { spreadBp: { small: 120 }, levers: { targetMix: target, paceQuarters: 8 } },
      ),
      8,
    );
    const steady = evaluate(applyLevers(s, { mix: target }));
    const r = simulate(s, { paths: 200, seed: 8 });
    const last = r.steps - 1;
    r.segments.forEach((g, i) => {
      const want = steady.segments[i].loans;
      expect(Math.abs(g.loans.mean[last] - want) / want, g.key).toBeLessThan(0.05);
    });
  });

  it('cross-selling pays over time: four products per client beat one by more than the Monte Carlo error, and materially', () => {
    const withProducts = (n: number): Scenario =>
      withHorizon({ ...demoScenario, segments: demoScenario.segments.map((g) => ({ ...g, productsPerClient: n })) }, 5);
    const one = simulate(withProducts(1), { paths: 400, seed: 21 }).cumulativeProfit;
    const four = simulate(withProducts(4), { paths: 400, seed: 21 }).cumulativeProfit;
    const se = Math.hypot(one.std, four.std) / Math.sqrt(400);
    expect(four.mean - one.mean).toBeGreaterThan(4 * se);
    expect(four.mean - one.mean).toBeGreaterThan(1 * YI); // over five years
  });

  it('a deposit run is paid out of HQLA and rebuilt by the treasury: the LCR dips, then recovers', () => {
    const s = applyStressPreset(withHorizon(demoScenario, 3), 'depositRun');
    const r = simulate(s, { paths: 100, seed: 4 });
    expect(r.initial.lcr).toBeLessThan(evaluate(demoScenario).liquidity.lcr - 0.2);
    expect(r.bands.lcr.p50[r.steps - 1]).toBeGreaterThan(r.bands.lcr.p50[0]);
  });

  it('a growing book keeps its liquidity: the treasury buys HQLA as the book grows, and pays its carry', () => {
    const s = withHorizon(applyLevers(demoScenario, { levers: { targetMix: null } }), 5);
    const r = simulate(s, { paths: 400, seed: 6 });
    const breach = r.breaches.find((b) => b.key === 'lcr')!;
    expect(breach.probability).toBeLessThan(0.5);
    expect(r.bands.lcr.p50[r.steps - 1]).toBeGreaterThan(0.97 * r.initial.lcr);
  });
});
