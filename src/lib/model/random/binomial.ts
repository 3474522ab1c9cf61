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

/** No table of BINV's first terms: each draw computes its own. */
const NO_FIRST_TERMS = new Float64Array(0);

/**
 * What draws of Binomial(·, p) share whatever n is: q = 1 − p, ln p, ln q, and, when p is fixed
 * for a run, BINV's first term P(0) for every n it is used at (n·min(p, q) < 10, up to
 * FIRST_TERMS_MAX), which is otherwise an exp per draw, the single dearest line of the Monte
 * Carlo. The terms are the very numbers a draw would compute, so a draw gives the same count
 * with them or without.
 *
 * Draws take the law as an object, not its numbers as arguments: V8 passes a double to a
 * function it does not inline as a freshly allocated box, and the Monte Carlo makes tens of
 * millions of such calls a run (hundreds of MB of garbage and a minor GC every few ms).
 */
export interface BinomialTerms {
  p: number;
  q: number;
  logP: number;
  logQ: number;
  /** firstTerms[n] = max(p, q)ⁿ, as exp(n·ln max(p, q)); empty when p varies from draw to draw. */
  firstTerms: Float64Array;
}

/** The n below which binomialTerms keeps BINV's first term (8 kB a law at most). */
const FIRST_TERMS_MAX = 1024;

/**
 * The terms of Binomial(·, p) with BINV's first terms; p outside (0, 1) gets zero logs and no
 * table (its draws need neither).
 * @example const t = binomialTerms(0.06); drawBinomial(40, t, rng)
 */
export function binomialTerms(p: number): BinomialTerms {
  const law: BinomialTerms = { p: 0.5, q: 0.5, logP: -0.5, logQ: -0.5, firstTerms: NO_FIRST_TERMS }; // doubles from the start: one shape for every law
  setBinomialTerms(law, p);
  if (!(p > 0 && p < 1)) return law;
  // BINV runs on the smaller of p and q (drawBinomial swaps them above ½): its first term is the larger one's power.
  const logLarger = p > 0.5 ? law.logP : law.logQ;
  law.firstTerms = new Float64Array(Math.min(FIRST_TERMS_MAX, Math.ceil(INVERSION_MAX_MEAN / Math.min(p, law.q))));
  for (let n = 0; n < law.firstTerms.length; n++) law.firstTerms[n] = Math.exp(n * logLarger);
  return law;
}

/**
 * Sets a reusable law to Binomial(·, p), without a table of first terms: for a p that changes from
 * one draw to the next (a conditional PD), one object reused rather than one allocated per draw.
 * @example const law = binomialTerms(0); setBinomialTerms(law, pd); drawBinomial(n, law, rng)
 */
export function setBinomialTerms(law: BinomialTerms, p: number): void {
  const inside = p > 0 && p < 1;
  law.p = p;
  law.q = 1 - p;
  law.logP = inside ? Math.log(p) : 0;
  law.logQ = inside ? Math.log1p(-p) : 0;
  law.firstTerms = NO_FIRST_TERMS;
}

/** The law of binomial(): set for each call. */
const plainLaw = binomialTerms(0);

/**
 * One draw of Binomial(n, p), n a whole number ≥ 0, from the uniforms of `u`.
 * @example binomial(100, 0.02, createRng(1, 0)) // 2 on average
 */
export function binomial(n: number, p: number, u: UniformSource): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  setBinomialTerms(plainLaw, p);
  return drawBinomial(n, plainLaw, u);
}

/**
 * One draw of Binomial(n, law.p), n a whole number ≥ 0; requires 0 < p < 1. p > ½ is drawn as
 * n − Binomial(n, q).
 * @example drawBinomial(500, binomialTerms(0.2), createRng(1, 0)) // 100 on average
 */
export function drawBinomial(n: number, law: BinomialTerms, u: UniformSource): number {
  if (n <= 0) return 0;
  if (n === 1) return u.next() < law.p ? 1 : 0;
  return law.p > 0.5 ? n - drawAtMostHalf(n, law, true, u) : drawAtMostHalf(n, law, false, u);
}

/** Binomial(n, r) with r the smaller of the law's p and q (q when `swapped`). */
function drawAtMostHalf(n: number, law: BinomialTerms, swapped: boolean, u: UniformSource): number {
  const p = swapped ? law.q : law.p;
  if (n * p < INVERSION_MAX_MEAN) {
    // BINV: P(0) = qⁿ, P(x) = P(x−1)·((n+1)·s/x − s) with s = p/q.
    const q = swapped ? law.p : law.q;
    const firstTerms = law.firstTerms;
    const s = p / q;
    const a = (n + 1) * s;
    let r = n < firstTerms.length ? firstTerms[n] : Math.exp(n * (swapped ? law.logP : law.logQ));
    let v = u.next();
    let x = 0;
    while (v > r && x < n) {
      v -= r;
      x++;
      r *= a / x - s;
    }
    return x;
  }
  return btrd(n, law, swapped, u);
}

/** BTRD (Hörmann 1993, see the header) for the smaller of the law's p and q (≤ ½; q when `swapped`), n times it ≥ 10. */
function btrd(n: number, law: BinomialTerms, swapped: boolean, u: UniformSource): number {
  const p = swapped ? law.q : law.p;
  const q = swapped ? law.p : law.q;
  const logR = swapped ? law.logQ - law.logP : law.logP - law.logQ; // ln(p/q)
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
