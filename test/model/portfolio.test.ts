/**
 * Client investment portfolios: frontier, best allocation, correlation checks,
 * parametric and simulated risk. The Monte Carlo tests are in portfolio-simulation.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  bestAllocation,
  checkAssetUniverse,
  checkCorrelation,
  defaultAssetUniverse,
  efficientFrontier,
  frontierPointForReturn,
  nearestCorrelation,
  parametricLoss,
  portfolioRisk,
  PortfolioInputError,
  RISK_PROFILE_KEYS,
  RISK_PROFILES,
  type AssetUniverse,
  type FrontierPoint,
} from '../../src/lib/model/portfolio';
import { normalCdf, normalPdf, normalQuantile } from '../../src/lib/model/normal';
import { symmetricEigen } from '../../src/lib/model/portfolio/linalg';

function asset(key: string, expectedReturn: number, volatility: number) {
  return { key, name: { zh: key, en: key }, expectedReturn, volatility, source: { zh: '测试', en: 'test' } };
}

function sum(w: Record<string, number>): number {
  return Object.values(w).reduce((s, v) => s + v, 0);
}

/** wᵀΣw computed here, independently of the engine. */
function variance(u: AssetUniverse, w: Record<string, number>): number {
  let v = 0;
  u.assets.forEach((a, i) =>
    u.assets.forEach((b, j) => {
      v += (w[a.key] ?? 0) * (w[b.key] ?? 0) * u.correlation[i][j] * a.volatility * b.volatility;
    }),
  );
  return v;
}

function expected(u: AssetUniverse, w: Record<string, number>): number {
  return u.assets.reduce((s, a) => s + (w[a.key] ?? 0) * a.expectedReturn, 0);
}

