/** Radix-2 FFT plans and real transforms (memoised per length): the engine's Fourier space. See index.ts for the method. */

export interface FftPlan {
  n: number;
  cos: Float64Array;
  sin: Float64Array;
  rev: Uint32Array;
  /** Twiddles of the real transform of length 2n: cos, sin of πk/n, k = 0…n. */
  rcos: Float64Array;
  rsin: Float64Array;
}

export const plans = new Map<number, FftPlan>();

/** Radix-2 plan for complex transforms of length n (and real ones of length 2n), memoised. */
export function fftPlan(n: number): FftPlan {
  const hit = plans.get(n);
  if (hit) return hit;
  const half = n >> 1;
  const cos = new Float64Array(Math.max(1, half));
  const sin = new Float64Array(Math.max(1, half));
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = Math.sin((2 * Math.PI * k) / n);
  }
  const rev = new Uint32Array(n);
  let bits = 0;
  while (1 << bits < n) bits++;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    rev[i] = r;
  }
  const rcos = new Float64Array(n + 1);
  const rsin = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    rcos[k] = Math.cos((Math.PI * k) / n);
    rsin[k] = Math.sin((Math.PI * k) / n);
  }
  const plan = { n, cos, sin, rev, rcos, rsin };
  if (plans.size > 16) plans.clear();
  plans.set(n, plan);
  return plan;
}

/** In-place complex FFT, X[k] = Σ x[j]·e^(∓2πijk/n) (sign − forward, + inverse; unnormalised). */
export function fftComplex(plan: FftPlan, re: Float64Array, im: Float64Array, inverse: boolean): void {
  const { n, cos, sin, rev } = plan;
  for (let i = 0; i < n; i++) {
    const j = rev[i];
    if (j > i) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const halfSize = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0, tw = 0; k < halfSize; k++, tw += step) {
        const wr = cos[tw];
        const wi = sign * sin[tw];
        const a = start + k;
        const b = a + halfSize;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/**
 * Real FFT of x (length M = 2n) into the half spectrum X[0…n] (X[k] = Σ x[j]·e^(−2πijk/M)), by one
 * complex FFT of length n on z[j] = x[2j] + i·x[2j+1] and the even/odd split.
 */
export function realFft(plan: FftPlan, x: Float64Array, outRe: Float64Array, outIm: Float64Array, wr: Float64Array, wi: Float64Array): void {
  const n = plan.n;
  for (let j = 0; j < n; j++) {
    wr[j] = x[2 * j];
    wi[j] = x[2 * j + 1];
  }
  fftComplex(plan, wr, wi, false);
  const { rcos, rsin } = plan;
  for (let k = 0; k <= n; k++) {
    const ka = k === n ? 0 : k;
    const kb = k === 0 ? 0 : n - k;
    const ar = wr[ka];
    const ai = wi[ka];
    const br = wr[kb];
    const bi = wi[kb];
    // E = (Z[k] + conj Z[n−k])/2, O = −i·(Z[k] − conj Z[n−k])/2, X = E + e^(−iπk/n)·O
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai - bi);
    const or = 0.5 * (ai + bi);
    const oi = -0.5 * (ar - br);
    const c = rcos[k];
    const s = rsin[k];
    outRe[k] = er + c * or + s * oi;
    outIm[k] = ei + c * oi - s * or;
  }
}

/** Inverse of realFft: x[j] = (1/M)·Σ X[k]·e^(2πijk/M) from the half spectrum. */
export function realIfft(plan: FftPlan, inRe: Float64Array, inIm: Float64Array, x: Float64Array, wr: Float64Array, wi: Float64Array): void {
  const n = plan.n;
  const { rcos, rsin } = plan;
  for (let k = 0; k < n; k++) {
    const ar = inRe[k];
    const ai = inIm[k];
    const br = inRe[n - k];
    const bi = -inIm[n - k];
    // E = (X[k] + conj X[n−k])/2, O = e^(iπk/n)·(X[k] − conj X[n−k])/2, Z = E + i·O
    const er = 0.5 * (ar + br);
    const ei = 0.5 * (ai + bi);
    const dr = 0.5 * (ar - br);
    const di = 0.5 * (ai - bi);
    const c = rcos[k];
    const s = rsin[k];
    const or = c * dr - s * di;
    const oi = c * di + s * dr;
    wr[k] = er - oi;
    wi[k] = ei + or;
  }
  fftComplex(plan, wr, wi, true);
  const scale = 1 / n;
  for (let j = 0; j < n; j++) {
    x[2 * j] = wr[j] * scale;
    x[2 * j + 1] = wi[j] * scale;
  }
}
