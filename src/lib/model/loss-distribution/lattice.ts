/** The loss lattice: its step Δ and length, and the groups of iid members placed on it (two-point losses keep the mean). See index.ts for the method. */
import { type CreditExposure, DEFAULTS, type LossDistributionOptions } from './types';
import { type Book, type Group, classMoments, conditionalReach, rowCount } from './book';

export const MIN_POINTS = 256;
export const MAX_POINTS = 2 ** 18;

/** Greatest common divisor of positive reals to a relative tolerance, or 0 if there is none. */
export function commonUnit(values: number[]): number {
  const max = Math.max(...values);
  const tol = 1e-9 * max;
  let g = values[0];
  for (let i = 1; i < values.length; i++) {
    let a = Math.max(g, values[i]);
    let b = Math.min(g, values[i]);
    while (b > tol) {
      const r = a - Math.floor(a / b) * b;
      a = b;
      b = r;
    }
    g = a;
  }
  for (const v of values) {
    const k = v / g;
    if (Math.abs(k - Math.round(k)) > 1e-7 * Math.max(1, k)) return 0;
  }
  return g;
}

export interface Lattice {
  points: number;
  step: number;
}

/**
 * The loss lattice: about `stepsPerVaR` steps below a rough VaR (conditional mean + 2 sd at the
 * tail point of Z), spanning every loss the lattice nodes reach (Bennett, 1e-16), a power of two;
 * the step puts every loss on the lattice when the losses are commensurable (small books), else
 * the largest name.
 */
export function chooseLattice(book: Book, zTail: number, zMin: number, options: LossDistributionOptions): Lattice {
  let span = book.largestLoss;
  for (let z = zMin; z <= 1; z += 0.5) span = Math.max(span, conditionalReach(book, z));
  const tail = classMoments(book, zTail);
  const varEstimate = Math.max(tail.mean + 2 * Math.sqrt(tail.variance), 1e-3 * span);
  const stepTarget = varEstimate / (options.stepsPerVaR ?? DEFAULTS.stepsPerVaR);
  let points: number;
  if (options.latticePoints !== undefined) {
    points = 2 ** Math.round(Math.log2(Math.max(MIN_POINTS, Math.min(MAX_POINTS, options.latticePoints))));
  } else {
    points = Math.max(MIN_POINTS, Math.min(2 ** 16, 2 ** Math.round(Math.log2(Math.max(1, span / stepTarget)))));
  }
  const baseStep = span / (points - 1);
  const unit = book.distinctLosses ? commonUnit(book.distinctLosses) : 0;
  if (unit > 0 && unit >= baseStep) return { points, step: unit / Math.floor(unit / baseStep) };
  // A finer lattice that keeps every loss exact, if at most 4× finer than the resolution asked for.
  if (unit > 0 && span / unit + 2 <= 4 * points) return { points: Math.max(MIN_POINTS, 2 ** Math.ceil(Math.log2(span / unit + 2))), step: unit };
  if (book.largestLoss >= baseStep) return { points, step: book.largestLoss / Math.floor(book.largestLoss / baseStep) };
  return { points, step: baseStep };
}

/**
 * Members of a class in the same lattice cell (or, above 1/tolerance steps, the same size bucket of
 * ratio 1 + tolerance) form one group of iid members; a loss of u steps is split between ⌊u⌋ and
 * ⌊u⌋+1 so its mean is kept. Each top name is its own group.
 */
export function buildGroups(book: Book, exposures: readonly CreditExposure[], step: number, points: number, tolerance: number): Group[] {
  const unitCap = tolerance > 0 ? 1 / tolerance : Infinity;
  const bucketOf = (u: number) => (u < unitCap ? Math.floor(u) : unitCap + Math.floor(Math.log(u / unitCap) / Math.log1p(tolerance)));
  const byClass = new Map<number, Map<number, number>>();
  const acc: { cls: number; name: number; count: number; lossSum: number; lossSquareSum: number; w: Map<number, number>; loss: number; uniform: boolean }[] =
    [];
  for (let row = 0; row < exposures.length; row++) {
    const c = book.rowClass[row];
    if (c < 0) continue;
    const e = exposures[row];
    const count = rowCount(e);
    const loss = e.ead * e.lgd;
    const u = loss / step;
    const nearest = Math.round(u);
    const exact = Math.abs(u - nearest) <= 1e-9 * Math.max(1, u);
    const fl = exact ? nearest : Math.floor(u);
    const frac = exact ? 0 : u - fl;
    const name = book.nameOfRow.get(row) ?? -1;
    let g = -1;
    if (name < 0) {
      let buckets = byClass.get(c);
      if (!buckets) byClass.set(c, (buckets = new Map()));
      const bucket = bucketOf(u);
      g = buckets.get(bucket) ?? -1;
      if (g < 0) buckets.set(bucket, acc.length);
    }
    if (g < 0) {
      g = acc.length;
      acc.push({ cls: c, name, count: 0, lossSum: 0, lossSquareSum: 0, w: new Map(), loss, uniform: true });
    }
    const a = acc[g];
    if (loss !== a.loss) a.uniform = false;
    a.count += count;
    a.lossSum += count * loss;
    a.lossSquareSum += count * loss * loss;
    a.w.set(fl, (a.w.get(fl) ?? 0) + count * (1 - frac));
    if (frac > 0) a.w.set(fl + 1, (a.w.get(fl + 1) ?? 0) + count * frac);
  }
  return acc.map((a) => {
    const offsets = [...a.w.keys()].filter((v) => (a.w.get(v) ?? 0) > 0);
    const lo = Math.min(...offsets);
    const hi = Math.min(points - 1, Math.max(...offsets));
    const weights = new Float64Array(hi - lo + 1);
    let meanUnits = 0;
    for (const [v, w] of a.w) {
      const at = Math.min(v, hi) - lo;
      weights[at] += w / a.count;
      meanUnits += (Math.min(v, hi) * w) / a.count;
    }
    // Recursion costs ~count·(taps+1) per lattice point; the Fourier power ~3·(2·log₂count + taps + 2) per frequency (half as many).
    const realCost = 2 * a.count * (weights.length + 1);
    const fourierCost = 3 * (2 * Math.log2(Math.max(1, a.count)) + weights.length + 2);
    const k = book.classes[a.cls];
    const units = a.loss / step;
    const fourier = realCost > fourierCost;
    return {
      curve: k.curve,
      segment: k.segment,
      name: a.name,
      count: a.count,
      lossSum: a.lossSum,
      lossSquareSum: a.lossSquareSum,
      lo,
      weights,
      meanUnits,
      fourier,
      aggregate: fourier && a.uniform && Math.abs(units - Math.round(units)) > 1e-9 * Math.max(1, units),
      units,
    };
  });
}
