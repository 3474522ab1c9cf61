import { describe, expect, it } from 'vitest';
import { baselCorrelation, irbRiskWeight, vasicekLossQuantile } from '../../src/lib/model';

/**
 * Basel II, Annex 5 (June 2006): illustrative IRB risk weights, corporate exposures,
 * LGD 45%, M = 2.5, S ≥ EUR 50m. Published to two decimals; tolerance 0.02 pp
 * (docs/reference-values.md, with its source).
 */
const ANNEX_5_CORPORATE: [pd: number, rwPercent: number][] = [
  [0.0003, 14.44],
  [0.0005, 19.65],
  [0.001, 29.65],
  [0.0025, 49.47],
  [0.004, 62.72],
  [0.005, 69.61],
  [0.0075, 82.78],
  [0.01, 92.32],
  [0.013, 100.95],
  [0.015, 105.59],
  [0.02, 114.86],
  [0.025, 122.16],
  [0.03, 128.44],
];

describe('irbRiskWeight', () => {
  it.each(ANNEX_5_CORPORATE)('PD %f gives the Annex 5 weight %f%%', (pd, rw) => {
    // Basel II floor 0.03% so the first row is not floored
    const computed = irbRiskWeight({ pd, lgd: 0.45, pdFloor: 0.0003 }) * 100;
    expect(Math.abs(computed - rw)).toBeLessThanOrEqual(0.02);
  });

  it('applies the 0.05% PD floor by default (Basel III / China 2023)', () => {
    expect(irbRiskWeight({ pd: 0.0001, lgd: 0.45 })).toBeCloseTo(irbRiskWeight({ pd: 0.0005, lgd: 0.45 }), 12);
  });

  it('lowers the weight for small firms (SME adjustment, Basel II ¶273)', () => {
    const big = irbRiskWeight({ pd: 0.01, lgd: 0.45 });
    const sme = irbRiskWeight({ pd: 0.01, lgd: 0.45, turnoverEurMillions: 5 });
    expect(sme).toBeLessThan(big);
    // at S = 50 the adjustment vanishes
    expect(irbRiskWeight({ pd: 0.01, lgd: 0.45, turnoverEurMillions: 50 })).toBeCloseTo(big, 12);
    // R falls by exactly 0.04 at S ≤ 5
    expect(baselCorrelation(0.01) - baselCorrelation(0.01, 1)).toBeCloseTo(0.04, 12);
  });

  it('rises with maturity', () => {
    expect(irbRiskWeight({ pd: 0.01, lgd: 0.45, maturityYears: 5 })).toBeGreaterThan(irbRiskWeight({ pd: 0.01, lgd: 0.45, maturityYears: 1 }));
  });
});

describe('vasicekLossQuantile', () => {
  it('matches Vasicek (2002): PD 1%, ρ 0.12, LGD 45%, q 99.9% → 4.06466% of exposure', () => {
    // computed at 30 digits (docs/reference-values.md); conditional default rate 9.03258%
    expect(vasicekLossQuantile({ pd: 0.01, rho: 0.12, lgd: 0.45, q: 0.999 })).toBeCloseTo(0.0406466, 7);
    expect(vasicekLossQuantile({ pd: 0.01, rho: 0.12, lgd: 1, q: 0.999 })).toBeCloseTo(0.0903258, 7);
  });

  it('is zero without default risk and LGD at certain default', () => {
    expect(vasicekLossQuantile({ pd: 0, rho: 0.2, lgd: 0.45, q: 0.999 })).toBe(0);
    expect(vasicekLossQuantile({ pd: 1, rho: 0.2, lgd: 0.45, q: 0.999 })).toBe(0.45);
  });
});
