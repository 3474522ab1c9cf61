/**
 * Exact sample quantiles for the Monte Carlo summaries, in linear time: the Hyndman & Fan (1996)
 * type-7 quantiles (linear interpolation between order statistics, the default of R, NumPy and
 * d3-array's quantileSorted) that sorting the sample would give, bit for bit, without sorting it.
 *
 * Method (a bucket selection): one pass finds the minimum and the maximum; a second counts the
 * values into 1,024 equal-width buckets between them (the bucket index is monotone in the
 * value, so a bucket's counts place its values among the order statistics); the ranks needed,
 * ⌊h⌋ and ⌊h⌋+1 of each probability, fall in a few buckets; a third pass collects only those
 * buckets' values, and selecting the ranks among that handful (quickselect) gives the order
 * statistics exactly. About three linear passes against a sort's n·log n, and the sample is not
 * reordered.
 */

const BUCKETS = 1024;
const bucketCount = new Int32Array(BUCKETS);
const bucketIsNeeded = new Uint8Array(BUCKETS);
const MAX_PROBABILITIES = 16;
const rank = new Float64Array(2 * MAX_PROBABILITIES);
const rankBucket = new Int32Array(2 * MAX_PROBABILITIES);
/** Values in all buckets below the rank's bucket, and in needed buckets below it. */
const rankBelow = new Float64Array(2 * MAX_PROBABILITIES);
const rankNeededBelow = new Float64Array(2 * MAX_PROBABILITIES);
let collected = new Float64Array(256);

/**
 * p-quantile (0 ≤ p ≤ 1) of an ascending sample, type 7.
 * @example quantileSorted(Float64Array.from([1, 2, 3, 4]), 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The type-7 quantiles of `sample` at `probabilities` (ascending, each in [0, 1], at most 16),
 * written to out[0..), exactly as quantileSorted of the sorted sample would give them; returns the
 * sample's sum (for its mean). The sample is left as it is. NaN or infinite values: sorted the
 * plain way.
 * @example const q = [0, 0]; sampleQuantiles(Float64Array.from([5, 1, 4, 2, 3]), [0.5, 0.95], q); // q = [3, 4.8]
 */
export function sampleQuantiles(sample: Float64Array | Float32Array, probabilities: readonly number[], out: { [i: number]: number }): number {
  const n = sample.length;
  const P = probabilities.length;
  if (P > MAX_PROBABILITIES) throw new RangeError(`sampleQuantiles: at most ${MAX_PROBABILITIES} probabilities`);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0) {
    for (let q = 0; q < P; q++) out[q] = NaN;
    return sum;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || Number.isNaN(sum)) {
    const sorted = Float64Array.from(sample).sort();
    for (let q = 0; q < P; q++) out[q] = quantileSorted(sorted, probabilities[q]);
    return sum;
  }
  if (min === max) {
    for (let q = 0; q < P; q++) out[q] = min;
    return sum;
  }
  const scale = BUCKETS / (max - min);
  bucketCount.fill(0);
  for (let i = 0; i < n; i++) bucketCount[Math.min(BUCKETS - 1, Math.floor((sample[i] - min) * scale))]++;
  // Ranks needed, ascending: floor(h) and floor(h) + 1 of each probability.
  const R = 2 * P;
  for (let q = 0; q < P; q++) {
    const k = Math.floor((n - 1) * probabilities[q]);
    rank[2 * q] = k;
    rank[2 * q + 1] = Math.min(n - 1, k + 1);
  }
  bucketIsNeeded.fill(0);
  let r = 0;
  let cum = 0;
  let neededCum = 0;
  for (let b = 0; b < BUCKETS && r < R; b++) {
    const c = bucketCount[b];
    let isNeeded = false;
    while (r < R && rank[r] < cum + c) {
      rankBucket[r] = b;
      rankBelow[r] = cum;
      rankNeededBelow[r] = neededCum;
      isNeeded = true;
      r++;
    }
    if (isNeeded) {
      bucketIsNeeded[b] = 1;
      neededCum += c;
    }
    cum += c;
  }
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    if (bucketIsNeeded[Math.min(BUCKETS - 1, Math.floor((x - min) * scale))]) {
      if (m === collected.length) {
        const bigger = new Float64Array(collected.length * 2);
        bigger.set(collected);
        collected = bigger;
      }
      collected[m++] = x;
    }
  }
  // The ranks' places among the collected values, ascending: each found by selection from the last one on.
  let from = 0;
  for (let r = 0; r < R; r++) {
    const k = rankNeededBelow[r] + rank[r] - rankBelow[r];
    if (k < from) continue;
    selectNth(collected, from, m - 1, k);
    from = k + 1;
  }
  for (let q = 0; q < P; q++) {
    const h = (n - 1) * probabilities[q];
    const lo = collected[rankNeededBelow[2 * q] + rank[2 * q] - rankBelow[2 * q]];
    const hi = collected[rankNeededBelow[2 * q + 1] + rank[2 * q + 1] - rankBelow[2 * q + 1]];
    out[q] = lo + (h - Math.floor(h)) * (hi - lo);
  }
  return sum;
}

/**
 * Rearranges a[lo..hi] so that a[k] holds the value a sort would put there, with none larger
 * before it and none smaller after it: quickselect (Hoare 1961) with a median-of-three pivot and a
 * three-way partition, linear on average and fast on ties. A count (clients, managers) puts
 * thousands of equal values in one bucket, which the sort these buckets had before spent most of
 * the summary's time on.
 */
function selectNth(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}
