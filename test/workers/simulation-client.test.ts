import { describe, expect, it } from 'vitest';
import { demoScenario, simulate } from '../../src/lib/model';
import { SimulationRun } from '../../src/lib/state/simulation-run.svelte';
import { createInProcessSimulationWorker, runSimulationOnPool, summaryRanges, type SimulationWorker } from '../../src/lib/workers/simulation-client';

const options = { paths: 120, seed: 7, pathsPerChunk: 50, createWorker: createInProcessSimulationWorker };

describe('runSimulationOnPool', () => {
  it('gives the same numbers with 1 or 3 workers, equal to one run of the engine', async () => {
    const phases: string[] = [];
    const one = await runSimulationOnPool(demoScenario, { ...options, workers: 1, onPhase: (p) => phases.push(p) });
    const three = await runSimulationOnPool(demoScenario, { ...options, workers: 3 });
    expect(three).toEqual(one);
    expect(one).toEqual(simulate(demoScenario, { paths: 120, seed: 7 }));
    expect(phases).toEqual(['paths', 'summary']);
  });

  it('runs again on the warm workers of the last run, summary included, with the same numbers', async () => {
    let made = 0;
    const make = (): SimulationWorker => (made++, createInProcessSimulationWorker());
    const first = await runSimulationOnPool(demoScenario, { ...options, workers: 2, createWorker: make });
    const second = await runSimulationOnPool(demoScenario, { ...options, workers: 2, createWorker: make });
    expect(made).toBe(2);
    expect(second).toEqual(first);
  });

  it('shares the summary steps out in order, the first worker (which also reads every step) taking two fewer', () => {
    expect(summaryRanges(20, 1)).toEqual([[0, 20]]);
    expect(summaryRanges(20, 2)).toEqual([
      [0, 9],
      [9, 20],
    ]);
    expect(summaryRanges(20, 3)).toEqual([
      [0, 6],
      [6, 13],
      [13, 20],
    ]);
    expect(summaryRanges(2, 2)).toEqual([
      [0, 0],
      [0, 2],
    ]);
    for (const [steps, workers] of [
      [1, 3],
      [5, 3],
      [40, 4],
    ]) {
      const ranges = summaryRanges(steps, workers);
      expect(ranges[0][0]).toBe(0);
      expect(ranges.at(-1)![1]).toBe(steps);
      for (let k = 1; k < ranges.length; k++) expect(ranges[k][0]).toBe(ranges[k - 1][1]);
    }
  });

  it('stops on cancel and terminates every worker it made', async () => {
    let made = 0;
    let terminated = 0;
    const controller = new AbortController();
    const make = (): SimulationWorker => {
      made++;
      const w = createInProcessSimulationWorker();
      return { ...w, runPaths: (s, r, p) => new Promise((resolve) => setTimeout(() => resolve(w.runPaths(s, r, p)), 5)), terminate: () => terminated++ };
    };
    const run = runSimulationOnPool(demoScenario, { ...options, paths: 2000, workers: 2, createWorker: make, signal: controller.signal });
    setTimeout(() => controller.abort(), 1);
    await expect(run).rejects.toMatchObject({ name: 'CancelledError' });
    expect(made).toBe(2);
    expect(terminated).toBe(2);
  });
});

describe('SimulationRun', () => {
  it('keeps the completed result per scenario, seed and paths; cancel leaves it in place', async () => {
    const run = new SimulationRun((scenario, o) => runSimulationOnPool(scenario, { ...o, pathsPerChunk: 50, createWorker: createInProcessSimulationWorker }));
    await run.start(demoScenario, { paths: 60, seed: 3, workers: 2 });
    expect(run.status).toBe('done');
    expect(run.cached(demoScenario, 3, 60)?.result).toBe(run.result);
    expect(run.cached(demoScenario, 4, 60)).toBeNull();
    const faster = { ...demoScenario, levers: { ...demoScenario.levers, paceQuarters: 2 } };
    expect(run.cached(faster, 3, 60)).toBeNull();

    const second = run.start(faster, { paths: 2000, seed: 3, workers: 1 });
    run.cancel();
    await second;
    expect(run.status).toBe('cancelled');
    expect(run.result).not.toBeNull(); // the earlier result stays
    expect(run.cached(faster, 3, 2000)).toBeNull();
  });
});
