/**
 * Client exposures inside a segment (docs/reference-model.md §2): n clients with lognormal sizes on the
 * deterministic quantile grid, exposure of client i ∝ exp(σ·Φ⁻¹((i−½)/n)), rescaled so the
 * segment sums to its loans. Deterministic, so the same scenario always gives the same book.
 */
import { normalCdf, normalPdf, normalQuantile } from './normal';

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

// ———————————————————————————————————————————— fast weight shape ————————————————————————————————————————————

/** Up to this many clients the shape is `weightShape` itself (exact, cached). */
export const EXACT_SHAPE_MAX_CLIENTS = 4000;
/** Exact terms kept at each tail by `fastWeightShape`. */
const TAIL_TERMS = 1000;

/**
 * Σw² and the largest weights of n lognormal clients on the quantile grid of docs/reference-model.md §2, in
 * O(1) normal quantiles instead of O(n). With q_i = Φ⁻¹((i−½)/n) and S_k = Σ exp(k·σ·q_i),
 * Σw² = S₂/S₁² and w_top = exp(σ·q_n)/S₁. S_k is summed exactly over the 1,000 smallest and
 * 1,000 largest clients; the middle is the midpoint rule of f(u) = exp(kσΦ⁻¹(u)), replaced by
 * its integral, closed form ∫f du = e^{k²σ²/2}·Φ(Φ⁻¹(u) − kσ), and its Euler–Maclaurin
 * correction −(1/(24n))·[f′(u₂) − f′(u₁)], f′(u) = kσ·f(u)/φ(Φ⁻¹(u)).
 * Measured against `weightShape` (exact sum): |relative error| ≤ 2e-13 for σ ∈ [0.3, 2.5],
 * n ∈ [5·10³, 10⁶] (docs/mix-design.md). For n ≤ 4,000 it returns `weightShape(n, σ)` itself.
 * @example fastWeightShape(20000, 0.6).sumOfSquares // ≈ exp(0.36)/20000 · (1 − 6.5e-4)
 */
export function fastWeightShape(n: number, sigma: number): WeightShape {
  if (n <= EXACT_SHAPE_MAX_CLIENTS) return weightShape(n, sigma);
  const key = `fast|${n}|${sigma}`;
  const hit = shapeCache.get(key);
  if (hit) return hit;
  let s1 = 0;
  let s2 = 0;
  const top = new Float64Array(TOP_KEPT);
  for (let i = 1; i <= TAIL_TERMS; i++) {
    const lo = Math.exp(sigma * normalQuantile((i - 0.5) / n));
    const hi = Math.exp(sigma * normalQuantile((n - i + 0.5) / n)); // i-th largest
    if (i <= TOP_KEPT) top[i - 1] = hi;
    s1 += lo + hi;
    s2 += lo * lo + hi * hi;
  }
  const x1 = normalQuantile(TAIL_TERMS / n);
  const x2 = normalQuantile((n - TAIL_TERMS) / n);
  const middle = (k: number): number => {
    const ks = k * sigma;
    const integral = Math.exp((ks * ks) / 2) * (normalCdf(x2 - ks) - normalCdf(x1 - ks));
    const slope = (x: number) => (ks * Math.exp(ks * x)) / normalPdf(x);
    return n * integral - (slope(x2) - slope(x1)) / (24 * n);
  };
  s1 += middle(1);
  s2 += middle(2);
  for (let i = 0; i < TOP_KEPT; i++) top[i] /= s1;
  const shape = { sumOfSquares: s2 / (s1 * s1), top };
  if (shapeCache.size > 5000) shapeCache.clear();
  shapeCache.set(key, shape);
  return shape;
}
