import { describe, expect, it } from 'vitest';
import { bookMixChange, clientRisk, demoScenario, lossDistribution, loanBookExposures, topClients, type LoanBookRow } from '../../src/lib/model';
import { generateBook } from '../fixtures/book-generator';

const rows = generateBook(2000, { seed: 3 });

describe('clientRisk', () => {
  const risk = clientRisk(rows, demoScenario, { exactNames: 50 });
  const c = risk.clients;

  it('runs the loss distribution on the real rows, as the engine does directly', () => {
    const direct = lossDistribution(loanBookExposures(rows, demoScenario), { quantiles: [0.99, 0.999], ecConfidence: 0.999, topNames: 50 });
    expect(risk.distribution.economicCapital).toBeCloseTo(direct.economicCapital, 0);
    expect(risk.distribution.expectedLoss).toBeCloseTo(direct.expectedLoss, 0);
  });

  it('gives every client an EC, summing to the book EC; the largest names exactly', () => {
    let sum = 0;
    let exact = 0;
    for (let i = 0; i < rows.length; i++) {
      sum += c.economicCapital[i];
      exact += c.isExact[i];
    }
    expect(exact).toBe(50);
    expect(sum / risk.distribution.economicCapital).toBeCloseTo(1, 9);
    const largest = topClients(c, 'exposure', 1)[0];
    expect(c.isExact[largest]).toBe(1);
    const t = risk.distribution.contributions.topNames.find((x) => x.key === c.ids[largest])!;
    expect(c.economicCapital[largest]).toBe(t.economicCapital);
  });

  it('sums each group as one obligor, with headroom under both limits', () => {
    const g = risk.groups[0];
    let sum = 0;
    for (let i = 0; i < rows.length; i++) if (c.groups[i] === g.group) sum += c.exposure[i];
    expect(g.exposure).toBeCloseTo(sum, 0);
    const i = c.groups.indexOf(g.group);
    expect(c.obligorExposure[i]).toBeCloseTo(sum, 0);
    const K = demoScenario.bank.netCapital;
    expect(c.headroom[i]).toBeCloseTo(Math.min(0.1 * K - c.exposure[i], 0.15 * K - sum), 0);
    expect(risk.obligorConcentration.largestExposure).toBeGreaterThanOrEqual(risk.concentration.largestExposure);
    expect(risk.obligorConcentration.clients).toBe(rows.length - c.groups.filter((x) => x !== '').length + risk.groups.length);
  });

  it('prices a client with its own rate: a higher rate, more profit and RAROC', () => {
    const one: LoanBookRow[] = [{ ...rows[0], rate: 0.03 }, { ...rows[1] }];
    const two: LoanBookRow[] = [{ ...rows[0], rate: 0.05 }, { ...rows[1] }];
    const a = clientRisk(one, demoScenario);
    const b = clientRisk(two, demoScenario);
    expect(b.clients.netProfit[0] - a.clients.netProfit[0]).toBeCloseTo(rows[0].exposure * 0.02 * (1 - demoScenario.market.taxRate), 0);
    expect(b.clients.raroc[0]).toBeGreaterThan(a.clients.raroc[0]);
  });
});

describe('topClients', () => {
  const risk = clientRisk(rows, demoScenario);
  const c = risk.clients;
  it('ranks like a full sort, with filters', () => {
    for (const key of ['exposure', 'expectedLoss', 'economicCapital'] as const) {
      const all = [...c[key].keys()].sort((a, b) => c[key][b] - c[key][a]).slice(0, 20);
      expect(topClients(c, key, 20).map((i) => c[key][i])).toEqual(all.map((i) => c[key][i]));
    }
    const small = topClients(c, 'exposure', 20, { segment: 'small' });
    expect(small.every((i) => c.segments[i] === 'small')).toBe(true);
    const g = risk.groups[1].group;
    expect(topClients(c, 'exposure', 100, { group: g }).length).toBe(risk.groups[1].clients);
    expect(topClients(c, 'exposure', 5, { text: c.ids[7].toLowerCase() }).map((i) => c.ids[i])).toContain(c.ids[7]);
  });
  it('ranks NaN RAROC last', () => {
    const r = topClients(c, 'raroc', rows.length);
    const firstNaN = r.findIndex((i) => Number.isNaN(c.raroc[i]));
    if (firstNaN >= 0) expect(r.slice(firstNaN).every((i) => Number.isNaN(c.raroc[i]))).toBe(true);
  });
});

describe('bookMixChange', () => {
  const risk = clientRisk(rows, demoScenario);
  const c = risk.clients;
  it('moves each segment to its target share of the same total, running off the lowest RAROC first', () => {
    const total = c.exposure.reduce((a, x) => a + x, 0);
    const changes = bookMixChange(c, { large: 0.2, mid: 0.3, small: 0.5 }, demoScenario, 8);
    expect(changes.reduce((a, s) => a + s.change, 0)).toBeCloseTo(0, -2);
    for (const s of changes) {
      expect(s.targetLoans).toBeCloseTo(total * { large: 0.2, mid: 0.3, small: 0.5 }[s.key as 'large']!, 0);
      if (s.change < 0) {
        expect(s.runOffLoans).toBeGreaterThanOrEqual(-s.change);
        // It stops as soon as the run-off is covered.
        expect(s.runOffLoans - c.exposure[s.runOff[s.runOff.length - 1]]).toBeLessThan(-s.change);
        const rarocs = s.runOff.map((i) => c.raroc[i]).filter((x) => !Number.isNaN(x));
        expect(rarocs).toEqual([...rarocs].sort((a, b) => a - b));
        expect(s.perQuarter.clients).toBeCloseTo(s.runOff.length / 8, 12);
      } else if (s.change > 0) {
        expect(s.newClients).toBeGreaterThan(0);
        expect(s.runOff).toEqual([]);
      }
    }
  });
});
