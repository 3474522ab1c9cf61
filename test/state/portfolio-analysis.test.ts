import { describe, expect, it } from 'vitest';
import { demoClientPortfolio, type ClientPortfolio } from '../../src/lib/model';
import { analysisKey, PortfolioAnalysis } from '../../src/lib/state/portfolio-analysis.svelte';
import { createPortfolioEngine, type PortfolioEngine } from '../../src/lib/workers/portfolio-client';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** The in-process engine behind a gate: each call waits until the test opens it; calls are logged. */
function gated() {
  const real = createPortfolioEngine();
  const log: string[] = [];
  const gates: (() => void)[] = [];
  const wait = <T>(name: string, run: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      log.push(name);
      gates.push(() => run().then(resolve, reject));
    });
  const engine: PortfolioEngine = {
    efficientFrontier: (a, c) => wait('frontier', () => real.efficientFrontier(a, c)),
    bestAllocation: (a, c, p, h) => wait('best', () => real.bestAllocation(a, c, p, h)),
    portfolioRisk: (w, a, o) => wait('risk', () => real.portfolioRisk(w, a, { ...o, paths: 500 })),
    cashNeedsCheck: (p, o) => wait('cash', () => real.cashNeedsCheck(p, { ...o, paths: 200 })),
    prewarm: () => {},
    dispose: () => {},
  };
  const openAll = async () => {
    while (gates.length) gates.shift()!();
    await tick();
    await tick();
  };
  return { engine, log, openAll };
}

const withWeights = (p: ClientPortfolio, first: number): ClientPortfolio => {
  const keys = Object.keys(p.weights);
  const rest = (1 - first) / (keys.length - 1);
  return { ...p, weights: Object.fromEntries(keys.map((k, i) => [k, i === 0 ? first : rest])) };
};

describe('PortfolioAnalysis on Query', () => {
  it('shows the frontier first, then the simulated risk and cash needs of the same portfolio', async () => {
    const g = gated();
    const a = new PortfolioAnalysis(() => g.engine);
    const p = demoClientPortfolio();
    a.request(p);
    expect(a.isPending).toBe(true);
    expect(g.log).toEqual(['frontier', 'best']);
    await g.openAll();
    expect(a.frontier?.key).toBe(analysisKey(p));
    expect(a.risk).toBeNull();
    expect(a.isPending).toBe(true); // the slow part is under way
    expect(g.log.slice(2).sort()).toEqual(['cash', 'cash', 'risk', 'risk']);
    await g.openAll();
    expect(a.risk?.key).toBe(analysisKey(p));
    expect(a.isPending).toBe(false);
    expect(a.error).toBeNull();
  });

  it('coalesces edits made while one is computed, and skips the slow part of a replaced portfolio', async () => {
    const g = gated();
    const a = new PortfolioAnalysis(() => g.engine);
    const p = demoClientPortfolio();
    a.request(p);
    a.request(withWeights(p, 0.5));
    const last = withWeights(p, 0.4);
    a.request(last);
    expect(g.log).toEqual(['frontier', 'best']); // the two edits wait; only the last is kept
    await g.openAll(); // p's frontier: p was replaced, so no risk for it
    expect(g.log.slice(2)).toEqual(['frontier', 'best']);
    await g.openAll();
    expect(a.frontier?.key).toBe(analysisKey(last));
    await g.openAll();
    expect(a.risk?.key).toBe(analysisKey(last));
    expect(g.log.filter((x) => x === 'risk')).toHaveLength(2); // the last portfolio's only
  });

  it('answers a portfolio seen before from its cache, and surfaces a failure as error state', async () => {
    const g = gated();
    const a = new PortfolioAnalysis(() => g.engine);
    const p = demoClientPortfolio();
    a.request(p);
    await g.openAll();
    await g.openAll();
    a.request(withWeights(p, 0.5));
    await g.openAll();
    await g.openAll();
    const calls = g.log.length;
    a.request(p);
    expect(a.frontier?.key).toBe(analysisKey(p));
    expect(a.risk?.key).toBe(analysisKey(p));
    expect(g.log.length).toBe(calls);

    const failing = new PortfolioAnalysis(() => ({ ...g.engine, efficientFrontier: async () => Promise.reject(new Error('worker crashed')) }));
    failing.request(p);
    await g.openAll();
    expect(failing.error).toBe('worker crashed');
    expect(failing.isPending).toBe(false);
  });
});
