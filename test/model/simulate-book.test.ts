import { describe, expect, it } from 'vitest';
import { demoScenario, simulate, simulationBook, type LoanBookRow, type Scenario } from '../../src/lib/model';
import { prepareSimulation } from '../../src/lib/model/simulate/setup';

/** A book of the scenario's own generated names: each segment's grid, at the segment's PD and LGD. */
function generatedBook(scenario: Scenario): LoanBookRow[] {
  const prep = prepareSimulation(scenario);
  return prep.segments.flatMap((g, s) =>
    Array.from(g.grid, (exposure, i) => ({ id: `${g.key}-${i}`, segment: g.key, exposure, pd: scenario.segments[s].pd, lgd: scenario.segments[s].lgd })),
  );
}

const run = (scenario: Scenario, rows?: LoanBookRow[]) => simulate(scenario, { paths: 200, seed: 11, book: rows ? simulationBook(rows, scenario) : null });

describe('the over-time run from a real loan book', () => {
  it('a book made to the scenario’s averages starts where the generated book does', () => {
    const generated = run(demoScenario);
    const real = run(demoScenario, generatedBook(demoScenario));
    for (const key of ['netProfit', 'capitalAdequacyRatio', 'lcr', 'totalLoans', 'clients', 'largestClientToCapital'] as const) {
      expect(real.initial[key] / generated.initial[key], key).toBeCloseTo(1, 6);
      expect(real.bands[key].p50[0] / generated.bands[key].p50[0], key).toBeCloseTo(1, 2);
    }
    expect(real.cumulativeProfit.percentiles.p50 / generated.cumulativeProfit.percentiles.p50).toBeCloseTo(1, 2);
  });

  it('starts from the book’s names: one huge name stays a single name; a group counts as one obligor', () => {
    const netCapital = demoScenario.bank.netCapital;
    const rows = generatedBook(demoScenario);
    const huge = 0.3 * netCapital;
    rows.push({ id: 'huge', segment: 'mid', exposure: huge, pd: 0.01, lgd: 0.45 });
    const prep = prepareSimulation(demoScenario, simulationBook(rows, demoScenario));
    const mid = prep.segments.findIndex((g) => g.key === 'mid');
    const largest = prep.classByExposure[0];
    expect(prep.classExposure[largest]).toBe(huge);
    expect(prep.classInitial[largest]).toBe(1);
    expect(prep.classSegment[largest]).toBe(mid);
    // the corporate book is the book's total, and the segment's loans include the name
    expect(prep.scenario.bank.corporateLoans).toBeCloseTo(
      rows.reduce((a, r) => a + r.exposure, 0),
      0,
    );
    const result = run(demoScenario, rows);
    expect(result.bands.largestClientToCapital.p50[0]).toBeGreaterThan(0.25);
    expect(run(demoScenario).bands.largestClientToCapital.p50[0]).toBeLessThan(0.15);

    // two loans of one group of connected clients: one obligor of their sum, in the segment of the larger loan
    const grouped = [
      ...generatedBook(demoScenario),
      { id: 'g1', segment: 'small', exposure: 0.1 * netCapital, pd: 0.02, lgd: 0.45, group: 'G' },
      { id: 'g2', segment: 'large', exposure: 0.15 * netCapital, pd: 0.01, lgd: 0.45, group: 'G' },
    ];
    const gp = prepareSimulation(demoScenario, simulationBook(grouped, demoScenario));
    const top = gp.classByExposure[0];
    expect(gp.classExposure[top]).toBeCloseTo(0.25 * netCapital, 0);
    expect(gp.segments[gp.classSegment[top]].key).toBe('large');
  });

  it('the book’s PD and LGD move the run: a riskier book loses more', () => {
    const rows = generatedBook(demoScenario);
    const riskier = rows.map((r) => ({ ...r, pd: r.pd * 2 }));
    expect(run(demoScenario, riskier).cumulativeProfit.mean).toBeLessThan(run(demoScenario, rows).cumulativeProfit.mean);
  });
});
