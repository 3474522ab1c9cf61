import { describe, expect, it } from 'vitest';
import { demoScenario, simulate, simulationBook, writePath, type LoanBookRow } from '../../src/lib/model';
import { createInProcessSimulationWorker, runSimulationOnPool, type SimulationWorker } from '../../src/lib/workers/simulation-client';

/** A small real book: a few names per segment, one large name, one group of two loans. */
function smallBook(): LoanBookRow[] {
  const rows: LoanBookRow[] = [];
  demoScenario.segments.forEach((s, i) => {
    for (let k = 0; k < 40; k++)
      rows.push({ id: `${s.key}-${k}`, segment: s.key, exposure: s.avgExposure * (0.5 + ((k * 37) % 11) / 10), pd: s.pd * (0.8 + (k % 5) / 10), lgd: s.lgd });
    if (i === 0) rows.push({ id: 'big', segment: s.key, exposure: 20 * s.avgExposure, pd: s.pd, lgd: s.lgd, group: 'G' });
  });
  rows.push({ id: 'big-2', segment: 'mid', exposure: demoScenario.segments[1].avgExposure, pd: 0.02, lgd: 0.4, group: 'G' });
  return rows;
}

describe('the pool runs from a real loan book', () => {
  const scenario = writePath(demoScenario, 'simulation.horizonYears', 2);
  const book = simulationBook(smallBook(), scenario);

  it('1 worker or 3 give the same result, equal to the run in this thread; each worker gets the book once a run', async () => {
    const sent: number[] = [];
    const make = (): SimulationWorker => {
      const w = createInProcessSimulationWorker();
      return { ...w, useBook: (b) => (sent.push(b?.exposure.length ?? 0), w.useBook(b)) };
    };
    const one = await runSimulationOnPool(scenario, { paths: 90, seed: 5, workers: 1, pathsPerChunk: 20, createWorker: make, book });
    const calls = sent.length;
    const three = await runSimulationOnPool(scenario, { paths: 90, seed: 5, workers: 3, pathsPerChunk: 20, createWorker: make, book });
    expect(three).toEqual(one);
    expect(one).toEqual(simulate(scenario, { paths: 90, seed: 5, book }));
    expect(calls).toBe(1); // the one pool worker, which then summarises
    expect(sent.length - calls).toBe(3); // the warm worker and two new ones; the summary runs on one of them
    expect(sent.every((n) => n === book.exposure.length)).toBe(true);
    // the book was copied for each worker, never given away
    expect(book.exposure.length).toBe(smallBook().length);
  });

  it('differs from the run on the generated book', async () => {
    const generated = await runSimulationOnPool(scenario, { paths: 40, seed: 5, workers: 2, pathsPerChunk: 20, createWorker: createInProcessSimulationWorker });
    const real = await runSimulationOnPool(scenario, {
      paths: 40,
      seed: 5,
      workers: 2,
      pathsPerChunk: 20,
      createWorker: createInProcessSimulationWorker,
      book,
    });
    expect(real.initial.totalLoans).not.toBeCloseTo(generated.initial.totalLoans, -6);
    expect(real.bands.clients.p50[0]).toBeLessThan(200);
    // the same warm workers, told that this run has no book, forget the last run's
    const again = await runSimulationOnPool(scenario, { paths: 40, seed: 5, workers: 2, pathsPerChunk: 20, createWorker: createInProcessSimulationWorker });
    expect(again).toEqual(generated);
  });
});
