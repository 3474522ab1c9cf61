/**
 * Quadrature over Z: the mapped trapezoid with extra nodes where the granular part moves fast, and the 32-point Gauss–Legendre table. See index.ts for
 * the method.
 */
import { normalPdf } from '../normal';
import { DEFAULTS, type LossDistributionOptions } from './types';
import { type Book, type Group, conditionalPd, conditionalPdSlope } from './book';

/** Z beyond ±Z_RANGE carries mass < 2e-19: the trapezoid sum is truncated there. */
export const Z_RANGE = 9;

export interface Quadrature {
  z: Float64Array;
  w: Float64Array;
}

/** log cosh x without overflow. */
export function logCosh(x: number): number {
  const a = Math.abs(x);
  return a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
}

/**
 * Nodes and weights for E[f(Z)], Z ~ N(0,1): the trapezoid rule in u (nodes u = 0, 1, 2, …) with
 * an explicit analytic map z = g(u) whose step g′(u) = h_c + (h_f − h_c)·½[tanh((u−α)/σ) −
 * tanh((u−β)/σ)] goes smoothly from the coarse step h_c to the fine step h_f over [a, b] and back.
 * The integrand f(g(u))·φ(g(u))·g′(u) is analytic in the strip |Im u| < πσ/2, so the rule keeps the
 * exponential convergence of the trapezoid rule on ℝ (Trefethen & Weideman 2014, SIAM Review
 * 56(3), §5): with σ = 3 the error from the map is ~exp(−2π·πσ/2) ≈ 1e-13 of the integrand.
 */
export function mappedTrapezoid(coarse: number, fine: number, a: number, b: number): Quadrature {
  const sigma = 3;
  const alpha = (a + Z_RANGE) / coarse;
  const beta = alpha + Math.max(0, b - a) / fine;
  const lift = (u: number) => 0.5 * sigma * (logCosh((u - alpha) / sigma) - logCosh((u - beta) / sigma));
  const lift0 = lift(0);
  const g = (u: number) => -Z_RANGE + coarse * u + (fine - coarse) * (lift(u) - lift0);
  const slope = (u: number) => coarse + 0.5 * (fine - coarse) * (Math.tanh((u - alpha) / sigma) - Math.tanh((u - beta) / sigma));
  const zs: number[] = [];
  const ws: number[] = [];
  let total = 0;
  for (let u = 0; ; u++) {
    const z = g(u);
    if (z > Z_RANGE) break;
    const w = normalPdf(z) * slope(u);
    zs.push(z);
    ws.push(w);
    total += w;
  }
  return { z: Float64Array.from(zs), w: Float64Array.from(ws, (w) => w / total) };
}

/**
 * The quadrature for this book. Base step h_c ≤ 0.7/√(1+b²), b = max √ρ/√(1−ρ): the trapezoid
 * error for Φ(c − b·z)·φ(z) is then ~exp(−2π²/(h²(1+b²))) < 1e-15. Where the granular part of the
 * book (what is left after peeling the lumps: members whose loss exceeds half the conditional
 * standard deviation of the rest) moves its conditional mean by more than `ripplePrecision` of its
 * own spread per node, the step is refined (the ripple criterion, docs/loss-distribution.md).
 */
export function buildQuadrature(book: Book, groups: Group[], zMin: number, zTail: number, options: LossDistributionOptions): Quadrature {
  let maxSlope = 0;
  for (const c of book.curves) maxSlope = Math.max(maxSlope, c.sqrtRho / c.sqrtOneMinusRho);
  if (maxSlope === 0) return { z: Float64Array.of(0), w: Float64Array.of(1) }; // no correlation: nothing depends on Z
  const d0 = options.nodesPerUnit ?? Math.max(2, 1.43 * Math.sqrt(1 + maxSlope * maxSlope));
  const precision = options.ripplePrecision ?? DEFAULTS.ripplePrecision;
  if (!(precision > 0) || groups.length === 0) return mappedTrapezoid(1 / d0, 1 / d0, 0, 0);
  const variance = (g: Group, z: number) => {
    const p = conditionalPd(book.curves[g.curve], z);
    return Math.max(0, p * g.lossSquareSum - (p * p * g.lossSum * g.lossSum) / g.count);
  };
  const order = groups.map((_, i) => i).sort((x, y) => groups[y].lossSum / groups[y].count - groups[x].lossSum / groups[x].count);
  let remaining = 0;
  for (const i of order) remaining += variance(groups[i], zTail);
  let first = 0;
  while (first < order.length) {
    const g = groups[order[first]];
    if (g.lossSum / g.count <= 0.5 * Math.sqrt(Math.max(remaining, 0))) break;
    remaining -= variance(g, zTail);
    first++;
  }
  const smooth = order.slice(first).map((i) => groups[i]);
  let zLo = Infinity;
  let zHi = -Infinity;
  let need = 0;
  for (let z = zMin; z <= 6 && smooth.length > 0; z += 0.125) {
    let v = 0;
    let slope = 0;
    for (const g of smooth) {
      v += variance(g, z);
      slope += g.lossSum * conditionalPdSlope(book.curves[g.curve], z);
    }
    if (slope <= 0) continue;
    const density = Math.min(48, precision / Math.max(Math.sqrt(v) / slope, 1e-12));
    if (density > d0) {
      zLo = Math.min(zLo, z);
      zHi = Math.max(zHi, z);
      need = Math.max(need, density);
    }
  }
  return need > d0 ? mappedTrapezoid(1 / d0, 1 / need, zLo - 0.5, zHi + 0.5) : mappedTrapezoid(1 / d0, 1 / d0, 0, 0);
}

/** 32-point Gauss–Legendre nodes and weights on [−1, 1] (Newton on P₃₂, once). */
export const GAUSS_LEGENDRE_32: [Float64Array, Float64Array] = (() => {
  const n = 32;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return [x, w];
})();
