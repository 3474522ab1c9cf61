/**
 * The model's one source of random numbers (docs/reference-model.md §7): every Monte Carlo (the multi-year
 * simulation, the loss Monte Carlo, the client-portfolio paths) draws from here.
 *
 * Generator: sfc32, Chris Doty-Humphrey's "Small Fast Counting" generator from the PractRand
 * suite (128-bit state; a 32-bit counter guarantees a period of at least 2³² from any state;
 * passes PractRand and TestU01 BigCrush). Its state lives in an Int32Array: closure variables
 * holding 32-bit unsigned values are boxed by V8 (about 40–60 ns a draw), typed-array state is
 * not (a few ns). One object can be reseeded per path without allocating.
 *
 * Streams: `createRng(seed, stream)` places the seed (its low and high 32 bits) and the stream
 * number (a path index) into separate state words, each through the murmur3 finaliser (a
 * bijection of 32-bit integers), so two different (seed, stream) pairs never start in the same
 * state; 20 warm-up rounds then decorrelate neighbouring streams (the PractRand seeding skips 12).
 * A Monte Carlo path's numbers therefore depend only on (seed, path index): splitting the paths
 * across workers never changes a number.
 *
 * Standard normals: the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat Method for
 * Generating Random Variables", Journal of Statistical Software 5(8), with 128 strips, about 99%
 * of draws costing one 32-bit integer, one comparison and one multiplication (about 6× faster
 * than the Marsaglia polar method on the same generator). Following Doornik (2005), "An Improved
 * Ziggurat Method to Generate Normal Random Samples", the strip index (low 7 bits) and the
 * position within the strip (the other 25 bits) come from different bits of the draw, so they
 * are independent.
 *
 * Binomial counts: ./binomial.ts, from the uniforms of a stream.
 */

export { binomial, binomialTerms, drawBinomial, logFactorial, setBinomialTerms, type BinomialTerms } from './binomial';

/** A source of uniforms on [0, 1). */
export interface UniformSource {
  next(): number;
}

const TWO_POW_32 = 4294967296;

/** murmur3 32-bit finaliser (Appleby): a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One sfc32 step on the state words st[0..3]; returns the 32-bit output as a signed integer
 * (`>>> 0` makes it unsigned). Small enough for V8 to inline at every call site.
 */
function sfc32(st: Int32Array): number {
  const a = st[0];
  const b = st[1];
  const c = st[2];
  const d = st[3];
  const t = (((a + b) | 0) + d) | 0;
  st[3] = (d + 1) | 0;
  st[0] = b ^ (b >>> 9);
  st[1] = (c + (c << 3)) | 0;
  st[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t;
}

// Ziggurat tables (Marsaglia & Tsang 2000, zigset for RNOR with 128 strips), scaled to a
// 25-bit signed position hz ∈ [−2²⁴, 2²⁴).
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_KN = new Float64Array(128);
const ZIG_WN = new Float64Array(128);
const ZIG_FN = new Float64Array(128);
{
  const m = 16777216; // 2^24
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  ZIG_KN[0] = (dn / q) * m;
  ZIG_KN[1] = 0;
  ZIG_WN[0] = q / m;
  ZIG_WN[127] = dn / m;
  ZIG_FN[0] = 1;
  ZIG_FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_KN[i + 1] = (dn / tn) * m;
    tn = dn;
    ZIG_FN[i] = Math.exp(-0.5 * dn * dn);
    ZIG_WN[i] = dn / m;
  }
}

