import { describe, expect, it } from 'vitest';
import { DEFAULT_REBALANCE_RULES, demoClientPortfolio, simulateRebalancing } from '../../src/lib/model';
import { CancelledError } from '../../src/lib/workers/pool';
import { createInProcessRebalancingWorker, runRebalancingOnPool } from '../../src/lib/workers/portfolio-client';

const portfolio = demoClientPortfolio();

describe('runRebalancingOnPool', () => {
  it('gives the same numbers with 1 or 3 workers, equal to one run of the engine', async () => {
    const options = { paths: 700, seed: 99, pathsPerChunk: 128, createWorker: createInProcessRebalancingWorker };
    const one = await runRebalancingOnPool(portfolio, DEFAULT_REBALANCE_RULES, { ...options, workers: 1 });
    const three = await runRebalancingOnPool(portfolio, DEFAULT_REBALANCE_RULES, { ...options, workers: 3 });
    expect(three).toEqual(one);
    expect(one).toEqual(simulateRebalancing(portfolio, DEFAULT_REBALANCE_RULES, { paths: 700, seed: 99 }));
  });

  it('reports progress to the end and its two phases', async () => {
    const phases: string[] = [];
    const fractions: number[] = [];
    await runRebalancingOnPool(portfolio, [{ kind: 'none' }], {
      paths: 300,
      seed: 1,
      workers: 2,
      pathsPerChunk: 100,
      createWorker: createInProcessRebalancingWorker,
      onProgress: (p) => fractions.push(p.fraction),
      onPhase: (p) => phases.push(p),
    });
    expect(phases).toEqual(['paths', 'summary']);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops on cancel and terminates every worker it made', async () => {
    let made = 0;
    let terminated = 0;
    const controller = new AbortController();
    const run = runRebalancingOnPool(portfolio, DEFAULT_REBALANCE_RULES, {
      paths: 20_000,
      seed: 1,
      workers: 2,
      pathsPerChunk: 50,
      signal: controller.signal,
      createWorker: () => {
        made++;
        const w = createInProcessRebalancingWorker();
        return {
          ...w,
          // yield between chunks, as a real worker's message would
          rebalancingPaths: async (...args) => {
            await new Promise((r) => setTimeout(r, 1));
            return w.rebalancingPaths(...args);
          },
          terminate: () => void terminated++,
        };
      },
    });
    setTimeout(() => controller.abort(), 30);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(terminated).toBe(made);
  });
});
