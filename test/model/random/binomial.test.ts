import { describe, expect, it } from 'vitest';
import { binomial, binomialTerms, drawBinomial, logFactorial, Rng, setBinomialTerms } from '../../../src/lib/model';

/** The exact pmf of Binomial(n, p), from log-factorials summed term by term (independent of the sampler's table). */
function exactPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  let lnChoose = 0; // ln C(n, k), built up k by k
  for (let k = 0; k <= n; k++) {
    if (k > 0) lnChoose += Math.log((n - k + 1) / k);
    pmf[k] = Math.exp(lnChoose + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }
  return pmf;
}

/** The 99.9% point of the chi-square distribution with `df` degrees of freedom (Wilson–Hilferty). */
function chiSquare999(df: number): number {
  const z = 3.0902;
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

/** Pearson's chi-square of `draws` samples against the exact pmf, cells with fewer than 5 expected pooled. */
function chiSquareAgainstPmf(n: number, p: number, draws: number, seed: number): { chi: number; df: number } {
  const rng = new Rng(seed, n);
  const counts = new Float64Array(n + 1);
  for (let i = 0; i < draws; i++) counts[binomial(n, p, rng)]++;
  const pmf = exactPmf(n, p);
  let chi = 0;
  let cells = 0;
  let restObs = 0;
  let restExp = 0;
  for (let k = 0; k <= n; k++) {
    const e = pmf[k] * draws;
    if (e >= 5) {
      chi += (counts[k] - e) ** 2 / e;
      cells++;
    } else {
      restObs += counts[k];
      restExp += e;
    }
  }
  if (restExp > 0) {
    chi += (restObs - restExp) ** 2 / restExp;
    cells++;
  }
  return { chi, df: cells - 1 };
}

describe('binomial: BINV below n·p = 10, BTRD from it on', () => {
  it.each([
    [99, 0.1], // n·p = 9.9: the last of BINV
    [100, 0.1], // n·p = 10: the first of BTRD
    [1000, 0.0105], // just above the switch, p small
    [60, 0.8], // p > ½: n − Binomial(n, 0.2), n·q = 12
    [25, 0.5], // p = ½
    [200, 0.3],
    [581, 0.126], // a band's attrition in the demo bank
    [5000, 0.7], // large n, p > ½ (n beyond the log-factorial table)
  ])('Binomial(%i, %f) matches the exact pmf (chi-square, 99.9 percent point)', (n, p) => {
    const { chi, df } = chiSquareAgainstPmf(n, p, 100_000, 7);
    expect(df).toBeGreaterThan(5);
    expect(chi).toBeLessThan(chiSquare999(df));
  });

  it.each([
    [1, 0.3], // Bernoulli
    [40, 0.01], // inversion from 0
    [3000, 0.004], // BTRD near the switch (n·p = 12)
    [2000, 0.126],
    [100_000, 0.3],
    [30, 0.45],
  ])('Binomial(%i, %f) has the exact mean and variance (within sampling error)', (n, p) => {
    const rng = new Rng(3, n);
    const N = 100_000;
    let s = 0;
    let s2 = 0;
    let isWhole = true;
    for (let i = 0; i < N; i++) {
      const x = binomial(n, p, rng);
      isWhole &&= Number.isInteger(x) && x >= 0 && x <= n;
      s += x;
      s2 += x * x;
    }
    const mean = s / N;
    const variance = s2 / N - mean * mean;
    const v = n * p * (1 - p);
    expect(isWhole).toBe(true);
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(v / N));
    // the sample variance's standard error is about v·√(2/N) for a near-normal count
    expect(Math.abs(variance / v - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('is reproducible: the same stream gives the same draws', () => {
    const a = new Rng(42, 9);
    const b = new Rng(42, 9);
    const xs = Array.from({ length: 1000 }, (_, i) => binomial(50 + i, 0.3, a));
    const ys = Array.from({ length: 1000 }, (_, i) => binomial(50 + i, 0.3, b));
    expect(ys).toEqual(xs);
  });

  it.each([0.026, 0.126, 0.5, 0.8, 0.999, 0.002])('binomialTerms(%f) gives the draws of the plain call, count for count', (p) => {
    // the table only saves BINV's exp: every n, below the table's end and beyond it, draws the same count
    const law = binomialTerms(p);
    expect(law.firstTerms.length).toBe(Math.min(1024, Math.ceil(10 / Math.min(p, 1 - p))));
    const a = new Rng(5, 1);
    const b = new Rng(5, 1);
    for (let n = 0; n < 2 * law.firstTerms.length + 50; n++) {
      for (let k = 0; k < 3; k++) {
        expect(drawBinomial(n, law, a)).toBe(binomial(n, p, b));
      }
    }
  });

  it('a law reset with setBinomialTerms draws as a fresh one, its old table dropped', () => {
    // the engine reuses one law for every conditional PD: a table left from an earlier p would give wrong first terms
    const law = binomialTerms(0.3);
    const a = new Rng(8, 2);
    const b = new Rng(8, 2);
    for (const p of [0.004, 0.02, 0.3, 0.61, 0.97, 0.5]) {
      setBinomialTerms(law, p);
      expect(law.firstTerms.length).toBe(0);
      for (let n = 0; n < 400; n += 7) expect(drawBinomial(n, law, a)).toBe(binomial(n, p, b));
    }
  });

  it('binomialTerms of p at 0 or 1 has no table and zero logs (its draws need neither)', () => {
    for (const p of [0, 1]) expect(binomialTerms(p)).toMatchObject({ p, q: 1 - p, logP: 0, logQ: 0, firstTerms: new Float64Array(0) });
  });

  it('logFactorial is ln k! on both sides of its table', () => {
    let sum = 0;
    for (let k = 1; k <= 4100; k++) {
      sum += Math.log(k);
      // relative: the running sum itself carries about k·ε of rounding
      if (k < 10 || k > 4090) expect(Math.abs(logFactorial(k) - sum)).toBeLessThanOrEqual(1e-11 * sum);
    }
  });
});