/** The rare branch of the ziggurat (about 1% of draws): the tail beyond R, or the wedge of a strip. */
function zigguratSlow(st: Int32Array, iz: number, hz: number): number {
  const x = hz * ZIG_WN[iz];
  if (iz === 0) {
    let xt = 0;
    let y = 0;
    do {
      xt = -Math.log(((sfc32(st) >>> 0) + 0.5) / TWO_POW_32) / ZIG_R;
      y = -Math.log(((sfc32(st) >>> 0) + 0.5) / TWO_POW_32);
    } while (y + y < xt * xt);
    return hz > 0 ? ZIG_R + xt : -ZIG_R - xt;
  }
  const u = ((sfc32(st) >>> 0) + 0.5) / TWO_POW_32;
  return ZIG_FN[iz] + u * (ZIG_FN[iz - 1] - ZIG_FN[iz]) < Math.exp(-0.5 * x * x) ? x : NaN; // NaN: rejected, draw again
}

/** One standard normal (ziggurat) from the state st[0..3]. */
function normalFrom(st: Int32Array): number {
  for (;;) {
    const t = sfc32(st);
    const iz = t & 127;
    const hz = t >> 7;
    if ((hz < 0 ? -hz : hz) < ZIG_KN[iz]) return hz * ZIG_WN[iz];
    const v = zigguratSlow(st, iz, hz);
    if (v === v) return v;
  }
}

/**
 * Writes the sfc32 state of stream (seed, stream) after its warm-up into `state` (4 words).
 * @example const s = new Int32Array(4); seedState(42, 7, s); // the state of createRng(42, 7)
 */
export function seedState(seed: number, stream: number, state: Int32Array): void {
  const seedLo = seed >>> 0;
  const seedHi = Math.floor(Math.abs(seed) / TWO_POW_32) >>> 0;
  const streamLo = stream >>> 0;
  const streamHi = Math.floor(Math.abs(stream) / TWO_POW_32) >>> 0;
  state[0] = fmix32(seedHi ^ Math.imul(streamHi, 0x9e3779b9) ^ 0x6a09e667) | 0;
  state[1] = fmix32(seedLo) | 0;
  state[2] = fmix32(streamLo ^ 0xbb67ae85) | 0;
  state[3] = 1;
  for (let i = 0; i < 20; i++) sfc32(state);
}

/**
 * Fills out[0..count) with standard normals (ziggurat) drawn from the sfc32 state, which is
 * updated in place: the same numbers as `count` calls of Rng.normal() on that state.
 * @example const s = new Int32Array(4); seedState(42, 7, s); const z = new Float64Array(720); fillNormals(s, z, 720);
 */
export function fillNormals(state: Int32Array, out: Float64Array, count: number): void {
  for (let k = 0; k < count; k++) out[k] = normalFrom(state);
}

/**
 * One independent stream of uniform and normal variates, reseedable without allocating.
 * @example new Rng(42, 7).next() // the same number on every run and in every worker
 */
export class Rng implements UniformSource {
  private readonly state = new Int32Array(4);

  constructor(seed = 0, stream = 0) {
    seedState(seed, stream, this.state);
  }

  /** Restarts at stream `stream` of `seed` (the numbers of createRng(seed, stream)). */
  reseed(seed: number, stream: number): void {
    seedState(seed, stream, this.state);
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    return sfc32(this.state) >>> 0;
  }

  /** Uniform on [0, 1), 32 bits of resolution. */
  next(): number {
    return (sfc32(this.state) >>> 0) / TWO_POW_32;
  }

  /** A standard normal variate (ziggurat). */
  normal(): number {
    return normalFrom(this.state);
  }

  /** Fills out[0..count) with standard normals: the same numbers as `count` calls of normal(). */
  fillNormals(out: Float64Array, count = out.length): void {
    fillNormals(this.state, out, count);
  }
}

/**
 * A reproducible stream of random numbers for (seed, stream).
 * @param seed any whole number up to 2⁵³ (its low and high 32 bits are used)
 * @param stream stream number, e.g. the Monte Carlo path index (default 0)
 * @example const rng = createRng(42, 7); rng.normal(); // same value on every run and in every worker
 */
export function createRng(seed: number, stream = 0): Rng {
  return new Rng(seed, stream);
}
