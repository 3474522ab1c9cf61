/**
 * Conditional distributions at a node of Z: exact recursion on the lattice, binomial deposits, Fourier powers, and the ConditionalBook that holds them.
 * See index.ts for the method.
 */
import { type FftPlan, fftPlan, realFft } from './fft';
import type { Group } from './book';

/** Probabilities below this are dropped from the ends of a conditional distribution. */
export const NEGLIGIBLE = 1e-25;

/**
 * f ← f ⊛ a in place for one member, a = a₀·δ₀ + p·Σᵢ wᵢ·δ_(lo+i) (taps from `firstTap`, offsets ≥ 1),
 * over the support [lo, hi] growing to newHi. Descending k reads only entries not yet updated.
 */
export function convolveMember(
  f: Float64Array,
  lo: number,
  hi: number,
  newHi: number,
  a0: number,
  p: number,
  offset: number,
  weights: Float64Array,
  firstTap: number,
): void {
  const taps = weights.length - firstTap;
  const o1 = offset + firstTap;
  if (taps === 1) {
    const t1 = p * weights[firstTap];
    const stop = Math.max(lo, lo + o1 - 1);
    for (let k = newHi; k > stop; k--) f[k] = a0 * (k <= hi ? f[k] : 0) + t1 * f[k - o1];
    for (let k = Math.min(stop, newHi); k >= lo; k--) f[k] = a0 * f[k] + (k - o1 >= lo ? t1 * f[k - o1] : 0);
  } else if (taps === 2) {
    const t1 = p * weights[firstTap];
    const t2 = p * weights[firstTap + 1];
    const stop = lo + o1;
    for (let k = newHi; k > stop; k--) f[k] = a0 * (k <= hi ? f[k] : 0) + t1 * f[k - o1] + t2 * f[k - o1 - 1];
    for (let k = Math.min(stop, newHi); k >= lo; k--) {
      let s = a0 * f[k];
      if (k - o1 >= lo) s += t1 * f[k - o1];
      if (k - o1 - 1 >= lo) s += t2 * f[k - o1 - 1];
      f[k] = s;
    }
  } else {
    for (let k = newHi; k >= lo; k--) {
      let s = a0 * (k <= hi ? f[k] : 0);
      for (let i = firstTap; i < weights.length; i++) {
        const j = k - offset - i;
        if (j < lo) break;
        s += p * weights[i] * f[j];
      }
      f[k] = s;
    }
  }
}

/**
 * The conditional distribution at node n of the real-space groups, by exact recursion (one member
 * at a time), with the support tracked and probabilities below 1e-25 dropped at both ends; the
 * support goes into `support` as [lo, hi].
 */
export function realSpaceDistribution(
  f: Float64Array,
  groups: Group[],
  order: Int32Array,
  pz: Float64Array,
  curves: number,
  n: number,
  support: Int32Array,
): void {
  const M = f.length;
  f.fill(0);
  f[0] = 1;
  let lo = 0;
  let hi = 0;
  for (let r = 0; r < order.length; r++) {
    const g = groups[order[r]];
    const p = pz[n * curves + g.curve];
    if (p <= 0) continue;
    const w = g.weights;
    let a0 = 1 - p;
    let firstTap = 0;
    if (g.lo === 0) {
      a0 += p * w[0];
      firstTap = 1;
    }
    if (firstTap === w.length) continue; // every default lands on 0: nothing moves
    const reach = g.lo + w.length - 1;
    for (let rep = 0; rep < g.count; rep++) {
      const newHi = Math.min(M - 1, hi + reach);
      convolveMember(f, lo, hi, newHi, a0, p, g.lo, w, firstTap);
      hi = newHi;
      while (hi > lo && f[hi] < NEGLIGIBLE) f[hi--] = 0;
      while (lo < hi && f[lo] < NEGLIGIBLE) f[lo++] = 0;
    }
  }
  support[0] = lo;
  support[1] = hi;
}

