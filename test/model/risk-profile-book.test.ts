import { describe, expect, it } from 'vitest';
import { DEFAULT_LOSS_QUANTILES, demoScenario, loanBookExposures, lossDistribution } from '../../src/lib/model';
import { riskProfile, riskProfileTransferables } from '../../src/lib/model/risk-profile';
import { generateBook } from '../fixtures/book-generator';

describe('riskProfile on the real loan book', () => {
  const rows = generateBook(3000, { seed: 5 });
  const p = riskProfile(demoScenario, rows);

  it('runs the distribution on the rows, with the figures name by name and by group', () => {
    // clientRisk keeps its 50 largest names exact (topNames), which shapes the loss lattice: compare like with like.
    const direct = lossDistribution(loanBookExposures(rows, demoScenario), { quantiles: [...DEFAULT_LOSS_QUANTILES], ecConfidence: 0.999, topNames: 50 });
    expect(p.distribution.economicCapital / direct.economicCapital).toBeCloseTo(1, 6);
    expect(p.distribution.contributions.topNames).toHaveLength(20);
    expect(p.names[0].pd).toBeGreaterThan(0);
    expect(p.book!.clients.ids).toHaveLength(3000);
    expect(p.book!.groups.length).toBeGreaterThan(10);
    expect(p.concentration.clients).toBe(3000);
    expect(p.capital.netProfit).toBe(p.book!.totals.netProfit);
    expect(p.segments.reduce((a, s) => a + s.clients, 0)).toBe(3000);
  });

  it('transfers the client columns, each buffer once', () => {
    const buffers = riskProfileTransferables(p);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(p.book!.clients.economicCapital.buffer);
  });

  it('leaves the generated book as it was', () => {
    expect(riskProfile(demoScenario).book).toBeUndefined();
  });
});
