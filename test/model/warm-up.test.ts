import { describe, expect, it } from 'vitest';
import { demoClientPortfolio, demoScenario, simulate, warmUpPortfolioAnalyses, warmUpSimulation } from '../../src/lib/model';

describe('warm-ups (what an idle worker runs before its first real call)', () => {
  it('the Monte Carlo warm-up runs the pool’s calls on a clone of the demo bank and leaves no trace in a later run', () => {
    const before = simulate(demoScenario, { paths: 40, seed: 9 });
    expect(() => warmUpSimulation(structuredClone(demoScenario))).not.toThrow();
    expect(simulate(demoScenario, { paths: 40, seed: 9 })).toEqual(before);
  });

  it('the portfolio warm-up runs every quick analysis of the demo client', () => {
    expect(() => warmUpPortfolioAnalyses()).not.toThrow();
    expect(demoClientPortfolio().client.cashNeeds.length).toBeGreaterThan(0); // so the cash-needs check has needs to check
  });
});
