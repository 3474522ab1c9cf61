/**
 * Client exposures inside a segment (model.md §2): n clients with lognormal sizes on the
 * deterministic quantile grid, exposure of client i ∝ exp(σ·Φ⁻¹((i−½)/n)), rescaled so the
 * segment sums to its loans. Deterministic, so the same scenario always gives the same book.
 */
import { normalQuantile } from './normal';
import type { Segment } from './scenario';

/** Number of clients of a segment: share·L / average exposure, at least one when it lends at all. */
export function clientCount(segment: Segment, corporateLoans: number): number {
  const loans = segment.share * corporateLoans;
  if (loans <= 0 || segment.avgExposure <= 0) return 0;
  return Math.max(1, Math.round(loans / segment.avgExposure));
}

/**
 * Normalised weights w_i (Σw = 1), largest first, of n clients with lognormal sigma σ.
 * @example segmentWeights(3, 0) // [1/3, 1/3, 1/3]
 */
export function segmentWeights(n: number, sigma: number): Float64Array {
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    // i = 0 is the largest client: quantile (n − i − ½)/n
    const v = Math.exp(sigma * normalQuantile((n - i - 0.5) / n));
    w[i] = v;
    sum += v;
  }
  for (let i = 0; i < n; i++) w[i] /= sum;
  return w;
}

/** What concentration needs of a segment's weights: Σw² and the largest weights. */
export interface WeightShape {
  sumOfSquares: number;
  /** Up to 20 largest weights, largest first. */
  top: Float64Array;
}

const TOP_KEPT = 20;
const shapeCache = new Map<string, WeightShape>();

/** Σw² and the top weights, cached by (n, σ): evaluate() runs thousands of times in a mix design. */
export function weightShape(n: number, sigma: number): WeightShape {
  const key = `${n}|${sigma}`;
  const hit = shapeCache.get(key);
  if (hit) return hit;
  const w = segmentWeights(n, sigma);
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) sumOfSquares += w[i] * w[i];
  const shape = { sumOfSquares, top: w.slice(0, Math.min(TOP_KEPT, n)) };
  if (shapeCache.size > 5000) shapeCache.clear();
  shapeCache.set(key, shape);
  return shape;
}
