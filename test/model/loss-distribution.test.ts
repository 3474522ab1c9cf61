import { describe, expect, it } from 'vitest';
import {
  demoScenario,
  lossDistribution,
  lossMonteCarlo,
  normalCdf,
  normalQuantile,
  pyramidScenario,
  scenarioExposures,
  type CreditExposure,
} from '../../src/lib/model';

/**
 * Reference figure (docs/reference-values.md, "Vasicek (ASRF) loss quantile"; Vasicek 2002, "Loan
 * portfolio value", Risk, computed at 30 digits): PD 1%, ρ 0.12, LGD 45%, q 99.9% gives a loss
 * quantile of 4.06466% of exposure.
 */
const VASICEK_999_PD1_RHO12_LGD45 = 0.0406466;

/** P(L = x) read off the lattice (x must sit on it). */
function massAt(d: ReturnType<typeof lossDistribution>, x: number): number {
  const k = Math.round(x / d.grid.lossStep);
  expect(Math.abs(k * d.grid.lossStep - x)).toBeLessThan(1e-9 * Math.max(1, x));
  return d.grid.probabilities[k] ?? 0;
}

/** ∫ f(z)·φ(z) dz by composite Simpson on [−10, 10] (an independent quadrature for the tests). */
function expectOverZ(f: (z: number) => number): number {
  const n = 4000;
  const h = 20 / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const z = -10 + i * h;
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    s += w * f(z) * Math.exp(-0.5 * z * z);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

const conditional = (pd: number, rho: number) => (z: number) => normalCdf((normalQuantile(pd) - Math.sqrt(rho) * z) / Math.sqrt(1 - rho));

describe('lossDistribution: exact small books', () => {
  it('one name: P(loss > 0) = PD exactly, VaR and ES are the name’s loss', () => {
    const name: CreditExposure = { ead: 1e8, pd: 0.02, lgd: 0.45, rho: 0.2, id: 'A', segment: 'large' };
    const d = lossDistribution([name], { quantiles: [0.97, 0.99, 0.999] });
    const loss = 4.5e7;
    expect(1 - d.grid.probabilities[0]).toBeCloseTo(0.02, 14);
    expect(massAt(d, loss)).toBeCloseTo(0.02, 14);
    expect(d.quantiles[0]).toBe(0); // 97% < 1 − PD = 98%
    expect(d.quantiles[1] / loss).toBeCloseTo(1, 12);
    expect(d.quantiles[2] / loss).toBeCloseTo(1, 12);
    // ES₉₇ = E[L·1{L > 0}]/3% = 2%·ℓ/3%
    expect(d.expectedShortfalls[0] / loss).toBeCloseTo(2 / 3, 12);
    expect(d.expectedShortfalls[1] / loss).toBeCloseTo(1, 12);
    expect(d.expectedLoss).toBe(1e8 * 0.02 * 0.45);
    expect(d.standardDeviation / (loss * Math.sqrt(0.02 * 0.98))).toBeCloseTo(1, 10);
    // all of EC belongs to the one name and its segment
    expect(d.economicCapital).toBeCloseTo(loss - 9e5, 3);
    expect(d.contributions.topNames[0].economicCapital / d.economicCapital).toBeCloseTo(1, 9);
    expect(d.contributions.bySegment[0].economicCapital / d.economicCapital).toBeCloseTo(1, 9);
  });

  it('two independent names: the exact four-point distribution', () => {
    const d = lossDistribution(
      [
        { ead: 100, pd: 0.1, lgd: 1, rho: 0 },
        { ead: 250, pd: 0.05, lgd: 1, rho: 0 },
      ],
      { quantiles: [0.9, 0.99, 0.996] },
    );
    expect(massAt(d, 0)).toBeCloseTo(0.9 * 0.95, 14);
    expect(massAt(d, 100)).toBeCloseTo(0.1 * 0.95, 14);
    expect(massAt(d, 250)).toBeCloseTo(0.9 * 0.05, 14);
    expect(massAt(d, 350)).toBeCloseTo(0.1 * 0.05, 14);
    const total = d.grid.probabilities.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 13);
    // CDF 0.855, 0.95, 0.995, 1: the quantiles are the atoms
    expect(d.quantiles[0]).toBeCloseTo(100, 9);
    expect(d.quantiles[1]).toBeCloseTo(250, 9);
    expect(d.quantiles[2]).toBeCloseTo(350, 9);
  });

  it('two equal independent names, as rows or as a band of 2: the exact three-point distribution', () => {
    const rows = lossDistribution([
      { ead: 100, pd: 0.1, lgd: 0.4, rho: 0 },
      { ead: 100, pd: 0.1, lgd: 0.4, rho: 0 },
    ]);
    const band = lossDistribution([{ ead: 100, pd: 0.1, lgd: 0.4, rho: 0, count: 2 }]);
    for (const d of [rows, band]) {
      expect(massAt(d, 0)).toBeCloseTo(0.81, 14);
      expect(massAt(d, 40)).toBeCloseTo(0.18, 14);
      expect(massAt(d, 80)).toBeCloseTo(0.01, 14);
    }
  });

  it('a band of 50 independent clients is exactly binomial (the Fourier-space path)', () => {
    const d = lossDistribution([{ ead: 10, pd: 0.07, lgd: 1, rho: 0, count: 50 }]);
    expect(d.diagnostics.fourierGroups).toBe(1);
    let c = 1;
    for (let k = 0; k <= 50; k++) {
      if (k > 0) c = (c * (50 - k + 1)) / k;
      expect(Math.abs(massAt(d, 10 * k) - c * 0.07 ** k * 0.93 ** (50 - k))).toBeLessThan(1e-13);
    }
  });

  it('two correlated names: the joint default probability is ∫p₁(z)·p₂(z)·φ(z)dz', () => {
    const d = lossDistribution([
      { ead: 100, pd: 0.05, lgd: 1, rho: 0.3 },
      { ead: 250, pd: 0.02, lgd: 1, rho: 0.3 },
    ]);
    const both = expectOverZ((z) => conditional(0.05, 0.3)(z) * conditional(0.02, 0.3)(z));
    expect(both).toBeGreaterThan(0.05 * 0.02 * 2); // correlation makes joint defaults likelier than independence
    expect(massAt(d, 350)).toBeCloseTo(both, 12);
    expect(massAt(d, 100)).toBeCloseTo(0.05 - both, 12);
    expect(massAt(d, 250)).toBeCloseTo(0.02 - both, 12);
  });
});

