/** Euler risk contributions: a member's E[Y·h(L)] at a node by deconvolution or Fourier division, and the tail bound. See index.ts for the method. */
import type { Group } from './book';
import { ConditionalBook } from './conditional';

/**
 * Σ_u u·b(u)·E[h(L⁽⁻¹⁾ + u)] at one node for one member of a group, with L⁽⁻¹⁾ the book without
 * that member: its distribution g from f by the forward deconvolution g[k] = (f[k] − Σ_(m≥1) a[m]·g[k−m])/a₀,
 * stable when (1 − a₀)/a₀ < 1 (errors shrink geometrically). E[h(L⁽⁻¹⁾ + u)] = total − G(v−u) + θ·g[v−u].
 */
export function deconvolvedExpectation(f: Float64Array, g: Float64Array, total: number, v: number, theta: number, grp: Group, p: number, a0: number): number {
  const w = grp.weights;
  const len = w.length;
  const kMax = v - grp.lo;
  if (kMax < 0) return grp.meanUnits; // every default lands above VaR
  const firstTap = grp.lo === 0 ? 1 : 0;
  for (let k = 0; k <= kMax; k++) {
    let s = f[k];
    for (let i = firstTap; i < len; i++) {
      const j = k - grp.lo - i;
      if (j < 0) break;
      s -= p * w[i] * g[j];
    }
    g[k] = s / a0;
  }
  let expectation = 0;
  let cumulative = 0;
  let next = 0;
  for (let i = len - 1; i >= 0; i--) {
    const u = grp.lo + i;
    if (w[i] === 0 || u === 0) continue;
    const x = v - u;
    let eh: number;
    if (x < 0) eh = total;
    else {
      while (next <= x) cumulative += g[next++];
      eh = total - cumulative + theta * g[x];
    }
    expectation += u * w[i] * eh;
  }
  return expectation;
}

/**
 * Σ_k k·P(X = k)·E[h(R + k)] for a band X deposited on [range[0], range[1]] and the rest of the book R
 * (lattice units): E[h(R + k)] = total − CDF_R(v − k) + θ·P(R = v − k).
 */
export function bandTailExpectation(band: Float64Array, range: Int32Array, rest: Float64Array, v: number, theta: number): number {
  let total = 0;
  for (let k = 0; k < rest.length; k++) total += rest[k];
  // CDF of R at v − k for k from range[1] down to range[0]: increasing arguments, one pass.
  let expectation = 0;
  let cumulative = 0;
  let next = 0;
  for (let k = range[1]; k >= range[0]; k--) {
    const mass = band[k];
    if (mass === 0 || k === 0) continue;
    const x = v - k;
    let eh: number;
    if (x < 0) eh = total;
    else {
      while (next <= x) cumulative += rest[next++];
      eh = total - cumulative + theta * rest[x];
    }
    expectation += k * mass * eh;
  }
  return expectation;
}

/**
 * The same expectation in Fourier space, for p(z) ≥ ½ where the recursion is unstable:
 * Σ_k m[k]·h[k] = (1/M)·Σ_t M(t)·conj H(t), M(t) = F(t)·b̃(t)/a(t), b̃(t) = Σ u·b(u)·e^(−2πitu/M).
 */
export function fourierExpectation(
  book: ConditionalBook,
  specRe: Float64Array,
  specIm: Float64Array,
  hRe: Float64Array,
  hIm: Float64Array,
  grp: Group,
  p: number,
): number {
  const { twCos, twSin, half, M } = book;
  const mask = M - 1;
  const w = grp.weights;
  let sum = 0;
  for (let t = 0; t <= half; t++) {
    let br = 0;
    let bi = 0;
    let dr = 0;
    let di = 0;
    let idx = (t * grp.lo) & mask;
    for (let i = 0; i < w.length; i++) {
      const u = grp.lo + i;
      br += w[i] * twCos[idx];
      bi += w[i] * twSin[idx];
      dr += u * w[i] * twCos[idx];
      di += u * w[i] * twSin[idx];
      idx = (idx + t) & mask;
    }
    const ar = 1 - p + p * br;
    const ai = p * bi;
    const den = ar * ar + ai * ai;
    if (den < 1e-300) continue;
    const qr = (dr * ar + di * ai) / den;
    const qi = (di * ar - dr * ai) / den;
    const mr = specRe[t] * qr - specIm[t] * qi;
    const mi = specRe[t] * qi + specIm[t] * qr;
    const term = mr * hRe[t] + mi * hIm[t];
    sum += t === 0 || t === half ? term : 2 * term;
  }
  return sum / M;
}

/**
 * Chernoff's bound on ln P(L ≥ v·Δ | node n): min over θ ≥ 0 of K(θ) − θ·v, K the conditional
 * cumulant generating function of the lattice loss (bisection on K′(θ) = v).
 */
export function logTailBound(groups: Group[], pz: Float64Array, curves: number, n: number, v: number): number {
  // K(θ) = Σ count·ln(q + p·Σᵢ wᵢ·e^{θ(lo+i)}) and its slope K′(θ), each group's sum scaled by
  // e^{−θ·top} (top its largest lattice point) so the exponentials cannot overflow.
  const cumulants = (theta: number): { k: number; slope: number } => {
    let k = 0;
    let slope = 0;
    for (const g of groups) {
      const p = pz[n * curves + g.curve];
      if (p <= 0) continue;
      const top = theta * (g.lo + g.weights.length - 1);
      let s0 = 0;
      let s1 = 0;
      for (let i = 0; i < g.weights.length; i++) {
        const e = g.weights[i] * Math.exp(theta * (g.lo + i) - top);
        s0 += e;
        s1 += (g.lo + i) * e;
      }
      const mgf = (1 - p) * Math.exp(-top) + p * s0;
      k += g.count * (Math.log(mgf) + top);
      slope += (g.count * p * s1) / mgf;
    }
    return { k, slope };
  };
  const derivative = (theta: number) => cumulants(theta).slope;
  let reach = 0;
  for (const g of groups) if (pz[n * curves + g.curve] > 0) reach += g.count * (g.lo + g.weights.length - 1);
  if (reach < v) return -Infinity;
  if (derivative(0) >= v) return 0;
  let lo = 0;
  let hi = 1 / Math.max(1, v);
  while (derivative(hi) < v && hi < 1e6) hi *= 2;
  for (let it = 0; it < 40; it++) {
    const mid = 0.5 * (lo + hi);
    if (derivative(mid) < v) lo = mid;
    else hi = mid;
  }
  return Math.min(0, cumulants(hi).k - hi * v);
}
