import { describe, expect, it } from 'vitest';
import { binomial, lossMonteCarlo, Rng, type CreditExposure } from '../../src/lib/model';

const book: CreditExposure[] = [
  { id: 'A', segment: 'large', ead: 2e9, pd: 0.006, lgd: 0.45, rho: 0.22 },
  { id: 'B', segment: 'large', ead: 1.2e9, pd: 0.006, lgd: 0.45, rho: 0.22 },
  { id: 'mid', segment: 'mid', ead: 6e7, pd: 0.015, lgd: 0.4, rho: 0.17, count: 300 },
  { id: 'small', segment: 'small', ead: 6e6, pd: 0.03, lgd: 0.35, rho: 0.11, count: 1500 },
];

describe('binomial (the shared sampler the loss Monte Carlo draws with)', () => {
  it.each([
    [40, 0.05],
    [5000, 0.03],
    [300, 0.8],
  ])('Binomial(%i, %f) has the right mean and variance', (n, p) => {
    const rng = new Rng(99, 1);
    const draws = 40_000;
    let s = 0;
    let s2 = 0;
    let lo = n;
    let hi = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomial(n, p, rng);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      s += x;
      s2 += x * x;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(n);
    expect(Number.isInteger(s)).toBe(true);
    const mean = s / draws;
    const variance = s2 / draws - mean * mean;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(draws));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
  });
});

describe('lossMonteCarlo', () => {
  it('is reproducible and splits across runs: paths 0…n−1 and n…2n−1 make one run of 2n', () => {
    const a = lossMonteCarlo(book, { paths: 4000, seed: 5 });
    const b = lossMonteCarlo(book, { paths: 4000, seed: 5 });
    expect(b.losses).toEqual(a.losses);
    expect(lossMonteCarlo(book, { paths: 4000, seed: 6 }).expectedLoss).not.toBe(a.expectedLoss);
    const first = lossMonteCarlo(book, { paths: 2000, seed: 5 });
    const second = lossMonteCarlo(book, { paths: 2000, seed: 5, firstPath: 2000 });
    const joined = Float64Array.from([...first.losses, ...second.losses]).sort();
    expect(joined).toEqual(a.losses);
  });

  it('the pooled and the per-client samplers estimate the same distribution', () => {
    const pooled = lossMonteCarlo(book, { paths: 40_000, seed: 11, quantiles: [0.99] });
    const plain = lossMonteCarlo(book, { paths: 2500, seed: 12, quantiles: [0.99], method: 'perClient' });
    const exact = book.reduce((a, e) => a + (e.count ?? 1) * e.ead * e.pd * e.lgd, 0);
    expect(Math.abs(pooled.expectedLoss - exact)).toBeLessThan(4 * pooled.expectedLossStandardError);
    expect(Math.abs(plain.expectedLoss - exact)).toBeLessThan(4 * plain.expectedLossStandardError);
    // the 99% quantiles' confidence intervals overlap
    expect(plain.quantileIntervals[0].lower).toBeLessThanOrEqual(pooled.quantileIntervals[0].upper);
    expect(pooled.quantileIntervals[0].lower).toBeLessThanOrEqual(plain.quantileIntervals[0].upper);
  });

  it('ES contributions sum to ES', () => {
    const r = lossMonteCarlo(book, { paths: 20_000, seed: 3, quantiles: [0.99], contributionsAt: 0.99 });
    const sum = (r.contributions?.bySegment ?? []).reduce((a, c) => a + c.expectedShortfallContribution, 0);
    expect(sum / r.expectedShortfalls[0]).toBeCloseTo(1, 9);
    expect(r.contributions?.byName.map((c) => c.key)).toEqual(['A', 'B']);
  });
});