describe('lossDistribution: the granular limit and exact moments', () => {
  it('a pool of 20,000 equal names: VaR 99.9% within 2% of the Vasicek quantile, EL exact', () => {
    const d = lossDistribution([{ ead: 1, pd: 0.01, lgd: 0.45, rho: 0.12, count: 20_000 }], { quantiles: [0.999] });
    const perYuan = d.quantiles[0] / 20_000;
    expect(Math.abs(perYuan / VASICEK_999_PD1_RHO12_LGD45 - 1)).toBeLessThan(0.02);
    // the granular closed form the engine reports is the reference figure itself
    expect(d.granular.quantiles[0] / 20_000).toBeCloseTo(VASICEK_999_PD1_RHO12_LGD45, 6);
    expect(d.expectedLoss).toBe(20_000 * 0.01 * 0.45);
    expect(Math.abs(d.diagnostics.latticeMean / d.expectedLoss - 1)).toBeLessThan(1e-9);
  });

  it('EL is exact to rounding and the distribution’s own mean matches it', () => {
    // a heterogeneous book: 120 rows of different size, PD, LGD, correlation, segment and count
    const book: CreditExposure[] = [];
    for (let i = 0; i < 120; i++) {
      book.push({
        ead: 1e6 * (1 + ((i * 37) % 101)) * (i % 7 === 0 ? 40 : 1),
        pd: 0.002 + ((i * 13) % 29) * 0.001,
        lgd: 0.25 + ((i * 7) % 5) * 0.05,
        rho: 0.08 + ((i * 11) % 9) * 0.02,
        count: i % 3 === 0 ? 1 + ((i * 5) % 40) : 1,
        segment: ['large', 'mid', 'small'][i % 3],
        id: `c${i}`,
      });
    }
    let exact = 0;
    for (const e of book) exact += (e.count ?? 1) * e.ead * e.pd * e.lgd;
    const d = lossDistribution(book);
    expect(Math.abs(d.expectedLoss / exact - 1)).toBeLessThan(1e-14);
    expect(Math.abs(d.diagnostics.latticeMean / exact - 1)).toBeLessThan(1e-9);
    expect(d.contributions.bySegment.reduce((a, c) => a + c.expectedLoss, 0) / exact).toBeCloseTo(1, 12);
  });

  it('the standard deviation is exact: independent names give Σℓ²·PD·(1−PD)', () => {
    const book: CreditExposure[] = [
      { ead: 300, pd: 0.01, lgd: 0.5, rho: 0 },
      { ead: 120, pd: 0.03, lgd: 0.4, rho: 0, count: 40 },
      { ead: 7, pd: 0.05, lgd: 0.35, rho: 0, count: 900 },
    ];
    const variance = book.reduce((a, e) => a + (e.count ?? 1) * (e.ead * e.lgd) ** 2 * e.pd * (1 - e.pd), 0);
    expect(lossDistribution(book).standardDeviation / Math.sqrt(variance)).toBeCloseTo(1, 10);
  });

  it('returns the quantiles in the order asked, and ES ≥ VaR', () => {
    const book = scenarioExposures(pyramidScenario);
    const up = lossDistribution(book, { quantiles: [0.99, 0.999] });
    const down = lossDistribution(book, { quantiles: [0.999, 0.99] });
    expect(down.quantiles).toEqual([up.quantiles[1], up.quantiles[0]]);
    expect(up.quantiles[1]).toBeGreaterThan(up.quantiles[0]);
    up.quantiles.forEach((v, i) => expect(up.expectedShortfalls[i]).toBeGreaterThanOrEqual(v));
  });
});

