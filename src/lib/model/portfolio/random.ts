/**
 * A small, fast, seedable pseudo-random number generator for the portfolio Monte Carlo.
 *
 * Generator: sfc32, Chris Doty-Humphrey's "Small Fast Counting" generator from the
 * PractRand suite (128-bit state; a 32-bit counter guarantees a period of at least 2³²
 * from any state; passes PractRand and TestU01 BigCrush).
 *
 * Standard normals: the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat
 * Method for Generating Random Variables", Journal of Statistical Software 5(8), with
 * 128 strips, about 99% of draws costing one 32-bit integer, one comparison and one
 * multiplication. Following Doornik (2005), "An Improved Ziggurat Method to Generate
 * Normal Random Samples", the strip index (low 7 bits) and the position within the strip
 * (the other 25 bits) come from different bits of the draw, so they are independent.
 *
 * Streams: `createRng(seed, stream)` places the 32-bit seed and the 32-bit stream number
 * (a path index) into separate state words, each through the murmur3 finaliser (a
 * bijection of 32-bit integers), so two different (seed, stream) pairs never start in
 * the same state; 20 warm-up rounds then decorrelate neighbouring streams (the PractRand
 * seeding skips 12). A Monte Carlo path's numbers therefore depend only on (seed, path
 * index): splitting the paths across workers never changes a number.
 */

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

/**
 * Writes the sfc32 state of stream (seed, stream) after its warm-up into `state` (4 words).
 * @example const s = new Int32Array(4); seedState(42, 7, s); // the state of createRng(42, 7)
 */
export function seedState(seed: number, stream: number, state: Int32Array): void {
  const seedLo = seed >>> 0;
  const seedHi = Math.floor(Math.abs(seed) / TWO_POW_32) >>> 0;
  const streamLo = stream >>> 0;
  const streamHi = Math.floor(Math.abs(stream) / TWO_POW_32) >>> 0;
  let a = fmix32(seedHi ^ Math.imul(streamHi, 0x9e3779b9) ^ 0x6a09e667) | 0;
  let b = fmix32(seedLo) | 0;
  let c = fmix32(streamLo ^ 0xbb67ae85) | 0;
  let d = 1;
  let t = 0;
  for (let i = 0; i < 20; i++) {
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/**
 * Fills out[0..count) with standard normals (ziggurat) drawn from the sfc32 state, which
 * is updated in place. Normals are drawn one at a time, so filling n numbers gives the
 * same numbers as n calls of PortfolioRng.normal() on the same state. The generator lives
 * in local variables: this is the Monte Carlo hot loop.
 * @example const s = new Int32Array(4); seedState(42, 7, s); const z = new Float64Array(720); fillNormals(s, z, 720);
 */
export function fillNormals(state: Int32Array, out: Float64Array, count: number): void {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  let t = 0;
  for (let k = 0; k < count; k++) {
    let value = 0;
    for (;;) {
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const iz = t & 127;
      const hz = t >> 7;
      if ((hz < 0 ? -hz : hz) < ZIG_KN[iz]) {
        value = hz * ZIG_WN[iz];
        break;
      }
      // Slow path (about 1% of draws): the tail beyond R, or the wedge of a strip.
      const x = hz * ZIG_WN[iz];
      if (iz === 0) {
        let xt = 0;
        let y = 0;
        do {
          t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (c << 21) | (c >>> 11);
          c = (c + t) | 0;
          xt = -Math.log(((t >>> 0) + 0.5) / TWO_POW_32) / ZIG_R;
          t = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (c << 21) | (c >>> 11);
          c = (c + t) | 0;
          y = -Math.log(((t >>> 0) + 0.5) / TWO_POW_32);
        } while (y + y < xt * xt);
        value = hz > 0 ? ZIG_R + xt : -ZIG_R - xt;
        break;
      }
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const u = ((t >>> 0) + 0.5) / TWO_POW_32;
      if (ZIG_FN[iz] + u * (ZIG_FN[iz - 1] - ZIG_FN[iz]) < Math.exp(-0.5 * x * x)) {
        value = x;
        break;
      }
    }
    out[k] = value;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/**
 * One independent stream of uniform and normal variates.
 * @example new PortfolioRng(42, 7).uniform() // the same number on every run
 */
export class PortfolioRng {
  private readonly state = new Int32Array(4);
  private readonly one = new Float64Array(1);

  constructor(seed: number, stream = 0) {
    seedState(seed, stream, this.state);
  }

  /** The next 32-bit unsigned integer (sfc32 step). */
  nextUint32(): number {
    const s = this.state;
    let a = s[0];
    let b = s[1];
    let c = s[2];
    let d = s[3];
    let t = 0;
    t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform on [0, 1) with 53 bits of resolution (two draws). */
  uniform53(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A standard normal variate (ziggurat). */
  normal(): number {
    fillNormals(this.state, this.one, 1);
    return this.one[0];
  }

  /** Fills `out` with standard normals (faster than calling normal() repeatedly). */
  fillNormals(out: Float64Array, count = out.length): void {
    fillNormals(this.state, out, count);
  }
}

/**
 * A reproducible stream of random numbers for (seed, stream).
 * @param seed any integer (its low 32 bits and the next 32 bits are used)
 * @param stream stream number, e.g. the Monte Carlo path index (default 0)
 * @example const rng = createRng(42, 7); rng.normal(); // same value on every run and in every worker
 */
export function createRng(seed: number, stream = 0): PortfolioRng {
  return new PortfolioRng(seed, stream);
}