/** ln k!: exact sums below 256, Stirling's series above (relative error < 1e-15). */
export const LOG_FACTORIAL_TABLE = (() => {
  const t = new Float64Array(256);
  for (let k = 2; k < 256; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIAL_TABLE[k];
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/**
 * Adds the loss of a band, D·units lattice steps with D ~ Binomial(count, p), to `out`, each mass
 * split between the two lattice points around d·units so the mean is kept (one split for the
 * band, not one per client). The pmf is walked out from the mode (ln k! at the mode) until it falls
 * below 1e-22 of its peak. Writes the touched range into `range`.
 */
export function depositBinomial(count: number, p: number, units: number, out: Float64Array, range: Int32Array): void {
  const last = out.length - 1;
  const put = (d: number, mass: number) => {
    const x = d * units;
    const k = Math.floor(x);
    const frac = x - k;
    if (k > last) return;
    out[k] += mass * (1 - frac);
    if (frac > 0 && k < last) out[k + 1] += mass * frac;
  };
  if (p >= 1) {
    put(count, 1);
    range[0] = Math.min(last, Math.floor(count * units));
    range[1] = Math.min(last, range[0] + 1);
    return;
  }
  const q = 1 - p;
  const mode = Math.min(count, Math.floor((count + 1) * p));
  const peak = Math.exp(logFactorial(count) - logFactorial(mode) - logFactorial(count - mode) + mode * Math.log(p) + (count - mode) * Math.log(q));
  const floor = peak * 1e-22;
  put(mode, peak);
  let d = mode;
  let mass = peak;
  while (d < count) {
    mass *= ((count - d) / (d + 1)) * (p / q);
    d++;
    if (mass < floor) break;
    put(d, mass);
  }
  const hi = d;
  d = mode;
  mass = peak;
  while (d > 0) {
    mass *= (d / (count - d + 1)) * (q / p);
    d--;
    if (mass < floor) break;
    put(d, mass);
  }
  range[0] = Math.min(last, Math.floor(d * units));
  range[1] = Math.min(last, Math.ceil(hi * units));
}

/** The member loss transform b(t) = Σᵢ wᵢ·e^(−2πi·t·(lo+i)/M), t = 0…M/2, into (re, im). */
export function memberTransform(g: Group, twCos: Float64Array, twSin: Float64Array, re: Float64Array, im: Float64Array): void {
  const mask = twCos.length - 1;
  const w = g.weights;
  for (let t = 0; t < re.length; t++) {
    let br = 0;
    let bi = 0;
    let idx = (t * g.lo) & mask;
    for (let i = 0; i < w.length; i++) {
      br += w[i] * twCos[idx];
      bi += w[i] * twSin[idx];
      idx = (idx + t) & mask;
    }
    re[t] = br;
    im[t] = bi;
  }
}

/** (re, im) ← (re, im)·(1 − p + p·b(t))^count by repeated squaring, 0 where |·|^count underflows. */
export function multiplyGroupPower(re: Float64Array, im: Float64Array, bRe: Float64Array, bIm: Float64Array, p: number, count: number): void {
  const floor2 = Math.exp(-1400 / count);
  for (let t = 0; t < re.length; t++) {
    let ar = 1 - p + p * bRe[t];
    let ai = p * bIm[t];
    let rr = 1;
    let ri = 0;
    if (ar * ar + ai * ai < floor2) {
      rr = 0;
    } else {
      let e = count;
      for (;;) {
        if (e & 1) {
          const x = rr * ar - ri * ai;
          ri = rr * ai + ri * ar;
          rr = x;
        }
        e >>>= 1;
        if (e === 0) break;
        const x = ar * ar - ai * ai;
        ai = 2 * ar * ai;
        ar = x;
      }
    }
    const xr = re[t];
    const xi = im[t];
    re[t] = xr * rr - xi * ri;
    im[t] = xr * ri + xi * rr;
  }
}

/** Everything a node's conditional distribution needs; one per call of lossDistribution. */
export class ConditionalBook {
  readonly M: number;
  readonly half: number;
  readonly plan: FftPlan;
  readonly twCos: Float64Array;
  readonly twSin: Float64Array;
  readonly work: Float64Array;
  readonly support = new Int32Array(2);
  readonly scratchRe: Float64Array;
  readonly scratchIm: Float64Array;
  readonly realOrder: Int32Array;
  readonly fourierOrder: Int32Array;
  /** The bands split as a whole (a subset of the Fourier groups). */
  readonly bandOrder: Int32Array;
  /** Member transforms of the Fourier groups (re and im per group), or null when they would not fit 32 MB. */
  readonly transforms: Float64Array | null;
  readonly bRe: Float64Array;
  readonly bIm: Float64Array;
  /** Deposit array of a band split as a whole, and its touched range. */
  readonly band: Float64Array;
  readonly bandRange = new Int32Array(2);

  constructor(
    readonly groups: Group[],
    readonly pz: Float64Array,
    readonly curves: number,
    points: number,
  ) {
    this.M = points;
    this.half = points >> 1;
    this.plan = fftPlan(this.half);
    this.twCos = new Float64Array(points);
    this.twSin = new Float64Array(points);
    for (let m = 0; m < points; m++) {
      this.twCos[m] = Math.cos((2 * Math.PI * m) / points);
      this.twSin[m] = -Math.sin((2 * Math.PI * m) / points);
    }
    this.work = new Float64Array(points);
    this.scratchRe = new Float64Array(this.half);
    this.scratchIm = new Float64Array(this.half);
    const real = groups.map((_, i) => i).filter((i) => !groups[i].fourier);
    real.sort((a, b) => groups[a].lo + groups[a].weights.length - (groups[b].lo + groups[b].weights.length)); // small steps first: the support grows slowest
    this.realOrder = Int32Array.from(real);
    this.fourierOrder = Int32Array.from(groups.map((_, i) => i).filter((i) => groups[i].fourier));
    this.bandOrder = Int32Array.from(groups.map((_, i) => i).filter((i) => groups[i].aggregate));
    this.band = new Float64Array(points);
    const F = this.fourierOrder.length;
    this.bRe = new Float64Array(this.half + 1);
    this.bIm = new Float64Array(this.half + 1);
    this.transforms = F * (this.half + 1) * 16 <= 32 * 2 ** 20 ? new Float64Array(F * 2 * (this.half + 1)) : null;
    if (this.transforms) {
      for (let f = 0; f < F; f++) {
        if (groups[this.fourierOrder[f]].aggregate) continue; // deposited as a whole, never transformed member-wise
        memberTransform(groups[this.fourierOrder[f]], this.twCos, this.twSin, this.bRe, this.bIm);
        this.transforms.set(this.bRe, 2 * f * (this.half + 1));
        this.transforms.set(this.bIm, (2 * f + 1) * (this.half + 1));
      }
    }
  }

  get usesFourier(): boolean {
    return this.fourierOrder.length > 0;
  }

  /** Real-space part of node n into `work`; support in `support`. */
  realSpace(n: number): Float64Array {
    realSpaceDistribution(this.work, this.groups, this.realOrder, this.pz, this.curves, n, this.support);
    return this.work;
  }

  /** The lattice distribution of aggregate group gi at node n, in `band` (zero outside `bandRange`). */
  bandDistribution(n: number, gi: number): Float64Array {
    const g = this.groups[gi];
    this.band.fill(0, this.bandRange[0], this.bandRange[1] + 1);
    depositBinomial(g.count, this.pz[n * this.curves + g.curve], g.units, this.band, this.bandRange);
    return this.band;
  }

  /** Doubles per node of `parts`: the base spectrum and each band's, re and im, M/2 + 1 each. */
  get partsLength(): number {
    return (1 + this.bandOrder.length) * 2 * (this.half + 1);
  }

  /**
   * The spectra of node n in `out`: first the base (real-space groups × the Fourier groups taken
   * member by member), then each band split as a whole. Their product is the node's spectrum;
   * leaving one band out gives the rest of the book for that band's contribution.
   */
  parts(n: number, out: Float64Array): void {
    const h1 = this.half + 1;
    const re = out.subarray(0, h1);
    const im = out.subarray(h1, 2 * h1);
    this.realSpace(n);
    if (this.support[0] === 0 && this.support[1] === 0) {
      re.fill(this.work[0]); // a point mass at 0 has a flat spectrum
      im.fill(0);
    } else realFft(this.plan, this.work, re, im, this.scratchRe, this.scratchIm);
    for (let f = 0; f < this.fourierOrder.length; f++) {
      const g = this.groups[this.fourierOrder[f]];
      const p = this.pz[n * this.curves + g.curve];
      if (p <= 0 || g.aggregate) continue;
      let bRe = this.bRe;
      let bIm = this.bIm;
      if (this.transforms) {
        bRe = this.transforms.subarray(2 * f * h1, (2 * f + 1) * h1);
        bIm = this.transforms.subarray((2 * f + 1) * h1, (2 * f + 2) * h1);
      } else memberTransform(g, this.twCos, this.twSin, bRe, bIm);
      multiplyGroupPower(re, im, bRe, bIm, p, g.count);
    }
    for (let b = 0; b < this.bandOrder.length; b++) {
      const bandRe = out.subarray((2 + 2 * b) * h1, (3 + 2 * b) * h1);
      const bandIm = out.subarray((3 + 2 * b) * h1, (4 + 2 * b) * h1);
      this.bandDistribution(n, this.bandOrder[b]);
      realFft(this.plan, this.band, bandRe, bandIm, this.scratchRe, this.scratchIm);
    }
  }

  /** The product of a node's parts, leaving out band number `skip` (−1: none), into (re, im). */
  combine(parts: Float64Array, skip: number, re: Float64Array, im: Float64Array): void {
    const h1 = this.half + 1;
    re.set(parts.subarray(0, h1));
    im.set(parts.subarray(h1, 2 * h1));
    for (let b = 0; b < this.bandOrder.length; b++) {
      if (b === skip) continue;
      const o = (2 + 2 * b) * h1;
      for (let t = 0; t < h1; t++) {
        const xr = re[t];
        const xi = im[t];
        const br = parts[o + t];
        const bi = parts[o + h1 + t];
        re[t] = xr * br - xi * bi;
        im[t] = xr * bi + xi * br;
      }
    }
  }
}