describe('lossDistribution: the demo book against Monte Carlo', () => {
  const book = scenarioExposures(demoScenario);
  const levels = [0.99, 0.995, 0.999];
  const d = lossDistribution(book, { quantiles: levels });
  // 200,000 paths: about 200 beyond the 99.9% quantile; the pooled sampler is exact, not an approximation.
  const mc = lossMonteCarlo(book, { paths: 200_000, seed: 20071101, quantiles: levels, confidence: 0.99, contributionsAt: 0.999 });

  it('EL, standard deviation, VaR at 99%, 99.5% and 99.9% and ES agree within the Monte Carlo’s confidence band', () => {
    expect(Math.abs(d.expectedLoss - mc.expectedLoss)).toBeLessThan(3 * mc.expectedLossStandardError);
    expect(Math.abs(d.standardDeviation / mc.standardDeviation - 1)).toBeLessThan(0.02);
    levels.forEach((q, i) => {
      // the engine's VaR inside the 99% order-statistic interval of the sample quantile
      expect(d.quantiles[i]).toBeGreaterThanOrEqual(mc.quantileIntervals[i].lower);
      expect(d.quantiles[i]).toBeLessThanOrEqual(mc.quantileIntervals[i].upper);
      expect(Math.abs(d.expectedShortfalls[i] - mc.expectedShortfalls[i])).toBeLessThan(3 * mc.expectedShortfallStandardErrors[i]);
    });
  });

  it('the segments’ ES contributions agree with the Monte Carlo’s conditional tail expectations', () => {
    const mcSeg = mc.contributions?.bySegment ?? [];
    expect(mcSeg.map((c) => c.key)).toEqual(d.contributions.bySegment.map((c) => c.key));
    d.contributions.bySegment.forEach((c, s) => {
      expect(Math.abs(c.expectedShortfallContribution - mcSeg[s].expectedShortfallContribution)).toBeLessThan(3.5 * mcSeg[s].standardError);
    });
    const mcNames = mc.contributions?.byName ?? [];
    expect(mcNames[0].key).toBe(d.contributions.topNames[0].key);
    expect(Math.abs(d.contributions.topNames[0].expectedShortfallContribution - mcNames[0].expectedShortfallContribution)).toBeLessThan(
      3.5 * mcNames[0].standardError,
    );
  });
});

