/** Book preparation: rows read once into segments, risk classes and curves; conditional PD and moments given Z. See index.ts for the method. */
import { normalCdf, normalPdf, normalQuantile } from '../normal';
import type { CreditExposure } from './types';

/** ln(1e16): the Bennett bound of the lattice span is taken at probability 1e-16 per node. */
export const SPAN_LOG_EPS = 36.84;

/** Default probability as a function of Z: clients of one PD and correlation share it. */
export interface Curve {
  pd: number;
  rho: number;
  /** Φ⁻¹(PD). */
  threshold: number;
  sqrtRho: number;
  sqrtOneMinusRho: number;
}

/** Clients of one segment, PD and correlation (within the merge tolerance); each top name is its own class. */
export interface RiskClass {
  curve: number;
  segment: number;
  count: number;
  /** Σ count·ℓ and Σ count·ℓ², ℓ = EAD·LGD, yuan. */
  lossSum: number;
  lossSquareSum: number;
  maxLoss: number;
  /** Accumulators of Σ count·ℓ·PD and Σ count·ℓ·ρ while the class is built. */
  pdWeight: number;
  rhoWeight: number;
}

/** A group of iid members: each defaults with p(z) of its curve and then loses (lo + i)·Δ with probability weights[i]. */
export interface Group {
  curve: number;
  segment: number;
  /** Index into the top names, or −1. */
  name: number;
  count: number;
  lossSum: number;
  lossSquareSum: number;
  lo: number;
  weights: Float64Array;
  /** Mean lattice units of a member's loss given default. */
  meanUnits: number;
  fourier: boolean;
  /**
   * Members all of the same loss, `units` lattice steps, not an integer: the group's loss D·units
   * (D ~ Binomial(count, p)) is split onto the lattice once, not member by member.
   */
  aggregate: boolean;
  units: number;
}

export interface Book {
  segmentKeys: string[];
  segmentClients: number[];
  segmentEad: number[];
  segmentExpectedLoss: number[];
  expectedLoss: number;
  curves: Curve[];
  classes: RiskClass[];
  /** Class of each row, −1 for rows without risk (no loss or PD 0). */
  rowClass: Int32Array;
  /** Rows of the top names (count 1), largest EAD first, and their index by row. */
  topRows: number[];
  nameOfRow: Map<number, number>;
  /** Σ of every client's loss given default, yuan: the largest possible loss. */
  maxLoss: number;
  largestLoss: number;
  /** The distinct member losses, when there are at most 64 (else null). */
  distinctLosses: number[] | null;
}

export function checkRow(e: CreditExposure, i: number): void {
  let problem = '';
  if (!Number.isFinite(e.ead) || e.ead < 0) problem = 'ead must be a finite number ≥ 0';
  else if (!Number.isFinite(e.pd) || e.pd < 0 || e.pd > 1) problem = 'pd must be in [0, 1]';
  else if (!Number.isFinite(e.lgd) || e.lgd < 0) problem = 'lgd must be a finite number ≥ 0';
  else if (!Number.isFinite(e.rho) || e.rho < 0 || e.rho >= 1) problem = 'rho must be in [0, 1)';
  else if (e.count !== undefined && (!Number.isFinite(e.count) || e.count < 0)) problem = 'count must be a finite number ≥ 0';
  if (problem) throw new RangeError(`lossDistribution: exposure ${i} (${e.id ?? ''}): ${problem}`);
}

export function rowCount(e: CreditExposure): number {
  return Math.round(e.count ?? 1);
}

