/** Sample statistics for the Monte Carlo summaries. */
import { quantileSorted, sampleQuantiles } from '../quantiles';
import type { PortfolioHistogram, PortfolioPercentiles } from './types';

/**
 * The q-quantile of an ascending-sorted sample by linear interpolation between order
 * statistics (Hyndman & Fan 1996, definition 7; the default of R and NumPy).
 * @example sortedQuantile(Float64Array.from([1, 2, 3, 4]), 0.5) // 2.5
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  return quantileSorted(sorted, Math.min(1, Math.max(0, q)));
}

/**
 * Percentiles 5/25/50/75/95 of an ascending-sorted sample.
 * @example sortedPercentiles(Float64Array.from([1, 2, 3, 4, 5])).p50 // 3
 */
export function sortedPercentiles(sorted: ArrayLike<number>): PortfolioPercentiles {
  return {
    p5: sortedQuantile(sorted, 0.05),
    p25: sortedQuantile(sorted, 0.25),
    p50: sortedQuantile(sorted, 0.5),
    p75: sortedQuantile(sorted, 0.75),
    p95: sortedQuantile(sorted, 0.95),
  };
}

/**
 * An ascending-sorted copy.
 * @example sortedCopy([3, 1, 2]) // Float64Array [1, 2, 3]
 */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values as ArrayLike<number>).sort();
}

/**
 * Mean of a sample.
 * @example mean([1, 2, 3]) // 2
 */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length > 0 ? s / values.length : NaN;
}

/**
 * Sample standard deviation (divisor n − 1).
 * @example standardDeviation([1, 2, 3]) // 1
 */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/**
 * Counts values in `bins` equal bins over [lo, hi]; values outside go to the end bins and
 * are also counted in `below` / `above`.
 * @example histogram([0.1, 0.6, 2], 0, 1, 2) // { edges: [0, 0.5, 1], counts: [1, 2], below: 0, above: 1 }
 */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): PortfolioHistogram {
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let b = Math.floor((v - lo) / width);
    if (v < lo) below++;
    if (v > hi) above++;
    if (b < 0) b = 0;
    if (b >= bins) b = bins - 1;
    counts[b]++;
  }
  return { edges, counts, below, above };
}

const PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95];
const percentileScratch = [0, 0, 0, 0, 0];

/**
 * Percentiles 5/25/50/75/95 (Hyndman–Fan type 7, the same values as sortedPercentiles of the
 * sorted sample) without sorting, in linear time (../quantiles.ts); `a` is left as it is.
 * @example samplePercentiles(Float64Array.from([5, 1, 4, 2, 3])).p50 // 3
 */
export function samplePercentiles(a: Float32Array | Float64Array): PortfolioPercentiles {
  const q = percentileScratch;
  sampleQuantiles(a, PERCENTILES, q);
  return { p5: q[0], p25: q[1], p50: q[2], p75: q[3], p95: q[4] };
}
