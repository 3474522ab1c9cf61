/**
 * Exact binomial sampling from one uniform per draw, by inversion of the distribution function.
 *
 * - n = 1: a Bernoulli, `u < p`.
 * - n·p < 10 (the usual case: defaults of a band in a quarter): sequential search from 0, the
 *   BINV algorithm of Kachitvichyanukul & Schmeiser (1988), "Binomial random variate
 *   generation", CACM 31(2), 216–222. Expected work O(n·p + 1).
 * - n·p ≥ 10 (attrition of a large band, many new clients): the same inversion, but the search
 *   starts at the mode and walks outwards, alternately down and up (Kemp 1986, "A modal method
 *   for generating binomial variables", Comm. Statist. Theory Methods 15(3), 805–813). The mode's
 *   probability comes from log-factorials (table below 1024, Stirling series above). Expected work
 *   O(√(n·p·q)), and the method is exact, unlike a normal approximation; BTPE would be faster for
 *   very large n·p but needs several uniforms per draw and is much longer code.
 * - p > ½ is sampled as n − Binomial(n, 1−p).
 * Inversion keeps one uniform per draw, so the random stream of a path is consumed the same way
 * whatever the worker: results are reproducible.
 */

import type { UniformSource } from './index';

const TABLE_SIZE = 1024;
const LOG_FACTORIAL = new Float64Array(TABLE_SIZE);
for (let k = 1; k < TABLE_SIZE; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln k! for a whole k ≥ 0: a table below 1024, the Stirling series of ln Γ(k+1) above
 * (error below 1e-20 there).
 * @example logFactorial(5) // ln 120
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LOG_FACTORIAL[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

/** n·p below which the search starts at 0; above it, at the mode. */
const INVERSION_FROM_ZERO_MAX_MEAN = 10;

/**
 * One draw of Binomial(n, p), n a whole number ≥ 0, from the uniforms of `u`.
 * @example binomial(100, 0.02, createRng(1, 0)) // 2 on average
 */
export function binomial(n: number, p: number, u: UniformSource): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return binomialWithLogs(n, p, 1 - p, Math.log(p), Math.log1p(-p), u);
}

/**
 * Binomial(n, p) with q = 1 − p, ln p and ln q computed by the caller, for loops that draw many
 * counts with the same p (every class of a segment in a step). Requires 0 < p < 1.
 */
export function binomialWithLogs(n: number, p: number, q: number, logP: number, logQ: number, u: UniformSource): number {
  if (n <= 0) return 0;
  if (n === 1) return u.next() < p ? 1 : 0;
  if (p > 0.5) return n - binomialWithLogs(n, q, p, logQ, logP, u);
  if (n * p < INVERSION_FROM_ZERO_MAX_MEAN) {
    // BINV: P(0) = qⁿ, P(x) = P(x−1)·((n+1)·s/x − s) with s = p/q.
    const s = p / q;
    const a = (n + 1) * s;
    let r = Math.exp(n * logQ);
    let v = u.next();
    let x = 0;
    while (v > r && x < n) {
      v -= r;
      x++;
      r *= a / x - s;
    }
    return x;
  }
  // Modal search: P(m) from log-factorials, then outwards, alternately down and up.
  const m = Math.floor((n + 1) * p);
  const pm = Math.exp(logFactorial(n) - logFactorial(m) - logFactorial(n - m) + m * logP + (n - m) * logQ);
  let v = u.next();
  if (v <= pm) return m;
  v -= pm;
  const s = p / q;
  let lo = m;
  let hi = m;
  let pLo = pm;
  let pHi = pm;
  for (;;) {
    if (lo > 0) {
      pLo *= lo / ((n - lo + 1) * s); // P(k−1) = P(k)·k/(n−k+1)·q/p
      lo--;
      if (v <= pLo) return lo;
      v -= pLo;
    }
    if (hi < n) {
      pHi *= ((n - hi) / (hi + 1)) * s; // P(k+1) = P(k)·(n−k)/(k+1)·p/q
      hi++;
      if (v <= pHi) return hi;
      v -= pHi;
    }
    if (lo <= 0 && hi >= n) return m; // only rounding slack (≈1e-13) is left
  }
}