describe('efficient frontier', () => {
  it('matches the closed form of the two-asset frontier', () => {
    const [m1, s1, m2, s2, rho] = [0.03, 0.1, 0.09, 0.2, 0.2];
    const u: AssetUniverse = {
      assets: [asset('a', m1, s1), asset('b', m2, s2)],
      correlation: [
        [1, rho],
        [rho, 1],
      ],
    };
    const f = efficientFrontier(u, { points: 11 });
    // minimum variance: w* = (σ₂² − ρσ₁σ₂)/(σ₁² + σ₂² − 2ρσ₁σ₂) = 0.036/0.042
    const wStar = (s2 * s2 - rho * s1 * s2) / (s1 * s1 + s2 * s2 - 2 * rho * s1 * s2);
    expect(f[0].weights.a).toBeCloseTo(wStar, 9);
    expect(f).toHaveLength(11);
    expect(f[10].weights.b).toBeCloseTo(1, 12);
    const rMin = wStar * m1 + (1 - wStar) * m2;
    f.forEach((pt, k) => {
      const r = rMin + ((m2 - rMin) * k) / 10;
      const w = (m2 - r) / (m2 - m1); // weight of a for return r
      const sigma = Math.sqrt(w * w * s1 * s1 + (1 - w) ** 2 * s2 * s2 + 2 * w * (1 - w) * rho * s1 * s2);
      expect(pt.expectedReturn).toBeCloseTo(r, 12);
      expect(pt.weights.a).toBeCloseTo(w, 9);
      expect(pt.volatility).toBeCloseTo(sigma, 9);
    });
  });

  it('matches the unconstrained closed form (Merton 1972) where the bounds do not bind', () => {
    const mu = [0.04, 0.06, 0.08];
    const sd = [0.1, 0.15, 0.2];
    const rho = [
      [1, 0.3, 0.1],
      [0.3, 1, 0.4],
      [0.1, 0.4, 1],
    ];
    const u: AssetUniverse = { assets: mu.map((m, i) => asset(`x${i}`, m, sd[i])), correlation: rho };
    const S = rho.map((row, i) => row.map((r, j) => r * sd[i] * sd[j]));
    // 3×3 inverse by cofactors
    const [[a, b, c], [d, e, f], [g, h, k]] = S;
    const det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
    const inv = [
      [(e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det],
      [(f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det],
      [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det],
    ];
    const one = [1, 1, 1];
    const dot = (x: number[], M: number[][], y: number[]) => x.reduce((s, xi, i) => s + xi * M[i].reduce((t, mij, j) => t + mij * y[j], 0), 0);
    const A = dot(one, inv, one);
    const B = dot(one, inv, mu);
    const C = dot(mu, inv, mu);
    const D = A * C - B * B;
    // w(r) = Σ⁻¹[(C − B r)·1 + (A r − B)·μ]/D
    const weightsAt = (r: number) => inv.map((row) => row.reduce((s, m, j) => s + m * (C - B * r + (A * r - B) * mu[j]), 0) / D);
    const frontier = efficientFrontier(u, { points: 40 });
    let checked = 0;
    for (const pt of frontier) {
      const w = weightsAt(pt.expectedReturn);
      if (w.some((x) => x < 0.01)) continue; // a bound binds there
      checked++;
      expect(pt.volatility).toBeCloseTo(Math.sqrt((A * pt.expectedReturn ** 2 - 2 * B * pt.expectedReturn + C) / D), 9);
      w.forEach((wi, i) => expect(pt.weights[`x${i}`]).toBeCloseTo(wi, 8));
    }
    expect(checked).toBeGreaterThan(10);
    // the first point is the global minimum-variance portfolio, return B/A, variance 1/A
    expect(frontier[0].expectedReturn).toBeCloseTo(B / A, 9);
    expect(frontier[0].volatility).toBeCloseTo(Math.sqrt(1 / A), 9);
  });

  it('gives points that satisfy the constraints and are efficient', () => {
    const u = defaultAssetUniverse();
    const bounds = { deposit: { min: 0.05 }, equityFund: { max: 0.5 }, gold: { min: 0.02, max: 0.15 }, wmp: { max: 0.4 } };
    const f = efficientFrontier(u, { bounds, points: 30 });
    expect(f).toHaveLength(30);
    for (const pt of f) {
      expect(sum(pt.weights)).toBeCloseTo(1, 12);
      for (const a of u.assets) {
        const w = pt.weights[a.key];
        const b = (bounds as Record<string, { min?: number; max?: number }>)[a.key] ?? {};
        expect(w).toBeGreaterThanOrEqual((b.min ?? 0) - 1e-12);
        expect(w).toBeLessThanOrEqual((b.max ?? 1) + 1e-12);
      }
      // the reported figures are the portfolio's own
      expect(pt.expectedReturn).toBeCloseTo(expected(u, pt.weights), 14);
      expect(pt.volatility).toBeCloseTo(Math.sqrt(variance(u, pt.weights)), 12);
    }
    // returns increase, volatility does not fall, no point dominated by another
    for (let i = 1; i < f.length; i++) {
      expect(f[i].expectedReturn).toBeGreaterThan(f[i - 1].expectedReturn);
      expect(f[i].volatility).toBeGreaterThanOrEqual(f[i - 1].volatility - 1e-12);
    }
    const dominated = (p: FrontierPoint, q: FrontierPoint) =>
      (q.expectedReturn >= p.expectedReturn - 1e-12 && q.volatility <= p.volatility - 1e-9) ||
      (q.expectedReturn > p.expectedReturn + 1e-9 && q.volatility <= p.volatility + 1e-12);
    for (const p of f) for (const q of f) expect(dominated(p, q)).toBe(false);
    // the highest-return end holds as much of the best asset as allowed
    expect(f[f.length - 1].weights.equityFund).toBeCloseTo(0.5, 12);
  });

  it('is never beaten by random allowed portfolios', () => {
    const u = defaultAssetUniverse();
    const bounds = { equityFund: { max: 0.6 }, gold: { max: 0.3 } };
    const f = efficientFrontier(u, { bounds, points: 5 });
    const rMin = f[0].expectedReturn;
    let seed = 12345;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let tested = 0;
    for (let t = 0; t < 400 && tested < 60; t++) {
      const raw = u.assets.map(() => -Math.log(1 - rand()));
      const total = raw.reduce((s, v) => s + v, 0);
      const w: Record<string, number> = {};
      u.assets.forEach((a, i) => (w[a.key] = raw[i] / total));
      if (w.equityFund > 0.6 || w.gold > 0.3) continue;
      const r = expected(u, w);
      const sigma = Math.sqrt(variance(u, w));
      expect(sigma).toBeGreaterThanOrEqual(f[0].volatility - 1e-12);
      if (r < rMin) continue;
      const best = frontierPointForReturn(u, { bounds }, r);
      expect(best.expectedReturn).toBeCloseTo(r, 12);
      expect(sigma).toBeGreaterThanOrEqual(best.volatility - 1e-12);
      tested++;
    }
    expect(tested).toBeGreaterThan(20);
  });

  it('starts at the highest-return portfolio among those of least variance', () => {
    // two riskless classes: the efficient end holds the better one only
    const u: AssetUniverse = {
      assets: [asset('cash', 0.01, 0), asset('deposit', 0.02, 0), asset('stock', 0.08, 0.2)],
      correlation: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    };
    const f = efficientFrontier(u, { points: 5 });
    expect(f[0].volatility).toBeLessThan(1e-9);
    expect(f[0].weights.deposit).toBeCloseTo(1, 8);
    expect(f[0].weights.cash).toBe(0);
    expect(f[0].expectedReturn).toBeCloseTo(0.02, 9);
  });

  it('rejects bounds that leave no allowed portfolio and an invalid correlation matrix', () => {
    const u = defaultAssetUniverse();
    expect(() => efficientFrontier(u, { bounds: { deposit: { min: 0.6 }, gold: { min: 0.5 } } })).toThrow(PortfolioInputError);
    expect(() => efficientFrontier(u, { bounds: { equityFund: { max: -0.1 } } })).toThrow(/bounds/);
    const bad = defaultAssetUniverse();
    bad.correlation[2][4] = bad.correlation[4][2] = 0.99;
    bad.correlation[3][4] = bad.correlation[4][3] = -0.99;
    try {
      efficientFrontier(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PortfolioInputError);
      expect((e as PortfolioInputError).problems[0].path).toMatch(/^correlation\.\d\.\d$/);
    }
  });
});

describe('best allocation within a risk profile', () => {
  const u = defaultAssetUniverse();
  const bounds = { equityFund: { max: 0.8 } };
  const horizon = 5;
  const frontier = efficientFrontier(u, { bounds, points: 400 });

  it('respects each profile, is the best frontier point that does, and rises with the risk level', () => {
    let previous = -Infinity;
    for (const key of RISK_PROFILE_KEYS) {
      const profile = RISK_PROFILES[key];
      const best = bestAllocation(u, { bounds }, profile, horizon);
      expect(best.isFeasible).toBe(true);
      expect(sum(best.weights)).toBeCloseTo(1, 12);
      expect(best.weights.equityFund).toBeLessThanOrEqual(0.8 + 1e-12);
      expect(best.volatility).toBeLessThanOrEqual((profile.maxVolatility ?? Infinity) + 1e-9);
      const va = parametricLoss(best.expectedReturn, best.volatility, horizon, profile.maxLoss!.confidence).valueAtRisk;
      expect(va).toBeLessThanOrEqual(profile.maxLoss!.fraction + 1e-9);
      expect(best.valueAtRisk).toBeCloseTo(va, 12);
      // no allowed frontier point has a higher return
      for (const pt of frontier) {
        const ok =
          pt.volatility <= (profile.maxVolatility ?? Infinity) &&
          parametricLoss(pt.expectedReturn, pt.volatility, horizon, profile.maxLoss!.confidence).valueAtRisk <= profile.maxLoss!.fraction;
        if (ok) expect(pt.expectedReturn).toBeLessThanOrEqual(best.expectedReturn + 1e-9);
      }
      // the binding limit is tight
      if (best.binding === 'volatility') expect(best.volatility).toBeCloseTo(profile.maxVolatility!, 8);
      if (best.binding === 'loss') expect(best.valueAtRisk).toBeCloseTo(profile.maxLoss!.fraction, 8);
      expect(best.expectedReturn).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = best.expectedReturn;
    }
  });

  it('says when no allowed portfolio meets the profile', () => {
    const best = bestAllocation(u, { bounds: { equityFund: { min: 0.5 } } }, RISK_PROFILES.conservative, horizon);
    expect(best.isFeasible).toBe(false);
    expect(best.weights.equityFund).toBeGreaterThanOrEqual(0.5 - 1e-12);
    expect(best.message.en).toMatch(/No allocation/);
  });

  it('returns the highest-return portfolio when no limit binds', () => {
    const loose = { key: 'x', name: { zh: 'x', en: 'x' }, maxVolatility: 0.5, source: { zh: '', en: '' } };
    const best = bestAllocation(u, {}, loose, horizon);
    expect(best.binding).toBe('none');
    expect(best.weights.equityFund).toBeCloseTo(1, 12);
  });
});

describe('correlation checks', () => {
  it('accepts the default matrix', () => {
    const u = defaultAssetUniverse();
    const check = checkCorrelation(u.correlation);
    expect(check.isValid).toBe(true);
    expect(check.minEigenvalue).toBeGreaterThan(0.25);
    expect(checkAssetUniverse(u)).toEqual([]);
  });

  it('computes eigenvalues by Jacobi to rounding', () => {
    expect(Array.from(symmetricEigen([2, 1, 1, 2], 2).values)).toEqual([expect.closeTo(1, 14), expect.closeTo(3, 14)]);
    const n = 5;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = Math.sin(1 + i * 7 + j * 3);
    const { values, vectors } = symmetricEigen(a, n);
    let trace = 0;
    for (let i = 0; i < n; i++) trace += a[i * n + i];
    expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 12);
    for (let k = 0; k < n; k++) {
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[j * n + k];
        expect(av).toBeCloseTo(values[k] * vectors[i * n + k], 12);
      }
    }
  });

  it('names the offending cells of a matrix that is not positive semi-definite', () => {
    const u = defaultAssetUniverse();
    const m = u.correlation;
    // government bonds close to credit bonds, credit bonds close to equities, but government bonds opposite equities
    m[2][3] = m[3][2] = 0.9;
    m[3][4] = m[4][3] = 0.8;
    m[2][4] = m[4][2] = -0.6;
    const check = checkCorrelation(
      m,
      u.assets.map((a) => a.name),
    );
    expect(check.isSymmetric && check.hasUnitDiagonal && check.isInRange).toBe(true);
    expect(check.isPsd).toBe(false);
    expect(check.minEigenvalue).toBeLessThan(0);
    const p = check.problems.find((x) => x.kind === 'notPsd')!;
    expect(p.cells).toEqual([
      [2, 3],
      [3, 4],
      [2, 4],
    ]);
    expect([
      [2, 3],
      [3, 4],
      [2, 4],
    ]).toContainEqual([p.row, p.col]);
    const [lo, hi] = p.allowed!;
    expect(p.value < lo || p.value > hi).toBe(true);
    // bound on a correlation given the other two: ρ(gov, credit) ∈ ρ₁ρ₂ ± √((1−ρ₁²)(1−ρ₂²)) with ρ₁ = −0.6, ρ₂ = 0.8
    expect(p.row).toBe(2);
    expect(p.col).toBe(3);
    expect(lo).toBeCloseTo(-0.48 - Math.sqrt(0.64 * 0.36), 12);
    expect(hi).toBeCloseTo(-0.48 + Math.sqrt(0.64 * 0.36), 12);
    expect(p.message.zh).toContain('国债');
    expect(p.message.zh).toContain('信用债');
    expect(p.message.zh).toContain('股票型基金');
    expect(p.message.en).toContain('ρ(Government bonds, Credit bonds)');
  });

  it('names the cell of an asymmetric, out-of-range or wrong-diagonal entry', () => {
    const m = [
      [1, 0.2, 0.1],
      [0.3, 1, 0.1],
      [0.1, 0.1, 0.9],
    ];
    const check = checkCorrelation(m);
    expect(check.isSymmetric).toBe(false);
    expect(check.hasUnitDiagonal).toBe(false);
    expect(check.problems.find((p) => p.kind === 'notSymmetric')).toMatchObject({ row: 0, col: 1 });
    expect(check.problems.find((p) => p.kind === 'diagonal')).toMatchObject({ row: 2, col: 2, value: 0.9 });
    const r = checkCorrelation([
      [1, 1.2],
      [1.2, 1],
    ]);
    expect(r.isInRange).toBe(false);
    expect(r.problems.filter((p) => p.kind === 'range')).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 0, col: 1, value: 1.2 });
    expect(checkCorrelation([[1, 0], [0]]).problems[0].kind).toBe('shape');
  });

  it('finds Higham’s nearest correlation matrix', () => {
    // Higham (2002), §4: the nearest correlation matrix to [[1,1,0],[1,1,1],[0,1,1]]
    const res = nearestCorrelation([
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ]);
    expect(res.isConverged).toBe(true);
    expect(res.matrix[0][1]).toBeCloseTo(0.7607, 4);
    expect(res.matrix[0][2]).toBeCloseTo(0.1573, 4);
    expect(res.matrix[1][2]).toBeCloseTo(0.7607, 4);
    expect(res.distance).toBeCloseTo(0.5278, 4);
  });

  it('repairs a matrix that is not PSD into a valid one nearby', () => {
    const u = defaultAssetUniverse();
    const m = u.correlation;
    m[2][3] = m[3][2] = 0.9;
    m[3][4] = m[4][3] = 0.8;
    m[2][4] = m[4][2] = -0.6;
    const res = nearestCorrelation(m);
    const check = checkCorrelation(res.matrix);
    expect(check.isValid).toBe(true);
    expect(check.minEigenvalue).toBeGreaterThanOrEqual(0);
    res.matrix.forEach((row, i) => {
      expect(row[i]).toBe(1);
      row.forEach((v, j) => expect(v).toBe(res.matrix[j][i]));
    });
    // nearer than the naive repair (clip the eigenvalues, rescale the diagonal)
    const n = m.length;
    const { values, vectors } = symmetricEigen(m.flat(), n);
    const clipped = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        let s = 0;
        for (let k = 0; k < n; k++) s += vectors[i * n + k] * Math.max(values[k], 0) * vectors[j * n + k];
        return s;
      }),
    );
    const naive = clipped.map((row, i) => row.map((v, j) => v / Math.sqrt(clipped[i][i] * clipped[j][j])));
    const dist = (x: number[][]) => Math.sqrt(x.reduce((s, row, i) => s + row.reduce((t, v, j) => t + (v - m[i][j]) ** 2, 0), 0));
    expect(res.distance).toBeCloseTo(dist(res.matrix), 12);
    expect(res.distance).toBeLessThan(dist(naive));
    // an already valid matrix is left (almost) unchanged
    expect(nearestCorrelation(defaultAssetUniverse().correlation).distance).toBeLessThan(1e-9);
  });
});