/** Reads the rows once: segment totals, exact EL, risk classes, the largest names. */
export function prepareBook(exposures: readonly CreditExposure[], topCount: number, tolerance: number): Book {
  const R = exposures.length;
  const segmentKeys: string[] = [];
  const segmentIndex = new Map<string, number>();
  const segmentClients: number[] = [];
  const segmentEad: number[] = [];
  const segmentExpectedLoss: number[] = [];
  const rowSegment = new Int32Array(R);
  let expectedLoss = 0;
  // The largest single names by EAD, kept sorted while scanning (topCount is small).
  const topRows: number[] = [];
  for (let row = 0; row < R; row++) {
    const e = exposures[row];
    checkRow(e, row);
    const key = e.segment ?? '';
    let s = segmentIndex.get(key);
    if (s === undefined) {
      s = segmentKeys.length;
      segmentIndex.set(key, s);
      segmentKeys.push(key);
      segmentClients.push(0);
      segmentEad.push(0);
      segmentExpectedLoss.push(0);
    }
    rowSegment[row] = s;
    const count = rowCount(e);
    segmentClients[s] += count;
    segmentEad[s] += count * e.ead;
    const el = count * e.ead * e.lgd * e.pd; // EL = Σ EAD·PD·LGD (docs/reference-model.md §3)
    segmentExpectedLoss[s] += el;
    expectedLoss += el;
    if (count === 1 && topCount > 0 && (topRows.length < topCount || e.ead > exposures[topRows[topRows.length - 1]].ead)) {
      let at = topRows.length;
      while (at > 0 && exposures[topRows[at - 1]].ead < e.ead) at--;
      topRows.splice(at, 0, row);
      if (topRows.length > topCount) topRows.pop();
    }
  }
  const nameOfRow = new Map(topRows.map((row, i) => [row, i] as const));

  // Classes keyed segment → PD bucket → ρ bucket (numeric keys: no string per row).
  const pdKey = (pd: number) => (tolerance > 0 ? Math.round(Math.log(pd) / Math.log1p(tolerance)) : pd);
  const rhoKey = (rho: number) => (tolerance > 0 ? Math.round(rho / (0.1 * tolerance)) : rho);
  const classIndex = new Map<number, Map<number, Map<number, number>>>();
  const classes: RiskClass[] = [];
  const rowClass = new Int32Array(R).fill(-1);
  const newClass = (segment: number): number => {
    classes.push({ curve: -1, segment, count: 0, lossSum: 0, lossSquareSum: 0, maxLoss: 0, pdWeight: 0, rhoWeight: 0 });
    return classes.length - 1;
  };
  const distinct = new Set<number>();
  let manyDistinct = false;
  let maxLoss = 0;
  let largestLoss = 0;
  for (let row = 0; row < R; row++) {
    const e = exposures[row];
    const count = rowCount(e);
    const loss = e.ead * e.lgd;
    if (count <= 0 || loss <= 0 || e.pd <= 0) continue;
    const s = rowSegment[row];
    let c: number;
    if (nameOfRow.has(row)) c = newClass(s);
    else {
      let bySegment = classIndex.get(s);
      if (!bySegment) classIndex.set(s, (bySegment = new Map()));
      const pk = pdKey(e.pd);
      let byPd = bySegment.get(pk);
      if (!byPd) bySegment.set(pk, (byPd = new Map()));
      const rk = rhoKey(e.rho);
      let found = byPd.get(rk);
      if (found === undefined) byPd.set(rk, (found = newClass(s)));
      c = found;
    }
    const k = classes[c];
    // A merged class takes the PD weighted by expected loss and ρ weighted by loss, so EL stays exact.
    k.pdWeight += count * loss * e.pd;
    k.rhoWeight += count * loss * e.rho;
    k.count += count;
    k.lossSum += count * loss;
    k.lossSquareSum += count * loss * loss;
    k.maxLoss = Math.max(k.maxLoss, loss);
    rowClass[row] = c;
    maxLoss += count * loss;
    largestLoss = Math.max(largestLoss, loss);
    if (!manyDistinct) {
      distinct.add(loss);
      if (distinct.size > 64) manyDistinct = true;
    }
  }
  const curves: Curve[] = [];
  const curveIndex = new Map<string, number>();
  for (const k of classes) {
    const pd = k.pdWeight / k.lossSum;
    const rho = k.rhoWeight / k.lossSum;
    const key = `${pd}|${rho}`;
    let u = curveIndex.get(key);
    if (u === undefined) {
      u = curves.length;
      curveIndex.set(key, u);
      curves.push({ pd, rho, threshold: normalQuantile(pd), sqrtRho: Math.sqrt(rho), sqrtOneMinusRho: Math.sqrt(1 - rho) });
    }
    k.curve = u;
  }
  return {
    segmentKeys,
    segmentClients,
    segmentEad,
    segmentExpectedLoss,
    expectedLoss,
    curves,
    classes,
    rowClass,
    topRows,
    nameOfRow,
    maxLoss,
    largestLoss,
    distinctLosses: manyDistinct ? null : [...distinct],
  };
}

/** Conditional default probability at z, p(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)) (docs/reference-model.md §5). */
export function conditionalPd(c: Curve, z: number): number {
  if (c.pd <= 0) return 0;
  if (c.pd >= 1) return 1;
  return normalCdf((c.threshold - c.sqrtRho * z) / c.sqrtOneMinusRho);
}

/** dp/dz = −φ(·)·√ρ/√(1−ρ): the magnitude. */
export function conditionalPdSlope(c: Curve, z: number): number {
  if (c.pd <= 0 || c.pd >= 1) return 0;
  return normalPdf((c.threshold - c.sqrtRho * z) / c.sqrtOneMinusRho) * (c.sqrtRho / c.sqrtOneMinusRho);
}

/** Conditional mean and variance of the loss given z, and the largest loss that can occur (classes as iid members). */
export function classMoments(book: Book, z: number): { mean: number; variance: number; bound: number } {
  let mean = 0;
  let variance = 0;
  let bound = 0;
  for (const k of book.classes) {
    const p = conditionalPd(book.curves[k.curve], z);
    mean += p * k.lossSum;
    variance += p * k.lossSquareSum - (p * p * k.lossSum * k.lossSum) / k.count;
    if (p > 0) bound = Math.max(bound, k.maxLoss);
  }
  return { mean, variance: Math.max(0, variance), bound };
}

/**
 * Bennett's inequality, P(L − μ ≥ x) ≤ exp(−(σ²/b²)·h(b·x/σ²)), h(u) = (1+u)ln(1+u) − u, for a sum of
 * independent terms bounded by b: returns the x at which the bound is e^(−logEps).
 */
export function bennettMargin(variance: number, bound: number, logEps: number): number {
  if (variance <= 0 || bound <= 0) return 0;
  const v = variance / (bound * bound);
  const h = (u: number) => (1 + u) * Math.log1p(u) - u;
  let lo = 0;
  let hi = 1;
  while (v * h(hi) < logEps) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (v * h(mid) < logEps) lo = mid;
    else hi = mid;
  }
  return (hi * variance) / bound;
}

/** Loss a node's conditional distribution can reach with probability above 1e-16, capped at the largest possible loss. */
export function conditionalReach(book: Book, z: number): number {
  const m = classMoments(book, z);
  return Math.min(book.maxLoss, m.mean + bennettMargin(m.variance, m.bound, SPAN_LOG_EPS));
}
