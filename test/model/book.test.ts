import { describe, expect, it } from 'vitest';
import {
  baselCorrelation,
  concentration,
  demoScenario,
  evaluate,
  loanBookExposures,
  pyramidScenario,
  scenarioExposures,
  segmentCorrelation,
  turnoverEurMillions,
  type CreditExposure,
  type Scenario,
} from '../../src/lib/model';

describe('scenarioExposures (docs/reference-model.md §2)', () => {
  const book = scenarioExposures(demoScenario);
  const L = demoScenario.bank.corporateLoans;

  it('keeps every segment’s clients and loans, the 20 largest as single names, the rest in bands', () => {
    for (const seg of demoScenario.segments) {
      const rows = book.filter((e) => e.segment === seg.key);
      const clients = rows.reduce((a, e) => a + (e.count ?? 1), 0);
      const loans = rows.reduce((a, e) => a + (e.count ?? 1) * e.ead, 0);
      expect(clients).toBe(Math.round((seg.share * L) / seg.avgExposure)); // at the market spread the price keeps all demand
      expect(loans / (seg.share * L)).toBeCloseTo(1, 12);
      const singles = rows.filter((e) => e.count === 1 && !e.id?.includes('band'));
      expect(singles).toHaveLength(20);
      // the single names are the largest clients, largest first
      for (let i = 1; i < singles.length; i++) expect(singles[i].ead).toBeLessThan(singles[i - 1].ead);
      const bands = rows.filter((e) => e.id?.includes('band'));
      expect(bands.length).toBeLessThanOrEqual(200);
      expect(Math.max(...bands.map((b) => b.ead))).toBeLessThanOrEqual(singles[19].ead);
      const t = evaluate(demoScenario).segments.find((s) => s.key === seg.key)!;
      expect(rows.every((e) => e.pd === t.pd && e.lgd === seg.lgd && e.rho === t.correlation)).toBe(true);
    }
    expect(new Set(book.map((e) => e.id)).size).toBe(book.length);
  });

  it('groups into at most maxBandsPerSegment bands of nearly equal size', () => {
    const coarse = scenarioExposures(demoScenario, { maxBandsPerSegment: 10, singleNamesPerSegment: 5 });
    const small = coarse.filter((e) => e.segment === 'small');
    expect(small).toHaveLength(15);
    const bands = small.slice(5);
    // 1,995 clients in 10 bands of 199 or 200
    expect(bands.every((b) => b.count === 199 || b.count === 200)).toBe(true);
    const loans = small.reduce((a, e) => a + (e.count ?? 1) * e.ead, 0);
    expect(loans / (0.1 * demoScenario.bank.corporateLoans)).toBeCloseTo(1, 12);
  });

  it('applies the stress PD multiplier and the correlation at the stressed PD, as evaluate()', () => {
    const stressed: Scenario = { ...demoScenario, stress: { ...demoScenario.stress, pdMultiplier: { small: 2 } } };
    const small = scenarioExposures(stressed).filter((e) => e.segment === 'small');
    const seg = demoScenario.segments[2];
    expect(small[0].pd).toBeCloseTo(2 * seg.pd, 15);
    expect(small[0].rho).toBeCloseTo(baselCorrelation(2 * seg.pd, turnoverEurMillions(seg.turnover)), 15);
    expect(small[0].rho).not.toBeCloseTo(segmentCorrelation(seg, seg.pd), 4);
  });
});

