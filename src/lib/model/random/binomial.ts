/**
 * Exact binomial sampling from the uniforms of a stream.
 *
 * - n = 1: a Bernoulli, `u < p`.
 * - n·p < 10 (the usual case: defaults of a band in a quarter): inversion of the distribution
 *   function by sequential search from 0, the BINV algorithm of Kachitvichyanukul & Schmeiser
 *   (1988), "Binomial random variate generation", CACM 31(2), 216–222. One uniform; expected
 *   work O(n·p + 1).
 * - n·p ≥ 10 (attrition of a large band, many new clients): transformed rejection with
 *   decomposition, algorithm BTRD of Hörmann (1993), "The generation of binomial random
 *   variates", Journal of Statistical Computation and Simulation 46, 101–110. With
 *   u_s = ½ − |u|, a pair (u, v) maps to k = ⌊(2a/u_s + b)·u + c⌋; inside the squeeze's box
 *   (v ≤ 0.86·v_r) one uniform gives both and k is accepted at once; otherwise k is accepted when
 *   v·α/(a/u_s² + b) ≤ f(k)/f(m), f the pmf and m its mode, the ratio taken exactly from
 *   log-factorials (table below 4096, Stirling series above) in place of the paper's recursion
 *   and Stirling-corrected bounds. Exact, O(1) expected work whatever n·p (about 1.4 to 2.3
 *   uniforms a draw), where a search outwards from the mode takes O(√(n·p·q)) steps.
 * - p > ½ is sampled as n − Binomial(n, 1−p).
 * A draw uses a variable number of uniforms, but every path has its own stream (createRng(seed,
 * path)), so a path's numbers still never depend on the worker that computes it.
 */

import type { UniformSource } from './index';

const TABLE_SIZE = 4096;
const LOG_FACTORIAL = new Float64Array(TABLE_SIZE);
for (let k = 1; k < TABLE_SIZE; k++) LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln k! for a whole k ≥ 0: a table below 4096 (32 kB; BTRD reads it for every band's draw), the Stirling
 * series of ln Γ(k+1) above (error below 1e-20 there).
 * @example logFactorial(5) // ln 120
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LOG_FACTORIAL[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

/** n·p below which BINV (inversion from 0) is used; from it on, BTRD (its constants are fitted for n·p ≥ 10, Hörmann 1993). */
const INVERSION_MAX_MEAN = 10;

/**
 * One draw of Binomial(n, p), n a whole number ≥ 0, from the uniforms of `u`.
 * @example binomial(100, 0.02, createRng(1, 0)) // 2 on average
 */
export function binomial(n: number, p: number, u: UniformSource): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  return binomialWithLogs(n, p, 1 - p, Math.log(p), Math.log1p(-p), u);
}

/** No table of BINV's first terms: each draw computes its own. */
const NO_FIRST_TERMS = new Float64Array(0);

/**
 * Binomial(n, p) with q = 1 − p, ln p and ln q computed by the caller, for loops that draw many
 * counts with the same p (every class of a segment in a step). Requires 0 < p < 1. `firstTerms`
 * (of binomialTerms) saves BINV's exp where it covers n.
 * @example binomialWithLogs(500, 0.2, 0.8, Math.log(0.2), Math.log(0.8), createRng(1, 0)) // 100 on average
 */
export function binomialWithLogs(
  n: number,
  p: number,
  q: number,
  logP: number,
  logQ: number,
  u: UniformSource,
  firstTerms: Float64Array = NO_FIRST_TERMS,
): number {
  if (n <= 0) return 0;
  if (n === 1) return u.next() < p ? 1 : 0;
  if (p > 0.5) return n - binomialWithLogs(n, q, p, logQ, logP, u, firstTerms);
  if (n * p < INVERSION_MAX_MEAN) {
    // BINV: P(0) = qⁿ, P(x) = P(x−1)·((n+1)·s/x − s) with s = p/q.
    const s = p / q;
    const a = (n + 1) * s;
    let r = n < firstTerms.length ? firstTerms[n] : Math.exp(n * logQ);
    let v = u.next();
    let x = 0;
    while (v > r && x < n) {
      v -= r;
      x++;
      r *= a / x - s;
    }
    return x;
  }
  return btrd(n, p, q, logP - logQ, u);
}

/** The n below which binomialTerms keeps BINV's first term (8 kB a law at most). */
const FIRST_TERMS_MAX = 1024;

/**
 * What draws of Binomial(·, p) share whatever n is: q = 1 − p, ln p, ln q, and BINV's first term
 * P(0) for every n it is used at (n·min(p, q) < 10, up to FIRST_TERMS_MAX), which is otherwise an
 * exp per draw, the single dearest line of the Monte Carlo. The terms are the very numbers a draw
 * would compute, so a draw gives the same count with them or without.
 * @example const t = binomialTerms(0.06); binomialWithLogs(40, t.p, t.q, t.logP, t.logQ, rng, t.firstTerms)
 */
export interface BinomialTerms {
  p: number;
  q: number;
  logP: number;
  logQ: number;
  /** firstTerms[n] = max(p, q)ⁿ, as exp(n·ln max(p, q)). */
  firstTerms: Float64Array;
}

/** The terms of Binomial(·, p); p outside (0, 1) gets zero logs and no table (its draws need neither). */
export function binomialTerms(p: number): BinomialTerms {
  const q = 1 - p;
  if (!(p > 0 && p < 1)) return { p, q, logP: 0, logQ: 0, firstTerms: NO_FIRST_TERMS };
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  // BINV runs on the smaller of p and q (binomialWithLogs swaps them above ½): its first term is the larger one's power.
  const logLarger = p > 0.5 ? logP : logQ;
  const firstTerms = new Float64Array(Math.min(FIRST_TERMS_MAX, Math.ceil(INVERSION_MAX_MEAN / Math.min(p, q))));
  for (let n = 0; n < firstTerms.length; n++) firstTerms[n] = Math.exp(n * logLarger);
  return { p, q, logP, logQ, firstTerms };
}

/** BTRD (Hörmann 1993, see the header) for 0 < p ≤ ½, n·p ≥ 10; logR = ln(p/q). */
function btrd(n: number, p: number, q: number, logR: number, u: UniformSource): number {
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  let logFm = NaN; // ln(m!·(n−m)!), when first needed
  for (;;) {
    let v = u.next();
    let uu: number;
    if (v <= urvr) {
      // the squeeze's box, from one uniform
      uu = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(uu)) + b) * uu + c);
    }
    if (v >= vr) {
      uu = u.next() - 0.5;
    } else {
      // v in (0.86·v_r, v_r): u is made from v, and v drawn afresh below v_r
      uu = v / vr - 0.93;
      uu = (uu < 0 ? -0.5 : 0.5) - uu;
      v = u.next() * vr;
    }
    const us = 0.5 - Math.abs(uu);
    const k = Math.floor(((2 * a) / us + b) * uu + c);
    if (k < 0 || k > n) continue;
    v *= alpha / (a / (us * us) + b);
    if (logFm !== logFm) logFm = logFactorial(m) + logFactorial(n - m);
    // accept when v ≤ f(k)/f(m): ln f(k)/f(m) = ln(m!(n−m)!) − ln(k!(n−k)!) + (k − m)·ln(p/q)
    if (Math.log(v) <= logFm - logFactorial(k) - logFactorial(n - k) + (k - m) * logR) return k;
  }
}
