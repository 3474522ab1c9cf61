import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/lib/model';

// Reference values: docs/reference-values.md (Φ⁻¹(0.999), Φ⁻¹(0.01)) and standard tables at 16+ digits.
describe('normal distribution', () => {
  it('matches published quantiles to 1e-12', () => {
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874040841, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
  });

  it('matches published cdf values to 1e-12', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145705],
      [1.959963984540054, 0.975],
      [-3, 0.0013498980316300946],
      [-3.5, 0.00023262907903552504],
      [5, 0.9999997133484281],
      [-8, 6.22096057427178e-16],
    ];
    for (const [x, p] of table) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-12);
    // relative accuracy deep in the tail
    expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 10);
  });

  it('is the inverse of the cdf across the range', () => {
    for (let p = 1e-6; p < 1; p += 0.0137) {
      expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13);
    }
  });

  it('handles the edges without NaN', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});