describe('loanBookExposures', () => {
  it('maps rows to single names with the segment’s correlation and the stress', () => {
    const scenario: Scenario = { ...demoScenario, stress: { ...demoScenario.stress, pdMultiplier: { mid: 1.5 } } };
    const rows = [
      { id: 'c1', segment: 'large', exposure: 5e8, pd: 0.004, lgd: 0.45, group: 'G1' },
      { id: 'c2', segment: 'mid', exposure: 6e7, pd: 0.02, lgd: 0.4, tenorYears: 3, rate: 0.033 },
      { id: 'c3', segment: 'elsewhere', exposure: 1e7, pd: 0.01, lgd: 0.4 },
    ];
    const e = loanBookExposures(rows, scenario);
    expect(e.map((x) => x.id)).toEqual(['c1', 'c2', 'c3']);
    expect(e[0]).toMatchObject({ ead: 5e8, pd: 0.004, lgd: 0.45, count: 1, segment: 'large', group: 'G1' });
    expect(e[0].rho).toBe(segmentCorrelation(demoScenario.segments[0], demoScenario.segments[0].pd));
    expect(e[1].pd).toBeCloseTo(0.03, 15);
    expect(e[1].rho).toBe(segmentCorrelation(demoScenario.segments[1], demoScenario.segments[1].pd * 1.5));
    expect(e[2].rho).toBe(baselCorrelation(0.01)); // a segment the scenario does not know: Basel corporate correlation
  });
});

describe('concentration', () => {
  it('agrees with evaluate() on the demo banks (HHI, top-10 and largest client)', () => {
    for (const s of [demoScenario, pyramidScenario]) {
      const c = concentration(scenarioExposures(s), s.bank.netCapital);
      const e = evaluate(s).safety;
      // bands carry their mean exposure, so Σ EAD² loses the spread inside each band (a few 1e-7 here)
      expect(Math.abs(c.effectiveClients / e.effectiveClients - 1)).toBeLessThan(1e-5);
      expect(c.top10ToCapital / e.top10ToCapital).toBeCloseTo(1, 9);
      expect(c.largestToCapital / e.largestClientToCapital).toBeCloseTo(1, 9);
      expect(c.clients).toBe(e.clients);
      expect(c.limits.singleClient.isPass).toBe(true);
      expect(c.limits.group).toBeUndefined();
    }
  });

  it('is 1/n and Gini 0 for equal clients; Gini (n−1)/n when one client holds everything', () => {
    const equal = concentration([{ ead: 5, pd: 0.01, lgd: 0.4, rho: 0.1, count: 8 }], 100);
    expect(equal.hhi).toBeCloseTo(1 / 8, 15);
    expect(equal.effectiveClients).toBeCloseTo(8, 12);
    expect(equal.gini).toBeCloseTo(0, 14);
    expect(equal.top10Share).toBe(1);
    const one: CreditExposure[] = [
      { ead: 100, pd: 0.01, lgd: 0.4, rho: 0.1 },
      ...Array.from({ length: 9 }, () => ({ ead: 1e-9, pd: 0.01, lgd: 0.4, rho: 0.1 })),
    ];
    expect(concentration(one, 100).gini).toBeCloseTo(0.9, 8);
    // Gini of 1, 2, 3, 4 is 0.25
    const steps = concentration(
      [1, 2, 3, 4].map((ead) => ({ ead, pd: 0.01, lgd: 0.4, rho: 0.1 })),
      10,
    );
    expect(steps.gini).toBeCloseTo(0.25, 14);
  });

  it('checks the single-client, top-10 and group limits with their margins', () => {
    const book: CreditExposure[] = [
      { id: 'a', ead: 9, pd: 0.01, lgd: 0.4, rho: 0.1, group: 'G' },
      { id: 'b', ead: 8, pd: 0.01, lgd: 0.4, rho: 0.1, group: 'G' },
      { id: 'c', ead: 12, pd: 0.01, lgd: 0.4, rho: 0.1 },
      { ead: 1, pd: 0.01, lgd: 0.4, rho: 0.1, count: 30 },
    ];
    const c = concentration(book, 100);
    expect(c.largestToCapital).toBeCloseTo(0.12, 15);
    expect(c.limits.singleClient).toMatchObject({ limit: 0.1, isPass: false });
    expect(c.limits.singleClient.margin).toBeCloseTo(-0.02, 15);
    expect(c.largestGroup).toBe('G');
    expect(c.largestGroupToCapital).toBeCloseTo(0.17, 15);
    expect(c.limits.group).toMatchObject({ limit: 0.15, isPass: false });
    expect(c.top10Exposure).toBe(12 + 9 + 8 + 7);
    expect(c.limits.top10.isPass).toBe(true);
  });
});