describe('lossDistribution: contributions and capital', () => {
  const d = lossDistribution(scenarioExposures(demoScenario));

  it('segment contributions sum exactly to EC; ES contributions to ES', () => {
    const ec = d.contributions.bySegment.reduce((a, c) => a + c.economicCapital, 0);
    expect(Math.abs(ec / d.economicCapital - 1)).toBeLessThan(1e-12);
    const shares = d.contributions.bySegment.reduce((a, c) => a + c.shareOfEconomicCapital, 0);
    expect(shares).toBeCloseTo(1, 12);
    // ES contributions (from deconvolving each group out of each node) against ES (from the distribution)
    const es = d.contributions.bySegment.reduce((a, c) => a + c.expectedShortfallContribution, 0);
    expect(Math.abs(es / d.expectedShortfall - 1)).toBeLessThan(1e-6);
    expect(d.diagnostics.contributionResidual).toBeLessThan(1e-6);
  });

  it('the 20 largest names are listed largest first, each inside its segment’s contribution', () => {
    const names = d.contributions.topNames;
    expect(names).toHaveLength(20);
    for (let i = 1; i < names.length; i++) expect(names[i].ead).toBeLessThanOrEqual(names[i - 1].ead);
    const large = d.contributions.bySegment.find((c) => c.key === 'large');
    const sum = names.filter((n) => n.segment === 'large').reduce((a, n) => a + n.economicCapital, 0);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(large?.economicCapital ?? 0);
    // a lumpy name carries more capital per yuan than its segment on average
    expect(names[0].economicCapital / names[0].ead).toBeGreaterThan((large?.economicCapital ?? 0) / (large?.ead ?? 1));
  });

  it('EC = VaR − EL, and the granular closed form per segment sums to the total', () => {
    expect(d.economicCapital).toBeCloseTo(d.valueAtRisk - d.expectedLoss, 4);
    const g = d.granular.bySegment.reduce((a, s) => a + s.valueAtRisk, 0);
    expect(g / d.granular.valueAtRisk).toBeCloseTo(1, 12);
    expect(d.granularityAddOn).toBeCloseTo(d.economicCapital - d.granular.economicCapital, 4);
  });

  it('the inverted-pyramid bank has a fatter tail than its pyramid twin', () => {
    const pyramid = lossDistribution(scenarioExposures(pyramidScenario));
    // less expected loss, yet about as much capital: the tail is heavier relative to EL
    expect(d.expectedLoss).toBeLessThan(pyramid.expectedLoss);
    expect(d.economicCapital / d.expectedLoss).toBeGreaterThan(1.2 * (pyramid.economicCapital / pyramid.expectedLoss));
    expect(d.expectedShortfall / d.expectedLoss).toBeGreaterThan(pyramid.expectedShortfall / pyramid.expectedLoss);
    // and lumpiness costs more capital on top of the granular closed form
    expect(d.granularityAddOn).toBeGreaterThan(0);
    expect(d.granularityAddOn / d.granular.economicCapital).toBeGreaterThan(pyramid.granularityAddOn / pyramid.granular.economicCapital);
  });

  it('a granular book has almost no add-on', () => {
    const g = lossDistribution([
      { ead: 1e6, pd: 0.02, lgd: 0.4, rho: 0.15, count: 100_000, segment: 'small' },
      { ead: 3e6, pd: 0.01, lgd: 0.45, rho: 0.2, count: 30_000, segment: 'mid' },
    ]);
    expect(Math.abs(g.granularityAddOn / g.economicCapital)).toBeLessThan(0.01);
  });

  it('has chart data: a density that integrates to one and the granular overlay', () => {
    const { loss, density, exceedance, granularExceedance } = d.plot;
    expect(loss.length).toBe(240);
    const width = loss[1] - loss[0];
    const mass = density.reduce((a, x) => a + x * width, 0);
    expect(mass).toBeGreaterThan(0.999);
    expect(mass).toBeLessThanOrEqual(1 + 1e-9);
    for (let i = 1; i < loss.length; i++) {
      expect(exceedance[i]).toBeLessThanOrEqual(exceedance[i - 1] + 1e-15);
      expect(granularExceedance[i]).toBeLessThanOrEqual(granularExceedance[i - 1] + 1e-15);
    }
    // the granular book's tail at the granular VaR is 0.1%
    const i = loss.findIndex((x) => x >= d.granular.valueAtRisk);
    expect(granularExceedance[i]).toBeLessThan(1e-3);
    expect(granularExceedance[i - 1]).toBeGreaterThan(1e-3);
  });
});

describe('lossDistribution: inputs', () => {
  it('never mutates its inputs', () => {
    const book = scenarioExposures(demoScenario).slice(0, 80);
    const options = { quantiles: [0.999, 0.99], topNames: 5 };
    const freeze = <T>(x: T): T => {
      Object.freeze(x);
      if (x && typeof x === 'object') for (const v of Object.values(x)) freeze(v);
      return x;
    };
    const before = JSON.stringify([book, options]);
    freeze(book);
    freeze(options);
    lossDistribution(book, options);
    expect(JSON.stringify([book, options])).toBe(before);
  });

  it('handles an empty book, PD 0 and PD 1 without NaN', () => {
    const empty = lossDistribution([]);
    expect([empty.expectedLoss, empty.economicCapital, ...empty.quantiles, ...empty.expectedShortfalls]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    const d = lossDistribution([
      { ead: 100, pd: 1, lgd: 0.5, rho: 0.2, id: 'certain' },
      { ead: 100, pd: 0, lgd: 0.5, rho: 0.2, id: 'never' },
      { ead: 40, pd: 0.1, lgd: 1, rho: 0.2, id: 'x' },
    ]);
    expect(d.quantiles.every((v) => v === 50 || Math.abs(v - 90) < 1e-9)).toBe(true);
    expect(d.expectedLoss).toBe(54);
    const values = [d.standardDeviation, d.economicCapital, ...d.contributions.topNames.map((c) => c.economicCapital)];
    expect(values.every(Number.isFinite)).toBe(true);
    // a certain loss is expected, not capital
    expect(Math.abs(d.contributions.topNames.find((c) => c.key === 'certain')?.economicCapital ?? 1)).toBeLessThan(1e-6);
  });

  it('rejects invalid rows', () => {
    expect(() => lossDistribution([{ ead: -1, pd: 0.01, lgd: 0.45, rho: 0.1 }])).toThrow(RangeError);
    expect(() => lossDistribution([{ ead: 1, pd: 1.2, lgd: 0.45, rho: 0.1 }])).toThrow(RangeError);
    expect(() => lossDistribution([{ ead: 1, pd: 0.01, lgd: 0.45, rho: 1 }])).toThrow(RangeError);
    expect(() => lossDistribution([], { quantiles: [1] })).toThrow(RangeError);
  });
});