describe('portfolio risk', () => {
  const u = defaultAssetUniverse();

  it('reports wᵀμ and √(wᵀΣw)', () => {
    const w = { deposit: 0.1, wmp: 0.2, govBond: 0.2, creditBond: 0.15, equityFund: 0.25, gold: 0.1 };
    const r = portfolioRisk(w, u, { horizonYears: 1, paths: 2000 });
    expect(r.expectedReturn).toBeCloseTo(expected(u, w), 14);
    expect(r.volatility).toBeCloseTo(Math.sqrt(variance(u, w)), 14);
    // a vector in the order of the universe gives the same answer
    const v = portfolioRisk([0.1, 0.2, 0.2, 0.15, 0.25, 0.1], u, { horizonYears: 1, paths: 2000 });
    expect(v).toEqual(r);
  });

  it('computes the lognormal VaR and ES by their closed forms', () => {
    const [mu, sigma, H, c] = [0.07, 0.22, 3, 0.99];
    const s2 = Math.log(1 + (sigma * sigma) / (1 + mu) ** 2);
    const m = Math.log(1 + mu) - s2 / 2;
    const z = normalQuantile(1 - c);
    const M = m * H;
    const S = Math.sqrt(s2 * H);
    const { valueAtRisk, expectedShortfall } = parametricLoss(mu, sigma, H, c);
    expect(valueAtRisk).toBeCloseTo(1 - Math.exp(M + z * S), 13);
    // ES by numerical integration of the tail: 1 − E[e^(M+S·Z) | Z ≤ z]
    let integral = 0;
    const steps = 200_000;
    const lo = -12;
    const h = (z - lo) / steps;
    for (let i = 0; i <= steps; i++) {
      const x = lo + i * h;
      const wgt = i === 0 || i === steps ? 0.5 : 1;
      integral += wgt * Math.exp(M + S * x) * normalPdf(x) * h;
    }
    expect(expectedShortfall).toBeCloseTo(1 - integral / (1 - c), 8);
    expect(expectedShortfall).toBeGreaterThan(valueAtRisk);
    expect(normalCdf(z)).toBeCloseTo(0.01, 12);
    // a riskless portfolio: the "loss" is minus the compounded gain
    expect(parametricLoss(0.02, 0, 4, 0.95).valueAtRisk).toBeCloseTo(1 - 1.02 ** 4, 13);
  });

  it('agrees with its own simulation for a single asset (where the lognormal is exact)', () => {
    const H = 5;
    const paths = 40_000;
    const r = portfolioRisk({ equityFund: 1 }, u, { horizonYears: H, quantiles: [0.95], amount: 1_000_000, paths, seed: 3 });
    const q = r.quantiles[0];
    // standard error of the 5% quantile of W: √(α(1−α)/N)/density at the quantile
    const S = r.logVolatility * Math.sqrt(H);
    const z = normalQuantile(0.05);
    const quantile = Math.exp(r.logMean * H + S * z);
    const se = (Math.sqrt((0.05 * 0.95) / paths) * quantile * S) / normalPdf(z);
    expect(Math.abs(q.simulatedVar - q.parametricVar) / 1_000_000).toBeLessThan(4 * se);
    expect(Math.abs(q.simulatedEs - q.parametricEs) / 1_000_000).toBeLessThan(6 * se);
    expect(q.simulatedEs).toBeGreaterThan(q.simulatedVar);
    // the simulated mean value matches the exact mean (1+μ)^H within 4 standard errors
    expect(Math.abs(r.simulated.meanValue - r.expectedValue)).toBeLessThan((4 * r.simulated.sdValue) / Math.sqrt(paths));
  });

  it('rejects weights that do not sum to one', () => {
    expect(() => portfolioRisk({ deposit: 0.5 }, u, { horizonYears: 1 })).toThrow(/sum to 100%/);
    expect(() => portfolioRisk({ nope: 1 }, u, { horizonYears: 1 })).toThrow(/Unknown asset key/);
  });
});

describe('public API', () => {
  it('is exported from the engine entry point', async () => {
    const api = await import('../../src/lib/model');
    for (const name of [
      'efficientFrontier',
      'bestAllocation',
      'portfolioRisk',
      'cashNeedsCheck',
      'simulateRebalancing',
      'simulateRebalancingPaths',
      'mergeRebalancingPaths',
      'summarizeRebalancing',
      'checkCorrelation',
      'nearestCorrelation',
    ] as const) {
      expect(typeof api[name]).toBe('function');
    }
    expect(api.DEFAULT_ASSET_CLASSES).toHaveLength(6);
  });
});
